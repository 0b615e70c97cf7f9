/**
 * The evolution section of a report: the report's diagnostic is T1, a baseline diagnostic is T0.
 * Every number comes from `compareGrids` (the compare page's own function): deltas on the items
 * both versions share unchanged, and the items left out listed with their text.
 */
import { compareGrids } from '@/domain/compare/compare-grids';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import type { Grid } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { boundsOf, dimensionBounds, gridScoreBounds } from '@/domain/scoring/display';
import type { EvolutionGrid, EvolutionReport } from './report-model';
import { respondentsForGrid } from '@/domain/answers/grid-answers';

function side(diagnostic: Diagnostic, grid: Grid) {
  return {
    grid,
    respondents: respondentsForGrid(diagnostic.respondents, grid.id),
  };
}

/** T0 → T1 on every grid of T1 that T0 also has (same id), in T1's order. */
export function buildEvolution(
  t0: { diagnostic: Diagnostic; grids: LoadedGrid[] },
  t1: { diagnostic: Diagnostic; grids: LoadedGrid[] },
  lang: string,
): EvolutionReport {
  const grids0 = new Map(t0.grids.map(({ grid }) => [grid.id, grid]));
  const grids: EvolutionGrid[] = [];
  const notCompared: string[] = [];
  for (const { grid: g1 } of t1.grids) {
    const g0 = grids0.get(g1.id);
    const result = g0 ? compareGrids(side(t0.diagnostic, g0), side(t1.diagnostic, g1)) : null;
    if (!g0 || !result?.ok) {
      notCompared.push(g1.id);
      continue;
    }
    const text1 = (value: Parameters<typeof pickText>[0]) =>
      pickText(value, lang, g1.languages.default);
    const text0 = (value: Parameters<typeof pickText>[0]) =>
      pickText(value, lang, g0.languages.default);
    const bounds0 = dimensionBounds(g0);
    const bounds1 = dimensionBounds(g1);
    const labels1 = new Map(g1.dimensions.map((d) => [d.id, text1(d.label)]));
    const labels0 = new Map(g0.dimensions.map((d) => [d.id, text0(d.label)]));
    const items1 = new Map(
      g1.dimensions.flatMap((d) => d.items.map((i) => [i.id, text1(i.text)] as const)),
    );
    const items0 = new Map(
      g0.dimensions.flatMap((d) => d.items.map((i) => [i.id, text0(i.text)] as const)),
    );
    grids.push({
      gridId: g1.id,
      title: text1(g1.title),
      versions: result.versions,
      dimensions: result.dimensions.map((d) => ({
        id: d.dimensionId,
        label: labels1.get(d.dimensionId) ?? d.dimensionId,
        t0: d.t0,
        t1: d.t1,
        delta: d.delta,
        items: d.items,
        notAsked: d.notAsked,
        bounds: {
          t0: boundsOf(bounds0, g0, d.dimensionId).score,
          t1: boundsOf(bounds1, g1, d.dimensionId).score,
        },
      })),
      grid: { ...result.grid, bounds: { t0: gridScoreBounds(g0), t1: gridScoreBounds(g1) } },
      leftOut: {
        added: result.items.added.map((id) => items1.get(id) ?? id),
        removed: result.items.removed.map((id) => items0.get(id) ?? id),
        changed: result.items.changed.map((c) => ({
          item: items1.get(c.itemId) ?? c.itemId,
          changes: c.changes,
        })),
      },
      dimensionsOnly: {
        t0: result.dimensionsOnlyIn.t0.map((id) => labels0.get(id) ?? id),
        t1: result.dimensionsOnlyIn.t1.map((id) => labels1.get(id) ?? id),
      },
      commonItems: result.items.common.length,
    });
  }
  return {
    baseline: {
      id: t0.diagnostic.id,
      title: t0.diagnostic.title,
      updatedAt: t0.diagnostic.updatedAt,
      respondents: t0.diagnostic.respondents.length,
    },
    respondents: t1.diagnostic.respondents.length,
    grids,
    notCompared,
  };
}
