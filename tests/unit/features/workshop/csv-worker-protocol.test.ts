import fc from 'fast-check';
import { ROLES } from '@/domain/answers/answers';
import type { ResponseFileRespondent } from '@/domain/files/response-file';
import {
  buildResponseFileFromCsv,
  type ColumnTarget,
  type CsvImportOptions,
} from '@/domain/files/csv-import';
import { checkCsvMapping } from '@/domain/files/csv-import';
import {
  createCsvWorkerHandler,
  csvBuilder,
  type CsvWorkerRequest,
  type CsvWorkerResponse,
  packRespondents,
  RESPONDENTS_PER_MESSAGE,
  toCheck,
  UNREADABLE,
  unpackRespondents,
} from '@/features/workshop/import/csv-worker-protocol';
import {
  assembleBuilt,
  openCsvSource,
  UnreadableCsvError,
} from '@/features/workshop/import/csv-source';
import { AGREE_SCALE, makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

const agree = AGREE_SCALE;
const grid = makeGrid({
  scales: [agree],
  dimensions: [makeDimension('d-a', [makeItem('a1', { scale: 'agree' }), makeItem('a2')])],
});

const options = (overrides: Partial<CsvImportOptions> = {}): CsvImportOptions => ({
  grids: [{ grid, hash: 'a'.repeat(64) }],
  diagnostic: { id: 'd1', title: 'Atelier' },
  vocabulary: {
    roles: { employee: ['Salarié·e'], manager: ['Encadrement'] },
    dontKnow: ['Je ne sais pas'],
    notApplicable: ['Non concerné'],
  },
  exportedAt: '2025-03-01T00:00:00.000Z',
  ...overrides,
});

const mapping: ColumnTarget[] = [
  { kind: 'ignore' },
  { kind: 'role' },
  { kind: 'item', gridId: 'test-grid', itemId: 'a1' },
  { kind: 'item', gridId: 'test-grid', itemId: 'a2' },
];
const rows = [
  ['2025-01-01', 'Salarié·e', 'Plutôt d’accord', '2'],
  ['2025-01-02', 'Encadrement', '4', ''],
  ['2025-01-03', 'Salarié·e', '', ''],
  ['2025-01-04', 'Salarié·e', 'Tout à fait d’accord', '1'],
  ['2025-01-01', 'Salarié·e', 'Plutôt d’accord', '2'],
];
const header = ['Horodateur', 'Rôle', 'a1', 'a2'];
const text = [header, ...rows].map((row) => row.join(';')).join('\r\n');

/** A worker's handler, with every message cloned as postMessage clones it. */
function worker() {
  const out: CsvWorkerResponse[] = [];
  const handle = createCsvWorkerHandler((message) => out.push(structuredClone(message)));
  return {
    send: (request: CsvWorkerRequest) => {
      void handle(structuredClone(request));
      return out.pop();
    },
    out,
  };
}

/** A file whose reading fails, as a file removed since it was chosen. */
const lostFile = {
  size: 10,
  text: () => Promise.reject(new Error('NotReadableError')),
} as unknown as Blob;

/** The page's side: the `built` message with the respondents of the parts before it. */
function assembled(messages: (CsvWorkerResponse | undefined)[]) {
  const last = messages.at(-1);
  if (last?.type !== 'built') return last;
  const parts = messages.flatMap((m) =>
    m?.type === 'built-part' ? ['packed' in m ? unpackRespondents(m.packed) : m.respondents] : [],
  );
  return { ...last, result: assembleBuilt(last.result, parts) };
}

describe('the CSV worker protocol', () => {
  it('sends a large response file in parts, in order, put back together as built', () => {
    const many = Array.from({ length: 2 * RESPONDENTS_PER_MESSAGE + 100 }, (_, i) => [
      `2025-01-${i}`,
      i % 2 ? 'Salarié·e' : 'Encadrement',
      String((i % 4) + 1),
      '',
    ]);
    const out: CsvWorkerResponse[] = [];
    const handle = createCsvWorkerHandler((message) => out.push(structuredClone(message)));
    void handle({
      type: 'parse',
      text: [header, ...many].map((row) => row.join(';')).join('\n'),
    });
    out.length = 0;
    void handle({ type: 'build', id: 5, want: 'file', mapping, options: options() });
    expect(
      out.map((m) =>
        m.type === 'built-part' ? ('packed' in m ? m.packed.ids : m.respondents).length : m.type,
      ),
    ).toEqual([RESPONDENTS_PER_MESSAGE, RESPONDENTS_PER_MESSAGE, 100, 'built']);
    expect(assembled(out)).toEqual({
      type: 'built',
      id: 5,
      result: buildResponseFileFromCsv({ header, rows: many }, mapping, options()),
    });
  });

  it("packs a survey CSV's parts in typed arrays, transferred", () => {
    const many = Array.from({ length: 30 }, (_, i) => [
      `2025-01-${i}`,
      'Salarié·e',
      i % 3 ? 'Je ne sais pas' : String((i % 4) + 1),
      i % 2 ? '' : 'Non concerné',
    ]);
    const sent: { message: CsvWorkerResponse; transfer?: Transferable[] }[] = [];
    const handle = createCsvWorkerHandler((message, transfer) => sent.push({ message, transfer }));
    void handle({ type: 'parse', text: [header, ...many].map((row) => row.join(';')).join('\n') });
    sent.length = 0;
    void handle({ type: 'build', id: 2, want: 'file', mapping, options: options() });
    const part = sent[0]!;
    expect(part.message.type === 'built-part' && 'packed' in part.message).toBe(true);
    if (part.message.type !== 'built-part' || !('packed' in part.message)) return;
    // The mapping's item columns the grids know (`a2`'s scale is not this grid's).
    expect(part.message.packed.columns).toEqual([['test-grid', 'a1']]);
    expect(part.transfer).toEqual([
      part.message.packed.kinds.buffer,
      part.message.packed.values.buffer,
    ]);
  });

  it('unpacks what it packs, the same respondents (property)', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -2, max: 5 }),
      fc.constantFrom<'dk' | 'na'>('dk', 'na'),
    );
    const answers = fc.dictionary(
      fc.constantFrom('g1', 'g2'),
      fc.dictionary(fc.constantFrom('i1', 'i2', 'i3'), value, { minKeys: 1 }),
    );
    const respondent = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      role: fc.constantFrom(...ROLES),
      answers,
      comments: fc.constant({}),
    });
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 20 }), (list) => {
        const packed = packRespondents(list as ResponseFileRespondent[], [['g2', 'i3']]);
        expect(packed).not.toBeNull();
        expect(unpackRespondents(structuredClone(packed!))).toEqual(list);
      }),
    );
  });

  it('sends as they are respondents the packing does not carry (a comment, an empty grid)', () => {
    const base = { id: 'r1', role: 'employee' as const, answers: { g: { i: 1 } }, comments: {} };
    expect(packRespondents([{ ...base, comments: { g: { d: 'texte' } } }])).toBeNull();
    expect(packRespondents([{ ...base, answers: { g: {} } }])).toBeNull();
    expect(packRespondents([{ ...base, pseudonym: 'A' } as ResponseFileRespondent])).toBeNull();
    expect(packRespondents([base])).not.toBeNull();
  });

  it('sends a failed build whole, with no part, and assembling leaves it as is', () => {
    const failed = {
      ok: false as const,
      issues: [{ code: 'noRole' as const }],
      total: 1,
      summary: { rows: 0, complete: 0, incomplete: 0, leftOut: 0 },
      roleValues: [],
      unknownAnswers: [],
    };
    expect(assembleBuilt(failed, [])).toBe(failed);
    const out: CsvWorkerResponse[] = [];
    const handle = createCsvWorkerHandler((message) => out.push(message));
    void handle({ type: 'parse', text });
    out.length = 0;
    const withoutRole = mapping.map((t) => (t.kind === 'role' ? { kind: 'ignore' as const } : t));
    void handle({ type: 'build', id: 6, want: 'file', mapping: withoutRole, options: options() });
    expect(out).toMatchObject([
      { type: 'built', id: 6, result: { ok: false, issues: [{ code: 'noRole' }], total: 1 } },
    ]);
  });

  it('sends parts as it reads; a bad cell after them fails the build, and the page drops the parts', () => {
    const many = Array.from({ length: RESPONDENTS_PER_MESSAGE + 10 }, (_, i) => [
      `2025-01-${i}`,
      'Salarié·e',
      i === RESPONDENTS_PER_MESSAGE + 5 ? 'Peut-être' : String((i % 4) + 1),
      '',
    ]);
    const out: CsvWorkerResponse[] = [];
    const handle = createCsvWorkerHandler((message) => out.push(structuredClone(message)));
    void handle({ type: 'parse', text: [header, ...many].map((row) => row.join(';')).join('\n') });
    out.length = 0;
    void handle({ type: 'build', id: 9, want: 'file', mapping, options: options() });
    expect(out.map((m) => m.type)).toEqual(['built-part', 'built-part', 'built']);
    const last = assembled(out);
    expect(last).toMatchObject({
      type: 'built',
      id: 9,
      result: {
        ok: false,
        total: 1,
        issues: [{ code: 'unknownAnswer', row: RESPONDENTS_PER_MESSAGE + 7, value: 'Peut-être' }],
      },
    });
    expect(last && 'result' in last && 'file' in last.result).toBe(false);
  });

  it('reads a chosen file itself (byte order mark dropped), then answers as for text', async () => {
    const out: CsvWorkerResponse[] = [];
    const handle = createCsvWorkerHandler((message) => out.push(message));
    await handle({ type: 'parse', file: new Blob([`\uFEFF${text}`]) });
    expect(out).toEqual([{ type: 'parsed', header, preview: rows.slice(0, 3), rowCount: 5 }]);
    await handle({ type: 'build', id: 4, want: 'check', mapping, options: options() });
    expect(out[1]).toMatchObject({
      type: 'checked',
      id: 4,
      result: { ok: true, respondents: 4, emptyRows: 1 },
    });
  });

  it('answers `unreadable` for a file that cannot be read, and keeps no table', async () => {
    const out: CsvWorkerResponse[] = [];
    const handle = createCsvWorkerHandler((message) => out.push(message));
    await handle({ type: 'parse', file: lostFile });
    expect(out).toEqual([{ type: 'error', message: UNREADABLE }]);
    await handle({ type: 'build', id: 1, want: 'check', mapping, options: options() });
    expect(out[1]).toEqual({ type: 'error', id: 1, message: 'no table' });
  });

  it('keeps the rows and answers the header, the first rows and the count', () => {
    const w = worker();
    expect(w.send({ type: 'parse', text })).toEqual({
      type: 'parsed',
      header,
      preview: rows.slice(0, 3),
      rowCount: 5,
    });
  });

  it('checks a mapping, then gives its response file, as the pure function does', () => {
    const w = worker();
    w.send({ type: 'parse', text });
    const direct = buildResponseFileFromCsv({ header, rows }, mapping, options());
    expect(direct.ok).toBe(true);
    if (!direct.ok) return;
    expect(
      w.send({ type: 'build', id: 1, want: 'check', mapping, options: options() }),
    ).toMatchObject({
      type: 'checked',
      id: 1,
      result: { ok: true, respondents: 4, emptyRows: 1 },
    });
    w.out.length = 0;
    const last = w.send({ type: 'build', id: 2, want: 'file', mapping, options: options() });
    const sent = [...w.out, last];
    expect(sent.map((m) => m?.type)).toEqual(['built-part', 'built']);
    expect(last?.type === 'built' && last.result.ok && last.result.file.respondents).toEqual([]);
    expect(assembled(sent)).toEqual({ type: 'built', id: 2, result: direct });
    // Identical rows get distinct ids, as on the main thread.
    expect(direct.file.respondents.map((r) => r.id.replace(/^csv-[0-9a-f]{16}-/, ''))).toEqual([
      '1',
      '1',
      '1',
      '2',
    ]);
  });

  it('answers the issues by row and column, and a new check for new options', () => {
    const w = worker();
    w.send({ type: 'parse', text: `${text}\r\n2025-01-06;Stagiaire;Peut-être;1` });
    const checked = w.send({ type: 'build', id: 7, want: 'check', mapping, options: options() });
    expect(checked).toMatchObject({
      type: 'checked',
      id: 7,
      result: {
        ok: false,
        total: 2,
        issues: [
          {
            code: 'unknownAnswer',
            row: 7,
            column: 3,
            value: 'Peut-être',
            itemId: 'a1',
          },
          { code: 'unknownRole', row: 7, column: 2, value: 'Stagiaire' },
        ],
      },
    });
    const withoutRole = mapping.map((t) => (t.kind === 'role' ? { kind: 'ignore' as const } : t));
    const byDefault = w.send({
      type: 'build',
      id: 8,
      want: 'check',
      mapping: withoutRole,
      options: options({ defaultRole: 'manager' }),
    });
    expect(byDefault).toMatchObject({ type: 'checked', id: 8, result: { ok: false, total: 1 } });
  });

  it('answers an error, with the request id, when no CSV was split', () => {
    const w = worker();
    expect(w.send({ type: 'build', id: 3, want: 'check', mapping, options: options() })).toEqual({
      type: 'error',
      id: 3,
      message: 'no table',
    });
  });
});

