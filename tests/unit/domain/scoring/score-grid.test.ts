import type { Answers } from '@/domain/answers/answers';
import type { GridInput } from '@/domain/grid/schema';
import { scoreGrid, scoreOverall } from '@/domain/scoring/score-grid';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

type ItemInput = GridInput['dimensions'][number]['items'][number];

/** A one-dimension grid `d` with items i1..iN (scale `five`: 1→0, 2→25, 3→50, 4→75, 5→100). */
function oneDimension(items: ItemInput[], minCoverage = 0.5) {
  return makeGrid({ minCoverage, dimensions: [makeDimension('d', items)] });
}

const i = (n: number, overrides: Partial<ItemInput> = {}) => makeItem(`i${n}`, overrides);
const four = [i(1), i(2), i(3), i(4)];

interface Row {
  name: string;
  items: ItemInput[];
  minCoverage?: number;
  answers: Answers;
  expected: {
    status: 'scored' | 'insufficient';
    reason?: 'coverage' | 'zeroWeight';
    score: number | null;
    level: string | null;
    answered: number;
    dk: number;
    na: number;
    missing: number;
    total: number;
    coverage: number;
    dkRate: number;
  };
}

const rows: Row[] = [
  {
    name: 'all answered: mean of 0, 25, 50, 75',
    items: four,
    answers: { i1: 1, i2: 2, i3: 3, i4: 4 },
    expected: {
      status: 'scored',
      score: 37.5,
      level: 'fragile',
      answered: 4,
      dk: 0,
      na: 0,
      missing: 0,
      total: 4,
      coverage: 1,
      dkRate: 0,
    },
  },
  {
    name: 'weights: (2×100 + 1×0 + 1×50) / 4, the weight-0 item counts as answered but weighs nothing',
    items: [i(1, { weight: 2 }), i(2), i(3, { weight: 0 }), i(4)],
    answers: { i1: 5, i2: 1, i3: 1, i4: 3 },
    expected: {
      status: 'scored',
      score: 62.5,
      level: 'progressing',
      answered: 4,
      dk: 0,
      na: 0,
      missing: 0,
      total: 4,
      coverage: 1,
      dkRate: 0,
    },
  },
  {
    name: 'fractional weights: (0.5×100 + 1.5×0) / 2',
    items: [i(1, { weight: 0.5 }), i(2, { weight: 1.5 })],
    answers: { i1: 5, i2: 1 },
    expected: {
      status: 'scored',
      score: 25,
      level: 'fragile',
      answered: 2,
      dk: 0,
      na: 0,
      missing: 0,
      total: 2,
      coverage: 1,
      dkRate: 0,
    },
  },
  {
    name: 'only weight-0 items answered → zeroWeight',
    items: [i(1, { weight: 0 }), i(2, { weight: 0 }), i(3)],
    answers: { i1: 5, i2: 4, i3: 'dk' },
    expected: {
      status: 'insufficient',
      reason: 'zeroWeight',
      score: null,
      level: null,
      answered: 2,
      dk: 1,
      na: 0,
      missing: 0,
      total: 3,
      coverage: 2 / 3,
      dkRate: 1 / 3,
    },
  },
  {
    name: 'coverage exactly at the threshold (2 of 4, min 0.5) → scored',
    items: four,
    answers: { i1: 5, i2: 3, i3: 'dk' },
    expected: {
      status: 'scored',
      score: 75,
      level: 'favourable',
      answered: 2,
      dk: 1,
      na: 0,
      missing: 1,
      total: 4,
      coverage: 0.5,
      dkRate: 0.25,
    },
  },
  {
    name: 'coverage exactly at 0.75 (3 of 4)',
    items: four,
    minCoverage: 0.75,
    answers: { i1: 2, i2: 2, i3: 2, i4: 'na' },
    expected: {
      status: 'scored',
      score: 25,
      level: 'fragile',
      answered: 3,
      dk: 0,
      na: 1,
      missing: 0,
      total: 4,
      coverage: 0.75,
      dkRate: 0,
    },
  },
  {
    name: 'coverage exactly at 0.7 (7 of 10)',
    items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => i(n)),
    minCoverage: 0.7,
    answers: { i1: 3, i2: 3, i3: 3, i4: 3, i5: 3, i6: 3, i7: 3 },
    expected: {
      status: 'scored',
      score: 50,
      level: 'progressing',
      answered: 7,
      dk: 0,
      na: 0,
      missing: 3,
      total: 10,
      coverage: 0.7,
      dkRate: 0,
    },
  },
  {
    name: 'coverage below the threshold (1 of 4) → insufficient, never 0',
    items: four,
    answers: { i1: 1, i2: 'dk', i3: 'na' },
    expected: {
      status: 'insufficient',
      reason: 'coverage',
      score: null,
      level: null,
      answered: 1,
      dk: 1,
      na: 1,
      missing: 1,
      total: 4,
      coverage: 0.25,
      dkRate: 0.25,
    },
  },
  {
    name: 'all "don\'t know" → insufficient with dkRate 1',
    items: four,
    answers: { i1: 'dk', i2: 'dk', i3: 'dk', i4: 'dk' },
    expected: {
      status: 'insufficient',
      reason: 'coverage',
      score: null,
      level: null,
      answered: 0,
      dk: 4,
      na: 0,
      missing: 0,
      total: 4,
      coverage: 0,
      dkRate: 1,
    },
  },
  {
    name: 'nothing answered with minCoverage 0 → insufficient (coverage), not 0',
    items: four,
    minCoverage: 0,
    answers: {},
    expected: {
      status: 'insufficient',
      reason: 'coverage',
      score: null,
      level: null,
      answered: 0,
      dk: 0,
      na: 0,
      missing: 4,
      total: 4,
      coverage: 0,
      dkRate: 0,
    },
  },
  {
    name: 'all reverse: 1 → 100, 2 → 75',
    items: [i(1, { reverse: true }), i(2, { reverse: true })],
    answers: { i1: 1, i2: 2 },
    expected: {
      status: 'scored',
      score: 87.5,
      level: 'favourable',
      answered: 2,
      dk: 0,
      na: 0,
      missing: 0,
      total: 2,
      coverage: 1,
      dkRate: 0,
    },
  },
  {
    name: 'mixed reverse: 5 → 100 and reverse 5 → 0',
    items: [i(1), i(2, { reverse: true })],
    answers: { i1: 5, i2: 5 },
    expected: {
      status: 'scored',
      score: 50,
      level: 'progressing',
      answered: 2,
      dk: 0,
      na: 0,
      missing: 0,
      total: 2,
      coverage: 1,
      dkRate: 0,
    },
  },
  {
    name: 'a value not on the scale counts as missing',
    items: four,
    answers: { i1: 7, i2: 5, i3: 3, i4: 'na' },
    expected: {
      status: 'scored',
      score: 75,
      level: 'favourable',
      answered: 2,
      dk: 0,
      na: 1,
      missing: 1,
      total: 4,
      coverage: 0.5,
      dkRate: 0,
    },
  },
  {
    name: 'values off the scale push coverage below the threshold',
    items: four,
    answers: { i1: 2.5, i2: 0, i3: 3 },
    expected: {
      status: 'insufficient',
      reason: 'coverage',
      score: null,
      level: null,
      answered: 1,
      dk: 0,
      na: 0,
      missing: 3,
      total: 4,
      coverage: 0.25,
      dkRate: 0,
    },
  },
  {
    name: 'mixed scales: four 2 → 33.33…, bipolar 2 → 100, yesno 0 → 0',
    items: [i(1, { scale: 'four' }), i(2, { scale: 'bipolar' }), i(3, { scale: 'yesno' })],
    answers: { i1: 2, i2: 2, i3: 0 },
    expected: {
      status: 'scored',
      score: 400 / 9,
      level: 'fragile',
      answered: 3,
      dk: 0,
      na: 0,
      missing: 0,
      total: 3,
      coverage: 1,
      dkRate: 0,
    },
  },
  {
    name: 'an item on an unknown scale can never be answered',
    items: [i(1), i(2, { scale: 'nope' })],
    answers: { i1: 4, i2: 4 },
    expected: {
      status: 'scored',
      score: 75,
      level: 'favourable',
      answered: 1,
      dk: 0,
      na: 0,
      missing: 1,
      total: 2,
      coverage: 0.5,
      dkRate: 0,
    },
  },
  {
    name: 'score exactly 25 is fragile',
    items: [i(1), i(2)],
    answers: { i1: 2, i2: 2 },
    expected: {
      status: 'scored',
      score: 25,
      level: 'fragile',
      answered: 2,
      dk: 0,
      na: 0,
      missing: 0,
      total: 2,
      coverage: 1,
      dkRate: 0,
    },
  },
  {
    name: 'score exactly 0 is critical (a real 0, distinct from no score)',
    items: [i(1), i(2)],
    answers: { i1: 1, i2: 1 },
    expected: {
      status: 'scored',
      score: 0,
      level: 'critical',
      answered: 2,
      dk: 0,
      na: 0,
      missing: 0,
      total: 2,
      coverage: 1,
      dkRate: 0,
    },
  },
];

