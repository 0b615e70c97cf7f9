/**
 * Routing: the grid as asked in a context (and, when given, to a respondent's role), with the
 * list of what the context left out and why.
 *
 * The routed grid is an ordinary grid, so the scoring kernel, the recommendations and the
 * aggregates run on it unchanged: an item left out is not in it, hence neither answered nor
 * missing (not in coverage, not in « don't know » rates), and a recommendation left out never
 * fires. Answers are never touched: an answer to an item left out stays with the respondent and
 * counts again as soon as the context brings the item back.
 *
 * - A dimension is left out when its own `appliesWhen` fails, or when every one of its items is
 *   left out (its reasons are then those of its items).
 * - An item kept takes the wording of the respondent's role (`roleWording`), else the wording of
 *   the phase (`expected` before deployment, `observed` after), else its `text`.
 * - A condition on a context field the user did not know keeps the element (`uncertain`).
 */
import type { Role } from '@/domain/answers/answers';
import type { Dimension, Grid, Item, LocalizedText, Recommendation } from '@/domain/grid/schema';
import {
  evaluateAppliesWhen,
  type AppliesWhen,
  type ContextField,
  type RoutingContext,
} from './applies-when';

export type LeftOutReason = ContextField | 'roles';

export interface LeftOut {
  kind: 'dimension' | 'item' | 'recommendation';
  id: string;
  /** The dimension of a left-out item. */
  dimensionId?: string;
  /** The context fields (or the role) whose condition the context contradicts. */
  reasons: LeftOutReason[];
}

export interface Uncertain {
  kind: 'dimension' | 'item' | 'recommendation';
  id: string;
  /** Fields with a condition the context does not know: kept, « s'applique si … ». */
  fields: ContextField[];
}

/** Which phase wording the routed grid uses. */
export type PhaseWording = 'expected' | 'observed' | 'default';

export interface RoutedGrid {
  /** The grid as asked: only what applies, in the wording of the phase and role. */
  grid: Grid;
  /** What the context left out, in grid order (dimensions, their items, recommendations). */
  leftOut: LeftOut[];
  uncertain: Uncertain[];
  wording: PhaseWording;
}

/** `expected` before deployment (idea, choice), `observed` after, `default` when unknown. */
export function phaseWording(context: RoutingContext): PhaseWording {
  if (context.phase === 'idea' || context.phase === 'choice') return 'expected';
  if (context.phase === 'deployment' || context.phase === 'in-use') return 'observed';
  return 'default';
}

/** The wording of an item in this phase and for this role. */
export function itemWording(item: Item, wording: PhaseWording, role?: Role): LocalizedText {
  if (role !== undefined) {
    const forRole = item.roleWording?.find((entry) => entry.roles.includes(role));
    if (forRole !== undefined) return forRole.text;
  }
  if (wording === 'expected' && item.expected !== undefined) return item.expected;
  if (wording === 'observed' && item.observed !== undefined) return item.observed;
  return item.text;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** The grid as asked in `context` (to `role` when given), and what was left out and why. Pure. */
export function routeGrid(grid: Grid, context: RoutingContext, role?: Role): RoutedGrid {
  const wording = phaseWording(context);
  const leftOut: LeftOut[] = [];
  const uncertain: Uncertain[] = [];
  const evaluate = (
    kind: Uncertain['kind'],
    id: string,
    when: AppliesWhen | undefined,
    withRole: boolean,
  ) => {
    const result = evaluateAppliesWhen(when, context, withRole ? role : undefined);
    if (result.applies && result.uncertain.length > 0)
      uncertain.push({ kind, id, fields: result.uncertain });
    return result;
  };

  const dimensions: Dimension[] = [];
  for (const dimension of grid.dimensions) {
    const own = evaluate('dimension', dimension.id, dimension.appliesWhen, true);
    if (!own.applies) {
      leftOut.push({ kind: 'dimension', id: dimension.id, reasons: own.failed });
      continue;
    }
    const items: Item[] = [];
    const itemsLeftOut: LeftOut[] = [];
    for (const item of dimension.items) {
      const result = evaluate('item', item.id, item.appliesWhen, true);
      if (result.applies) items.push({ ...item, text: itemWording(item, wording, role) });
      else
        itemsLeftOut.push({
          kind: 'item',
          id: item.id,
          dimensionId: dimension.id,
          reasons: result.failed,
        });
    }
    if (items.length === 0) {
      leftOut.push({
        kind: 'dimension',
        id: dimension.id,
        reasons: unique(itemsLeftOut.flatMap((entry) => entry.reasons)),
      });
      continue;
    }
    leftOut.push(...itemsLeftOut);
    dimensions.push({ ...dimension, items });
  }

  const recommendations: Recommendation[] = [];
  for (const recommendation of grid.recommendations) {
    // Recommendations are read for the whole diagnostic, never for one role.
    const result = evaluate('recommendation', recommendation.id, recommendation.appliesWhen, false);
    if (result.applies) recommendations.push(recommendation);
    else leftOut.push({ kind: 'recommendation', id: recommendation.id, reasons: result.failed });
  }

  return { grid: { ...grid, dimensions, recommendations }, leftOut, uncertain, wording };
}

/**
 * The grid as asked of a group of respondents (`roles`: their roles, repeats allowed): routed by
 * the context, then without what is asked of none of these roles (left out with the reason
 * `roles`). A group of one role is routed as that role, wording included (`routeGrid`); for mixed
 * roles each element keeps its default wording, and the scoring kernel counts, per respondent,
 * only what their own role is asked (`score-matrix.ts`). No respondent: the context alone.
 */
export function routeGridForRoles(
  grid: Grid,
  context: RoutingContext,
  roles: readonly Role[],
): RoutedGrid {
  const present = [...new Set(roles)];
  if (present.length <= 1) return routeGrid(grid, context, present[0]);
  const routed = routeGrid(grid, context);
  const askedOfSome = (when: AppliesWhen | undefined) =>
    when?.roles === undefined || present.some((role) => when.roles!.includes(role));
  const byRole: LeftOut[] = [];
  const notShown = new Set<string>();
  const dimensions: Dimension[] = [];
  for (const dimension of routed.grid.dimensions) {
    const dimensionAsked = askedOfSome(dimension.appliesWhen);
    const items = dimensionAsked
      ? dimension.items.filter((item) => askedOfSome(item.appliesWhen))
      : [];
    if (items.length === 0) {
      byRole.push({ kind: 'dimension', id: dimension.id, reasons: ['roles'] });
      for (const item of dimension.items) notShown.add(`item:${item.id}`);
      continue;
    }
    for (const item of dimension.items) {
      if (!items.includes(item))
        byRole.push({ kind: 'item', id: item.id, dimensionId: dimension.id, reasons: ['roles'] });
    }
    dimensions.push(items.length === dimension.items.length ? dimension : { ...dimension, items });
  }
  if (byRole.length === 0) return routed;
  for (const entry of byRole) notShown.add(`${entry.kind}:${entry.id}`);
  return {
    ...routed,
    grid: { ...routed.grid, dimensions },
    leftOut: [
      ...routed.leftOut.filter((entry) => entry.kind !== 'recommendation'),
      ...byRole,
      ...routed.leftOut.filter((entry) => entry.kind === 'recommendation'),
    ],
    uncertain: routed.uncertain.filter((entry) => !notShown.has(`${entry.kind}:${entry.id}`)),
  };
}
