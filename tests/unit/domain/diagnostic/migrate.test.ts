import fc from 'fast-check';
import type { Answers } from '@/domain/answers/answers';
import { Diagnostic, type Respondent } from '@/domain/diagnostic/diagnostic';
import {
  migrateDiagnostic,
  migrationImpact,
  planGridMigration,
  setAsideKey,
  type GridMigrationPlan,
} from '@/domain/diagnostic/migrate';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import type { Grid } from '@/domain/grid/schema';
import {
  makeDimension,
  makeGrid,
  makeItem,
  makeScale,
  TEST_SCALES,
} from '../../../fixtures/make-grid';

// Old version: d-a (a1, a2), d-b (b1, b2), all on the `five` scale (1–5), none reversed.
const v1 = makeGrid({ version: '1.0.0' });

type Row = [string, Grid, Omit<GridMigrationPlan, 'gridId' | 'from'>];

const table: Row[] = [
  [
    'the same grid keeps every item',
    makeGrid({ version: '1.0.1' }),
    {
      to: '1.0.1',
      kept: [
        { itemId: 'a1', dimensionId: 'd-a' },
        { itemId: 'a2', dimensionId: 'd-a' },
        { itemId: 'b1', dimensionId: 'd-b' },
        { itemId: 'b2', dimensionId: 'd-b' },
      ],
      removed: [],
      added: [],
      changed: [],
    },
  ],
  [
    'a removed item and an added one',
    makeGrid({
      version: '2.0.0',
      dimensions: [makeDimension('d-a', ['a1']), makeDimension('d-b', ['b1', 'c1', 'b2'])],
    }),
    {
      to: '2.0.0',
      kept: [
        { itemId: 'a1', dimensionId: 'd-a' },
        { itemId: 'b1', dimensionId: 'd-b' },
        { itemId: 'b2', dimensionId: 'd-b' },
      ],
      removed: [{ itemId: 'a2', dimensionId: 'd-a' }],
      added: [{ itemId: 'c1', dimensionId: 'd-b' }],
      changed: [],
    },
  ],
  [
    'a scale with other values (five 1–5 → four 1–4) changes the item',
    makeGrid({
      version: '2.0.0',
      dimensions: [
        makeDimension('d-a', ['a1', 'a2']),
        makeDimension('d-b', [makeItem('b1', { scale: 'four' }), 'b2']),
      ],
    }),
    {
      to: '2.0.0',
      kept: [
        { itemId: 'a1', dimensionId: 'd-a' },
        { itemId: 'a2', dimensionId: 'd-a' },
        { itemId: 'b2', dimensionId: 'd-b' },
      ],
      removed: [],
      added: [],
      changed: [{ itemId: 'b1', dimensionId: 'd-b', changes: ['scale'] }],
    },
  ],
  [
    'a reversed item changes',
    makeGrid({
      version: '2.0.0',
      dimensions: [
        makeDimension('d-a', ['a1', 'a2']),
        makeDimension('d-b', ['b1', makeItem('b2', { reverse: true })]),
      ],
    }),
    {
      to: '2.0.0',
      kept: [
        { itemId: 'a1', dimensionId: 'd-a' },
        { itemId: 'a2', dimensionId: 'd-a' },
        { itemId: 'b1', dimensionId: 'd-b' },
      ],
      removed: [],
      added: [],
      changed: [{ itemId: 'b2', dimensionId: 'd-b', changes: ['reverse'] }],
    },
  ],
  [
    'scale and reverse both changed are both listed',
    makeGrid({
      version: '2.0.0',
      dimensions: [
        makeDimension('d-a', [makeItem('a1', { scale: 'bipolar', reverse: true }), 'a2']),
        makeDimension('d-b', ['b1', 'b2']),
      ],
    }),
    {
      to: '2.0.0',
      kept: [
        { itemId: 'a2', dimensionId: 'd-a' },
        { itemId: 'b1', dimensionId: 'd-b' },
        { itemId: 'b2', dimensionId: 'd-b' },
      ],
      removed: [],
      added: [],
      changed: [{ itemId: 'a1', dimensionId: 'd-a', changes: ['scale', 'reverse'] }],
    },
  ],
  [
    'another scale id with the same values 1–5, a new weight, a move to another dimension: kept',
    makeGrid({
      version: '1.1.0',
      scales: [...TEST_SCALES, makeScale('five-bis', [1, 2, 3, 4, 5])],
      dimensions: [
        makeDimension('d-a', [
          makeItem('a1', { scale: 'five-bis' }),
          makeItem('a2', { weight: 3 }),
        ]),
        makeDimension('d-b', ['b1']),
        makeDimension('d-c', ['b2']),
      ],
    }),
    {
      to: '1.1.0',
      kept: [
        { itemId: 'a1', dimensionId: 'd-a' },
        { itemId: 'a2', dimensionId: 'd-a' },
        { itemId: 'b1', dimensionId: 'd-b' },
        { itemId: 'b2', dimensionId: 'd-c' },
      ],
      removed: [],
      added: [],
      changed: [],
    },
  ],
  [
    'a scale shifted to 0–4 (same number of points, other values) is a change',
    makeGrid({
      version: '2.0.0',
      scales: [...TEST_SCALES, makeScale('zero-four', [0, 1, 2, 3, 4])],
      dimensions: [
        makeDimension('d-a', ['a1', 'a2']),
        makeDimension('d-b', ['b1', makeItem('b2', { scale: 'zero-four' })]),
      ],
    }),
    {
      to: '2.0.0',
      kept: [
        { itemId: 'a1', dimensionId: 'd-a' },
        { itemId: 'a2', dimensionId: 'd-a' },
        { itemId: 'b1', dimensionId: 'd-b' },
      ],
      removed: [],
      added: [],
      changed: [{ itemId: 'b2', dimensionId: 'd-b', changes: ['scale'] }],
    },
  ],
  [
    'everything replaced',
    makeGrid({ version: '3.0.0', dimensions: [makeDimension('d-z', ['z1', 'z2'])] }),
    {
      to: '3.0.0',
      kept: [],
      removed: [
        { itemId: 'a1', dimensionId: 'd-a' },
        { itemId: 'a2', dimensionId: 'd-a' },
        { itemId: 'b1', dimensionId: 'd-b' },
        { itemId: 'b2', dimensionId: 'd-b' },
      ],
      added: [
        { itemId: 'z1', dimensionId: 'd-z' },
        { itemId: 'z2', dimensionId: 'd-z' },
      ],
      changed: [],
    },
  ],
];

