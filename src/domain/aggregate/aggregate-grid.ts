/**
 * Aggregation of several respondents on one grid, with role anonymity and divergences
 * (docs/scoring.md, « Scores » for a group and « Anonymity »).
 *
 * Every statistic is computed through `src/domain/stats.ts`, which sorts before reducing, so the
 * aggregate never depends on the order of the respondents. Respondent ids and individual scores
 * never appear in the output, and neither do the names of masked roles.
 *
 * Each respondent is scored on what is asked of their role (`score-matrix.ts`, « asked or
 * not »): a dimension or item not asked of someone counts neither as answered nor as missing for
 * them, so adding respondents of a role not asked a dimension never changes its figures.
 */
import { type Answers, ROLES, type Role } from '@/domain/answers/answers';
import type { Grid, Level } from '@/domain/grid/schema';
import type { GridColumns } from '@/domain/scoring/answer-columns';
import { exact } from '@/domain/scoring/exact';
import { levelOf, levelsOf } from '@/domain/scoring/level';
import {
  type CompiledGrid,
  type CompiledItem,
  compileGrid,
  SCORE_STEP_ROWS,
  scoreColumnsSteps,
  type ScoreMatrix,
  scoreMatrixSteps,
  STATUS_ANSWERED,
  STATUS_DK,
  STATUS_NA,
  STATUS_NOT_ASKED,
} from '@/domain/scoring/score-matrix';
import { mean, type Summary, summarizeCounts, summarizeInPlace } from '@/domain/stats';
import { runToEnd } from '@/domain/run-to-end';
import { decideRoleVisibility, effectiveThreshold } from './anonymity';
import { type DimensionReliability, dimensionReliabilitySteps } from './reliability';

export interface AggregateRespondent {
  id: string;
  role: Role;
  answers: Answers;
}

export interface AggregateOptions {
  /** Roles with fewer respondents are not shown apart. Default 3, at least 2. */
  anonymityThreshold?: number;
}

export interface DimensionAggregate {
  dimensionId: string;
  /** Respondents in the group (with or without a score on this dimension, asked it or not). */
  respondents: number;
  /** Respondents of the group asked this dimension (at least one of its items, by their role). */
  asked: number;
  /** Statistics over the respondents' dimension scores that exist; null when none does. */
  stats: Summary | null;
  /** Mean of the respondents' dimension scores (= `stats.mean`); null when none exists. */
  score: number | null;
  level: Level | null;
  /** Respondents asked the dimension whose dimension had no score (insufficient answers). */
  insufficient: number;
  /**
   * Answers over the items asked, summed over the respondents asked (= answered / Σ items asked);
   * null for an empty group or when nobody in it was asked the dimension.
   */
  coverage: number | null;
  /** Total "don't know" / Σ items asked; null when nothing of the dimension was asked. */
  dkRate: number | null;
  /**
   * True when, in a role, fewer respondents than the anonymity threshold have a score here: the
   * figures are withheld (stats, score and level null) so nobody's score can be read off a role.
   */
  suppressed?: boolean;
}

export interface ItemDistribution {
  /** Count per point of the item's scale, in scale order. */
  values: { value: number; count: number }[];
  dk: number;
  na: number;
  /** No answer, or a value off the scale. */
  missing: number;
}

export interface ItemAggregate {
  itemId: string;
  dimensionId: string;
  /** Respondents of the group asked this item (by their role); the distribution counts only them. */
  asked: number;
  /** Statistics over the respondents' item scores (0–100); null when nobody answered. */
  stats: Summary | null;
  /** Mean raw answer value (on the item's scale); null when nobody answered. */
  meanValue: number | null;
  distribution: ItemDistribution;
  /** True when a role's answers to this item are withheld (fewer than the threshold answered). */
  suppressed?: boolean;
}

export interface GroupAggregate {
  respondents: number;
  /** Mean of the dimension aggregate scores that exist. */
  score: number | null;
  level: Level | null;
  dimensions: DimensionAggregate[];
  items: ItemAggregate[];
}

export interface RoleAggregate extends GroupAggregate {
  role: Role;
}

export interface DimensionDivergence {
  dimensionId: string;
  n: number;
  mean: number;
  sd: number;
}

