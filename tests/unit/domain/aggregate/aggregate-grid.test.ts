import type { Summary } from '@/domain/stats';
import { aggregateGrid, aggregateMatrix } from '@/domain/aggregate/aggregate-grid';
import { scoreMatrix } from '@/domain/scoring/score-matrix';
import { makeDimension, makeGrid, makeItem, makeRespondent } from '../../../fixtures/make-grid';

function expectSummary(actual: Summary | null, expected: Summary): void {
  expect(actual).not.toBeNull();
  for (const [key, value] of Object.entries(expected)) {
    expect(actual?.[key as keyof Summary], key).toBeCloseTo(value, 8);
  }
}

// d-a: a1, a2; d-b: b1 (reverse), b2; scale 1–5 → 0, 25, 50, 75, 100.
const grid = makeGrid({
  dimensions: [
    makeDimension('d-a', ['a1', 'a2']),
    makeDimension('d-b', [makeItem('b1', { reverse: true }), makeItem('b2')]),
  ],
});

// Per respondent (computed by hand): d-a / d-b
//   r1 100 / 100, r2 50 / 100, r3 25 / 100, r4 0 (a1 dk, coverage 0.5) / 100, r5 none / 50
const respondents = [
  makeRespondent('r1', 'employee', { a1: 5, a2: 5, b1: 1, b2: 5 }),
  makeRespondent('r2', 'employee', { a1: 3, a2: 3, b1: 1, b2: 5 }),
  makeRespondent('r3', 'manager', { a1: 1, a2: 3, b1: 1, b2: 5 }),
  makeRespondent('r4', 'manager', { a1: 'dk', a2: 1, b1: 1, b2: 5 }),
  makeRespondent('r5', 'other', { a1: 'dk', a2: 'na', b1: 1, b2: 1 }),
];

