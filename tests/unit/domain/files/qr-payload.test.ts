import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isBundledGridFile } from '@/grid-library/grid-files';
import type { Answers } from '@/domain/answers/answers';
import {
  crc32Hex,
  decodeQrPayload,
  encodeQrPayload,
  QR_MAX_COMMENT_CHARS,
  QR_PART_SIZE,
  type QrDecodeContext,
  type QrGrid,
  type QrRespondent,
  qrProgress,
  readQrPart,
} from '@/domain/files/qr-payload';
import { parseResponseFile } from '@/domain/files/response-file';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import { makeGrid } from '../../../fixtures/make-grid';
import { HOSTILE_STRINGS, prototypeIsClean } from '../../../fixtures/fuzz';

const DIR = join(__dirname, '../../../../questionnaires');
const BUNDLED: QrGrid[] = readdirSync(DIR)
  .filter(isBundledGridFile)
  .map((file) => {
    const result = loadGrid(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
    if (!result.ok) throw new Error(`${file} invalid`);
    return {
      id: result.grid.id,
      version: result.grid.version,
      hash: result.hash,
      grid: result.grid,
    };
  });

const NOW = '2025-03-01T10:00:00.000Z';
const DIAGNOSTIC_ID = '6f1c0e2a-1b2c-4d3e-8f40-123456789abc';
const CONTEXT: QrDecodeContext = {
  diagnostic: { id: DIAGNOSTIC_ID, title: 'Atelier messagerie' },
  grids: BUNDLED,
  readAt: NOW,
};

const items = (grid: Grid) => grid.dimensions.flatMap((d) => d.items);
const scaleOf = (grid: Grid, scaleId: string) => grid.scales.find((s) => s.id === scaleId);

/** Answers every item of every grid: point `pick(i, n)`, or dk/na where offered every 7th/11th. */
function fullAnswers(pick: (i: number, n: number) => number): Record<string, Answers> {
  return Object.fromEntries(
    BUNDLED.map(({ id, grid }) => {
      const answers: Answers = {};
      items(grid).forEach((item, i) => {
        const scale = scaleOf(grid, item.scale);
        if (!scale) throw new Error('no scale');
        if (i % 7 === 3 && scale.allowDontKnow) answers[item.id] = 'dk';
        else if (i % 11 === 5 && scale.allowNotApplicable) answers[item.id] = 'na';
        else
          answers[item.id] = (scale.points[pick(i, scale.points.length)] ?? scale.points[0])!.value;
      });
      return [id, answers];
    }),
  );
}

function respondent(over: Partial<QrRespondent> = {}): QrRespondent {
  return {
    id: 'b5e0c0d2-7a41-4f0e-9d55-0c1f3c7e2a10',
    role: 'employee',
    // Shifted by one so that a bipolar item of the risks-opportunities grid takes its -2.
    answers: fullAnswers((i, n) => (i + 1) % n),
    comments: {},
    ...over,
  };
}

function encode(
  r: QrRespondent = respondent(),
  grids: readonly QrGrid[] = BUNDLED,
  partSize?: number,
) {
  const result = encodeQrPayload(
    { diagnosticId: DIAGNOSTIC_ID, grids, respondent: r },
    partSize === undefined ? {} : { partSize },
  );
  if (!result.ok) throw new Error(result.code);
  return result;
}

function decoded(parts: readonly string[], context: QrDecodeContext = CONTEXT) {
  const result = decodeQrPayload(parts, context);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function errorsOf(parts: readonly unknown[], context: QrDecodeContext = CONTEXT) {
  const result = decodeQrPayload(parts, context);
  if (result.ok) throw new Error('decoded');
  return result.errors;
}

/** Rebuilds a part with new content and a matching checksum, as a forger would. */
function forge(content: string): string {
  return `QVTQR1/${crc32Hex(content)}/1/1/${content}`;
}

describe('crc32Hex', () => {
  it('gives the standard CRC-32 check value', () => {
    expect(crc32Hex('123456789')).toBe('cbf43926');
    expect(crc32Hex('')).toBe('00000000');
  });
});

describe('encodeQrPayload / decodeQrPayload round trip', () => {
  it('carries the four bundled grids fully answered (dk and na included) in one code', () => {
    const r = respondent();
    const encoded = encode(r);
    expect(encoded.parts).toHaveLength(1);
    expect(encoded.parts[0]!.length).toBeLessThanOrEqual(QR_PART_SIZE + 30);
    expect(encoded.answered).toBe(BUNDLED.reduce((n, g) => n + items(g.grid).length, 0));
    const { file, ignoredGrids } = decoded(encoded.parts);
    expect(ignoredGrids).toEqual([]);
    expect(file.diagnostic).toEqual({ id: DIAGNOSTIC_ID, title: 'Atelier messagerie' });
    expect(file.exportedAt).toBe(NOW);
    expect(file.grids).toEqual(BUNDLED.map(({ id, version, hash }) => ({ id, version, hash })));
    expect(file.respondents).toEqual([
      { id: r.id, role: 'employee', answers: r.answers, comments: {} },
    ]);
    const values = Object.values(r.answers).flatMap((a) => Object.values(a));
    expect(values).toContain('dk');
    expect(values).toContain('na');
    expect(values).toContain(-2);
  });

  it('is read back by parseResponseFile like any response file', () => {
    const { file } = decoded(encode().parts);
    const reread = parseResponseFile(JSON.stringify(file));
    expect(reread.ok && reread.file).toEqual(file);
  });

  it('carries partial answers: unanswered items stay absent, an unanswered grid has no entry', () => {
    const [first, second] = BUNDLED as [QrGrid, QrGrid];
    const firstItems = items(first.grid);
    const answers = { [first.id]: { [firstItems[0]!.id]: 1, [firstItems[5]!.id]: 'dk' as const } };
    const { file } = decoded(encode(respondent({ answers, role: 'manager' })).parts);
    expect(file.respondents[0]!.answers).toEqual(answers);
    expect(file.respondents[0]!.role).toBe('manager');
    expect(file.respondents[0]!.answers[second.id]).toBeUndefined();
    expect(file.grids.map((g) => g.id)).toEqual(BUNDLED.map((g) => g.id));
  });

  it('carries a respondent with no answer at all', () => {
    const encoded = encode(respondent({ answers: {} }));
    expect(encoded.answered).toBe(0);
    expect(decoded(encoded.parts).file.respondents[0]!.answers).toEqual({});
  });

  it('leaves out answers the grid does not offer (unknown item, off-scale value)', () => {
    const [first] = BUNDLED as [QrGrid];
    const item = items(first.grid)[0]!;
    const answers = { [first.id]: { [item.id]: 99, ghost: 2 } };
    const encoded = encode(respondent({ answers }));
    expect(encoded.answered).toBe(0);
    expect(decoded(encoded.parts).file.respondents[0]!.answers).toEqual({});
  });

  it('carries short comments (any text, accents and line breaks kept) for known dimensions', () => {
    const [first] = BUNDLED as [QrGrid];
    const dimension = first.grid.dimensions[1]!.id;
    const comments = {
      [first.id]: { [dimension]: 'Trop de mails le soir.\n« Déconnexion » ? 100 %' },
    };
    const encoded = encode(respondent({ comments }));
    expect(encoded.commentsLeftOut).toBe(false);
    expect(encoded.parts.join('')).not.toMatch(/[^\x20-\x7e\n]/);
    expect(decoded(encoded.parts).file.respondents[0]!.comments).toEqual(comments);
  });

  it('leaves comments out, and says so, when they are too long for the codes', () => {
    const [first] = BUNDLED as [QrGrid];
    const comments = {
      [first.id]: { [first.grid.dimensions[0]!.id]: 'é'.repeat(QR_MAX_COMMENT_CHARS) },
    };
    const encoded = encode(respondent({ comments }));
    expect(encoded.commentsLeftOut).toBe(true);
    expect(decoded(encoded.parts).file.respondents[0]!.comments).toEqual({});
  });

  it('never writes the pseudonym nor any date', () => {
    const r = { ...respondent(), pseudonym: 'Camille', createdAt: NOW } as QrRespondent;
    const text = encode(r).parts.join('');
    expect(text).not.toContain('Camille');
    expect(text).not.toContain('2025');
  });

  it('splits over several codes that can be read in any order, repeats ignored', () => {
    const r = respondent();
    const encoded = encode(r, BUNDLED, 100);
    expect(encoded.parts.length).toBeGreaterThan(3);
    encoded.parts.forEach((part, i) => {
      expect(part).toMatch(
        new RegExp(`^QVTQR1/${encoded.payloadId}/${i + 1}/${encoded.parts.length}/`),
      );
    });
    const shuffled = [...encoded.parts].reverse();
    expect(decoded([...shuffled, encoded.parts[0]!]).file.respondents[0]!.answers).toEqual(
      r.answers,
    );
  });

  it('follows the reading with qrProgress', () => {
    const { parts } = encode(respondent(), BUNDLED, 100);
    const read = [parts[2]!, parts[0]!].map((p) => {
      const part = readQrPart(p);
      if (!part.ok) throw new Error('part');
      return part.part;
    });
    expect(qrProgress(read)).toMatchObject({ read: 2, total: parts.length, complete: false });
    expect(qrProgress(read)?.missing).toContain(2);
    expect(qrProgress([])).toBeNull();
  });

  it('refuses to encode a grid with a scale of over 36 points', () => {
    const points = Array.from({ length: 40 }, (_, i) => ({ value: i, label: { fr: `P${i}` } }));
    const loaded = loadGrid(makeGrid({ scales: [{ id: 'five', points }] }));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 2)));
    const grid = { id: loaded.grid.id, version: '1.0.0', hash: loaded.hash, grid: loaded.grid };
    expect(encodeQrPayload({ diagnosticId: 'd', grids: [grid], respondent: respondent() })).toEqual(
      { ok: false, code: 'scaleTooLong' },
    );
  });
});

