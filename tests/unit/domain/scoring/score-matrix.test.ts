import {
  DIMENSION_LOW_COVERAGE,
  DIMENSION_SCORED,
  DIMENSION_ZERO_WEIGHT,
  scoreMatrix,
  STATUS_ANSWERED,
  STATUS_DK,
  STATUS_MISSING,
  STATUS_NA,
} from '@/domain/scoring/score-matrix';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

describe('scoreMatrix', () => {
  // d-a: a1, a2 (reverse); d-z: z1 (weight 0)
  const grid = makeGrid({
    dimensions: [
      makeDimension('d-a', ['a1', makeItem('a2', { reverse: true })]),
      makeDimension('d-z', [makeItem('z1', { weight: 0 })]),
    ],
  });
  const m = scoreMatrix(grid, [
    { a1: 4, a2: 4, z1: 5 }, // 75, 25 → 50; z: zero weight
    { a1: 'dk', a2: 'na', z1: 0 }, // nothing answered; 0 is off the scale
  ]);

  it('lays out one row per respondent', () => {
    expect([m.rows, m.itemCount, m.dimensionCount]).toEqual([2, 3, 2]);
    expect([...m.itemScore]).toEqual([75, 25, 100, Number.NaN, Number.NaN, Number.NaN]);
    expect([...m.itemValue]).toEqual([4, 4, 5, Number.NaN, Number.NaN, Number.NaN]);
    expect([...m.itemPoint]).toEqual([3, 3, 4, -1, -1, -1]);
    expect([...m.itemStatus]).toEqual([
      STATUS_ANSWERED,
      STATUS_ANSWERED,
      STATUS_ANSWERED,
      STATUS_DK,
      STATUS_NA,
      STATUS_MISSING,
    ]);
  });

  it('scores dimensions with their status and counts', () => {
    expect([...m.dimensionScore]).toEqual([50, Number.NaN, Number.NaN, Number.NaN]);
    expect([...m.dimensionStatus]).toEqual([
      DIMENSION_SCORED,
      DIMENSION_ZERO_WEIGHT,
      DIMENSION_LOW_COVERAGE,
      DIMENSION_LOW_COVERAGE,
    ]);
    expect([...m.answered]).toEqual([2, 1, 0, 0]);
    expect([...m.dk]).toEqual([0, 0, 1, 0]);
    expect([...m.na]).toEqual([0, 0, 1, 0]);
    expect([...m.missing]).toEqual([0, 0, 0, 1]);
  });

  it('scores nobody', () => {
    const empty = scoreMatrix(grid, []);
    expect(empty.rows).toBe(0);
    expect(empty.itemScore).toHaveLength(0);
  });
});