describe('aggregateGrid: overall statistics', () => {
  const aggregate = aggregateGrid(grid, respondents, { anonymityThreshold: 2 });

  it('computes dimension statistics over the existing dimension scores', () => {
    const [a, b] = aggregate.dimensions;
    expect(a?.dimensionId).toBe('d-a');
    // [0, 25, 50, 100]: sd = √(5468.75 / 4); q1: h = 0.75 → 18.75; q3: h = 2.25 → 62.5
    expectSummary(a?.stats ?? null, {
      n: 4,
      mean: 43.75,
      median: 37.5,
      sd: 36.9754986443726,
      min: 0,
      max: 100,
      q1: 18.75,
      q3: 62.5,
    });
    expect(a?.score).toBe(43.75);
    expect(a?.level?.id).toBe('fragile');
    expect(a?.respondents).toBe(5);
    expect(a?.insufficient).toBe(1);
    expect(a?.coverage).toBeCloseTo(0.7, 8); // (1 + 1 + 1 + 0.5 + 0) / 5
    expect(a?.dkRate).toBeCloseTo(0.2, 8); // 2 dk / (2 items × 5)
    // [50, 100, 100, 100, 100]: sd = √((4 × 100 + 1600) / 5) = 20
    expectSummary(b?.stats ?? null, {
      n: 5,
      mean: 90,
      median: 100,
      sd: 20,
      min: 50,
      max: 100,
      q1: 100,
      q3: 100,
    });
    expect(b?.level?.id).toBe('favourable');
    expect(b?.insufficient).toBe(0);
    expect(b?.coverage).toBe(1);
    expect(b?.dkRate).toBe(0);
  });

  it('scores the grid as the mean of the dimension aggregates', () => {
    expect(aggregate.score).toBeCloseTo(66.875, 8); // (43.75 + 90) / 2
    expect(aggregate.level?.id).toBe('progressing');
    expect(aggregate.respondents).toBe(5);
    expect(aggregate.gridId).toBe('test-grid');
    expect(aggregate.gridVersion).toBe('1.0.0');
  });

  it.each([
    {
      itemId: 'a1',
      stats: {
        n: 3,
        mean: 50,
        median: 50,
        sd: 40.824829046386306,
        min: 0,
        max: 100,
        q1: 25,
        q3: 75,
      },
      meanValue: 3, // (5 + 3 + 1) / 3
      counts: [1, 0, 1, 0, 1],
      dk: 2,
      na: 0,
    },
    {
      itemId: 'a2',
      stats: {
        n: 4,
        mean: 50,
        median: 50,
        sd: 35.35533905932738,
        min: 0,
        max: 100,
        q1: 37.5,
        q3: 62.5,
      },
      meanValue: 3, // (5 + 3 + 3 + 1) / 4
      counts: [1, 0, 2, 0, 1],
      dk: 0,
      na: 1,
    },
    {
      itemId: 'b1', // reverse: 1 → 100
      stats: { n: 5, mean: 100, median: 100, sd: 0, min: 100, max: 100, q1: 100, q3: 100 },
      meanValue: 1,
      counts: [5, 0, 0, 0, 0],
      dk: 0,
      na: 0,
    },
    {
      itemId: 'b2',
      stats: { n: 5, mean: 80, median: 100, sd: 40, min: 0, max: 100, q1: 100, q3: 100 },
      meanValue: 4.2, // (4 × 5 + 1) / 5
      counts: [1, 0, 0, 0, 4],
      dk: 0,
      na: 0,
    },
  ])('item $itemId', ({ itemId, stats, meanValue, counts, dk, na }) => {
    const item = aggregate.items.find((candidate) => candidate.itemId === itemId);
    expectSummary(item?.stats ?? null, stats);
    expect(item?.meanValue).toBeCloseTo(meanValue, 8);
    expect(item?.distribution).toEqual({
      values: [1, 2, 3, 4, 5].map((value, index) => ({ value, count: counts[index] })),
      dk,
      na,
      missing: 0,
    });
  });

  it('ranks divergences by standard deviation (n ≥ 2)', () => {
    expect(aggregate.divergence.dimensions.map((d) => d.dimensionId)).toEqual(['d-a', 'd-b']);
    expect(aggregate.divergence.dimensions[0]?.sd).toBeCloseTo(36.9754986443726, 8);
    // a1 40.82, b2 40, a2 35.36, b1 0
    expect(aggregate.divergence.items.map((d) => d.itemId)).toEqual(['a1', 'b2', 'a2', 'b1']);
    expect(aggregate.divergence.items[1]).toEqual({
      itemId: 'b2',
      dimensionId: 'd-b',
      n: 5,
      mean: 80,
      sd: 40,
    });
  });

  it('masks the small role and, by secondary suppression, the smallest visible role', () => {
    // threshold 2: other (1) is masked; 1 < 2, so the smallest visible role is masked too:
    // employee and manager tie at 2, manager comes first in ROLES.
    expect(aggregate.anonymityThreshold).toBe(2);
    expect(aggregate.roles.map((role) => role.role)).toEqual(['employee']);
    expect(aggregate.masked).toEqual({ respondents: 3 });
    const json = JSON.stringify(aggregate);
    expect(json).not.toContain('"manager"');
    expect(json).not.toContain('"other"');
    expect(json).not.toContain('"r3"');
  });

  it('aggregates a visible role like the whole group', () => {
    const employee = aggregate.roles[0];
    expect(employee?.respondents).toBe(2);
    expectSummary(employee?.dimensions[0]?.stats ?? null, {
      n: 2,
      mean: 75,
      median: 75,
      sd: 25,
      min: 50,
      max: 100,
      q1: 62.5,
      q3: 87.5,
    });
    expect(employee?.dimensions[1]?.score).toBe(100);
    expect(employee?.score).toBe(87.5); // (75 + 100) / 2
    expect(employee?.level?.id).toBe('favourable');
    expect(employee?.items[0]?.distribution.values.map((v) => v.count)).toEqual([0, 0, 1, 0, 1]);
    expect(employee?.items[0]?.meanValue).toBe(4);
  });

  it('has no role gap with fewer than two visible roles', () => {
    expect(aggregate.divergence.roleGaps).toEqual([]);
  });

  it('masks every role with the default threshold of 3', () => {
    const strict = aggregateGrid(grid, respondents);
    expect(strict.anonymityThreshold).toBe(3);
    expect(strict.roles).toEqual([]);
    expect(strict.masked).toEqual({ respondents: 5 });
    expect(strict.score).toBeCloseTo(66.875, 8);
  });

  it('gives the same result from a pre-computed score matrix', () => {
    const matrix = scoreMatrix(
      grid,
      respondents.map((r) => r.answers),
    );
    const roles = respondents.map((r) => r.role);
    expect(aggregateMatrix(grid, matrix, roles, { anonymityThreshold: 2 })).toEqual(aggregate);
  });
});

