import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import { contextFromAggregate } from '@/domain/recommend/context';
import { contextFromScore } from '../../../fixtures/context-from-score';
import { scoreGrid } from '@/domain/scoring/score-grid';
import { makeGrid, makeRespondent } from '../../../fixtures/make-grid';

const grid = makeGrid(); // d-a: a1, a2; d-b: b1, b2 on the 1–5 scale
const range = { min: 1, max: 5 };

describe('contextFromScore', () => {
  const answers = { a1: 4, a2: 'dk' as const, b1: 7, b2: 'na' as const };
  const ctx = contextFromScore(grid, scoreGrid(grid, answers), answers);

  it('takes dimension scores and dk rates; no spread or role gap for one respondent', () => {
    expect(ctx.source).toBe('respondent');
    // No role given: no role's own score.
    expect(ctx.dimensions.get('d-a')).toEqual({
      score: 75,
      dkRate: 0.5,
      spread: null,
      roleGap: null,
      roles: new Map(),
    });
    expect(ctx.dimensions.get('d-b')).toEqual({
      score: null,
      dkRate: 0,
      spread: null,
      roleGap: null,
      roles: new Map(),
    });
  });

  it.each([
    { itemId: 'a1', expected: { value: 4, score: 75, range } },
    { itemId: 'a2', expected: { value: null, score: null, range } },
    { itemId: 'b1', expected: { value: null, score: null, range } }, // 7 is off the scale
    { itemId: 'b2', expected: { value: null, score: null, range } },
  ])('item $itemId', ({ itemId, expected }) => {
    expect(ctx.items.get(itemId)).toEqual(expected);
  });
});

describe('contextFromAggregate', () => {
  // management ×3: d-a 100, d-b 50 (b2 dk); employee ×3: d-a 25, d-b 50
  const respondents = [1, 2, 3].flatMap((n) => [
    makeRespondent(`m${n}`, 'management', { a1: 5, a2: 5, b1: 3, b2: 'dk' }),
    makeRespondent(`e${n}`, 'employee', { a1: 1, a2: 3, b1: 3, b2: 3 }),
  ]);
  const ctx = contextFromAggregate(grid, aggregateGrid(grid, respondents));

  it.each([
    // d-a: [100 ×3, 25 ×3] → mean 62.5, sd 37.5; gap 100 − 25
    {
      dimensionId: 'd-a',
      expected: {
        score: 62.5,
        dkRate: 0,
        spread: 37.5,
        roleGap: 75,
        roles: new Map([
          ['management', { score: 100, n: 3 }],
          ['employee', { score: 25, n: 3 }],
        ]),
      },
    },
    // d-b: 50 for everyone → sd 0; 3 dk / 12 answers; both roles at 50 → gap 0
    {
      dimensionId: 'd-b',
      expected: {
        score: 50,
        dkRate: 0.25,
        spread: 0,
        roleGap: 0,
        roles: new Map([
          ['management', { score: 50, n: 3 }],
          ['employee', { score: 50, n: 3 }],
        ]),
      },
    },
  ])('dimension $dimensionId', ({ dimensionId, expected }) => {
    expect(ctx.source).toBe('aggregate');
    expect(ctx.dimensions.get(dimensionId)).toEqual(expected);
  });

  it.each([
    { itemId: 'a1', expected: { value: 3, score: 50, range } },
    { itemId: 'a2', expected: { value: 4, score: 75, range } },
    { itemId: 'b2', expected: { value: 3, score: 50, range } },
  ])('item $itemId: mean raw value and mean score', ({ itemId, expected }) => {
    expect(ctx.items.get(itemId)).toEqual(expected);
  });

  it('has no spread for a single respondent and no role gap without two visible roles', () => {
    const solo = contextFromAggregate(
      grid,
      aggregateGrid(grid, [makeRespondent('s', 'employee', { a1: 2, a2: 2 })]),
    );
    // The one respondent's role is masked in the aggregate: no role's own score without it.
    expect(solo.dimensions.get('d-a')).toEqual({
      score: 25,
      dkRate: 0,
      spread: null,
      roleGap: null,
      roles: new Map(),
    });
  });
});
