/**
 * What recommendation conditions are evaluated against: the figures of one respondent or of an
 * aggregate, in one shape, so the same grid rules work for both.
 */
import { type Answers, answerOf } from '@/domain/answers/answers';
import type { GridAggregate } from '@/domain/aggregate/aggregate-grid';
import type { Grid } from '@/domain/grid/schema';
import { answerStatus, scaleBounds } from '@/domain/scoring/item-score';
import type { GridScore } from '@/domain/scoring/score-grid';

export interface DimensionContext {
  /** Dimension score (respondent) or aggregate mean; null when insufficient. */
  score: number | null;
  /** Share of "don't know" answers, 0–1. */
  dkRate: number | null;
  /** Standard deviation of the respondents' dimension scores; null for one respondent. */
  spread: number | null;
  /** Largest gap between two visible roles' means; null with fewer than 2 visible roles. */
  roleGap: number | null;
}

export interface ItemContext {
  /** The raw answer (respondent) or the mean raw answer (aggregate); null when not answered. */
  value: number | null;
  /** The item score (respondent) or the mean item score (aggregate), 0–100; null when none. */
  score: number | null;
  /** Bounds of the item's scale, to express distances in points; null for an unknown scale. */
  range: { min: number; max: number } | null;
}

export interface EvaluationContext {
  source: 'respondent' | 'aggregate';
  dimensions: ReadonlyMap<string, DimensionContext>;
  items: ReadonlyMap<string, ItemContext>;
}

function itemRanges(grid: Grid): Map<string, { min: number; max: number } | null> {
  const scales = new Map(grid.scales.map((scale) => [scale.id, scale]));
  const ranges = new Map<string, { min: number; max: number } | null>();
  for (const dimension of grid.dimensions) {
    for (const item of dimension.items) {
      const scale = scales.get(item.scale);
      ranges.set(item.id, scale === undefined ? null : scaleBounds(scale));
    }
  }
  return ranges;
}

/** Context of one respondent: their scores and raw answers; no spread and no role gap. */
export function contextFromScore(
  grid: Grid,
  gridScore: GridScore,
  answers: Answers,
): EvaluationContext {
  const scales = new Map(grid.scales.map((scale) => [scale.id, scale]));
  const ranges = itemRanges(grid);
  const scores = new Map(gridScore.items.map((item) => [item.itemId, item.score]));
  const dimensions = new Map<string, DimensionContext>(
    gridScore.dimensions.map((dimension) => [
      dimension.dimensionId,
      { score: dimension.score, dkRate: dimension.dkRate, spread: null, roleGap: null },
    ]),
  );
  const items = new Map<string, ItemContext>();
  for (const dimension of grid.dimensions) {
    for (const item of dimension.items) {
      const raw = answerOf(answers, item.id);
      const onScale = answerStatus(raw, scales.get(item.scale)) === 'answered';
      items.set(item.id, {
        value: onScale && typeof raw === 'number' ? raw : null,
        score: scores.get(item.id) ?? null,
        range: ranges.get(item.id) ?? null,
      });
    }
  }
  return { source: 'respondent', dimensions, items };
}

/**
 * Context of an aggregate: dimension means, "don't know" rates, spreads (sd, when at least two
 * scores) and the largest visible role gap; mean raw answers and mean item scores.
 */
export function contextFromAggregate(grid: Grid, aggregate: GridAggregate): EvaluationContext {
  const ranges = itemRanges(grid);
  const gaps = new Map(aggregate.divergence.roleGaps.map((gap) => [gap.dimensionId, gap.gap]));
  const dimensions = new Map<string, DimensionContext>(
    aggregate.dimensions.map((dimension) => [
      dimension.dimensionId,
      {
        score: dimension.score,
        dkRate: dimension.dkRate,
        spread: dimension.stats !== null && dimension.stats.n >= 2 ? dimension.stats.sd : null,
        roleGap: gaps.get(dimension.dimensionId) ?? null,
      },
    ]),
  );
  const items = new Map<string, ItemContext>(
    aggregate.items.map((item) => [
      item.itemId,
      {
        value: item.meanValue,
        score: item.stats?.mean ?? null,
        range: ranges.get(item.itemId) ?? null,
      },
    ]),
  );
  return { source: 'aggregate', dimensions, items };
}
