/// <reference types="node" />
/**
 * Scoring-engine benchmark (a plain script, not a vitest test):
 *   npx vite-node bench/engine.bench.ts
 *
 * Builds a 120-item grid (8 dimensions × 15 items) and 10,000 respondents over the 5 roles from a
 * seeded PRNG (same data every run), then times the workshop pipeline: score every respondent,
 * aggregate overall and by role (with anonymity and divergences), evaluate the recommendations
 * on the aggregate for every audience. One warm-up run, then the median of 5 runs with min and
 * max. Writes bench/engine-results.json. Target: < 1 s.
 */
import { writeFileSync } from 'node:fs';
import { ROLES, type Answers, type Role } from '@/domain/answers/answers';
import { aggregateMatrix } from '@/domain/aggregate/aggregate-grid';
import { Grid, type Audience, type Condition, type GridInput } from '@/domain/grid/schema';
import { contextFromAggregate } from '@/domain/recommend/context';
import { recommend } from '@/domain/recommend/recommend';
import { scoreMatrix } from '@/domain/scoring/score-matrix';

const RESPONDENTS = 10_000;
const DIMENSIONS = 8;
const ITEMS_PER_DIMENSION = 15;
const RUNS = 5;
const ROLE_ROUTING = process.env.BENCH_ROLE_ROUTING === '1';

/** mulberry32: a small seeded PRNG, so the data are the same on every run and machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20240611);
const text = (word: string) => ({ fr: word, en: word });

function buildGrid(): Grid {
  const dimensions: GridInput['dimensions'] = [];
  const recommendations: NonNullable<GridInput['recommendations']> = [];
  for (let d = 0; d < DIMENSIONS; d += 1) {
    const dimensionId = `dim-${d}`;
    dimensions.push({
      id: dimensionId,
      label: text(`Dimension ${d}`),
      description: text(`Dimension ${d}`),
      // BENCH_ROLE_ROUTING=1: dimension 0 is not asked of employees, and a third of dimension
      // 1's items not of managers, so the kernel's « not asked » path is timed too.
      ...(ROLE_ROUTING && d === 0
        ? { appliesWhen: { roles: ROLES.filter((role) => role !== 'employee') } }
        : {}),
      items: Array.from({ length: ITEMS_PER_DIMENSION }, (_, i) => ({
        ...(ROLE_ROUTING && d === 1 && i % 3 === 0
          ? { appliesWhen: { roles: ROLES.filter((role) => role !== 'manager') } }
          : {}),
        id: `${dimensionId}-${i}`,
        text: text(`Item ${d}.${i}`),
        scale: i % 5 === 4 ? 'bipolar5' : 'agree4',
        reverse: i % 4 === 1,
        weight: i % 7 === 3 ? 2 : 1,
        ...(i % 3 === 0 ? { specification: text(`Spec ${d}.${i}`) } : {}),
      })),
    });
    const conditions: Condition[] = [
      { type: 'dimension', dimension: dimensionId, op: 'below', value: 50 },
      { type: 'spread', dimension: dimensionId, above: 20 },
      { type: 'roleGap', dimension: dimensionId, above: 10 },
      {
        type: 'all',
        conditions: [
          { type: 'dontKnowRate', dimension: dimensionId, above: 0.03 },
          {
            type: 'not',
            condition: { type: 'item', item: `${dimensionId}-0`, op: 'atLeast', value: 3 },
          },
        ],
      },
    ];
    conditions.forEach((condition, k) => {
      recommendations.push({
        id: `rec-${d}-${k}`,
        title: text(`Recommendation ${d}.${k}`),
        body: text('Body'),
        actions: [text('Action')],
        audiences: (['company', 'union', 'consultant'] as const).filter(
          (_, a) => (a + k) % 3 !== 0,
        ),
        priority: (['high', 'medium', 'low'] as const)[(d + k) % 3] ?? 'low',
        ...(k === 0 ? { checklist: { maxScore: 60 } } : {}),
        condition,
      });
    });
  }
  return Grid.parse({
    schemaVersion: ROLE_ROUTING ? 2 : 1,
    id: 'bench-grid',
    version: '1.0.0',
    languages: { default: 'fr', available: ['fr', 'en'] },
    family: 'custom',
    title: text('Bench'),
    description: text('Bench'),
    scales: [
      {
        id: 'agree4',
        points: [1, 2, 3, 4].map((value) => ({ value, label: text(`v${value}`) })),
      },
      {
        id: 'bipolar5',
        points: [-2, -1, 0, 1, 2].map((value) => ({ value, label: text(`v${value}`) })),
        allowNotApplicable: false,
      },
    ],
    dimensions,
    recommendations,
  });
}

/** Roles in uneven shares (management 5 %, manager 15 %, employee 60 %, representative 12 %, other 8 %). */
function pickRole(): Role {
  const r = random();
  if (r < 0.05) return 'management';
  if (r < 0.2) return 'manager';
  if (r < 0.8) return 'employee';
  if (r < 0.92) return 'representative';
  return 'other';
}