export interface ItemDivergence {
  itemId: string;
  dimensionId: string;
  n: number;
  mean: number;
  sd: number;
}

export interface RoleGap {
  dimensionId: string;
  /** The visible role with the highest mean. */
  roleA: Role;
  /** The visible role with the lowest mean. */
  roleB: Role;
  meanA: number;
  meanB: number;
  /** meanA − meanB, ≥ 0. */
  gap: number;
}

export interface Divergence {
  /** Dimensions with at least 2 scores, by standard deviation, largest first. */
  dimensions: DimensionDivergence[];
  /** Items with at least 2 scores, by standard deviation, largest first. */
  items: ItemDivergence[];
  /** Per dimension, the largest gap between two visible roles' means, largest first. */
  roleGaps: RoleGap[];
}

export interface GridAggregate extends GroupAggregate {
  gridId: string;
  gridVersion: string;
  /** The threshold applied (after clamping). */
  anonymityThreshold: number;
  /** Roles that may be shown apart, in `ROLES` order. Masked roles are absent. */
  roles: RoleAggregate[];
  /** Respondents of the roles not shown apart, as one anonymous total (0 or ≥ threshold, unless no role is visible). */
  masked: { respondents: number };
  divergence: Divergence;
  /**
   * Internal consistency (Cronbach's α) of each dimension over every respondent, masked roles
   * included: it names items, never roles or people (`reliability.ts`).
   */
  reliability: DimensionReliability[];
}

/**
 * Aggregates the rows of a group, a step per dimension and per item. Every mean is computed on
 * sorted values or from integer counts, so the result never depends on the order of the rows.
 */
function* aggregateGroupSteps(
  grid: Grid,
  compiled: CompiledGrid,
  m: ScoreMatrix,
  rows: Int32Array,
  buffer: Float64Array,
  /** In a role, fewer scores than this on a dimension or item are withheld (see `suppressed`). */
  minN = 1,
): Generator<void, GroupAggregate, void> {
  const levels = levelsOf(grid);
  const respondents = rows.length;
  const dimensions: DimensionAggregate[] = [];
  for (const [d, dimension] of compiled.dimensions.entries()) {
    yield;
    let n = 0;
    let answered = 0;
    let dk = 0;
    let askedRespondents = 0;
    let cells = 0;
    for (const row of rows) {
      const cell = row * m.dimensionCount + d;
      const score = m.dimensionScore[cell] as number;
      if (!Number.isNaN(score)) buffer[n++] = score;
      answered += m.answered[cell] as number;
      dk += m.dk[cell] as number;
      const asked = m.asked[cell] as number;
      cells += asked;
      if (asked > 0) askedRespondents += 1;
    }
    const suppressed = n > 0 && n < minN;
    const stats = suppressed ? null : summarizeInPlace(buffer.subarray(0, n));
    dimensions.push({
      dimensionId: dimension.id,
      respondents,
      asked: askedRespondents,
      stats,
      score: stats?.mean ?? null,
      level: levelOf(stats?.mean ?? null, levels),
      insufficient: askedRespondents - n,
      coverage:
        respondents === 0 || (askedRespondents === 0 && dimension.itemCount > 0)
          ? null
          : cells === 0
            ? 0
            : exact(answered / cells),
      dkRate: cells === 0 ? null : exact(dk / cells),
      ...(suppressed ? { suppressed: true } : {}),
    });
  }
  const items: ItemAggregate[] = [];
  for (const [i, item] of compiled.items.entries()) {
    yield;
    items.push(itemAggregate(compiled, m, rows, item, i, minN));
  }
  const score = mean(dimensions.flatMap((d) => (d.score === null ? [] : [d.score])));
  return { respondents, score, level: levelOf(score, levels), dimensions, items };
}