describe('aggregateGrid: role gaps', () => {
  const gapGrid = makeGrid({
    dimensions: ['x', 'w', 'y', 'z', 'v'].map((id) => makeDimension(id, [`${id}1`])),
  });
  // Role means (by hand): x: management 100, employee 12.5, representative 50
  //   w: management 75, employee 25, representative none (dk)
  //   y: management 50, employee 62.5, representative 50
  //   z: everyone 50; v: only management answers
  const gapRespondents = [
    makeRespondent('m1', 'management', { x1: 5, w1: 4, y1: 3, z1: 3, v1: 5 }),
    makeRespondent('m2', 'management', { x1: 5, w1: 4, y1: 3, z1: 3, v1: 5 }),
    makeRespondent('e1', 'employee', { x1: 1, w1: 2, y1: 3, z1: 3, v1: 'dk' }),
    makeRespondent('e2', 'employee', { x1: 2, w1: 2, y1: 4, z1: 3, v1: 'dk' }),
    makeRespondent('p1', 'representative', { x1: 3, w1: 'dk', y1: 3, z1: 3, v1: 'na' }),
    makeRespondent('p2', 'representative', { x1: 3, w1: 'dk', y1: 3, z1: 3 }),
  ];
  const aggregate = aggregateGrid(gapGrid, gapRespondents, { anonymityThreshold: 2 });

  it('lists visible roles in ROLES order', () => {
    expect(aggregate.roles.map((role) => role.role)).toEqual([
      'management',
      'employee',
      'representative',
    ]);
    expect(aggregate.masked.respondents).toBe(0);
  });

  it('finds the largest gap between two visible roles per dimension, largest first', () => {
    expect(aggregate.divergence.roleGaps).toEqual([
      {
        dimensionId: 'x',
        roleA: 'management',
        roleB: 'employee',
        meanA: 100,
        meanB: 12.5,
        gap: 87.5,
      },
      { dimensionId: 'w', roleA: 'management', roleB: 'employee', meanA: 75, meanB: 25, gap: 50 },
      // management and representative tie at 50: management comes first in ROLES
      {
        dimensionId: 'y',
        roleA: 'employee',
        roleB: 'management',
        meanA: 62.5,
        meanB: 50,
        gap: 12.5,
      },
      { dimensionId: 'z', roleA: 'management', roleB: 'employee', meanA: 50, meanB: 50, gap: 0 },
    ]);
  });

  it('computes role statistics', () => {
    const employee = aggregate.roles[1];
    expectSummary(employee?.dimensions[0]?.stats ?? null, {
      n: 2,
      mean: 12.5,
      median: 12.5,
      sd: 12.5,
      min: 0,
      max: 25,
      q1: 6.25,
      q3: 18.75,
    });
    expect(aggregate.roles[2]?.dimensions[1]?.stats).toBeNull(); // representative on w: all dk
    expect(aggregate.roles[2]?.dimensions[1]?.dkRate).toBe(1);
  });
});

