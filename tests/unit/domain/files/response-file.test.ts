import fc from 'fast-check';
import { ROLES } from '@/domain/answers/answers';
import type { Diagnostic, Respondent } from '@/domain/diagnostic/diagnostic';
import { createDiagnostic } from '@/domain/diagnostic/operations';
import {
  buildResponseFile,
  parseResponseFile,
  type ParseResponseFileResult,
  type ResponseFile,
  serializeResponseFile,
} from '@/domain/files/response-file';
import {
  APPLY_STEP,
  applyResponseImport,
  applyResponseImportSteps,
  type ImportPlan,
  PLAN_STEP,
  planResponseImport,
  planResponseImportSteps,
  type ResponseFileInput,
} from '@/domain/files/response-import-plan';
import { loadGrid } from '@/domain/grid/load-grid';
import { runToEnd } from '@/domain/run-to-end';
import type { GridInput } from '@/domain/grid/schema';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

// test-grid: d-a (a1, a2 on 1–5; a3 on yesno, no "don't know"), d-b (b1, b2 on 1–5).
const gridInput = (version: string, extra: Partial<GridInput> = {}) =>
  makeGrid({
    version,
    dimensions: [
      makeDimension('d-a', ['a1', 'a2', makeItem('a3', { scale: 'yesno' })]),
      makeDimension('d-b', ['b1', 'b2']),
    ],
    ...extra,
  });

function loaded(grid: ReturnType<typeof makeGrid>) {
  const result = loadGrid(grid);
  if (!result.ok) throw new Error('fixture grid invalid');
  return { grid: result.grid, hash: result.hash, source: grid };
}

const GRID = loaded(gridInput('1.0.0'));
const GRID_V2 = loaded(gridInput('1.1.0'));
const OTHER = loaded(makeGrid({ id: 'other-grid' }));
const NOW = '2025-03-01T10:00:00.000Z';

