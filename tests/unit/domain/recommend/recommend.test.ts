import { Grid } from '@/domain/grid/schema';
import type { Condition } from '@/domain/grid/schema';
import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import { contextFromAggregate, type EvaluationContext } from '@/domain/recommend/context';
import { contextFromScore } from '../../../fixtures/context-from-score';
import { recommend } from '@/domain/recommend/recommend';
import { scoreGrid } from '@/domain/scoring/score-grid';
import minimal from '../../../fixtures/grids/minimal.json';
import {
  makeDimension,
  makeGrid,
  makeItem,
  makeRecommendation,
  makeRespondent,
} from '../../../fixtures/make-grid';

const text = { fr: 'x', en: 'x' };
const below = (dimension: string, value: number): Condition => ({
  type: 'dimension',
  dimension,
  op: 'below',
  value,
});

// Hand-built context: d-a 40, d-b insufficient with dk rate 1.
const ctx: EvaluationContext = {
  source: 'respondent',
  dimensions: new Map([
    ['d-a', { score: 40, dkRate: 0, spread: null, roleGap: null }],
    ['d-b', { score: null, dkRate: 1, spread: null, roleGap: null }],
  ]),
  items: new Map(),
};

describe('recommend: ranking and filtering', () => {
  const grid = makeGrid({
    recommendations: [
      makeRecommendation('r-low', 'low', ['consultant'], {
        type: 'not',
        condition: below('d-a', 30),
      }),
      makeRecommendation('r-med', 'medium', ['company', 'union'], {
        type: 'dontKnowRate',
        dimension: 'd-b',
        above: 0.5,
      }),
      makeRecommendation('r-high-c', 'high', ['union'], below('d-a', 80)),
      makeRecommendation('r-high-a', 'high', ['union'], below('d-a', 50)),
      makeRecommendation('r-none', 'high', ['union', 'company'], {
        type: 'dimension',
        dimension: 'd-a',
        op: 'atLeast',
        value: 90,
      }),
      makeRecommendation('r-unknown', 'high', ['union', 'company'], below('d-b', 50)),
      makeRecommendation('r-high-b', 'high', ['company'], below('d-a', 80)),
      makeRecommendation('r-combo', 'medium', ['consultant'], {
        type: 'all',
        conditions: [below('d-a', 45), { type: 'dontKnowRate', dimension: 'd-b', above: 0.3 }],
      }),
    ],
  });

  it('ranks by priority, then distance (largest first), then id', () => {
    // high: r-high-b 40, r-high-c 40 (tie → id), r-high-a 10; medium: r-combo max(5, 70) = 70,
    // r-med 50; low: r-low 0 (fired through `not`)
    const results = recommend(grid, ctx);
    expect(results.map((r) => [r.recommendation.id, r.distance])).toEqual([
      ['r-high-b', 40],
      ['r-high-c', 40],
      ['r-high-a', 10],
      ['r-combo', 70],
      ['r-med', 50],
      ['r-low', 0],
    ]);
  });

  it.each([
    { audience: 'union' as const, expected: ['r-high-c', 'r-high-a', 'r-med'] },
    { audience: 'company' as const, expected: ['r-high-b', 'r-med'] },
    { audience: 'consultant' as const, expected: ['r-combo', 'r-low'] },
  ])('keeps only the $audience audience', ({ audience, expected }) => {
    expect(recommend(grid, ctx, { audience }).map((r) => r.recommendation.id)).toEqual(expected);
  });

  it('reports the firing reasons and no checklist unless asked', () => {
    const combo = recommend(grid, ctx).find((r) => r.recommendation.id === 'r-combo');
    expect(combo?.reasons.map((r) => [r.kind, r.targetId, r.observed])).toEqual([
      ['dimension', 'd-a', 40],
      ['dontKnowRate', 'd-b', 1],
    ]);
    expect(combo).not.toHaveProperty('checklist');
  });
});