/** One item's statistics and distribution over the rows of a group. */
function itemAggregate(
  compiled: CompiledGrid,
  m: ScoreMatrix,
  rows: Int32Array,
  item: CompiledItem,
  i: number,
  minN: number,
): ItemAggregate {
  const { points } = item;
  const counts = new Array<number>(points.length).fill(0);
  let dk = 0;
  let na = 0;
  let missing = 0;
  let notAsked = 0;
  for (const row of rows) {
    const cell = row * m.itemCount + i;
    const status = m.itemStatus[cell];
    if (status === STATUS_ANSWERED) {
      const point = m.itemPoint[cell] as number;
      counts[point] = (counts[point] ?? 0) + 1;
    } else if (status === STATUS_DK) dk += 1;
    else if (status === STATUS_NA) na += 1;
    else if (status === STATUS_NOT_ASKED) notAsked += 1;
    else missing += 1;
  }
  const asked = rows.length - notAsked;
  // An item score depends only on the point chosen, so its statistics follow from the counts
  // per point (no sort), and Σ count × value in scale order is independent of the row order.
  const n = counts.reduce((sum, count) => sum + count, 0);
  if (n > 0 && n < minN) {
    return {
      itemId: item.id,
      dimensionId: compiled.dimensions[item.dimensionIndex]?.id ?? '',
      asked,
      stats: null,
      meanValue: null,
      distribution: {
        values: points.map((value) => ({ value, count: 0 })),
        dk: 0,
        na: 0,
        missing: 0,
      },
      suppressed: true,
    };
  }
  const valueSum = points.reduce((sum, value, p) => sum + (counts[p] ?? 0) * value, 0);
  return {
    itemId: item.id,
    dimensionId: compiled.dimensions[item.dimensionIndex]?.id ?? '',
    asked,
    // Unsettled point scores: the statistics are settled once (docs/scoring.md).
    stats: summarizeCounts(item.pointScoresRaw, counts),
    meanValue: n === 0 ? null : exact(valueSum / n),
    distribution: {
      values: points.map((value, p) => ({ value, count: counts[p] ?? 0 })),
      dk,
      na,
      missing,
    },
  };
}

function bySdThenOrder<T extends { sd: number; order: number }>(a: T, b: T): number {
  return b.sd - a.sd || a.order - b.order;
}

function divergenceOf(grid: Grid, all: GroupAggregate, roles: RoleAggregate[]): Divergence {
  const dimensions = all.dimensions
    .flatMap((d, order) =>
      d.stats !== null && d.stats.n >= 2
        ? [{ dimensionId: d.dimensionId, n: d.stats.n, mean: d.stats.mean, sd: d.stats.sd, order }]
        : [],
    )
    .sort(bySdThenOrder)
    .map(({ order: _order, ...rest }) => rest);
  const items = all.items
    .flatMap((item, order) =>
      item.stats !== null && item.stats.n >= 2
        ? [
            {
              itemId: item.itemId,
              dimensionId: item.dimensionId,
              n: item.stats.n,
              mean: item.stats.mean,
              sd: item.stats.sd,
              order,
            },
          ]
        : [],
    )
    .sort(bySdThenOrder)
    .map(({ order: _order, ...rest }) => rest);
  const roleGaps = grid.dimensions
    .flatMap((dimension, index) => {
      // `roles` is in ROLES order; strict comparisons keep the earlier role on ties.
      const entries = roles.flatMap((role) => {
        const value = role.dimensions[index]?.score ?? null;
        return value === null ? [] : [{ role: role.role, mean: value }];
      });
      const first = entries[0];
      if (first === undefined || entries.length < 2) return [];
      let high = first;
      for (const entry of entries) if (entry.mean > high.mean) high = entry;
      let low: { role: Role; mean: number } | null = null;
      for (const entry of entries) {
        if (entry !== high && (low === null || entry.mean < low.mean)) low = entry;
      }
      if (low === null) return [];
      return [
        {
          dimensionId: dimension.id,
          roleA: high.role,
          roleB: low.role,
          meanA: high.mean,
          meanB: low.mean,
          gap: exact(high.mean - low.mean),
          order: index,
        },
      ];
    })
    .sort((a, b) => b.gap - a.gap || a.order - b.order)
    .map(({ order: _order, ...rest }) => rest);
  return { dimensions, items, roleGaps };
}

/**
 * Aggregates respondents already scored with `scoreMatrix` on this grid (`roles[r]` is the role of
 * row r; score the matrix with the same roles, so that each row counts only what its role was
 * asked): overall statistics, visible roles, the anonymous masked total and divergences.
 */
