/**
 * Exact scores (docs/scoring.md): a score whose exact rational value is a band bound or a threshold
 * is equal to it, for every reader (scoring, aggregation, levels, recommendations, reasons as
 * shown). Exact values are computed here with BigInt fractions, independently of the app's
 * arithmetic.
 */
import fc from 'fast-check';
import type { Answers } from '@/domain/answers/answers';
import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import {
  DIAGNOSTIC_FORMAT,
  DIAGNOSTIC_FORMAT_VERSION,
  type Diagnostic,
} from '@/domain/diagnostic/diagnostic';
import type { Grid } from '@/domain/grid/schema';
import { buildReportModel } from '@/domain/report/build-report-model';
import { reasonFigures } from '@/domain/report/reason-figures';
import { shownNumber } from '@/domain/scoring/display';
import { scoreGrid } from '@/domain/scoring/score-grid';
import {
  makeDimension,
  makeGrid,
  makeItem,
  makeRecommendation,
  makeScale,
} from '../../../fixtures/make-grid';

/** A non-negative-denominator fraction. */
type Fraction = { n: bigint; d: bigint };

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function frac(n: bigint, d: bigint): Fraction {
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}
const add = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
const int = (value: number) => frac(BigInt(value), 1n);
/** Compares a fraction with an integer bound: −1, 0 or 1. */
const cmp = (a: Fraction, bound: number): number => {
  const diff = a.n - BigInt(bound) * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};
const toNumber = (a: Fraction) => Number(a.n) / Number(a.d);

const BOUNDS = [0, 25, 50, 75];
const LEVEL_IDS = ['critical', 'fragile', 'progressing', 'favourable'];
/** The default level of an exact score: the highest band whose bound it reaches. */
function exactLevel(score: Fraction): string {
  let found = LEVEL_IDS[0] as string;
  BOUNDS.forEach((bound, i) => {
    if (cmp(score, bound) >= 0) found = LEVEL_IDS[i] as string;
  });
  return found;
}

/** Weights as halves, so that 0.5 is exact: 1, 2, 3 or 0.5. */
const WEIGHTS = [1, 2, 3, 0.5];

interface Shape {
  /** Points of the item's scale: 2 to 7 consecutive values starting at `start`. */
  points: number;
  start: number;
  reverse: boolean;
  weight: number;
}

const shape = fc.record({
  points: fc.integer({ min: 2, max: 7 }),
  start: fc.integer({ min: -3, max: 1 }),
  reverse: fc.boolean(),
  weight: fc.constantFrom(...WEIGHTS),
});

