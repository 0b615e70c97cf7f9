import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import { projectionSlides, topicDistribution } from '@/domain/room/projection';
import { makeDimension, makeGrid, makeItem, makeRespondent } from '../../../fixtures/make-grid';

const grid = makeGrid({
  dimensions: [makeDimension('d-a', ['a1', 'a2']), makeDimension('d-b', ['b1', 'b2'])],
});

// Three employees and three managers: both roles visible at threshold 3; one representative,
// masked with them (secondary suppression keeps its single answer out of every row).
const respondents = [
  makeRespondent('e1', 'employee', { a1: 5, a2: 1, b1: 3, b2: 3 }),
  makeRespondent('e2', 'employee', { a1: 5, a2: 'dk', b1: 3, b2: 3 }),
  makeRespondent('e3', 'employee', { a1: 4, a2: 'na', b1: 3, b2: 4 }),
  makeRespondent('m1', 'manager', { a1: 1, a2: 2, b1: 3, b2: 3 }),
  makeRespondent('m2', 'manager', { a1: 1, b1: 3, b2: 3 }),
  makeRespondent('m3', 'manager', { a1: 2, a2: 'dk', b1: 3, b2: 2 }),
];

describe('projection slides', () => {
  const aggregate = aggregateGrid(grid, respondents, { anonymityThreshold: 3 });

  it('shows per grid its radar, then the items that diverge most, largest spread first', () => {
    const slides = projectionSlides([grid], new Map([[grid.id, aggregate]]));
    expect(slides[0]).toEqual({ kind: 'radar', gridId: 'test-grid' });
    const topics = slides.slice(1);
    expect(topics.map((s) => (s.kind === 'topic' ? s.itemId : ''))).toEqual(
      aggregate.divergence.items.slice(0, 5).map((i) => i.itemId),
    );
    expect(topics[0]).toMatchObject({ kind: 'topic', itemId: 'a1', dimensionId: 'd-a', rank: 1 });
  });

  it('gives a grid without any score no slide', () => {
    const empty = aggregateGrid(grid, [], { anonymityThreshold: 3 });
    expect(projectionSlides([grid], new Map([[grid.id, empty]]))).toEqual([]);
    expect(projectionSlides([grid], new Map())).toEqual([]);
  });
});

describe('distribution per item', () => {
  it('counts each scale point, « don’t know » and « not applicable » apart, for all and per role', () => {
    const aggregate = aggregateGrid(grid, respondents, { anonymityThreshold: 3 });
    const a1 = topicDistribution(aggregate, 'a1');
    expect(a1?.rows).toEqual([
      { group: 'all', respondents: 6, points: [2, 1, 0, 1, 2], dk: 0, na: 0, missing: 0 },
      { group: 'manager', respondents: 3, points: [2, 1, 0, 0, 0], dk: 0, na: 0, missing: 0 },
      { group: 'employee', respondents: 3, points: [0, 0, 0, 1, 2], dk: 0, na: 0, missing: 0 },
    ]);
    expect(a1?.withheld).toEqual([]);
    const a2 = topicDistribution(aggregate, 'a2');
    expect(a2?.rows[0]).toEqual({
      group: 'all',
      respondents: 6,
      points: [1, 1, 0, 0, 0],
      dk: 2,
      na: 1,
      missing: 1,
    });
  });

  it('leaves out a role whose answers to the item are too few to show (anonymity rule)', () => {
    const aggregate = aggregateGrid(grid, respondents, { anonymityThreshold: 3 });
    // a2: one employee scored (e1), one manager (m1) and (m3 dk, m2 missing): both withheld.
    const a2 = topicDistribution(aggregate, 'a2');
    expect(a2?.rows.map((r) => r.group)).toEqual(['all']);
    expect(a2?.withheld).toEqual(['manager', 'employee']);
  });

  it('shows no role that the anonymity rule masks', () => {
    const withOne = [...respondents, makeRespondent('r1', 'representative', { a1: 3 })];
    const aggregate = aggregateGrid(grid, withOne, { anonymityThreshold: 3 });
    const groups = topicDistribution(aggregate, 'a1')?.rows.map((r) => r.group) ?? [];
    expect(groups).not.toContain('representative');
    expect(groups[0]).toBe('all');
    expect(topicDistribution(aggregate, 'nope')).toBeNull();
  });
});

describe('distribution of an item not asked of every role', () => {
  it('counts only the people asked it: a role not asked has no row, and each row adds up', () => {
    const routed = makeGrid({
      dimensions: [
        makeDimension('d-a', [
          makeItem('a1'),
          makeItem('a2', { appliesWhen: { roles: ['manager'] } }),
        ]),
      ],
    });
    const people = [
      makeRespondent('e1', 'employee', { a1: 5 }),
      makeRespondent('e2', 'employee', { a1: 4 }),
      makeRespondent('e3', 'employee', { a1: 3, a2: 5 }),
      makeRespondent('m1', 'manager', { a1: 1, a2: 2 }),
      makeRespondent('m2', 'manager', { a1: 2, a2: 1 }),
      makeRespondent('m3', 'manager', { a1: 2, a2: 4 }),
    ];
    const aggregate = aggregateGrid(routed, people, { anonymityThreshold: 3 });
    const a2 = topicDistribution(aggregate, 'a2');
    // e3's answer to a2 (given before a role change) is not counted: employees are not asked it.
    expect(a2?.rows).toEqual([
      { group: 'all', respondents: 3, points: [1, 1, 0, 1, 0], dk: 0, na: 0, missing: 0 },
      { group: 'manager', respondents: 3, points: [1, 1, 0, 1, 0], dk: 0, na: 0, missing: 0 },
    ]);
    for (const row of a2?.rows ?? [])
      expect(row.points.reduce((a, b) => a + b, 0) + row.dk + row.na + row.missing).toBe(
        row.respondents,
      );
  });
});