describe('checking a mapping without building the file', () => {
  const table = { header, rows };
  const bad = [...rows, ['2025-01-06', 'Stagiaire', 'Peut-être', '1']];

  it('gives the counts and issues that building gives', () => {
    expect(checkCsvMapping(table, mapping, options())).toEqual(
      toCheck(buildResponseFileFromCsv(table, mapping, options())),
    );
    const failed = checkCsvMapping({ header, rows: bad }, mapping, options());
    expect(failed).toEqual(
      toCheck(buildResponseFileFromCsv({ header, rows: bad }, mapping, options())),
    );
    expect(failed.ok).toBe(false);
  });

  it('answers a check of the mapping last built from that build', () => {
    const builder = csvBuilder(table);
    const built = builder.build(mapping, options());
    expect(builder.build(mapping, options())).toBe(built);
    expect(builder.check(mapping, options())).toEqual(toCheck(built));
    const other = options({ exportedAt: '2025-04-01T00:00:00.000Z' });
    expect(builder.build(mapping, other)).not.toBe(built);
  });
});

describe('openCsvSource without Worker (the main-thread fallback)', () => {
  it('rejects with UnreadableCsvError when the file cannot be read', async () => {
    await expect(openCsvSource(lostFile)).rejects.toBeInstanceOf(UnreadableCsvError);
  });

  it('gives the same source: header, first rows, count, check and file', async () => {
    expect(typeof Worker).toBe('undefined');
    const source = await openCsvSource(new Blob([`\uFEFF${text}`], { type: 'text/csv' }));
    expect(source.header).toEqual(header);
    expect(source.preview).toEqual(rows.slice(0, 3));
    expect(source.rowCount).toBe(5);
    expect(await source.check(mapping, options())).toMatchObject({
      ok: true,
      respondents: 4,
      emptyRows: 1,
    });
    expect(await source.build(mapping, options())).toEqual(
      buildResponseFileFromCsv({ header, rows }, mapping, options()),
    );
    // Another role for everyone: a new result, not the remembered one.
    const withoutRole = mapping.map((t) => (t.kind === 'role' ? { kind: 'ignore' as const } : t));
    const built = await source.build(withoutRole, options({ defaultRole: 'manager' }));
    expect(built.ok && built.file.respondents.every((r) => r.role === 'manager')).toBe(true);
  });
});
