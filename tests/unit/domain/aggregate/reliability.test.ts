import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

describe('« α if deleted » from the totals less the item', () => {
  /** α computed the plain way: each kept item's variance and the variance of their sum. */
  function plainAlpha(columns: number[][]): number | null {
    const variance = (xs: number[]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
    };
    const k = columns.length;
    const totals = columns[0]!.map((_, r) => columns.reduce((sum, column) => sum + column[r]!, 0));
    const total = variance(totals);
    if (!(total > 0) || k < 2) return null;
    return (k / (k - 1)) * (1 - columns.reduce((sum, c) => sum + variance(c), 0) / total);
  }

  it('names the items and α the plain computation gives, item left out by item (property)', () => {
    const answer = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(answer, answer, answer), { minLength: 3, maxLength: 40 }),
        (values) => {
          const [a] = dimensionReliability(grid, scoreMatrix(grid, rows(values)), 2);
          const columns = [0, 1, 2].map((i) => values.map((row) => (row[i]! - 1) * 25));
          const alpha = plainAlpha(columns);
          if (alpha === null) {
            expect(a!.alpha).toBeNull();
            return;
          }
          expect(a!.alpha).toBeCloseTo(alpha, 9);
          const plain = [0, 1, 2].map((i) => ({
            itemId: `a${i + 1}`,
            alphaIfDeleted: plainAlpha(columns.filter((_, c) => c !== i)),
          }));
          // A gain within rounding of the threshold could be named or not by either way.
          fc.pre(
            plain.every(
              (item) =>
                item.alphaIfDeleted === null || Math.abs(item.alphaIfDeleted - alpha - 0.02) > 1e-9,
            ),
          );
          const expected = plain
            .filter((item) => item.alphaIfDeleted !== null && item.alphaIfDeleted - alpha >= 0.02)
            .sort((x, y) => y.alphaIfDeleted! - x.alphaIfDeleted!);
          expect(a!.lowering.map((item) => item.itemId)).toEqual(
            expected.map((item) => item.itemId),
          );
          for (const [n, item] of a!.lowering.entries())
            expect(item.alphaIfDeleted).toBeCloseTo(expected[n]!.alphaIfDeleted!, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