export function aggregateMatrix(
  grid: Grid,
  matrix: ScoreMatrix,
  roles: readonly Role[],
  options: AggregateOptions = {},
): GridAggregate {
  return runToEnd(aggregateMatrixSteps(grid, matrix, roles, options));
}

/** `aggregateMatrix` in steps (a dimension or an item of a group each): the same aggregate. */
export function* aggregateMatrixSteps(
  grid: Grid,
  matrix: ScoreMatrix,
  roles: readonly Role[],
  options: AggregateOptions = {},
): Generator<void, GridAggregate, void> {
  const threshold = effectiveThreshold(options.anonymityThreshold);
  const compiled = compileGrid(grid);
  const rowsByRole = new Map<Role, number[]>();
  for (let row = 0; row < matrix.rows; row += 1) {
    // A role outside ROLES (bad input past validation) counts as `other`, so every respondent is
    // either in a visible role or in the masked total.
    const given = roles[row];
    const role: Role = given !== undefined && ROLES.includes(given) ? given : 'other';
    const group = rowsByRole.get(role);
    if (group === undefined) rowsByRole.set(role, [row]);
    else group.push(row);
  }
  const counts = new Map<Role, number>(
    ROLES.map((role) => [role, rowsByRole.get(role)?.length ?? 0] as const),
  );
  const { visible, maskedRespondents } = decideRoleVisibility(counts, threshold);
  const buffer = new Float64Array(matrix.rows);
  const allRows = new Int32Array(matrix.rows).map((_, row) => row);
  const all = yield* aggregateGroupSteps(grid, compiled, matrix, allRows, buffer);
  // Only visible roles are ever computed, so nothing about a masked role can leak into the output.
  const roleAggregates: RoleAggregate[] = [];
  for (const role of visible) {
    const rows = Int32Array.from(rowsByRole.get(role) ?? []);
    const group = yield* aggregateGroupSteps(grid, compiled, matrix, rows, buffer, threshold);
    roleAggregates.push({ role, ...group });
  }
  const reliability = yield* dimensionReliabilitySteps(grid, matrix);
  return {
    gridId: grid.id,
    gridVersion: grid.version,
    anonymityThreshold: threshold,
    ...all,
    roles: roleAggregates,
    masked: { respondents: maskedRespondents },
    divergence: divergenceOf(grid, all, roleAggregates),
    reliability,
  };
}

/**
 * Scores every respondent on the grid and aggregates them (see `aggregateMatrix`). Respondent ids
 * are not used and never appear in the output.
 */
export function aggregateGrid(
  grid: Grid,
  respondents: readonly AggregateRespondent[],
  options: AggregateOptions = {},
): GridAggregate {
  return runToEnd(aggregateGridSteps(grid, respondents, options));
}

/**
 * `aggregateGrid` in steps (a few hundred respondents scored, or a dimension or an item of a
 * group aggregated, each): the same aggregate, for a page that must stay responsive while it
 * aggregates thousands of respondents.
 */
export function* aggregateGridSteps(
  grid: Grid,
  respondents: readonly AggregateRespondent[],
  options: AggregateOptions = {},
): Generator<void, GridAggregate, void> {
  const roles = respondents.map((respondent) => respondent.role);
  const matrix = yield* scoreMatrixSteps(
    grid,
    respondents.map((respondent) => respondent.answers),
    SCORE_STEP_ROWS,
    roles,
  );
  return yield* aggregateMatrixSteps(grid, matrix, roles, options);
}

/**
 * `aggregateGridSteps` of respondents held as columns (`answer-columns.ts`; `roles[row]` an index
 * in `ROLES`): scored by the same kernel without an object per respondent, then aggregated by
 * the same steps, so the same aggregate as their objects give.
 */
export function* aggregateColumnsSteps(
  grid: Grid,
  columns: GridColumns,
  roles: Uint8Array,
  options: AggregateOptions = {},
): Generator<void, GridAggregate, void> {
  const matrix = yield* scoreColumnsSteps(grid, columns, roles);
  const roleNames = Array.from(roles, (role) => ROLES[role] as Role);
  return yield* aggregateMatrixSteps(grid, matrix, roleNames, options);
}
