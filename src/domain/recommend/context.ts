/**
 * What recommendation conditions are evaluated against: the figures of one respondent or of an
 * aggregate, in one shape, so the same grid rules work for both.
 */
import type { Role } from '@/domain/answers/answers';
import type { GridAggregate } from '@/domain/aggregate/aggregate-grid';
import type { Grid } from '@/domain/grid/schema';
import { scaleBounds } from '@/domain/scoring/item-score';

export interface DimensionContext {
  /** Dimension score (respondent) or aggregate mean; null when insufficient. */
  score: number | null;
  /** Share of "don't know" answers, 0–1. */
  dkRate: number | null;
  /** Standard deviation of the respondents' dimension scores; null for one respondent. */
  spread: number | null;
  /** Largest gap between two visible roles' means; null with fewer than 2 visible roles. */
  roleGap: number | null;
  /**
   * Each role's own score, read by `dimension` conditions with a `role`: in an aggregate, only
   * the roles shown apart under the anonymity rule (a masked or absent role is not in the map,
   * and a withheld figure is null); for one respondent, their own role only.
   */
  roles?: ReadonlyMap<Role, RoleFigure>;
}

/** A role's own score on a dimension, and how many respondents' scores make it. */
export interface RoleFigure {
  score: number | null;
  n: number;
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

/** Each item's scale bounds (null for an unknown scale). */
export function itemRanges(grid: Grid): Map<string, { min: number; max: number } | null> {
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

/** The map of one role's own figure (none without a role). */
export function ownRole(role: Role | undefined, score: number | null, n: number) {
  return new Map<Role, RoleFigure>(role === undefined ? [] : [[role, { score, n }]]);
}

/**
 * Context of an aggregate: dimension means, "don't know" rates, spreads (sd, when at least two
 * scores), the largest visible role gap and each visible role's own mean; mean raw answers and
 * mean item scores. `soleRole`: the role of the one respondent of an aggregate of one person,
 * whose own scores a role condition on their role then reads (the anonymity rule masks a role of
 * one in a group; one person's report is theirs).
 */
export function contextFromAggregate(
  grid: Grid,
  aggregate: GridAggregate,
  soleRole?: Role,
): EvaluationContext {
  const ranges = itemRanges(grid);
  const gaps = new Map(aggregate.divergence.roleGaps.map((gap) => [gap.dimensionId, gap.gap]));
  const sole = aggregate.respondents === 1 ? soleRole : undefined;
  const dimensions = new Map<string, DimensionContext>(
    aggregate.dimensions.map((dimension, index) => [
      dimension.dimensionId,
      {
        score: dimension.score,
        dkRate: dimension.dkRate,
        spread: dimension.stats !== null && dimension.stats.n >= 2 ? dimension.stats.sd : null,
        roleGap: gaps.get(dimension.dimensionId) ?? null,
        // Visible roles only: `aggregate.roles` never holds a masked role.
        roles:
          sole !== undefined
            ? ownRole(sole, dimension.score, dimension.stats?.n ?? 0)
            : new Map(
                aggregate.roles.map((role) => {
                  const own = role.dimensions[index];
                  return [role.role, { score: own?.score ?? null, n: own?.stats?.n ?? 0 }];
                }),
              ),
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