describe('decodeQrPayload errors (never throws, says what is wrong)', () => {
  it('no code read', () => {
    expect(errorsOf([])).toEqual([{ code: 'empty' }]);
    expect(errorsOf([''])).toEqual([{ code: 'empty' }]);
  });

  it('a code of something else (a web address)', () => {
    expect(errorsOf(['https://example.org/'])).toEqual([{ code: 'notQrPayload' }]);
  });

  it('a newer format version', () => {
    const part = encode().parts[0]!.replace('QVTQR1/', 'QVTQR2/');
    expect(errorsOf([part])).toEqual([{ code: 'unsupportedVersion', params: { found: 2 } }]);
  });

  it('a malformed header or part number', () => {
    expect(errorsOf(['QVTQR1/zz/1/1/x'])).toEqual([{ code: 'invalidPart' }]);
    expect(errorsOf(['QVTQR1/0000abcd/3/2/x'])).toEqual([
      { code: 'invalidPart', params: { part: '3/2' } },
    ]);
  });

  it('missing parts: "2 of 3 read" and which', () => {
    const { parts } = encode(respondent(), BUNDLED, 100);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const errors = errorsOf([parts[0]!, parts[2]!]);
    expect(errors).toEqual([
      {
        code: 'missingParts',
        params: {
          read: 2,
          total: parts.length,
          missing: [2, ...Array.from({ length: parts.length - 3 }, (_, i) => i + 4)].join(', '),
        },
      },
    ]);
  });

  it('parts of two respondents mixed', () => {
    const a = encode(respondent(), BUNDLED, 100).parts;
    const b = encode(respondent({ id: 'other' }), BUNDLED, 100).parts;
    expect(errorsOf([a[0]!, b[1]!])).toEqual([{ code: 'mixedPayloads' }]);
  });

  it('a wrong checksum (a code altered or misread)', () => {
    const part = encode().parts[0]!;
    const altered = part.slice(0, -1) + (part.endsWith('1') ? '2' : '1');
    expect(errorsOf([altered])).toEqual([{ code: 'checksum' }]);
  });

  it('a grid this diagnostic does not use', () => {
    const other = encode(respondent(), BUNDLED.slice(0, 1));
    const context = { ...CONTEXT, grids: BUNDLED.slice(1) };
    expect(errorsOf(other.parts, context)).toEqual([
      { code: 'unknownGrid', params: { grid: BUNDLED[0]!.id } },
    ]);
  });

  it('grids this diagnostic does not use, beside one it does, are left out and listed', () => {
    const result = decoded(encode().parts, { ...CONTEXT, grids: BUNDLED.slice(0, 1) });
    expect(result.ignoredGrids).toEqual(BUNDLED.slice(1).map((g) => g.id));
    expect(result.file.grids.map((g) => g.id)).toEqual([BUNDLED[0]!.id]);
  });

  it('another version of a grid (content hash differs)', () => {
    const [first] = BUNDLED as [QrGrid];
    const changed = { ...first, hash: 'f'.repeat(64) };
    const parts = encode(respondent(), [changed]).parts;
    expect(errorsOf(parts, { ...CONTEXT, grids: [first] })).toEqual([
      { code: 'gridHashMismatch', params: { grid: first.id } },
    ]);
  });

  it('a value off the scale, and a wrong number of items', () => {
    const [first] = BUNDLED as [QrGrid];
    const n = items(first.grid).length;
    const head = `d x\nr y\no employee\ng ${first.id} ${first.hash.slice(0, 12)} `;
    expect(
      errorsOf([forge(head + 'Z' + '.'.repeat(n - 1))], { ...CONTEXT, grids: [first] }),
    ).toEqual([
      {
        code: 'valueOffScale',
        params: { grid: first.id, item: items(first.grid)[0]!.id, found: 'Z' },
      },
    ]);
    expect(errorsOf([forge(head + '..')], { ...CONTEXT, grids: [first] })).toEqual([
      { code: 'wrongItemCount', params: { grid: first.id, found: 2, expected: n } },
    ]);
  });

  it('"don\'t know" on a scale that does not offer it is off the scale', () => {
    const skills = BUNDLED.find((g) => g.id === 'skills')!;
    const list = items(skills.grid);
    const at = list.findIndex((item) => scaleOf(skills.grid, item.scale)?.allowDontKnow === false);
    const values = list.map((_, i) => (i === at ? 'd' : '.')).join('');
    const text = forge(`d x\nr y\no employee\ng skills ${skills.hash.slice(0, 12)} ${values}`);
    expect(errorsOf([text])).toEqual([
      { code: 'valueOffScale', params: { grid: 'skills', item: list[at]!.id, found: 'd' } },
    ]);
  });

  it('an unknown role, a malformed line, a missing field', () => {
    const [first] = BUNDLED as [QrGrid];
    const grid = `g ${first.id} ${first.hash.slice(0, 12)} ${'.'.repeat(items(first.grid).length)}`;
    expect(errorsOf([forge(`d x\nr y\no boss\n${grid}`)])).toEqual([
      { code: 'invalidRole', params: { found: 'boss' } },
    ]);
    expect(errorsOf([forge(`d x\nr y\nx what\n${grid}`)])).toEqual([
      { code: 'invalidContent', params: { line: 3 } },
    ]);
    expect(errorsOf([forge(`d x\no employee\n${grid}`)])).toEqual([
      { code: 'invalidContent', params: { line: 3 } },
    ]);
    expect(errorsOf([forge(`d %E0\nr y\no employee\n${grid}`)])).toEqual([
      { code: 'invalidContent', params: { line: 1 } },
    ]);
  });

  it('a comment on a dimension the grid does not have (such as __proto__)', () => {
    const [first] = BUNDLED as [QrGrid];
    const grid = `g ${first.id} ${first.hash.slice(0, 12)} ${'.'.repeat(items(first.grid).length)}`;
    expect(errorsOf([forge(`d x\nr y\no other\n${grid}\nc ${first.id} __proto__ hi`)])).toEqual([
      { code: 'invalidContent', params: { line: 5 } },
    ]);
    expect(prototypeIsClean()).toBe(true);
  });

  it('a code from another diagnostic with the same grids: no title (it does not travel), never the raw id', () => {
    const [first] = BUNDLED as [QrGrid];
    const grid = `g ${first.id} ${first.hash.slice(0, 12)} ${'.'.repeat(items(first.grid).length)}`;
    const result = decoded([forge(`d x\nr y\no other\n${grid}`)]);
    expect(result.file.diagnostic).toEqual({ id: 'x', title: '' });
  });
});

