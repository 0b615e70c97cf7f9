/**
 * What the projection mode shows in the room (docs/architecture.md, « The room »), read off the
 * workshop's `GridAggregate`s only, so a masked role can never reach the screen: per grid, a slide
 * of the radar of everyone and of the visible roles, then one slide per divergence topic (the items
 * whose answers spread most, as many as on the workshop page and in the PDF), each with the
 * distribution of its answers for everyone and for each visible role that may show it.
 */
import type { GridAggregate, ItemDistribution } from '@/domain/aggregate/aggregate-grid';
import type { Role } from '@/domain/answers/answers';
import type { Grid } from '@/domain/grid/schema';
import { TOPIC_LIMITS } from '@/domain/report/workshop-report';

export type Slide =
  | { kind: 'radar'; gridId: string }
  | { kind: 'topic'; gridId: string; itemId: string; dimensionId: string; rank: number };

/** The slides of the room, grid by grid; a grid without any score has none. */
export function projectionSlides(
  grids: readonly Grid[],
  aggregates: ReadonlyMap<string, GridAggregate>,
): Slide[] {
  const slides: Slide[] = [];
  for (const grid of grids) {
    const aggregate = aggregates.get(grid.id);
    if (!aggregate || !aggregate.dimensions.some((d) => d.stats !== null)) continue;
    slides.push({ kind: 'radar', gridId: grid.id });
    aggregate.divergence.items.slice(0, TOPIC_LIMITS.items).forEach((entry, rank) => {
      slides.push({
        kind: 'topic',
        gridId: grid.id,
        itemId: entry.itemId,
        dimensionId: entry.dimensionId,
        rank: rank + 1,
      });
    });
  }
  return slides;
}

export interface DistributionRow {
  /** `all`, or a visible role. */
  group: 'all' | Role;
  /** Respondents of the group asked the item (by their role): the counts add up to it. */
  respondents: number;
  /** Count per scale point, in scale order. */
  points: number[];
  dk: number;
  na: number;
  missing: number;
}

export interface TopicDistribution {
  rows: DistributionRow[];
  /** Visible roles whose answers to this item are withheld (too few answered it). */
  withheld: Role[];
}

function row(
  group: 'all' | Role,
  respondents: number,
  distribution: ItemDistribution,
): DistributionRow {
  return {
    group,
    respondents,
    points: distribution.values.map((v) => v.count),
    dk: distribution.dk,
    na: distribution.na,
    missing: distribution.missing,
  };
}

/**
 * The distribution of one item's answers: everyone, then each visible role in `ROLES` order,
 * unless the role's answers to the item are withheld (anonymity rule). Null when the item is
 * not in the aggregate.
 */
export function topicDistribution(
  aggregate: GridAggregate,
  itemId: string,
): TopicDistribution | null {
  const all = aggregate.items.find((i) => i.itemId === itemId);
  if (!all) return null;
  const rows: DistributionRow[] = [row('all', all.asked, all.distribution)];
  const withheld: Role[] = [];
  for (const role of aggregate.roles) {
    const item = role.items.find((i) => i.itemId === itemId);
    // A role not asked the item has no row (docs/scoring.md, « Asked or not »).
    if (!item || item.asked === 0) continue;
    if (item.suppressed) withheld.push(role.role);
    else rows.push(row(role.role, item.asked, item.distribution));
  }
  return { rows, withheld };
}
