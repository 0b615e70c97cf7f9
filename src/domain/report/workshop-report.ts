/**
 * The workshop sections of the report, read off the same `GridAggregate` the workshop page shows:
 * roles compared (visible roles only, as `aggregate.roles` already leaves masked roles out) and
 * topics for discussion (`aggregate.divergence`, cut to the same number of entries as the page).
 * Nothing is recomputed here, so the PDF can never disagree with the page.
 */
import type { GridAggregate } from '@/domain/aggregate/aggregate-grid';
import type { Grid } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { MIN_RESPONDENTS_FOR_ALPHA } from '@/domain/aggregate/reliability';
import { boundsOf, dimensionBounds } from '@/domain/scoring/display';
import type {
  DistributionRow,
  ReliabilityGrid,
  RolesComparedGrid,
  TopicsGrid,
} from './report-model';

/** How many of each kind of divergence are shown per grid, on the workshop page and in the PDF. */
export const TOPIC_LIMITS = { dimensions: 3, roleGaps: 3, items: 5 } as const;

type Texts = { lang: string; fallback: string };

function textOf(texts: Texts) {
  return (value: Parameters<typeof pickText>[0]) => pickText(value, texts.lang, texts.fallback);
}

/**
 * The mean of everyone and of each visible role per dimension; null when no role of the grid can
 * be shown apart or nobody answered the grid (there is then nothing to compare).
 */
export function rolesCompared(
  grid: Grid,
  aggregate: GridAggregate,
  lang: string,
): RolesComparedGrid | null {
  const hasData = aggregate.dimensions.some((d) => d.stats !== null);
  if (!hasData || aggregate.roles.length === 0) return null;
  const t = textOf({ lang, fallback: grid.languages.default });
  const labels = new Map(grid.dimensions.map((d) => [d.id, t(d.label)]));
  const bounds = dimensionBounds(grid);
  return {
    gridId: grid.id,
    title: t(grid.title),
    roles: aggregate.roles.map((r) => ({ role: r.role, n: r.respondents })),
    masked: aggregate.masked.respondents,
    dimensions: aggregate.dimensions.map((d, i) => ({
      id: d.dimensionId,
      label: labels.get(d.dimensionId) ?? d.dimensionId,
      all: d.score,
      byRole: aggregate.roles.map((r) => r.dimensions[i]?.score ?? null),
      notAsked: aggregate.roles.map((r) => r.dimensions[i]?.asked === 0),
      bounds: boundsOf(bounds, grid, d.dimensionId).score,
    })),
  };
}

/**
 * The dimensions and items with the largest spread and the largest gaps between visible roles,
 * each item with the distribution of its answers; null when there is no divergence to show.
 */
export function discussionTopics(
  grid: Grid,
  aggregate: GridAggregate,
  lang: string,
): TopicsGrid | null {
  const { dimensions, roleGaps, items } = aggregate.divergence;
  if (dimensions.length === 0 && items.length === 0) return null;
  const t = textOf({ lang, fallback: grid.languages.default });
  const dimensionLabel = new Map(grid.dimensions.map((d) => [d.id, t(d.label)]));
  const gridItems = new Map(
    grid.dimensions.flatMap((d) => d.items.map((item) => [item.id, item] as const)),
  );
  const itemAggregates = new Map(aggregate.items.map((i) => [i.itemId, i]));
  const scales = new Map(grid.scales.map((s) => [s.id, s]));
  const label = (id: string) => dimensionLabel.get(id) ?? id;
  const bounds = dimensionBounds(grid);
  return {
    gridId: grid.id,
    title: t(grid.title),
    dimensions: dimensions.slice(0, TOPIC_LIMITS.dimensions).map((d) => ({
      id: d.dimensionId,
      label: label(d.dimensionId),
      sd: d.sd,
      mean: d.mean,
      n: d.n,
      bounds: boundsOf(bounds, grid, d.dimensionId),
    })),
    roleGaps: roleGaps.slice(0, TOPIC_LIMITS.roleGaps).map((g) => ({
      id: g.dimensionId,
      label: label(g.dimensionId),
      roleA: g.roleA,
      meanA: g.meanA,
      roleB: g.roleB,
      meanB: g.meanB,
      gap: g.gap,
      bounds: boundsOf(bounds, grid, g.dimensionId),
    })),
    items: items.slice(0, TOPIC_LIMITS.items).flatMap((entry) => {
      const item = gridItems.get(entry.itemId);
      const agg = itemAggregates.get(entry.itemId);
      const scale = item ? scales.get(item.scale) : undefined;
      if (!item || !agg || !scale) return [];
      const { distribution } = agg;
      const rows: DistributionRow[] = [
        ...distribution.values.map((v, i) => {
          const point = scale.points[i];
          return {
            kind: 'value' as const,
            value: v.value,
            label: point ? t(point.label) : String(v.value),
            count: v.count,
          };
        }),
        ...(scale.allowDontKnow || distribution.dk > 0
          ? [{ kind: 'dk' as const, count: distribution.dk }]
          : []),
        ...(scale.allowNotApplicable || distribution.na > 0
          ? [{ kind: 'na' as const, count: distribution.na }]
          : []),
        ...(distribution.missing > 0
          ? [{ kind: 'missing' as const, count: distribution.missing }]
          : []),
      ];
      return [
        {
          id: entry.itemId,
          text: t(item.text),
          dimension: label(entry.dimensionId),
          sd: entry.sd,
          mean: entry.mean,
          n: entry.n,
          distribution: rows,
        },
      ];
    }),
  };
}

/**
 * Cronbach's α of each dimension, read off the aggregate, for a grid answered by at least
 * `MIN_RESPONDENTS_FOR_ALPHA` people (the workshop page's rule); null below.
 */
export function reliabilityReport(
  grid: Grid,
  aggregate: GridAggregate,
  lang: string,
): ReliabilityGrid | null {
  if (aggregate.respondents < MIN_RESPONDENTS_FOR_ALPHA) return null;
  const t = textOf({ lang, fallback: grid.languages.default });
  const labels = new Map(grid.dimensions.map((d) => [d.id, t(d.label)]));
  const itemTexts = new Map(grid.dimensions.flatMap((d) => d.items.map((i) => [i.id, t(i.text)])));
  return {
    gridId: grid.id,
    title: t(grid.title),
    dimensions: aggregate.reliability.map((d) => ({
      id: d.dimensionId,
      label: labels.get(d.dimensionId) ?? d.dimensionId,
      items: d.items,
      completeCases: d.completeCases,
      alpha: d.alpha,
      lowering: d.lowering.map((item) => ({
        text: itemTexts.get(item.itemId) ?? item.itemId,
        alphaIfDeleted: item.alphaIfDeleted ?? Number.NaN,
      })),
    })),
  };
}
