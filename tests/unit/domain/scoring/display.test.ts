import fc from 'fast-check';
import {
  dimensionBounds,
  roundTo,
  shownComparison,
  shownDifference,
  shownExactly,
  shownNumber,
  shownPair,
  shownPercent,
} from '@/domain/scoring/display';
import { exact } from '@/domain/scoring/exact';
import { formatScore, formatShown } from '@/i18n/format-score';
import { makeGrid, makeRecommendation } from '../../../fixtures/make-grid';

const BANDS = [0, 25, 50, 75];

describe('exact', () => {
  it('settles thirds that add up to a bound on the bound', () => {
    const raw = ((1 / 3) * 100 + (2 / 3) * 100) / 2; // answers 2 and 3 on 1–4
    expect(raw).not.toBe(50);
    expect(exact(raw)).toBe(50);
    expect(exact(0.1 + 0.2)).toBe(0.3);
    expect(exact(-0)).toBe(0);
    expect(Number.isNaN(exact(Number.NaN))).toBe(true);
  });
});

describe('roundTo', () => {
  it.each([
    [62.5, 0, 63],
    [62.45, 1, 62.5],
    [-2.5, 0, -3],
    [49.96, 1, 50],
    [49.96, 2, 49.96],
    [0.125, 2, 0.13],
  ])('%s to %s decimals is %s (half away from zero)', (value, digits, expected) => {
    expect(roundTo(value, digits)).toBe(expected);
  });
});

describe('shownNumber: never across a bound', () => {
  it.each([
    [49.7, '49.7'],
    [49.96, '49.96'],
    [50, '50'],
    [50.2, '50'],
    [74.5, '74.5'],
    [24.99, '24.99'],
    [62.4, '62'],
    [31.7, '32'],
  ])('score %s against the bands is shown %s', (value, expected) => {
    const shown = shownNumber(value, BANDS);
    expect(shown.value.toFixed(shown.digits)).toBe(expected);
  });

  it('compares spreads, gaps and shares « above »', () => {
    expect(shownNumber(20.3, [20], 0, 'above')).toEqual({ value: 20.3, digits: 1 });
    expect(shownNumber(19.7, [20], 0, 'above')).toEqual({ value: 20, digits: 0 });
    expect(shownPercent(0.304, [0.3])).toEqual({ value: 30.4, digits: 1 });
    expect(shownPercent(0.4167, [0.3])).toEqual({ value: 42, digits: 0 });
  });

  it('shows thresholds as written', () => {
    expect(shownExactly(50)).toEqual({ value: 50, digits: 0 });
    expect(shownExactly(33.35)).toEqual({ value: 33.35, digits: 2 });
  });

  it('property: the shown score is in the band of the exact one, on any bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 1_000_000),
        fc.uniqueArray(
          fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
          { maxLength: 5 },
        ),
        (value, thresholds) => {
          const bounds = [...BANDS, ...thresholds];
          const shown = shownNumber(value, bounds).value;
          for (const b of bounds) expect(shown >= b).toBe(value >= b);
          expect(Math.abs(shown - value)).toBeLessThanOrEqual(0.5);
        },
      ),
    );
  });
});

describe('differences of the shown figures (compare page)', () => {
  it.each([
    // exact T0, exact T1 → shown T0, T1, delta
    [58.6, 53.4, '59', '53', '−6'],
    [50.4, 72.6, '50', '73', '+23'],
    [49.5, 73.4, '49.5', '73', '+23.5'],
    [62, 62.4, '62', '62', '0'],
  ])('%s → %s is shown %s → %s, %s', (t0, t1, s0, s1, delta) => {
    const shown = shownComparison(t0, t1, BANDS, BANDS);
    expect(formatShown(shown.t0!, 'en')).toBe(s0);
    expect(formatShown(shown.t1!, 'en')).toBe(s1);
    const d = shown.delta!;
    const text =
      d.value === 0
        ? '0'
        : `${d.value > 0 ? '+' : '−'}${formatShown({ value: Math.abs(d.value), digits: d.digits }, 'en')}`;
    expect(text).toBe(delta);
  });

  it('property: a delta is always the difference of the two figures shown beside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000),
        fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000),
        (t0, t1) => {
          const shown = shownComparison(t0, t1, BANDS, BANDS);
          const digits = Math.max(shown.t0!.digits, shown.t1!.digits);
          expect(shown.delta!.value).toBe(roundTo(shown.t1!.value - shown.t0!.value, digits));
        },
      ),
    );
  });

  it('a role gap is the difference of the two means shown, and on the right side of its threshold', () => {
    const pair = shownPair({ value: 71.5, bounds: BANDS }, { value: 38.25, bounds: BANDS }, []);
    expect([pair.a.value, pair.b.value, pair.difference.value]).toEqual([72, 38, 34]);
    // 60.4 − 40 = 20.4 against « above 20 »: 60 − 40 = 20 would be false, so one decimal.
    const near = shownPair({ value: 60.4, bounds: BANDS }, { value: 40, bounds: BANDS }, [20]);
    expect([near.a.value, near.b.value, near.difference.value]).toEqual([60.4, 40, 20.4]);
    expect(shownDifference({ value: 59, digits: 0 }, { value: 53, digits: 0 })).toEqual({
      value: 6,
      digits: 0,
    });
  });
});

describe('formatScore: same text on every page and in the PDF', () => {
  it('formats in the interface language', () => {
    expect(formatScore(49.7, 'fr', BANDS)).toBe('49,7');
    expect(formatScore(49.7, 'en', BANDS)).toBe('49.7');
    expect(formatScore(31.25, 'fr', [], 'above')).toBe('31');
  });
});

describe('dimensionBounds', () => {
  it('collects band bounds and the thresholds of conditions on each dimension, nested too', () => {
    const grid = makeGrid({
      recommendations: [
        makeRecommendation('r1', 'high', ['company'], {
          type: 'any',
          conditions: [
            { type: 'dimension', dimension: 'd-a', op: 'below', value: 40 },
            { type: 'not', condition: { type: 'spread', dimension: 'd-b', above: 20 } },
            { type: 'roleGap', dimension: 'd-a', above: 15 },
            { type: 'dontKnowRate', dimension: 'd-b', above: 0.3 },
          ],
        }),
      ],
    });
    const bounds = dimensionBounds(grid);
    expect(bounds.get('d-a')).toEqual({
      score: [0, 25, 40, 50, 75],
      spread: [],
      dkRate: [],
      roleGap: [15],
    });
    expect(bounds.get('d-b')).toEqual({ score: BANDS, spread: [20], dkRate: [0.3], roleGap: [] });
  });
});
