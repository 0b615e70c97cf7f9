import {
  buildResponseFileFromCsv,
  type ColumnTarget,
  type CsvImportOptions,
  normalizeLabel,
  remembered,
  suggestMapping,
} from '@/domain/files/csv-import';
import {
  AGREE_SCALE,
  makeDimension,
  makeGrid,
  makeItem,
  makeScale,
} from '../../../fixtures/make-grid';

// test-grid: d-a (a1 on "agree" 1–4 labelled in fr/en; a2 on yesno 0–1, no "don't know"),
// d-b (b1 on agree).
const agree = AGREE_SCALE;
const grid = makeGrid({
  scales: [agree, makeScale('yesno', [0, 1], { allowDontKnow: false })],
  dimensions: [
    makeDimension('d-a', [
      makeItem('a1', {
        scale: 'agree',
        text: { fr: 'Je peux organiser mon travail.', en: 'I can organise my work.' },
      }),
      makeItem('a2', { scale: 'yesno' }),
    ]),
    makeDimension('d-b', [makeItem('b1', { scale: 'agree' })]),
  ],
});
const HASH = 'a'.repeat(64);

const options = (overrides: Partial<CsvImportOptions> = {}): CsvImportOptions => ({
  grids: [{ grid, hash: HASH }],
  diagnostic: { id: 'd1', title: 'Atelier' },
  vocabulary: {
    roles: { employee: ['Salarié·e', 'Employee'], manager: ['Encadrement', 'Line manager'] },
    dontKnow: ['Je ne sais pas', 'Don’t know'],
    notApplicable: ['Non concerné', 'Not applicable'],
  },
  exportedAt: '2025-03-01T00:00:00.000Z',
  ...overrides,
});

const item = (itemId: string): ColumnTarget => ({ kind: 'item', gridId: 'test-grid', itemId });
const ROLE: ColumnTarget = { kind: 'role' };
const IGNORE: ColumnTarget = { kind: 'ignore' };

describe('normalizeLabel', () => {
  it.each([
    ['  Plutôt  D’accord ', "plutot d'accord"],
    ["Tout à fait d'accord.", "tout a fait d'accord"],
    ['Rôle :', 'role'],
    ['« Oui »', '"oui"'],
  ])('normalizes %j to %j', (text, expected) => {
    expect(normalizeLabel(text)).toBe(expected);
  });
});

describe('remembered', () => {
  it('reads each distinct text once and gives the same answer every time', () => {
    const seen: string[] = [];
    const read = remembered((raw: string) => {
      seen.push(raw);
      return raw === 'x' ? null : raw.length;
    });
    expect(['ab', 'x', 'ab', 'x', 'abc', 'ab'].map(read)).toEqual([2, null, 2, null, 3, 2]);
    expect(seen).toEqual(['ab', 'x', 'abc']);
  });
});

describe('suggestMapping', () => {
  it('recognises the role, ids, grid.item ids and question texts (numbered or not)', () => {
    expect(
      suggestMapping(
        [
          'Horodateur',
          'Rôle',
          'Q1. Je peux organiser mon travail',
          'test-grid.a2',
          'b1',
          'I can organise my work.',
          'Autre chose',
        ],
        [grid],
      ),
    ).toEqual([IGNORE, ROLE, item('a1'), item('a2'), item('b1'), IGNORE, IGNORE]);
  });
});