function buildRespondents(grid: Grid): { id: string; role: Role; answers: Answers }[] {
  const items = grid.dimensions.flatMap((dimension) => dimension.items);
  return Array.from({ length: RESPONDENTS }, (_, index) => {
    const role = pickRole();
    const bias = ROLES.indexOf(role) / (ROLES.length - 1); // roles see things differently
    const answers: Answers = {};
    for (const item of items) {
      const r = random();
      if (r < 0.05) answers[item.id] = 'dk';
      else if (r < 0.07 && item.scale === 'agree4') answers[item.id] = 'na';
      else if (r < 0.1)
        continue; // unanswered
      else {
        const points = item.scale === 'agree4' ? [1, 2, 3, 4] : [-2, -1, 0, 1, 2];
        const skewed = Math.min(0.999, Math.max(0, random() * 0.7 + bias * 0.3));
        answers[item.id] = points[Math.floor(skewed * points.length)] as number;
      }
    }
    return { id: `r-${index}`, role, answers };
  });
}

interface RunTimes {
  score: number;
  aggregate: number;
  recommend: number;
  total: number;
}

function run(grid: Grid, respondents: ReturnType<typeof buildRespondents>): RunTimes {
  const t0 = performance.now();
  // Each respondent scored on what their role is asked, as the app does (score-matrix.ts).
  const roles = respondents.map((respondent) => respondent.role);
  const matrix = scoreMatrix(
    grid,
    respondents.map((respondent) => respondent.answers),
    roles,
  );
  const t1 = performance.now();
  const aggregate = aggregateMatrix(grid, matrix, roles);
  const t2 = performance.now();
  const ctx = contextFromAggregate(grid, aggregate);
  let fired = 0;
  for (const audience of [undefined, 'company', 'union', 'consultant'] as (
    Audience | undefined
  )[]) {
    fired += recommend(grid, ctx, audience === undefined ? {} : { audience }).length;
  }
  const t3 = performance.now();
  if (fired === 0 || aggregate.roles.length === 0)
    throw new Error('benchmark data exercise nothing');
  return { score: t1 - t0, aggregate: t2 - t1, recommend: t3 - t2, total: t3 - t0 };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

const grid = buildGrid();
const respondents = buildRespondents(grid);
const items = grid.dimensions.reduce((sum, dimension) => sum + dimension.items.length, 0);

run(grid, respondents); // warm-up: JIT and the per-grid cache
const runs = Array.from({ length: RUNS }, () => run(grid, respondents));

const phases = (['score', 'aggregate', 'recommend', 'total'] as const).map((phase) => {
  const values = runs.map((times) => times[phase]);
  return {
    phase,
    median_ms: round(medianOf(values)),
    min_ms: round(Math.min(...values)),
    max_ms: round(Math.max(...values)),
  };
});
const total = phases.find((phase) => phase.phase === 'total');
if (total === undefined) throw new Error('no total');

console.log(
  `engine: ${respondents.length} respondents × ${items} items (${DIMENSIONS} dimensions), ${RUNS} runs, node ${process.version}`,
);
console.table(phases);
console.log(total.median_ms < 1000 ? 'target < 1 s: met' : 'target < 1 s: MISSED');

const results = {
  name: 'engine: score + aggregate by role + divergences + recommendations',
  runs: RUNS,
  median_ms: total.median_ms,
  min_ms: total.min_ms,
  max_ms: total.max_ms,
  respondents: respondents.length,
  items,
  node: process.version,
  phases,
};
// The committed figures are those of the plain grid; the role-routing variant is printed only.
if (!ROLE_ROUTING) {
  writeFileSync(
    new URL('./engine-results.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
}