describe('planGridMigration', () => {
  it.each(table)('%s', (_name, next, expected) => {
    expect(planGridMigration(v1, next)).toEqual({
      gridId: 'test-grid',
      from: '1.0.0',
      ...expected,
    });
  });
});

describe('setAsideKey', () => {
  it.each([
    ['uses', '1.0.0', 'uses@1.0.0'],
    ['my-grid', '10.2.3', 'my-grid@10.2.3'],
  ])('%s %s → %s', (id, version, key) => {
    expect(setAsideKey(id, version)).toBe(key);
  });
});

// The new version: a2 removed, b1 moved to the `four` scale (changed), c1 added.
const v2 = makeGrid({
  version: '2.0.0',
  dimensions: [
    makeDimension('d-a', ['a1']),
    makeDimension('d-b', [makeItem('b1', { scale: 'four' }), 'b2', 'c1']),
  ],
});
const HASH_1 = '1'.repeat(64);
const HASH_2 = '2'.repeat(64);
const NOW = '2025-03-01T10:00:00.000Z';
const BEFORE = '2025-01-01T10:00:00.000Z';

function respondent(id: string, answers: Record<string, Answers>, extra: Partial<Respondent> = {}) {
  return {
    id,
    role: 'employee' as const,
    answers,
    comments: {},
    createdAt: BEFORE,
    updatedAt: BEFORE,
    ...extra,
  };
}

function diagnosticWith(respondents: Respondent[]): Diagnostic {
  return {
    format: 'qvt-numerique/diagnostic',
    formatVersion: 1,
    id: 'diag-1',
    title: 'Avant migration',
    purpose: 'upstream',
    project: { name: 'Projet', kind: 'collaboration', phase: 'choice' },
    grids: [
      { id: 'test-grid', version: '1.0.0', hash: HASH_1, grid: v1 },
      { id: 'other', version: '1.0.0', hash: HASH_1, grid: { id: 'other' } },
    ],
    respondents,
    actionPlan: [],
    anonymityThreshold: 3,
    createdAt: BEFORE,
    updatedAt: BEFORE,
  };
}

const nextLoaded: LoadedGrid = { grid: v2, hash: HASH_2, source: { from: 'file' } };