describe('buildResponseFileFromCsv', () => {
  it('reads values, labels in any language, dk and na, skipping empty rows', () => {
    const result = buildResponseFileFromCsv(
      {
        header: ['when', 'role', 'a1', 'a2', 'b1'],
        rows: [
          ['2025-01-01', 'Salarié·e', 'Plutôt d’accord', '1', 'je ne sais pas'],
          ['2025-01-02', 'line manager', 'Strongly agree', '', 'Non concerné'],
          ['2025-01-03', 'employee', '', '', ''],
          ['2025-01-04', 'EMPLOYEE', '2', '0', '4,0'],
        ],
      },
      [IGNORE, ROLE, item('a1'), item('a2'), item('b1')],
      options(),
    );
    expect(result).toMatchObject({
      ok: true,
      respondents: 3,
      emptyRows: 1,
      file: {
        format: 'qvt-numerique/responses',
        formatVersion: 1,
        exportedAt: '2025-03-01T00:00:00.000Z',
        diagnostic: { id: 'd1', title: 'Atelier' },
        grids: [{ id: 'test-grid', version: '1.0.0', hash: HASH }],
        respondents: [
          {
            id: expect.stringMatching(/^csv-[0-9a-f]{16}-1$/),
            role: 'employee',
            answers: { 'test-grid': { a1: 3, a2: 1, b1: 'dk' } },
            comments: {},
          },
          {
            id: expect.stringMatching(/^csv-[0-9a-f]{16}-1$/),
            role: 'manager',
            answers: { 'test-grid': { a1: 4, b1: 'na' } },
            comments: {},
          },
          {
            id: expect.stringMatching(/^csv-[0-9a-f]{16}-1$/),
            role: 'employee',
            answers: { 'test-grid': { a1: 2, a2: 0, b1: 4 } },
            comments: {},
          },
        ],
      },
    });
  });

  it('derives ids from the rows: the same row keeps its id in a longer export, twins differ', () => {
    const ids = (rows: string[][]) => {
      const result = buildResponseFileFromCsv(
        { header: ['when', 'a1'], rows },
        [IGNORE, item('a1')],
        options({ defaultRole: 'other' }),
      );
      return result.ok ? result.file.respondents.map((r) => r.id) : [];
    };
    const first = ids([
      ['t1', '1'],
      ['t2', '2'],
    ]);
    const later = ids([
      ['t0', '4'],
      ['t1', '1'],
      ['t2', '2'],
      ['t1', '1'],
    ]);
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(2);
    expect(later.slice(1, 3)).toEqual(first);
    expect(later[3]).toBe(first[0]?.replace(/-1$/, '-2'));
    expect(first).not.toContain(later[0]);
  });

  it('reads every cell of a long export the same way, repeated labels and all', () => {
    const labels = ['Plutôt d’accord', 'TOUT À FAIT D’ACCORD', 'Je ne sais pas', '2', ''];
    const rows = Array.from({ length: 50 }, (_, r) => [
      r % 2 ? 'Encadrement' : 'Salarié·e',
      labels[r % labels.length] as string,
      String(r % 2),
    ]);
    const result = buildResponseFileFromCsv(
      { header: ['Rôle', 'a1', 'a2'], rows },
      [ROLE, item('a1'), item('a2')],
      options(),
    );
    if (!result.ok) throw new Error('not read');
    const expected = [3, 4, 'dk', 2, undefined];
    result.file.respondents.forEach((respondent, r) => {
      expect(respondent.role).toBe(r % 2 ? 'manager' : 'employee');
      const answers = respondent.answers['test-grid'];
      expect(answers?.a1).toBe(expected[r % labels.length]);
      expect(answers?.a2).toBe(r % 2);
      // Answers keep the columns' order.
      expect(Object.keys(answers ?? {})).toEqual(
        expected[r % labels.length] === undefined ? ['a2'] : ['a1', 'a2'],
      );
    });
  });

  it('gives everyone the default role when no column holds it', () => {
    const result = buildResponseFileFromCsv(
      { header: ['a1'], rows: [['1'], ['4']] },
      [item('a1')],
      options({ defaultRole: 'other' }),
    );
    expect(result.ok && result.file.respondents.map((r) => r.role)).toEqual(['other', 'other']);
  });

  it.each([
    [
      'no item column',
      { header: ['x'], rows: [['1']] },
      [IGNORE],
      { defaultRole: 'other' as const },
      [{ code: 'noItemColumn' }],
    ],
    ['no role at all', { header: ['a1'], rows: [['1']] }, [item('a1')], {}, [{ code: 'noRole' }]],
    [
      'two role columns and two columns for one item',
      { header: ['r', 'r2', 'a1', 'a1 bis'], rows: [['employee', 'employee', '1', '1']] },
      [ROLE, ROLE, item('a1'), item('a1')],
      {},
      [
        { code: 'severalRoleColumns', columns: [1, 2] },
        { code: 'duplicateItemColumn', columns: [3, 4], itemId: 'a1' },
      ],
    ],
    [
      'answers off the scale, dk where not offered and unknown roles',
      {
        header: ['role', 'a1', 'a2'],
        rows: [
          ['boss', '5', 'Je ne sais pas'],
          ['employee', 'Peut-être', '1'],
          ['', '1', '1'],
        ],
      },
      [ROLE, item('a1'), item('a2')],
      {},
      [
        { code: 'unknownAnswer', row: 2, column: 2, value: '5', itemId: 'a1' },
        { code: 'answerNotOffered', row: 2, column: 3, value: 'Je ne sais pas', itemId: 'a2' },
        { code: 'unknownRole', row: 2, column: 1, value: 'boss' },
        { code: 'unknownAnswer', row: 3, column: 2, value: 'Peut-être', itemId: 'a1' },
        { code: 'unknownRole', row: 4, column: 1, value: '' },
      ],
    ],
  ])('refuses %s, saying where', (_label, table, mapping, extra, issues) => {
    expect(buildResponseFileFromCsv(table, mapping, options(extra))).toMatchObject({
      ok: false,
      issues,
      total: issues.length,
    });
  });

  it('lists at most 10 issues with their total', () => {
    const rows = Array.from({ length: 12 }, () => ['employee', 'nope']);
    const result = buildResponseFileFromCsv(
      { header: ['role', 'a1'], rows },
      [ROLE, item('a1')],
      options(),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && [result.issues.length, result.total]).toEqual([10, 12]);
  });
});