describe('decodeQrPayload fuzzing', () => {
  const valid = encode(respondent(), BUNDLED, 300).parts;

  const mutatedPart = fc
    .tuple(
      fc.constantFrom(...valid),
      fc.nat(),
      fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom(...HOSTILE_STRINGS)),
    )
    .map(([part, at, insert]) => {
      const i = at % (part.length + 1);
      return part.slice(0, i) + insert + part.slice(i + 1);
    });
  const forged = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'd x',
          'r y',
          'o employee',
          'o __proto__',
          'c risks-opportunities __proto__ x',
        ),
        fc.string({ maxLength: 40 }).map((s) => `g ${s}`),
        fc
          .constantFrom(...BUNDLED)
          .map((g) => `g ${g.id} ${g.hash.slice(0, 12)} ${'1'.repeat(40)}`),
        fc.string({ maxLength: 30 }),
      ),
      { maxLength: 8 },
    )
    .map((lines) => forge(lines.join('\n')));
  const texts = fc.array(
    fc.oneof(fc.string(), fc.anything(), mutatedPart, forged, fc.constantFrom(...valid)),
    { maxLength: 6 },
  );

  it('never throws: a response file or a list of coded errors, prototype untouched', () => {
    fc.assert(
      fc.property(texts, (list) => {
        const result = decodeQrPayload(list, CONTEXT);
        if (result.ok) {
          expect(parseResponseFile(JSON.stringify(result.file)).ok).toBe(true);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(typeof error.code).toBe('string');
        }
        expect(prototypeIsClean()).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('readQrPart never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = readQrPart(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