/** Up to four items in one dimension, and one to four respondents answering every item. */
const caseArbitrary = fc.array(shape, { minLength: 1, maxLength: 4 }).chain((shapes) =>
  fc.record({
    shapes: fc.constant(shapes),
    people: fc.array(fc.tuple(...shapes.map((s) => fc.integer({ min: 0, max: s.points - 1 }))), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
);

const RULES = [25, 50, 75].flatMap((value) => [
  makeRecommendation(`below-${value}`, 'high', ['company'], {
    type: 'dimension',
    dimension: 'd',
    op: 'below',
    value,
  }),
  makeRecommendation(`at-least-${value}`, 'low', ['company'], {
    type: 'dimension',
    dimension: 'd',
    op: 'atLeast',
    value,
  }),
]);

function gridOf(shapes: Shape[]): Grid {
  const scales = shapes.map((s, i) =>
    makeScale(
      `s${i}`,
      Array.from({ length: s.points }, (_, p) => s.start + p),
    ),
  );
  return makeGrid({
    minCoverage: 0,
    scales,
    dimensions: [
      makeDimension(
        'd',
        shapes.map((s, i) =>
          makeItem(`i${i}`, { scale: `s${i}`, reverse: s.reverse, weight: s.weight }),
        ),
      ),
    ],
    recommendations: RULES,
  });
}

function answersOf(shapes: Shape[], picks: number[]): Answers {
  return Object.fromEntries(shapes.map((s, i) => [`i${i}`, s.start + (picks[i] ?? 0)]));
}

/** The exact dimension score of one respondent: Σ w·s / Σ w. */
function exactScore(shapes: Shape[], picks: number[]): Fraction {
  let weighted = int(0);
  let weights = int(0);
  shapes.forEach((s, i) => {
    const step = picks[i] ?? 0;
    let score = div(int(100 * step), int(s.points - 1));
    if (s.reverse) score = add(int(100), mul(score, int(-1)));
    const w = frac(BigInt(s.weight * 2), 2n);
    weighted = add(weighted, mul(w, score));
    weights = add(weights, w);
  });
  return div(weighted, weights);
}

function diagnosticOf(grid: Grid, people: Answers[]): Diagnostic {
  return {
    format: DIAGNOSTIC_FORMAT,
    formatVersion: DIAGNOSTIC_FORMAT_VERSION,
    id: 'd1',
    title: 'Bords de bandes',
    purpose: 'upstream',
    project: { name: 'P', kind: 'mobile-telemanagement', phase: 'deployment' },
    grids: [{ id: grid.id, version: grid.version, hash: 'a'.repeat(64), grid: {} }],
    respondents: people.map((answers, i) => ({
      id: `r${i}`,
      role: 'employee',
      answers: { [grid.id]: answers },
      comments: {},
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    })),
    actionPlan: [],
    anonymityThreshold: 3,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
  };
}

describe('exact scores at the band edges (property)', () => {
  it('gives every respondent and every group the level of the exact rational score', () => {
    let onBound = 0;
    fc.assert(
      fc.property(caseArbitrary, ({ shapes, people }) => {
        const grid = gridOf(shapes);
        const exacts = people.map((picks) => exactScore(shapes, picks));
        people.forEach((picks, r) => {
          const exact = exacts[r] as Fraction;
          const scored = scoreGrid(grid, answersOf(shapes, picks));
          const dimension = scored.dimensions[0];
          expect(dimension?.score).toBeCloseTo(toNumber(exact), 8);
          expect(dimension?.level?.id).toBe(exactLevel(exact));
          expect(scored.level?.id).toBe(exactLevel(exact));
          for (const bound of BOUNDS) {
            if (cmp(exact, bound) === 0) {
              onBound += 1;
              expect(dimension?.score).toBe(bound);
            }
          }
        });
        const mean = div(
          exacts.reduce((sum, e) => add(sum, e), int(0)),
          int(people.length),
        );
        const aggregate = aggregateGrid(
          grid,
          people.map((picks, r) => ({
            id: `r${r}`,
            role: 'employee' as const,
            answers: answersOf(shapes, picks),
          })),
        );
        expect(aggregate.dimensions[0]?.score).toBeCloseTo(toNumber(mean), 8);
        expect(aggregate.dimensions[0]?.level?.id).toBe(exactLevel(mean));
        expect(aggregate.level?.id).toBe(exactLevel(mean));
        for (const bound of BOUNDS) {
          if (cmp(mean, bound) === 0) expect(aggregate.dimensions[0]?.score).toBe(bound);
        }
      }),
      { numRuns: 400 },
    );
    // The generator does reach the bounds (2 and 3 on 1–4, and many more).
    expect(onBound).toBeGreaterThan(20);
  });

  it('fires a threshold rule exactly when the exact score meets it, and no shown reason is false', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.constantFrom('fr', 'en'), ({ shapes, people }, lang) => {
        const grid = gridOf(shapes);
        const exacts = people.map((picks) => exactScore(shapes, picks));
        const mean = div(
          exacts.reduce((sum, e) => add(sum, e), int(0)),
          int(people.length),
        );
        const model = buildReportModel(
          diagnosticOf(
            grid,
            people.map((picks) => answersOf(shapes, picks)),
          ),
          [{ grid, hash: 'a'.repeat(64) }],
          { lang, generatedAt: '2025-01-02T00:00:00.000Z' },
        );
        const fired = new Set(model.recommendations.map((r) => r.id));
        for (const value of [25, 50, 75]) {
          expect(fired.has(`below-${value}`)).toBe(cmp(mean, value) < 0);
          expect(fired.has(`at-least-${value}`)).toBe(cmp(mean, value) >= 0);
        }
        for (const rec of model.recommendations) {
          for (const reason of rec.reasons) {
            const f = reasonFigures(reason);
            // The number printed in the reason is on the side of the threshold the rule says.
            if (reason.op === 'below') expect(f.observed.value).toBeLessThan(f.threshold.value);
            if (reason.op === 'atLeast') {
              expect(f.observed.value).toBeGreaterThanOrEqual(f.threshold.value);
            }
          }
        }
        // The score shown beside the level is in that level's band.
        const dimension = model.grids[0]?.dimensions[0];
        if (dimension?.score !== null && dimension !== undefined) {
          const shown = shownNumber(dimension.score, dimension.bounds.score).value;
          const shownLevel = exactLevel(frac(BigInt(Math.round(shown * 1e9)), 1_000_000_000n));
          expect(shownLevel).toBe(dimension.level?.id);
          expect(dimension.level?.id).toBe(exactLevel(mean));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('exact scores: thirds landing on 25, 50 and 75', () => {
  const four = [makeScale('four', [1, 2, 3, 4])];
  const grid = makeGrid({
    minCoverage: 0,
    scales: four,
    dimensions: [
      makeDimension('d', [makeItem('a', { scale: 'four' }), makeItem('b', { scale: 'four' })]),
    ],
    recommendations: RULES,
  });
  it('scores 2 and 3 on 1–4 exactly 50 « En progrès », and « sous 50 » does not fire', () => {
    const model = buildReportModel(
      diagnosticOf(grid, [{ a: 2, b: 3 }]),
      [{ grid, hash: 'a'.repeat(64) }],
      { lang: 'fr', generatedAt: '2025-01-02T00:00:00.000Z' },
    );
    const dimension = model.grids[0]?.dimensions[0];
    expect(dimension?.score).toBe(50);
    expect(dimension?.level?.label).toBe('En progrès');
    expect(model.recommendations.map((r) => r.id)).not.toContain('below-50');
    expect(model.recommendations.map((r) => r.id)).toContain('at-least-50');
  });

  it('lands exactly on 25 and on 75 with thirds, as on 50', () => {
    const three = makeGrid({
      minCoverage: 0,
      scales: four,
      dimensions: [
        makeDimension('d', [
          makeItem('a', { scale: 'four' }),
          makeItem('b', { scale: 'four' }),
          makeItem('c', { scale: 'four', weight: 2 }),
        ]),
      ],
    });
    // (0 + 33.3… + 2 × 33.3…) / 4 = 25; (100 + 66.6… + 2 × 66.6…) / 4 = 75.
    const at25 = scoreGrid(three, { a: 1, b: 2, c: 2 }).dimensions[0];
    expect(at25?.score).toBe(25);
    expect(at25?.level?.id).toBe('fragile');
    const at75 = scoreGrid(three, { a: 4, b: 3, c: 3 }).dimensions[0];
    expect(at75?.score).toBe(75);
    expect(at75?.level?.id).toBe('favourable');
  });
});