describe('aggregateGrid: edge cases', () => {
  it('aggregates nobody without NaN', () => {
    const aggregate = aggregateGrid(grid, []);
    expect(aggregate.respondents).toBe(0);
    expect(aggregate.score).toBeNull();
    expect(aggregate.dimensions[0]).toEqual({
      dimensionId: 'd-a',
      respondents: 0,
      asked: 0,
      stats: null,
      score: null,
      level: null,
      insufficient: 0,
      coverage: null,
      dkRate: null,
    });
    expect(aggregate.items[0]?.distribution.values.every((v) => v.count === 0)).toBe(true);
    expect(aggregate.roles).toEqual([]);
    expect(aggregate.masked).toEqual({ respondents: 0 });
    expect(aggregate.divergence).toEqual({ dimensions: [], items: [], roleGaps: [] });
    expect(JSON.stringify(aggregate)).not.toContain('NaN');
  });

  it('aggregates one respondent as their own scores, with no divergence', () => {
    const aggregate = aggregateGrid(grid, [
      makeRespondent('solo', 'employee', { a1: 4, a2: 2, b1: 2, b2: 9 }),
    ]);
    expect(aggregate.dimensions.map((d) => d.score)).toEqual([50, 75]); // (75 + 25) / 2; b1 75, b2 off scale
    expect(aggregate.dimensions[0]?.stats?.sd).toBe(0);
    expect(aggregate.items[3]?.distribution.missing).toBe(1);
    expect(aggregate.divergence.dimensions).toEqual([]);
    expect(aggregate.divergence.items).toEqual([]);
    expect(aggregate.roles).toEqual([]);
  });

  it("uses the grid's own levels", () => {
    const custom = makeGrid({
      levels: [
        { id: 'low', min: 0, label: { fr: 'Bas' }, color: '#000000' },
        { id: 'high', min: 60, label: { fr: 'Haut' }, color: '#ffffff' },
      ],
    });
    const aggregate = aggregateGrid(custom, [
      makeRespondent('p', 'other', { a1: 4, a2: 4, b1: 2, b2: 2 }),
      makeRespondent('q', 'other', { a1: 3, a2: 3, b1: 2, b2: 2 }),
    ]);
    expect(aggregate.dimensions.map((d) => d.level?.id)).toEqual(['high', 'low']); // 62.5, 25
  });
});

describe('aggregateGrid: unexpected roles', () => {
  it('counts a role outside ROLES as other', () => {
    const list = [
      makeRespondent('a', 'employee', { a1: 3, a2: 3 }),
      makeRespondent('b', 'employee', { a1: 3, a2: 3 }),
      { id: 'c', role: 'ceo' as never, answers: { a1: 3, a2: 3 } },
      { id: 'd', role: 'ceo' as never, answers: { a1: 3, a2: 3 } },
    ];
    const aggregate = aggregateGrid(grid, list, { anonymityThreshold: 2 });
    expect(aggregate.roles.map((role) => [role.role, role.respondents])).toEqual([
      ['employee', 2],
      ['other', 2],
    ]);
    expect(JSON.stringify(aggregate)).not.toContain('ceo');
  });
});

describe('aggregateGrid: small counts inside a visible role', () => {
  it('should withhold a role dimension or item answered by fewer people than the threshold', () => {
    const grid = makeGrid();
    const firstDimension = grid.dimensions[0]!;
    const firstItem = firstDimension.items[0]!;
    const secondItem = firstDimension.items[1]!;
    // Three employees (a visible role), but only one of them answered the first dimension.
    const answered = { [firstItem.id]: 4, [secondItem.id]: 4 };
    const aggregate = aggregateGrid(
      grid,
      [
        { id: 'a', role: 'employee', answers: answered },
        { id: 'b', role: 'employee', answers: {} },
        { id: 'c', role: 'employee', answers: {} },
      ],
      { anonymityThreshold: 3 },
    );
    const role = aggregate.roles.find((r) => r.role === 'employee');
    expect(role).toBeDefined();
    const dimension = role!.dimensions.find((d) => d.dimensionId === firstDimension.id)!;
    expect(dimension.suppressed).toBe(true);
    expect(dimension.score).toBeNull();
    expect(dimension.stats).toBeNull();
    const item = role!.items.find((i) => i.itemId === firstItem.id)!;
    expect(item.suppressed).toBe(true);
    expect(item.meanValue).toBeNull();
    expect(item.distribution.values.every((v) => v.count === 0)).toBe(true);
    // The whole diagnostic still shows it: that figure is not about a role.
    const overall = aggregate.dimensions.find((d) => d.dimensionId === firstDimension.id)!;
    expect(overall.suppressed).toBeUndefined();
    expect(overall.stats?.n).toBe(1);
  });
});