describe('recommend: checklist', () => {
  const grid = makeGrid({
    dimensions: [
      makeDimension('d-a', [
        makeItem('a1', { specification: text }),
        makeItem('a2', { specification: text }),
        makeItem('a3'),
        makeItem('a4', { specification: text }),
        makeItem('a5', { specification: text }),
      ]),
    ],
    recommendations: [
      makeRecommendation('r-50', 'high', ['company'], below('d-a', 100), {
        checklist: { maxScore: 50 },
      }),
      makeRecommendation('r-25', 'low', ['company'], below('d-a', 100), {
        checklist: { maxScore: 25 },
      }),
      makeRecommendation('r-0', 'low', ['union'], below('d-a', 100), {
        checklist: { maxScore: 0 },
      }),
    ],
  });
  // a1 25, a2 0, a3 0 (no specification), a4 100, a5 unanswered
  const answers = { a1: 2, a2: 1, a3: 1, a4: 5 };
  const results = recommend(grid, contextFromScore(grid, scoreGrid(grid, answers), answers));

  it.each([
    {
      id: 'r-50',
      expected: [
        { itemId: 'a2', score: 0 },
        { itemId: 'a1', score: 25 },
      ],
    },
    { id: 'r-25', expected: [{ itemId: 'a2', score: 0 }] }, // 25 is not below 25
    { id: 'r-0', expected: [] },
  ])('$id lists specification items below maxScore, lowest first', ({ id, expected }) => {
    expect(results.find((r) => r.recommendation.id === id)?.checklist).toEqual(expected);
  });

  it('uses mean item scores for an aggregate', () => {
    const aggregate = aggregateGrid(grid, [
      makeRespondent('p', 'other', { a1: 2, a2: 3, a4: 1, a5: 5 }), // 25, 50, 0, 100
      makeRespondent('q', 'other', { a1: 4, a2: 1, a4: 3, a5: 5 }), // 75, 0, 50, 100
    ]);
    const checklist = recommend(grid, contextFromAggregate(grid, aggregate)).find(
      (r) => r.recommendation.id === 'r-50',
    )?.checklist;
    // means: a1 50, a2 25, a4 25, a5 100 → a2, a4 (tie: grid order); a1 not below 50
    expect(checklist).toEqual([
      { itemId: 'a2', score: 25 },
      { itemId: 'a4', score: 25 },
    ]);
  });
});

describe('recommend: the minimal fixture grid', () => {
  const grid = Grid.parse(minimal);
  // t-autonomie: 2 → 33.33, reverse 3 → 33.33, bipolar 0 → 50 (weight 2) → 166.67 / 4 = 41.67
  // t-charge: reverse 4 → 0, 2 → 33.33 → 16.67
  const answers = {
    't-autonomie-1': 2,
    't-autonomie-2': 3,
    't-autonomie-3': 0,
    't-charge-1': 4,
    't-charge-2': 2,
  };
  const score = scoreGrid(grid, answers);
  const results = recommend(grid, contextFromScore(grid, score, answers));

  it('scores the fixture by hand', () => {
    expect(score.dimensions[0]?.score).toBeCloseTo(41.666666667, 8);
    expect(score.dimensions[1]?.score).toBeCloseTo(16.666666667, 8);
  });

  it('fires both recommendations, high priority first', () => {
    expect(results.map((r) => r.recommendation.id)).toEqual(['t-rec-deconnexion', 't-rec-cahier']);
    expect(results[0]?.distance).toBeCloseTo(33.333333333, 8);
    expect(results[1]?.distance).toBeCloseTo(8.333333333, 8);
    // `any`: the dimension leaf fired; the `not` branch fired too but reports no reason
    expect(results[1]?.reasons.map((r) => r.targetId)).toEqual(['t-autonomie']);
    expect(results[1]?.checklist).toEqual([
      { itemId: 't-autonomie-2', score: expect.closeTo(33.333333333, 8) },
    ]);
  });

  it.each([
    { audience: 'union' as const, expected: ['t-rec-deconnexion'] },
    { audience: 'consultant' as const, expected: ['t-rec-cahier'] },
  ])('audience $audience', ({ audience, expected }) => {
    const filtered = recommend(grid, contextFromScore(grid, score, answers), { audience });
    expect(filtered.map((r) => r.recommendation.id)).toEqual(expected);
  });

  it('fires nothing when every dimension is insufficient', () => {
    const none = {};
    expect(recommend(grid, contextFromScore(grid, scoreGrid(grid, none), none))).toEqual([]);
  });
});