describe('scoreGrid: one dimension', () => {
  it.each(rows)('$name', ({ items, minCoverage, answers, expected }) => {
    const result = scoreGrid(oneDimension(items, minCoverage), answers);
    const dimension = result.dimensions[0];
    expect(result.dimensions).toHaveLength(1);
    expect(dimension?.status).toBe(expected.status);
    expect(dimension?.status === 'insufficient' ? dimension.reason : undefined).toBe(
      expected.reason,
    );
    if (expected.score === null) expect(dimension?.score).toBeNull();
    else expect(dimension?.score).toBeCloseTo(expected.score, 8);
    expect(dimension?.level?.id ?? null).toBe(expected.level);
    expect(dimension?.answered).toBe(expected.answered);
    expect(dimension?.dk).toBe(expected.dk);
    expect(dimension?.na).toBe(expected.na);
    expect(dimension?.missing).toBe(expected.missing);
    expect(dimension?.total).toBe(expected.total);
    expect(dimension?.coverage).toBeCloseTo(expected.coverage, 8);
    expect(dimension?.dkRate).toBeCloseTo(expected.dkRate, 8);
  });
});

describe('scoreGrid: items', () => {
  it('reports every item with its status, raw value and score', () => {
    const grid = makeGrid({
      dimensions: [
        makeDimension('d-a', [makeItem('a1'), makeItem('a2', { reverse: true, weight: 2 })]),
        makeDimension('d-b', ['b1', 'b2', 'b3']),
      ],
    });
    const result = scoreGrid(grid, { a1: 4, a2: 4, b1: 'dk', b2: 'na', b3: 9 });
    expect(result.items).toEqual([
      { itemId: 'a1', dimensionId: 'd-a', status: 'answered', value: 4, score: 75, weight: 1 },
      { itemId: 'a2', dimensionId: 'd-a', status: 'answered', value: 4, score: 25, weight: 2 },
      { itemId: 'b1', dimensionId: 'd-b', status: 'dk', value: null, score: null, weight: 1 },
      { itemId: 'b2', dimensionId: 'd-b', status: 'na', value: null, score: null, weight: 1 },
      { itemId: 'b3', dimensionId: 'd-b', status: 'missing', value: null, score: null, weight: 1 },
    ]);
  });

  it('ignores answers to items the grid does not have, and inherited keys', () => {
    const grid = makeGrid({ dimensions: [makeDimension('d', ['constructor', 'i2'])] });
    const result = scoreGrid(grid, { zz: 5, i2: 5 });
    expect(result.items.map((item) => item.status)).toEqual(['missing', 'answered']);
    expect(result.dimensions[0]?.score).toBe(100);
  });
});

