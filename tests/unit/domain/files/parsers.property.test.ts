/**
 * Every parser of outside data is fuzzed: whatever the text, it returns a result or coded
 * errors, never throws, and never touches Object.prototype.
 */
import fc from 'fast-check';
import { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { createDiagnostic } from '@/domain/diagnostic/operations';
import { buildBackup, parseBackup, serializeBackup } from '@/domain/files/backup';
import {
  buildResponseFileFromCsv,
  suggestMapping,
  type ColumnTarget,
} from '@/domain/files/csv-import';
import { parseDiagnosticFile } from '@/domain/files/parse-diagnostic-file';
import { parseResponseFile } from '@/domain/files/response-file';
import { loadGrid, loadGridText } from '@/domain/grid/load-grid';
import { makeGrid } from '../../../fixtures/make-grid';
import {
  HOSTILE_STRINGS,
  mutatedJson,
  parserInputs,
  prototypeIsClean,
} from '../../../fixtures/fuzz';

const NOW = '2025-03-01T10:00:00.000Z';
const GRID_SOURCE = makeGrid();
const loaded = loadGrid(GRID_SOURCE);
if (!loaded.ok) throw new Error('fixture grid invalid');
const DIAGNOSTIC: Diagnostic = {
  ...createDiagnostic(
    {
      title: 'Fuzz',
      purpose: 'workshop',
      project: { name: 'Outil', kind: 'ai', phase: 'in-use' },
      grids: [{ grid: loaded.grid, hash: loaded.hash, source: GRID_SOURCE }],
    },
    { id: 'd1', now: NOW },
  ),
  respondents: [
    {
      id: 'r1',
      role: 'employee',
      answers: { 'test-grid': { a1: 3, a2: 'dk', b1: 'na' } },
      comments: { 'test-grid': { 'd-a': 'Un commentaire' } },
      createdAt: NOW,
      updatedAt: NOW,
    },
  ],
};
const BACKUP = JSON.parse(
  serializeBackup(
    buildBackup({
      diagnostics: [DIAGNOSTIC],
      grids: [{ source: makeGrid({ id: 'custom' }), addedAt: NOW }],
      createdAt: NOW,
    }),
  ),
) as unknown;
const RESPONSES = {
  format: 'qvt-numerique/responses',
  formatVersion: 1,
  exportedAt: NOW,
  diagnostic: { id: 'd1', title: 'Fuzz' },
  grids: [{ id: 'test-grid', version: '1.0.0', hash: loaded.hash }],
  respondents: [{ id: 'r1', role: 'manager', answers: { 'test-grid': { a1: 2 } }, comments: {} }],
};

/** A parser result: `ok`, and when not ok, a code (or a list of coded errors). */
function isResult(result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false;
  const r = result as {
    ok?: unknown;
    code?: unknown;
    errors?: unknown;
    error?: { code?: unknown };
  };
  if (r.ok === true) return true;
  return (
    r.ok === false &&
    (typeof r.code === 'string' || Array.isArray(r.errors) || typeof r.error?.code === 'string')
  );
}

const RUNS = { numRuns: 300 };

describe.each([
  ['a grid file (loadGridText)', (text: string) => loadGridText(text), GRID_SOURCE],
  ['a diagnostic file', (text: string) => parseDiagnosticFile(text), DIAGNOSTIC],
  ['a backup file', (text: string) => parseBackup(text), BACKUP],
  ['a response file', (text: string) => parseResponseFile(text), RESPONSES],
])('%s', (_name, parse, valid) => {
  it('accepts the valid document it is fuzzed from', () => {
    expect((parse(JSON.stringify(valid)) as { ok: boolean }).ok).toBe(true);
  });

  it('never throws on any text: a result or coded errors', () => {
    fc.assert(
      fc.property(parserInputs(valid), (text) => {
        const result = parse(text);
        expect(isResult(result)).toBe(true);
        expect(prototypeIsClean()).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('stored records (what IndexedDB gives back)', () => {
  it.each([
    ['a diagnostic record', (v: unknown) => Diagnostic.safeParse(v).success, DIAGNOSTIC],
    ['a grid copy (loadGrid)', (v: unknown) => loadGrid(v).ok, GRID_SOURCE],
  ])('%s: any value is accepted or refused, never thrown on', (_name, check, valid) => {
    const values = fc.oneof(
      fc.anything(),
      mutatedJson(valid).map((text) => JSON.parse(text) as unknown),
    );
    fc.assert(
      fc.property(values, (value) => {
        expect(typeof check(value)).toBe('boolean');
        expect(prototypeIsClean()).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('a survey-tool CSV (after splitting into cells)', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '1',
      '3',
      '5',
      'NSP',
      'employee',
      'Salarié',
      '',
      ' ',
      '__proto__',
      'constructor',
    ),
    fc.constantFrom(...HOSTILE_STRINGS),
  );
  const target = fc.oneof(
    fc.constant<ColumnTarget>({ kind: 'ignore' }),
    fc.constant<ColumnTarget>({ kind: 'role' }),
    fc
      .tuple(
        fc.constantFrom('test-grid', 'other', '__proto__'),
        fc.constantFrom('a1', 'a2', 'b1', 'b2', 'constructor', '__proto__', 'x'),
      )
      .map(([gridId, itemId]): ColumnTarget => ({ kind: 'item', gridId, itemId })),
  );
  const vocabulary = { roles: { employee: ['salarié'] }, dontKnow: ['nsp'], notApplicable: ['nc'] };

  it('suggests a mapping and builds a response file or lists issues, never throwing', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 6 }),
        fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 8 }),
        fc.array(target, { maxLength: 7 }),
        fc.constantFrom(undefined, 'manager' as const),
        (header, rows, mapping, defaultRole) => {
          const grids = [{ grid: loaded.grid, hash: loaded.hash }];
          expect(suggestMapping(header, [loaded.grid])).toHaveLength(header.length);
          const result = buildResponseFileFromCsv({ header, rows }, mapping, {
            grids,
            diagnostic: { id: 'd1', title: 'Fuzz' },
            defaultRole,
            vocabulary,
            exportedAt: NOW,
          });
          expect(result.ok || result.issues.length > 0).toBe(true);
          expect(prototypeIsClean()).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
