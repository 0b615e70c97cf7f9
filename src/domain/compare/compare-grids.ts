/**
 * Comparison of two diagnostics of the same grid (T0 / T1), possibly on two versions of it.
 *
 * Nothing is compared silently: items added, removed or changed between the versions are listed,
 * and both sides are re-scored on the common unchanged items only (a restricted grid is built for
 * each side), so a delta never mixes different questions. Deltas are T1 − T0 of the aggregate
 * means, which for one respondent are that respondent's scores.
 */
import { type AggregateRespondent, aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import type { Grid, Item } from '@/domain/grid/schema';
import { exact } from '@/domain/scoring/exact';

export interface ComparisonSide {
  grid: Grid;
  respondents: readonly AggregateRespondent[];
}

/**
 * Why an item present in both versions is not compared: a change of its scale's point values or
 * of `reverse` changes what an answer means; a different weight or a move to another dimension
 * changes what the dimension score means, so they are listed too (docs/writing-a-grid.md,
 * « Versions and migration »).
 */
export type ItemChangeKind = 'scale' | 'reverse' | 'weight' | 'dimension';

export interface ItemChange {
  itemId: string;
  changes: ItemChangeKind[];
}

export interface ScoreDelta {
  t0: number | null;
  t1: number | null;
  /** t1 − t0; null when either side has no score. */
  delta: number | null;
}

export interface DimensionDelta extends ScoreDelta {
  dimensionId: string;
  /** Common unchanged items the dimension was re-scored on (0: nothing to compare). */
  items: number;
  /**
   * On each side, the diagnostic has respondents but none of them is asked the dimension (its
   * items' role conditions leave out every role present): no score, and none missing
   * (docs/scoring.md, « Asked or not »). False when there is nothing to compare.
   */
  notAsked: { t0: boolean; t1: boolean };
}

export interface GridComparison {
  ok: true;
  gridId: string;
  versions: { t0: string; t1: string };
  items: {
    /** In T1, not in T0 (grid order of T1). */
    added: string[];
    /** In T0, not in T1 (grid order of T0). */
    removed: string[];
    /** In both but not comparable (grid order of T1). */
    changed: ItemChange[];
    /** Compared items (grid order of T1). */
    common: string[];
  };
  /** Dimensions present in both versions, in T1's order. */
  dimensions: DimensionDelta[];
  /** Dimensions present in one version only: listed apart, never compared. */
  dimensionsOnlyIn: { t0: string[]; t1: string[] };
  grid: ScoreDelta;
  n0: number;
  n1: number;
}

export type CompareResult = GridComparison | { ok: false; reason: 'different_grid' };

interface LocatedItem {
  item: Item;
  dimensionId: string;
  points: number[] | null;
}

function locateItems(grid: Grid): Map<string, LocatedItem> {
  const scales = new Map(grid.scales.map((scale) => [scale.id, scale]));
  const located = new Map<string, LocatedItem>();
  for (const dimension of grid.dimensions) {
    for (const item of dimension.items) {
      located.set(item.id, {
        item,
        dimensionId: dimension.id,
        points: scales.get(item.scale)?.points.map((point) => point.value) ?? null,
      });
    }
  }
  return located;
}

function sameValues(a: number[] | null, b: number[] | null): boolean {
  if (a === null || b === null || a.length !== b.length) return false;
  return a.every((value, index) => value === b[index]);
}

function changesOf(before: LocatedItem, after: LocatedItem): ItemChangeKind[] {
  const changes: ItemChangeKind[] = [];
  if (!sameValues(before.points, after.points)) changes.push('scale');
  if (before.item.reverse !== after.item.reverse) changes.push('reverse');
  if (before.item.weight !== after.item.weight) changes.push('weight');
  if (before.dimensionId !== after.dimensionId) changes.push('dimension');
  return changes;
}

/** The grid restricted to the given items; dimensions left empty are dropped. */
function restrict(grid: Grid, keep: ReadonlySet<string>): Grid {
  return {
    ...grid,
    dimensions: grid.dimensions
      .map((dimension) => ({
        ...dimension,
        items: dimension.items.filter((item) => keep.has(item.id)),
      }))
      .filter((dimension) => dimension.items.length > 0),
    recommendations: [],
  };
}

function deltaOf(t0: number | null, t1: number | null): ScoreDelta {
  // The exact difference; pages show the difference of the rounded scores (docs/scoring.md).
  return { t0, t1, delta: t0 === null || t1 === null ? null : exact(t1 - t0) };
}

/** Compares T0 and T1 of the same grid id on their common unchanged items. */
export function compareGrids(t0: ComparisonSide, t1: ComparisonSide): CompareResult {
  if (t0.grid.id !== t1.grid.id) return { ok: false, reason: 'different_grid' };
  const before = locateItems(t0.grid);
  const after = locateItems(t1.grid);
  const added: string[] = [];
  const changed: ItemChange[] = [];
  const common: string[] = [];
  for (const [itemId, located] of after) {
    const previous = before.get(itemId);
    if (previous === undefined) {
      added.push(itemId);
      continue;
    }
    const changes = changesOf(previous, located);
    if (changes.length > 0) changed.push({ itemId, changes });
    else common.push(itemId);
  }
  const removed = [...before.keys()].filter((itemId) => !after.has(itemId));
  const keep = new Set(common);
  const aggregate0 = aggregateGrid(restrict(t0.grid, keep), t0.respondents);
  const aggregate1 = aggregateGrid(restrict(t1.grid, keep), t1.respondents);
  const scores0 = new Map(aggregate0.dimensions.map((d) => [d.dimensionId, d.score]));
  const scores1 = new Map(aggregate1.dimensions.map((d) => [d.dimensionId, d.score]));
  const askedOfNobody = (aggregate: typeof aggregate0) =>
    new Set(
      aggregate.dimensions
        .filter((d) => d.respondents > 0 && d.asked === 0)
        .map((d) => d.dimensionId),
    );
  const notAsked0 = askedOfNobody(aggregate0);
  const notAsked1 = askedOfNobody(aggregate1);
  const ids0 = new Set(t0.grid.dimensions.map((dimension) => dimension.id));
  const ids1 = new Set(t1.grid.dimensions.map((dimension) => dimension.id));
  const dimensions: DimensionDelta[] = t1.grid.dimensions
    .filter((dimension) => ids0.has(dimension.id))
    .map((dimension) => {
      const items = dimension.items.filter((item) => keep.has(item.id)).length;
      return {
        dimensionId: dimension.id,
        items,
        ...deltaOf(scores0.get(dimension.id) ?? null, scores1.get(dimension.id) ?? null),
        notAsked: {
          t0: items > 0 && notAsked0.has(dimension.id),
          t1: items > 0 && notAsked1.has(dimension.id),
        },
      };
    });
  return {
    ok: true,
    gridId: t1.grid.id,
    versions: { t0: t0.grid.version, t1: t1.grid.version },
    items: { added, removed, changed, common },
    dimensions,
    dimensionsOnlyIn: {
      t0: [...ids0].filter((id) => !ids1.has(id)),
      t1: [...ids1].filter((id) => !ids0.has(id)),
    },
    grid: deltaOf(aggregate0.score, aggregate1.score),
    n0: t0.respondents.length,
    n1: t1.respondents.length,
  };
}