describe('scoreGrid: grid score', () => {
  const grid = makeGrid(); // d-a: a1, a2; d-b: b1, b2

  it.each<{ answers: Answers; score: number; level: string }>([
    { answers: { a1: 1, a2: 4, b1: 5, b2: 4 }, score: 62.5, level: 'progressing' }, // (37.5 + 87.5) / 2
    { answers: { a1: 2, a2: 2, b1: 'dk', b2: 'dk' }, score: 25, level: 'fragile' }, // d-b has no score
    { answers: { a1: 2, a2: 3, b1: 4, b2: 4 }, score: 56.25, level: 'progressing' }, // (37.5 + 75) / 2
    { answers: { a1: 1, a2: 1, b1: 1, b2: 2 }, score: 6.25, level: 'critical' }, // (0 + 12.5) / 2
  ])('$answers → $score', ({ answers, score, level }) => {
    const result = scoreGrid(grid, answers);
    expect(result.score).toBeCloseTo(score, 8);
    expect(result.level?.id).toBe(level);
  });

  it('is null when no dimension has a score', () => {
    const result = scoreGrid(grid, { a1: 'dk', b1: 'na' });
    expect(result.score).toBeNull();
    expect(result.level).toBeNull();
    expect(result.dimensions.map((d) => d.score)).toEqual([null, null]);
  });

  it('carries the grid id and version', () => {
    const result = scoreGrid(makeGrid({ id: 'other-grid', version: '2.3.4' }), {});
    expect(result.gridId).toBe('other-grid');
    expect(result.gridVersion).toBe('2.3.4');
  });

  it("uses the grid's own levels for dimensions and the grid", () => {
    const custom = makeGrid({
      levels: [
        { id: 'low', min: 0, label: { fr: 'Bas', en: 'Low' }, color: '#000000' },
        { id: 'high', min: 30, label: { fr: 'Haut', en: 'High' }, color: '#ffffff' },
      ],
    });
    const result = scoreGrid(custom, { a1: 2, a2: 3, b1: 1, b2: 2 }); // d-a 37.5, d-b 12.5, grid 25
    expect(result.dimensions.map((d) => d.level?.id)).toEqual(['high', 'low']);
    expect(result.score).toBe(25);
    expect(result.level?.id).toBe('low');
  });

  it('does not round for display, only settles to 9 decimals (docs/scoring.md)', () => {
    const result = scoreGrid(oneDimension([i(1, { scale: 'four' })]), { i1: 2 });
    const score = result.dimensions[0]?.score ?? null;
    expect(score).toBe(33.333333333);
    expect(result.score).toBe(score);
  });
});

describe('scoreOverall', () => {
  it.each([
    { scores: [40, null, 80], expected: 60, level: 'progressing', grids: 2 },
    { scores: [10, 30], expected: 20, level: 'critical', grids: 2 },
    { scores: [75], expected: 75, level: 'favourable', grids: 1 },
    { scores: [null], expected: null, level: null, grids: 0 },
    { scores: [], expected: null, level: null, grids: 0 },
  ])('$scores → $expected', ({ scores, expected, level, grids }) => {
    const result = scoreOverall(scores.map((score) => ({ score })));
    expect(result.score).toBe(expected);
    expect(result.level?.id ?? null).toBe(level);
    expect(result.grids).toBe(grids);
  });
});
