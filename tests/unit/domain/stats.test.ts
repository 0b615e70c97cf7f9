import fc from 'fast-check';
import {
  max,
  mean,
  median,
  min,
  quantile,
  summarize,
  summarizeCounts,
  summarizeInPlace,
} from '@/domain/stats';

describe('summarize', () => {
  // Expectations computed by hand (sd = √(Σ(x − mean)² / n); quartiles: type 7,
  // h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) on the sorted values).
  it.each([
    {
      values: [5],
      expected: { n: 1, mean: 5, median: 5, sd: 0, min: 5, max: 5, q1: 5, q3: 5 },
    },
    {
      // sd = √((2.25 + 0.25 + 0.25 + 2.25) / 4) = √1.25; q1: h = 0.75 → 1.75; q3: h = 2.25 → 3.25
      values: [1, 2, 3, 4],
      expected: {
        n: 4,
        mean: 2.5,
        median: 2.5,
        sd: 1.118033988749895,
        min: 1,
        max: 4,
        q1: 1.75,
        q3: 3.25,
      },
    },
    {
      // the classic example with sd exactly 2; q1: h = 1.75 → 4; q3: h = 5.25 → 5 + 0.25 × 2
      values: [2, 4, 4, 4, 5, 5, 7, 9],
      expected: { n: 8, mean: 5, median: 4.5, sd: 2, min: 2, max: 9, q1: 4, q3: 5.5 },
    },
    {
      // unsorted input; sd = √(50/3); q1: h = 0.5 → 2.5; q3: h = 1.5 → 7.5
      values: [10, 0, 5],
      expected: {
        n: 3,
        mean: 5,
        median: 5,
        sd: 4.08248290463863,
        min: 0,
        max: 10,
        q1: 2.5,
        q3: 7.5,
      },
    },
    {
      values: [0, 100],
      expected: { n: 2, mean: 50, median: 50, sd: 50, min: 0, max: 100, q1: 25, q3: 75 },
    },
  ])('summarizes $values', ({ values, expected }) => {
    const summary = summarize(values);
    expect(summary).not.toBeNull();
    for (const [key, value] of Object.entries(expected)) {
      expect(summary?.[key as keyof typeof expected]).toBeCloseTo(value, 8);
    }
  });

  it('gives null, never NaN, for no values', () => {
    expect(summarize([])).toBeNull();
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(quantile([], 0.5)).toBeNull();
    expect(summarize([])?.sd ?? null).toBeNull();
    expect(min([])).toBeNull();
    expect(max([])).toBeNull();
  });
});

describe('single statistics', () => {
  it.each([
    { values: [3, 1, 2], mean: 2, median: 2, sd: 0.816496580927726, min: 1, max: 3 },
    { values: [7, 7, 7, 7], mean: 7, median: 7, sd: 0, min: 7, max: 7 },
    { values: [-2, 4], mean: 1, median: 1, sd: 3, min: -2, max: 4 },
  ])('$values', (row) => {
    expect(mean(row.values)).toBeCloseTo(row.mean, 8);
    expect(median(row.values)).toBeCloseTo(row.median, 8);
    expect(summarize(row.values)?.sd).toBeCloseTo(row.sd, 8);
    expect(min(row.values)).toBe(row.min);
    expect(max(row.values)).toBe(row.max);
  });

  it.each([
    { p: 0, expected: 1 },
    { p: 0.1, expected: 1.4 }, // h = 0.4
    { p: 0.25, expected: 2 },
    { p: 0.5, expected: 3 },
    { p: 0.9, expected: 4.6 }, // h = 3.6
    { p: 1, expected: 5 },
    { p: 1.5, expected: 5 }, // clamped to 1
  ])('quantile p=$p of 5,4,3,2,1 is $expected', ({ p, expected }) => {
    expect(quantile([5, 4, 3, 2, 1], p)).toBeCloseTo(expected, 8);
  });
});

describe('summarizeCounts', () => {
  it.each([
    {
      // = [0, 0, 100]: mean 100/3, sd = √((2 × (100/3)² + (200/3)²) / 3) = 47.14045…; q3: h = 1.5 → 50
      values: [0, 100],
      counts: [2, 1],
      expected: {
        n: 3,
        mean: 100 / 3,
        median: 0,
        sd: 47.14045207910317,
        min: 0,
        max: 100,
        q1: 0,
        q3: 50,
      },
    },
    {
      // unsorted values (a reverse item: 100, 75, 50, 25, 0) = [25, 50, 50, 75]
      values: [100, 75, 50, 25, 0],
      counts: [0, 1, 2, 1, 0],
      expected: {
        n: 4,
        mean: 50,
        median: 50,
        sd: 17.67766952966369,
        min: 25,
        max: 75,
        q1: 43.75,
        q3: 56.25,
      },
    },
    {
      // = [1, 2, 3, 4]
      values: [1, 2, 3, 4],
      counts: [1, 1, 1, 1],
      expected: {
        n: 4,
        mean: 2.5,
        median: 2.5,
        sd: 1.118033988749895,
        min: 1,
        max: 4,
        q1: 1.75,
        q3: 3.25,
      },
    },
  ])('$values × $counts', ({ values, counts, expected }) => {
    const summary = summarizeCounts(values, counts);
    for (const [key, value] of Object.entries(expected)) {
      expect(summary?.[key as keyof typeof expected], key).toBeCloseTo(value, 8);
    }
  });

  it('is null when every count is 0', () => {
    expect(summarizeCounts([0, 50, 100], [0, 0, 0])).toBeNull();
    expect(summarizeCounts([], [])).toBeNull();
  });

  it('matches summarize of the expanded list', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -50, max: 150 }), { minLength: 1, maxLength: 7 }),
        fc.array(fc.nat({ max: 30 }), { minLength: 7, maxLength: 7 }),
        (values, counts) => {
          const expanded = values.flatMap((value, i) => Array<number>(counts[i] ?? 0).fill(value));
          const expected = summarize(expanded);
          const actual = summarizeCounts(values, counts);
          if (expected === null) {
            expect(actual).toBeNull();
            return;
          }
          for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
            expect(actual?.[key], key).toBeCloseTo(expected[key], 8);
          }
        },
      ),
    );
  });
});

describe('summarizeInPlace', () => {
  it('sorts the array it is given and summarizes it', () => {
    const buffer = Float64Array.from([9, 1, 5]);
    expect(summarizeInPlace(buffer)?.median).toBe(5);
    expect([...buffer]).toEqual([1, 5, 9]);
    expect(summarizeInPlace(new Float64Array(0))).toBeNull();
  });
});

describe('properties', () => {
  const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
    minLength: 1,
    maxLength: 40,
  });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(
        values.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })),
        ),
        ([xs, shuffled]) => {
          expect(summarize(shuffled)).toEqual(summarize(xs));
        },
      ),
    );
  });

  it('keeps min ≤ q1 ≤ median ≤ q3 ≤ max and min ≤ mean ≤ max', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const s = summarize(xs);
        if (s === null) throw new Error('non-empty input');
        expect(s.min).toBeLessThanOrEqual(s.q1);
        expect(s.q1).toBeLessThanOrEqual(s.median);
        expect(s.median).toBeLessThanOrEqual(s.q3);
        expect(s.q3).toBeLessThanOrEqual(s.max);
        expect(s.mean).toBeGreaterThanOrEqual(s.min - 1e-6);
        expect(s.mean).toBeLessThanOrEqual(s.max + 1e-6);
        expect(s.sd).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