function respondent(id: string, role: Respondent['role'], answers = {}, comments = {}): Respondent {
  return {
    id,
    role,
    pseudonym: `P-${id}`,
    answers: { 'test-grid': answers },
    comments: { 'test-grid': comments },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

function diagnostic(respondents: Respondent[] = [], id = 'diag-1'): Diagnostic {
  const base = createDiagnostic(
    {
      title: 'Atelier',
      purpose: 'workshop',
      project: { name: 'Outil', kind: 'collaboration', phase: 'deployment' },
      grids: [GRID],
    },
    { id, now: '2025-01-01T00:00:00.000Z' },
  );
  return { ...base, respondents };
}

function file(
  respondents: ResponseFile['respondents'],
  overrides: Partial<ResponseFile> = {},
): ResponseFile {
  return {
    format: 'qvt-numerique/responses',
    formatVersion: 1,
    exportedAt: NOW,
    diagnostic: { id: 'diag-1', title: 'Atelier' },
    grids: [{ id: 'test-grid', version: '1.0.0', hash: GRID.hash }],
    respondents,
    ...overrides,
  };
}

const fr = (id: string, role: Respondent['role'], answers = {}, comments = {}) => ({
  id,
  role,
  answers: { 'test-grid': answers },
  comments: { 'test-grid': comments },
});

const ok = (f: ResponseFile): ParseResponseFileResult => ({
  ok: true,
  file: f,
  source: 'responses',
});
const input = (name: string, f: ResponseFile): ResponseFileInput => ({ name, result: ok(f) });

const VALID = file([
  fr('r1', 'employee', { a1: 4, a2: 'dk' }, { 'd-a': 'Un avis; avec "guillemets"' }),
]);
const VALID_TEXT = JSON.stringify(VALID);

/** The reader's error for one content problem of a response file. */
function content(code: string, path: string, params: Record<string, string | number> = {}) {
  return {
    code: 'invalidContent',
    kind: 'responses',
    problems: [{ code, path, params }],
    total: 1,
  };
}

/** Valid JSON text of VALID with one field changed by `edit`. */
function edited(edit: (data: Record<string, unknown>) => void): string {
  const data = JSON.parse(VALID_TEXT) as Record<string, unknown>;
  edit(data);
  return JSON.stringify(data);
}

describe('parseResponseFile', () => {
  it('reads a valid file, with or without a byte-order mark', () => {
    for (const text of [VALID_TEXT, '\uFEFF' + VALID_TEXT]) {
      const result = parseResponseFile(text);
      expect(result).toEqual({ ok: true, file: VALID, source: 'responses' });
    }
  });

  it.each([
    ['not JSON', '{"format": ', { code: 'invalidJson', line: 1, column: 12 }],
    ['not JSON, second line', '{\n  "format": x', { code: 'invalidJson', line: 2, column: 13 }],
    ['an array', '[]', { code: 'wrongKind', expected: 'responses', found: null, format: '' }],
    ['a number', '42', { code: 'wrongKind', expected: 'responses', found: null, format: '' }],
    [
      'a grid file',
      '{"schemaVersion": 1, "id": "x"}',
      { code: 'wrongKind', expected: 'responses', found: 'grid', format: '' },
    ],
    [
      'a backup',
      '{"format": "qvt-numerique/backup", "formatVersion": 1}',
      { code: 'wrongKind', expected: 'responses', found: 'backup', format: 'qvt-numerique/backup' },
    ],
    [
      'another format',
      '{"format": "other/thing"}',
      { code: 'wrongKind', expected: 'responses', found: null, format: 'other/thing' },
    ],
    [
      'a newer version',
      edited((d) => (d.formatVersion = 2)),
      { code: 'unsupportedVersion', kind: 'responses', found: '2', expected: 1 },
    ],
    ['no exportedAt', edited((d) => delete d.exportedAt), content('required', 'exportedAt')],
    [
      'grids not an array',
      edited((d) => (d.grids = 'test-grid')),
      content('type', 'grids', { expected: 'array', received: 'string' }),
    ],
    ['no grid', edited((d) => (d.grids = [])), content('tooFew', 'grids', { min: 1 })],
    [
      'a hash that is not SHA-256 hex',
      edited((d) => ((d.grids as { hash: string }[])[0]!.hash = 'abc')),
      content('format', 'grids[0].hash', { value: 'abc' }),
    ],
    [
      'an unknown role',
      edited((d) => ((d.respondents as { role: string }[])[0]!.role = 'boss')),
      content('choice', 'respondents[0].role', { value: 'boss', values: ROLES.join(', ') }),
    ],
    [
      'an answer that is neither a number, dk nor na',
      edited(
        (d) =>
          ((d.respondents as { answers: Record<string, Record<string, unknown>> }[])[0]!.answers[
            'test-grid'
          ]!.a1 = 'maybe'),
      ),
      content('value', 'respondents[0].answers.test-grid.a1'),
    ],
    [
      'a pseudonym (never part of the format)',
      edited((d) => ((d.respondents as { pseudonym?: string }[])[0]!.pseudonym = 'Camille')),
      content('unknownKey', 'respondents[0]', { key: 'pseudonym' }),
    ],
    [
      'a comment over 5000 characters',
      edited(
        (d) =>
          ((d.respondents as { comments: Record<string, Record<string, string>> }[])[0]!.comments[
            'test-grid'
          ]!['d-a'] = 'x'.repeat(5001)),
      ),
      content('tooLong', 'respondents[0].comments.test-grid.d-a', { max: 5000 }),
    ],
    [
      'the same grid twice',
      edited((d) => (d.grids = [...(d.grids as unknown[]), ...(d.grids as unknown[])])),
      content('duplicate', 'grids[1].id', { value: 'test-grid' }),
    ],
    [
      'answers for a grid the file does not list',
      edited(
        (d) =>
          ((d.respondents as { answers: Record<string, unknown> }[])[0]!.answers['ghost'] = {}),
      ),
      content('undeclaredGrid', 'respondents[0].answers.ghost', { value: 'ghost' }),
    ],
    [
      '__proto__ at the root',
      VALID_TEXT.replace('{', '{"__proto__": {"polluted": true},'),
      { code: 'forbiddenKey', key: '__proto__', path: '__proto__' },
    ],
    [
      '__proto__ as an item id',
      VALID_TEXT.replace('"a1":4', '"__proto__":4,"a1":4'),
      {
        code: 'forbiddenKey',
        key: '__proto__',
        path: 'respondents[0].answers.test-grid.__proto__',
      },
    ],
    [
      '__proto__ spelled with a JSON escape, as a grid id',
      VALID_TEXT.replace('"answers":{', '"answers":{"\\u005f_proto__":{"a1":1},'),
      { code: 'forbiddenKey', key: '__proto__', path: 'respondents[0].answers.__proto__' },
    ],
    [
      'constructor as an item id',
      VALID_TEXT.replace('"a1":4', '"constructor":4,"a1":4'),
      {
        code: 'forbiddenKey',
        key: 'constructor',
        path: 'respondents[0].answers.test-grid.constructor',
      },
    ],
  ])('refuses %s with a coded error and its path', (_label, text, error) => {
    expect(parseResponseFile(text)).toEqual({ ok: false, error });
  });

  it('never pollutes Object.prototype', () => {
    parseResponseFile('{"__proto__": {"polluted": true}, "format": "qvt-numerique/responses"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a whole diagnostic file as its respondents, pseudonyms dropped', () => {
    const d = diagnostic([respondent('r9', 'manager', { a1: 2 })]);
    const result = parseResponseFile(JSON.stringify(d));
    expect(result).toEqual({
      ok: true,
      source: 'diagnostic',
      file: file([fr('r9', 'manager', { a1: 2 })], { exportedAt: '2025-01-01T00:00:00.000Z' }),
    });
    expect(JSON.stringify(result)).not.toContain('P-r9');
  });

  it('never throws, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseResponseFile(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on valid files with arbitrary JSON values patched in (property)', () => {
    const paths: (string | number)[][] = [
      ['grids', 0],
      ['respondents', 0, 'answers'],
      ['respondents', 0, 'comments', 'test-grid'],
      ['diagnostic'],
      ['respondents', 0],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const data = JSON.parse(VALID_TEXT) as Record<string | number, unknown>;
        let at: Record<string | number, unknown> = data;
        for (const segment of path.slice(0, -1))
          at = at[segment] as Record<string | number, unknown>;
        at[path[path.length - 1] as string | number] = value;
        const result = parseResponseFile(JSON.stringify(data));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('buildResponseFile and serializeResponseFile', () => {
  const d = {
    ...diagnostic([
      respondent('r1', 'employee', { a1: 1 }, { 'd-a': 'ok' }),
      respondent('r2', 'manager', { b1: 'na' }),
    ]),
    currentRespondentId: 'r2',
  };

  it('exports one respondent without pseudonym or dates', () => {
    const built = buildResponseFile(d, { exportedAt: NOW, respondentIds: ['r2'] });
    expect(built).toEqual(file([fr('r2', 'manager', { b1: 'na' })]));
    expect(serializeResponseFile(built)).not.toMatch(/pseudonym|P-r2|createdAt/);
  });

  it('exports everyone, and reads back as the same file', () => {
    const built = buildResponseFile(d, { exportedAt: NOW });
    expect(built.respondents.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(parseResponseFile(serializeResponseFile(built))).toEqual(ok(built));
  });

  it('leaves out answers kept for a grid the diagnostic no longer has', () => {
    const stray = {
      ...d,
      respondents: [
        {
          ...respondent('r1', 'other', { a1: 5 }),
          answers: { 'test-grid': { a1: 5 }, gone: { x: 1 } },
        },
      ],
    };
    expect(buildResponseFile(stray, { exportedAt: NOW }).respondents[0]?.answers).toEqual({
      'test-grid': { a1: 5 },
    });
  });

  it('round-trips any respondents (property)', () => {
    const answer = fc.oneof(
      fc.constantFrom(1, 2, 3, 4, 5),
      fc.constantFrom('dk' as const, 'na' as const),
    );
    const arbitraryRespondent = fc.record({
      id: fc.uuid(),
      role: fc.constantFrom(
        'management',
        'manager',
        'employee',
        'representative',
        'other',
      ) as fc.Arbitrary<Respondent['role']>,
      a1: fc.option(answer, { nil: undefined }),
      comment: fc.string({ maxLength: 50 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryRespondent, { selector: (r) => r.id, maxLength: 8 }),
        (list) => {
          const dd = diagnostic(
            list.map((r) =>
              respondent(
                r.id,
                r.role,
                r.a1 === undefined ? {} : { a1: r.a1 },
                r.comment ? { 'd-b': r.comment } : {},
              ),
            ),
          );
          const built = buildResponseFile(dd, { exportedAt: NOW });
          expect(parseResponseFile(serializeResponseFile(built))).toEqual(ok(built));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('planResponseImportSteps', () => {
  /** Runs the steps to the end: how many pauses, and the plan. */
  function run(steps: Generator<void, ImportPlan, void>) {
    let pauses = 0;
    for (;;) {
      const step = steps.next();
      if (step.done) return { pauses, plan: step.value };
      pauses += 1;
    }
  }
  const many = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      fr(`${prefix}${i}`, i % 2 ? 'employee' : 'manager', { a1: (i % 4) + 1 }),
    );

  it('pauses between files and every PLAN_STEP respondents, and plans as planResponseImport', () => {
    const existing = [respondent('big3', 'employee', { a1: 3 })];
    const files = [
      input('big.json', file(many('big', 2 * PLAN_STEP + 10))),
      input('small.json', file(many('small', 3))),
      input('again.json', file(many('small', 1))),
    ];
    const { pauses, plan } = run(planResponseImportSteps(diagnostic(existing), files));
    expect(plan).toEqual(planResponseImport(diagnostic(existing), files));
    // Two files after the first, and twice in each of the big file's two passes.
    expect(pauses).toBe(2 + 2 * 2);
    expect(plan.add).toHaveLength(2 * PLAN_STEP + 10 - 1 + 3);
    expect(plan.duplicates.map((d) => d.respondentId)).toEqual(['big3', 'small0']);
  });

  it('still refuses the whole batch for one bad answer after many pauses', () => {
    const respondents = many('r', 3 * PLAN_STEP);
    respondents[3 * PLAN_STEP - 1] = fr('last', 'employee', { a1: 9 });
    const { pauses, plan } = run(
      planResponseImportSteps(diagnostic(), [
        input('good.json', file(many('g', 2))),
        input('big.json', file(respondents)),
      ]),
    );
    expect(pauses).toBeGreaterThan(2);
    expect(plan.canApply).toBe(false);
    expect(plan.rejected).toEqual([
      {
        fileName: 'big.json',
        rejection: {
          code: 'invalidAnswers',
          total: 1,
          issues: [
            expect.objectContaining({ respondent: 3 * PLAN_STEP - 1, itemId: 'a1', value: '9' }),
          ],
        },
      },
    ]);
  });
});

describe('planResponseImport', () => {
  it('adds the respondents of several files, counted per role', () => {
    const plan = planResponseImport(diagnostic(), [
      input('a.json', file([fr('r1', 'employee', { a1: 1 }), fr('r2', 'employee')])),
      input('b.json', file([fr('r3', 'manager', { b2: 'dk' }), fr('r4', 'employee')])),
    ]);
    expect(plan.add.map((r) => [r.id, r.fileName])).toEqual([
      ['r1', 'a.json'],
      ['r2', 'a.json'],
      ['r3', 'b.json'],
      ['r4', 'b.json'],
    ]);
    expect(plan.roleCounts).toEqual([
      { role: 'manager', n: 1 },
      { role: 'employee', n: 3 },
    ]);
    expect(plan.files.map((f) => [f.name, f.status, f.respondents, f.added, f.skipped])).toEqual([
      ['a.json', 'ok', 2, 2, 0],
      ['b.json', 'ok', 2, 2, 0],
    ]);
    expect(plan.duplicates).toEqual([]);
    expect(plan.rejected).toEqual([]);
    expect(plan.canApply).toBe(true);
  });

  it.each([
    [
      'already in the diagnostic, same answers',
      [respondent('r1', 'employee', { a1: 1 })],
      [input('a.json', file([fr('r1', 'employee', { a1: 1 })]))],
      [
        {
          fileName: 'a.json',
          respondent: 0,
          respondentId: 'r1',
          reason: 'inDiagnostic',
          identical: true,
        },
      ],
      [],
    ],
    [
      'already in the diagnostic, other answers',
      [respondent('r1', 'employee', { a1: 1 })],
      [input('a.json', file([fr('r1', 'employee', { a1: 5 }), fr('r2', 'other')]))],
      [
        {
          fileName: 'a.json',
          respondent: 0,
          respondentId: 'r1',
          reason: 'inDiagnostic',
          identical: false,
        },
      ],
      ['r2'],
    ],
    [
      'twice in the batch, in two files',
      [],
      [
        input('a.json', file([fr('r1', 'employee', { a1: 1 })])),
        input('b.json', file([fr('r2', 'manager'), fr('r1', 'employee', { a1: 1 })])),
      ],
      [
        {
          fileName: 'b.json',
          respondent: 1,
          respondentId: 'r1',
          reason: 'inBatch',
          keptFrom: 'a.json',
          identical: true,
        },
      ],
      ['r1', 'r2'],
    ],
    [
      'twice in one file, the second with other answers',
      [],
      [input('a.json', file([fr('r1', 'employee', { a1: 1 }), fr('r1', 'employee', { a1: 2 })]))],
      [
        {
          fileName: 'a.json',
          respondent: 1,
          respondentId: 'r1',
          reason: 'inBatch',
          keptFrom: 'a.json',
          identical: false,
        },
      ],
      ['r1'],
    ],
  ])('skips a respondent %s, and says so', (_label, existing, files, duplicates, added) => {
    const plan = planResponseImport(diagnostic(existing), files);
    expect(plan.duplicates).toEqual(duplicates);
    expect(plan.add.map((r) => r.id)).toEqual(added);
    expect(plan.canApply).toBe(added.length > 0);
    expect(plan.files.reduce((sum, f) => sum + f.skipped, 0)).toBe(duplicates.length);
  });

  it('refuses a file whose grid has the same id but another content, never mixing versions', () => {
    const v2 = file([fr('r5', 'employee', { a1: 3 })], {
      grids: [{ id: 'test-grid', version: '1.1.0', hash: GRID_V2.hash }],
    });
    const plan = planResponseImport(diagnostic(), [
      input('good.json', file([fr('r1', 'employee')])),
      input('v2.json', v2),
    ]);
    const mismatch = {
      fileName: 'v2.json',
      gridId: 'test-grid',
      fileVersion: '1.1.0',
      fileHash: GRID_V2.hash,
      diagnosticVersion: '1.0.0',
      diagnosticHash: GRID.hash,
    };
    expect(plan.mismatches).toEqual([mismatch]);
    expect(plan.rejected).toEqual([
      { fileName: 'v2.json', rejection: { code: 'gridVersionMismatch', mismatches: [mismatch] } },
    ]);
    expect(plan.files[1]).toMatchObject({
      name: 'v2.json',
      status: 'rejected',
      respondents: 1,
      added: 0,
    });
    expect(plan.add.map((r) => r.id)).toEqual(['r1']);
    expect(plan.canApply).toBe(false);
  });

  it('refuses a file with no grid in common', () => {
    const plan = planResponseImport(diagnostic(), [
      input(
        'x.json',
        file([fr('r1', 'employee')], {
          grids: [{ id: 'other-grid', version: '1.0.0', hash: OTHER.hash }],
          respondents: [
            { id: 'r1', role: 'employee', answers: { 'other-grid': { a1: 1 } }, comments: {} },
          ],
        }),
      ),
    ]);
    expect(plan.rejected).toEqual([
      { fileName: 'x.json', rejection: { code: 'noCommonGrid', gridIds: ['other-grid'] } },
    ]);
    expect(plan.canApply).toBe(false);
  });

  it('keeps the common grids of a file and says which grids are left out', () => {
    const plan = planResponseImport(diagnostic(), [
      input(
        'x.json',
        file([], {
          diagnostic: { id: 'elsewhere', title: 'Autre atelier' },
          grids: [
            { id: 'test-grid', version: '1.0.0', hash: GRID.hash },
            { id: 'other-grid', version: '1.0.0', hash: OTHER.hash },
          ],
          respondents: [
            {
              id: 'r1',
              role: 'employee',
              answers: { 'test-grid': { a1: 2 }, 'other-grid': { a1: 1 } },
              comments: { 'other-grid': { 'd-a': 'hors grille' } },
            },
          ],
        }),
      ),
    ]);
    expect(plan.files[0]?.warnings).toEqual([
      { code: 'otherDiagnostic', title: 'Autre atelier' },
      { code: 'ignoredGrids', gridIds: ['other-grid'] },
    ]);
    expect(plan.add).toEqual([
      {
        id: 'r1',
        role: 'employee',
        answers: { 'test-grid': { a1: 2 } },
        comments: {},
        fileName: 'x.json',
      },
    ]);
    expect(plan.canApply).toBe(true);
  });

  it('refuses a file with answers the grid does not accept, listing them', () => {
    const plan = planResponseImport(diagnostic(), [
      input(
        'bad.json',
        file([
          fr('r1', 'employee', { a1: 9, zz: 1 }),
          fr('r2', 'employee', { a3: 'dk' }, { 'd-zz': 'x' }),
        ]),
      ),
    ]);
    expect(plan.rejected).toEqual([
      {
        fileName: 'bad.json',
        rejection: {
          code: 'invalidAnswers',
          total: 4,
          issues: [
            { respondent: 0, gridId: 'test-grid', itemId: 'a1', code: 'notOnScale', value: '9' },
            { respondent: 0, gridId: 'test-grid', itemId: 'zz', code: 'unknownItem', value: '1' },
            {
              respondent: 1,
              gridId: 'test-grid',
              itemId: 'a3',
              code: 'dontKnowNotAllowed',
              value: 'dk',
            },
            {
              respondent: 1,
              gridId: 'test-grid',
              itemId: 'd-zz',
              code: 'unknownDimension',
              value: '',
            },
          ],
        },
      },
    ]);
    expect(plan.add).toEqual([]);
  });

  it('does not check again the answers of a file built from a survey CSV (read off the same grids)', () => {
    // Only a survey CSV's reader makes such a file, and every answer it gives is on a scale
    // (tests/unit/features/workshop/csv-columns-read.property.test.ts): an off-scale answer
    // here shows the check is skipped, not that the import accepts one.
    const built = file([fr('r1', 'employee', { a1: 9 })]);
    const survey = planResponseImport(diagnostic(), [
      { name: 'campagne.csv', result: { ok: true, file: built, source: 'survey' } },
    ]);
    expect(survey.rejected).toEqual([]);
    expect(survey.add.map((r) => r.id)).toEqual(['r1']);
    const same = planResponseImport(diagnostic(), [input('r.json', built)]);
    expect(same.rejected.map((r) => r.rejection.code)).toEqual(['invalidAnswers']);
  });

  it('reports a file that could not be read, and blocks the batch', () => {
    const plan = planResponseImport(diagnostic(), [
      input('good.json', file([fr('r1', 'employee')])),
      { name: 'broken.json', result: { ok: false, error: { code: 'invalidJson' } } },
    ]);
    expect(plan.files.map((f) => [f.name, f.status])).toEqual([
      ['good.json', 'ok'],
      ['broken.json', 'rejected'],
    ]);
    expect(plan.rejected[0]?.rejection).toEqual({
      code: 'unreadableFile',
      error: { code: 'invalidJson' },
    });
    expect(plan.canApply).toBe(false);
  });

  it('flags a diagnostic file read as responses', () => {
    const d = diagnostic([respondent('r7', 'other')], 'diag-1');
    const plan = planResponseImport(diagnostic(), [
      { name: 'd.json', result: parseResponseFile(JSON.stringify(d)) },
    ]);
    expect(plan.files[0]?.warnings).toEqual([{ code: 'diagnosticFile' }]);
    expect(plan.add.map((r) => r.id)).toEqual(['r7']);
  });
});

describe('applyResponseImport', () => {
  const before = diagnostic([respondent('r0', 'manager', { a1: 1 })]);
  const plan = planResponseImport(before, [
    input(
      'a.json',
      file([fr('r1', 'employee', { a1: 4 }, { 'd-a': 'oui' }), fr('r2', 'employee')]),
    ),
  ]);

  it('adds every planned respondent at once, dated now, without pseudonym', () => {
    const result = applyResponseImport(before, plan, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.added).toBe(2);
    expect(result.diagnostic.updatedAt).toBe(NOW);
    expect(result.diagnostic.respondents.map((r) => r.id)).toEqual(['r0', 'r1', 'r2']);
    expect(result.diagnostic.respondents[1]).toEqual({
      id: 'r1',
      role: 'employee',
      answers: { 'test-grid': { a1: 4 } },
      comments: { 'test-grid': { 'd-a': 'oui' } },
      createdAt: NOW,
      updatedAt: NOW,
    });
    // The input diagnostic is untouched.
    expect(before.respondents.map((r) => r.id)).toEqual(['r0']);
  });

  it('in steps (a pause every APPLY_STEP respondents copied), gives the same diagnostic', () => {
    const many = Array.from({ length: 2 * APPLY_STEP + 7 }, (_, i) =>
      fr(`m${i}`, i % 2 ? 'employee' : 'manager', { a1: (i % 5) + 1 }),
    );
    const big = planResponseImport(before, [input('big.json', file(many))]);
    const steps = applyResponseImportSteps(before, big, NOW);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBe(2);
    expect(step.value).toEqual(applyResponseImport(before, big, NOW));
    expect(step.value.ok && step.value.diagnostic.respondents).toHaveLength(1 + many.length);
    // Taken rather than copied: the same answers, the plan's own objects.
    const taken = runToEnd(applyResponseImportSteps(before, big, NOW, { take: true }));
    expect(taken).toEqual(step.value);
    expect(taken.ok && taken.diagnostic.respondents[1]!.answers).toBe(big.add[0]!.answers);
    expect(step.value.ok && step.value.diagnostic.respondents[1]!.answers).not.toBe(
      big.add[0]!.answers,
    );
  });

  it('copies the answers and comments: changing the plan afterwards changes nothing added', () => {
    const own = planResponseImport(before, [
      input('a.json', file([fr('r1', 'employee', { a1: 4 }, { 'd-a': 'oui' })])),
    ]);
    const result = applyResponseImport(before, own, NOW);
    if (!result.ok) throw new Error('not applied');
    const planned = own.add[0]!;
    (planned.answers['test-grid'] as Record<string, unknown>).a1 = 1;
    (planned.comments['test-grid'] as Record<string, string>)['d-a'] = 'non';
    expect(result.diagnostic.respondents[1]?.answers).toEqual({ 'test-grid': { a1: 4 } });
    expect(result.diagnostic.respondents[1]?.comments).toEqual({ 'test-grid': { 'd-a': 'oui' } });
  });

  it.each([
    [
      'a plan with a rejected file',
      before,
      planResponseImport(before, [
        input('a.json', file([fr('r1', 'employee')])),
        { name: 'b.json', result: { ok: false, error: { code: 'unreadable' } } },
      ]),
      'rejectedFiles',
    ],
    [
      'a plan with no one to add',
      before,
      planResponseImport(before, [input('a.json', file([fr('r0', 'manager', { a1: 1 })]))]),
      'nothingToAdd',
    ],
    [
      'a respondent added since the plan',
      { ...before, respondents: [...before.respondents, respondent('r2', 'other')] },
      plan,
      'stale',
    ],
    ['another diagnostic', { ...before, id: 'diag-2' }, plan, 'stale'],
    [
      'grids changed since the plan',
      { ...before, grids: [{ ...before.grids[0]!, hash: GRID_V2.hash }] },
      plan,
      'stale',
    ],
  ])('changes nothing for %s', (_label, target, p, code) => {
    const copy = structuredClone(target);
    expect(applyResponseImport(target, p, NOW)).toEqual({ ok: false, code });
    expect(target).toEqual(copy);
  });
});
