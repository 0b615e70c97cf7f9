import { describe, expect, it } from 'vitest';
import { dimensionReliability, MIN_RESPONDENTS_FOR_ALPHA } from '@/domain/aggregate/reliability';
import { scoreMatrix } from '@/domain/scoring/score-matrix';
import type { Answers } from '@/domain/answers/answers';
import { makeDimension, makeGrid } from '../../../fixtures/make-grid';

const grid = makeGrid({
  dimensions: [makeDimension('d-a', ['a1', 'a2', 'a3']), makeDimension('d-b', ['b1'])],
});

/** Answers on the `five` scale (1–5 → scores 0, 25, 50, 75, 100). */
const rows = (values: number[][]): Answers[] =>
  values.map(([a1, a2, a3]) => ({ a1: a1!, a2: a2!, a3: a3!, b1: 3 }));

/*
 * Computed by hand, in scale steps (score / 25; α does not change with the unit):
 *   R1 0 0 1 · R2 1 2 1 · R3 2 2 3 · R4 4 3 4
 *   item variances (n − 1): 8.75/3, 4.75/3, 6.75/3 → sum 20.25/3 = 6.75
 *   totals 1 4 7 11 → variance 54.75/3 = 18.25
 *   α = 3/2 × (1 − 6.75/18.25) = 69/73 ≈ 0.9452
 *   without a1: 2 × (1 − (11.5/3)/(20/3)) = 0.85
 *   without a2: 2 × (1 − (15.5/3)/(30/3)) = 29/30 ≈ 0.9667 (+0.0215: named as lowering α)
 *   without a3: 2 × (1 − (13.5/3)/(25/3)) = 0.92
 */
const HAND = rows([
  [1, 1, 2],
  [2, 3, 2],
  [3, 3, 4],
  [5, 4, 5],
]);

describe('dimensionReliability (Cronbach’s α)', () => {
  it('gives the α computed by hand and names the item whose removal raises it', () => {
    const [a] = dimensionReliability(grid, scoreMatrix(grid, HAND), 2);
    expect(a!.completeCases).toBe(4);
    expect(a!.alpha).toBeCloseTo(69 / 73, 12);
    expect(a!.lowering).toEqual([{ itemId: 'a2', alphaIfDeleted: expect.closeTo(29 / 30, 12) }]);
  });

  it('uses complete cases only: a respondent with « don’t know » or a missing answer is left out', () => {
    const withGaps = [...HAND, { a1: 'dk', a2: 5, a3: 5 } as Answers, { a1: 1, a2: 1 }];
    const [a] = dimensionReliability(grid, scoreMatrix(grid, withGaps), 2);
    expect(a!.completeCases).toBe(4);
    expect(a!.alpha).toBeCloseTo(69 / 73, 12);
  });

  it('reports no α below the minimum of complete cases, by default 30', () => {
    expect(MIN_RESPONDENTS_FOR_ALPHA).toBe(30);
    const [a] = dimensionReliability(grid, scoreMatrix(grid, HAND));
    expect(a!.alpha).toBeNull();
    expect(a!.lowering).toEqual([]);
    const thirty = Array.from({ length: 30 }, (_, i) => HAND[i % 4]!);
    expect(dimensionReliability(grid, scoreMatrix(grid, thirty))[0]!.alpha).not.toBeNull();
  });

  it('reports no α for a one-item dimension or when everybody answered alike', () => {
    const same = rows(Array.from({ length: 40 }, () => [3, 3, 3]));
    const [a, b] = dimensionReliability(grid, scoreMatrix(grid, same));
    expect(a!.alpha).toBeNull();
    expect(b!.items).toBe(1);
    expect(b!.alpha).toBeNull();
  });

  it('turns reversed items the right way before computing α', () => {
    const reversed = makeGrid({
      dimensions: [
        makeDimension('d-a', [
          'a1',
          'a2',
          { id: 'a3', text: { fr: 'a3', en: 'a3' }, scale: 'five', reverse: true },
        ]),
      ],
    });
    // a3 answered as the mirror (6 − v) of the hand data: once reversed, the same scores.
    const mirrored = HAND.map((answers) => ({ ...answers, a3: 6 - (answers.a3 as number) }));
    const [a] = dimensionReliability(reversed, scoreMatrix(reversed, mirrored), 2);
    expect(a!.alpha).toBeCloseTo(69 / 73, 12);
  });
});
