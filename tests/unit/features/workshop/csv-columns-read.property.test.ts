/**
 * A survey CSV kept as a column store is read column by column, each distinct text once, and a
 * response file is sent from the worker as packed parts read straight from the rows
 * (`readCsvInto`, `packingSink`): on random tables, mappings and options, both give exactly what
 * reading the rows as arrays and building the respondents as objects gives (the same check, the
 * same issues in the same order, the same respondents), and every answer read is on its scale.
 */
import fc from 'fast-check';
import { ROLES } from '@/domain/answers/answers';
import { CsvColumnStore } from '@/domain/files/csv-column-store';
import {
  buildResponseFileFromCsv,
  checkCsvMapping,
  type ColumnTarget,
  type CsvImportOptions,
} from '@/domain/files/csv-import';
import { answersValidator } from '@/domain/answers/validate-answers';
import { loadGrid } from '@/domain/grid/load-grid';
import { assembleBuilt } from '@/features/workshop/import/csv-source';
import {
  csvBuilder,
  packingSink,
  type PackedRespondents,
  unpackRespondents,
} from '@/features/workshop/import/csv-worker-protocol';
import {
  AGREE_SCALE,
  makeDimension,
  makeGrid,
  makeItem,
  TEST_SCALES,
} from '../../../fixtures/make-grid';

const loaded = loadGrid(
  makeGrid({
    scales: [AGREE_SCALE, ...TEST_SCALES],
    dimensions: [
      makeDimension('d-a', [
        makeItem('a1', { scale: 'agree' }),
        makeItem('a2', { scale: 'bipolar' }),
        makeItem('a3', { scale: 'yesno' }),
      ]),
    ],
  }),
);
if (!loaded.ok) throw new Error('test grid');
const grid = loaded.grid;
const validate = answersValidator(grid);

const options = (overrides: Partial<CsvImportOptions>): CsvImportOptions => ({
  grids: [{ grid, hash: 'a'.repeat(64) }],
  diagnostic: { id: 'd1', title: 'Campagne' },
  vocabulary: {
    roles: { employee: ['Salarié·e'] },
    dontKnow: ['Je ne sais pas'],
    notApplicable: ['Non concerné'],
  },
  exportedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

/** Cells of every kind: values on and off the scales, labels, « don't know », blanks, noise. */
const cell = fc.constantFrom(
  '',
  ' ',
  '1',
  ' 2 ',
  '3',
  '4',
  '-2',
  '0',
  '7',
  'A1',
  'Plutôt d’accord',
  'Je ne sais pas',
  'DK',
  'NA',
  'Non concerné',
  'Peut-être',
);
const roleCell = fc.constantFrom('', 'EMP', 'MGR', 'Salarié·e', 'Stagiaire', ' employee ');
const idCell = fc.constantFrom('', '1', '2', '3', '17', 'x y');
const dateCell = fc.constantFrom('', '2026-03-02 10:00:00');

const ITEMS: ColumnTarget[] = [
  { kind: 'item', gridId: grid.id, itemId: 'a1' },
  { kind: 'item', gridId: grid.id, itemId: 'a2' },
  { kind: 'item', gridId: grid.id, itemId: 'a3' },
  { kind: 'item', gridId: 'other-grid', itemId: 'a1' },
];
const target = fc.oneof(
  fc.constantFrom<ColumnTarget>({ kind: 'ignore' }, { kind: 'role' }),
  fc.constantFrom(...ITEMS),
);

/** Header: id, date, role, then three to five columns of any target. */
const csvCase = fc
  .record({
    extra: fc.array(target, { minLength: 3, maxLength: 5 }),
    idMapped: fc.boolean(),
    keepIncomplete: fc.boolean(),
    defaultRole: fc.option(fc.constantFrom(...ROLES), { nil: undefined }),
  })
  .chain(({ extra, idMapped, keepIncomplete, defaultRole }) =>
    fc.record({
      mapping: fc.constant<ColumnTarget[]>([
        idMapped ? { kind: 'responseId' } : { kind: 'ignore' },
        { kind: 'completion' },
        { kind: 'role' },
        ...extra,
      ]),
      rows: fc.array(fc.tuple(idCell, dateCell, roleCell, ...extra.map(() => cell)), {
        maxLength: 30,
      }),
      options: fc.constant(options({ keepIncomplete, defaultRole })),
    }),
  );

function storeOf(header: string[], rows: string[][]): CsvColumnStore {
  const store = new CsvColumnStore(header);
  for (const row of rows) store.add(row);
  return store;
}

describe('a survey CSV read by columns and packed as read', () => {
  it('checks and builds as the rows read as arrays do (property)', () => {
    fc.assert(
      fc.property(csvCase, ({ mapping, rows, options }) => {
        const header = mapping.map((_, c) => `c${c}`);
        const table = { header, rows: rows as string[][] };
        const store = storeOf(header, table.rows);
        const byRows = buildResponseFileFromCsv(table, mapping, options);
        expect(buildResponseFileFromCsv(store, mapping, options)).toEqual(byRows);
        expect(checkCsvMapping(store, mapping, options)).toEqual(
          checkCsvMapping(table, mapping, options),
        );
        const parts: PackedRespondents[] = [];
        const packed = csvBuilder(store).pack(mapping, options, (part) => parts.push(part));
        expect(assembleBuilt(packed, parts.map(unpackRespondents))).toEqual(byRows);
        // Every answer read is on its item's scale: the import plan relies on it (`survey`).
        if (byRows.ok)
          for (const r of byRows.file.respondents)
            for (const answers of Object.values(r.answers)) expect(validate(answers)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('packs parts of the size asked, the last one shorter, and nothing when no one is read', () => {
    const columns = [{ index: 3, gridId: 'g', itemId: 'i' }];
    const parts: PackedRespondents[] = [];
    const sink = packingSink(columns, (part) => parts.push(part), 2);
    sink.end();
    expect(parts).toEqual([]);
    for (const [n, value] of [1, 'dk', 'na', undefined, 2.5].entries())
      sink.add(`r${n}`, 'employee', [value as never]);
    sink.end();
    expect(parts.map((p) => p.ids)).toEqual([['r0', 'r1'], ['r2', 'r3'], ['r4']]);
    expect(parts.flatMap(unpackRespondents).map((r) => r.answers)).toEqual([
      { g: { i: 1 } },
      { g: { i: 'dk' } },
      { g: { i: 'na' } },
      {},
      { g: { i: 2.5 } },
    ]);
  });
});