describe('migrateDiagnostic', () => {
  const start = diagnosticWith([
    respondent('r1', {
      'test-grid': { a1: 5, a2: 'dk', b1: 3, b2: 'na' },
      other: { x1: 2 },
    }),
    respondent('r2', { other: { x1: 4 } }),
    respondent(
      'r3',
      { 'test-grid': { a2: 1, b2: 4 } },
      { setAside: { 'test-grid@0.9.0': { old: 2 } } },
    ),
  ]);

  it('keeps answers to kept items and sets aside the others under <id>@<old version>', () => {
    const snapshot = structuredClone(start);
    const result = migrateDiagnostic(start, 'test-grid', nextLoaded, NOW);
    expect(result.grids).toEqual([
      { id: 'test-grid', version: '2.0.0', hash: HASH_2, grid: { from: 'file' } },
      { id: 'other', version: '1.0.0', hash: HASH_1, grid: { id: 'other' } },
    ]);
    expect(result.updatedAt).toBe(NOW);
    expect(result.respondents).toEqual([
      respondent(
        'r1',
        { 'test-grid': { a1: 5, b2: 'na' }, other: { x1: 2 } },
        { setAside: { 'test-grid@1.0.0': { a2: 'dk', b1: 3 } }, updatedAt: NOW },
      ),
      respondent('r2', { other: { x1: 4 } }),
      respondent(
        'r3',
        { 'test-grid': { b2: 4 } },
        {
          setAside: { 'test-grid@0.9.0': { old: 2 }, 'test-grid@1.0.0': { a2: 1 } },
          updatedAt: NOW,
        },
      ),
    ]);
    // The input is left as it was, and the result is still a valid stored diagnostic.
    expect(start).toEqual(snapshot);
    expect(Diagnostic.safeParse(result).success).toBe(true);
  });

  it('stores the parsed grid when the loaded grid has no source', () => {
    const result = migrateDiagnostic(start, 'test-grid', { grid: v2, hash: HASH_2 }, NOW);
    expect(result.grids[0]).toEqual({ id: 'test-grid', version: '2.0.0', hash: HASH_2, grid: v2 });
  });

  it('merges with answers already set aside for the same version', () => {
    const d = diagnosticWith([
      respondent('r1', { 'test-grid': { a2: 2 } }, { setAside: { 'test-grid@1.0.0': { q: 1 } } }),
    ]);
    const result = migrateDiagnostic(d, 'test-grid', nextLoaded, NOW);
    expect(result.respondents[0]?.setAside).toEqual({ 'test-grid@1.0.0': { q: 1, a2: 2 } });
    expect(result.respondents[0]?.answers).toEqual({ 'test-grid': {} });
  });

  it.each([
    ['a grid the diagnostic does not use', 'unknown', nextLoaded],
    ['a grid with another id', 'other', nextLoaded],
  ])('changes nothing for %s', (_name, gridId, next) => {
    expect(migrateDiagnostic(start, gridId, next, NOW)).toBe(start);
  });

  it('changes nothing when its own copy of the grid no longer loads', () => {
    const broken: Diagnostic = {
      ...start,
      grids: [{ id: 'test-grid', version: '1.0.0', hash: HASH_1, grid: { id: 'test-grid' } }],
    };
    expect(migrateDiagnostic(broken, 'test-grid', nextLoaded, NOW)).toBe(broken);
  });

  it('never loses an answer: kept and set-aside answers partition the old ones', () => {
    const ids = ['a1', 'a2', 'b1', 'b2', 'zz'];
    const value = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('dk'), fc.constant('na'));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ids), value) as fc.Arbitrary<Answers>,
        (answers) => {
          const d = diagnosticWith([respondent('r', { 'test-grid': answers })]);
          const r = migrateDiagnostic(d, 'test-grid', nextLoaded, NOW).respondents[0];
          const stay = r?.answers['test-grid'] ?? {};
          const aside = r?.setAside?.['test-grid@1.0.0'] ?? {};
          expect({ ...stay, ...aside }).toEqual(answers);
          expect(Object.keys(stay).filter((id) => id in aside)).toEqual([]);
          expect(Object.keys(stay).every((id) => id === 'a1' || id === 'b2')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('migrationImpact', () => {
  it.each([
    // r1: a1, b2 kept; a2, b1 set aside. r2: nothing for this grid. r3: b2 kept; a2 set aside.
    [
      'three respondents',
      [
        respondent('r1', { 'test-grid': { a1: 5, a2: 'dk', b1: 3, b2: 'na' } }),
        respondent('r2', { other: { x: 1 } }),
        respondent('r3', { 'test-grid': { a2: 1, b2: 4 } }),
      ],
      { kept: 3, setAside: 3 },
    ],
    ['nobody answered', [], { kept: 0, setAside: 0 }],
  ])('%s', (_name, respondents, expected) => {
    const plan = planGridMigration(v1, v2);
    expect(migrationImpact(diagnosticWith(respondents), plan)).toEqual(expected);
  });
});
