/**
 * Evaluation of recommendation conditions with three-valued logic.
 *
 * A leaf whose figure does not exist (a dimension without a score because of insufficient
 * answers, a spread or role gap that cannot be computed, an unanswered item, an unknown id) is
 * `unknown`, not false: "no score" must never read as "a score of 0". Unknown propagates
 * (Kleene logic):
 * - `all`: false if any child is false, else unknown if any is unknown, else true;
 * - `any`: true if any child is true, else unknown if any is unknown, else false;
 * - `not`: swaps true and false and keeps unknown, so `not` of an unknown never fires.
 * A condition fires only when it is `true` (docs/scoring.md, « Conditions of recommendations »).
 */
import type { Role } from '@/domain/answers/answers';
import type { Condition } from '@/domain/grid/schema';
import { exact } from '@/domain/scoring/exact';
import type { EvaluationContext } from './context';

export type Truth = 'true' | 'false' | 'unknown';

export type ReasonKind = 'dimension' | 'item' | 'dontKnowRate' | 'spread' | 'roleGap';

export interface FiredReason {
  kind: ReasonKind;
  /** The dimension or item id the leaf is about. */
  targetId: string;
  op: 'below' | 'atLeast' | 'atMost' | 'above';
  threshold: number;
  observed: number;
  /** A `dimension` condition with a role: the role whose own score `observed` is. */
  role?: Role;
  /** With `role`: how many of that role's respondents' scores make `observed`. */
  n?: number;
  /**
   * How far the observed value is beyond the threshold, in points on the 0–100 score scale so
   * that reasons of different kinds rank together: a score, spread or gap as is, a "don't know"
   * share × 100, an item's raw value divided by its scale's range × 100. Always ≥ 0.
   */
  distance: number;
}

export interface ConditionResult {
  fired: boolean;
  truth: Truth;
  /** The leaves that made the condition true (empty unless it fired; never leaves under `not`). */
  reasons: FiredReason[];
}

interface Evaluated {
  truth: Truth;
  reasons: FiredReason[];
}

const UNKNOWN: Evaluated = { truth: 'unknown', reasons: [] };
const FALSE: Evaluated = { truth: 'false', reasons: [] };

function leaf(holds: boolean, reason: Omit<FiredReason, 'distance'>, distance: number): Evaluated {
  return holds
    ? { truth: 'true', reasons: [{ ...reason, distance: Math.max(0, distance) }] }
    : FALSE;
}

/** A figure settled by `exact`, so that a figure equal to its threshold on paper compares equal. */
function settled(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : exact(value);
}

function evaluate(condition: Condition, ctx: EvaluationContext): Evaluated {
  switch (condition.type) {
    case 'dimension': {
      // With a role: that role's own score, never the group's in its place. A role masked by
      // the anonymity rule, absent, or whose figure is withheld has none: unknown.
      const dimension = ctx.dimensions.get(condition.dimension);
      const own = condition.role === undefined ? undefined : dimension?.roles?.get(condition.role);
      const observed = settled(condition.role === undefined ? dimension?.score : own?.score);
      if (observed === null) return UNKNOWN;
      const below = condition.op === 'below';
      return leaf(
        below ? observed < exact(condition.value) : observed >= exact(condition.value),
        {
          kind: 'dimension',
          targetId: condition.dimension,
          op: condition.op,
          threshold: condition.value,
          observed,
          ...(condition.role === undefined ? {} : { role: condition.role, n: own?.n ?? 0 }),
        },
        below ? condition.value - observed : observed - condition.value,
      );
    }
    case 'item': {
      const item = ctx.items.get(condition.item);
      const observed = settled(item?.value);
      if (item === undefined || observed === null) return UNKNOWN;
      const atMost = condition.op === 'atMost';
      const raw = atMost ? condition.value - observed : observed - condition.value;
      const span = item.range === null ? 0 : item.range.max - item.range.min;
      return leaf(
        atMost ? observed <= exact(condition.value) : observed >= exact(condition.value),
        {
          kind: 'item',
          targetId: condition.item,
          op: condition.op,
          threshold: condition.value,
          observed,
        },
        span > 0 ? (raw / span) * 100 : raw,
      );
    }
    case 'dontKnowRate':
    case 'spread':
    case 'roleGap': {
      const dimension = ctx.dimensions.get(condition.dimension);
      const observed = settled(
        dimension === undefined
          ? null
          : condition.type === 'dontKnowRate'
            ? dimension.dkRate
            : condition.type === 'spread'
              ? dimension.spread
              : dimension.roleGap,
      );
      if (observed === null) return UNKNOWN;
      const scale = condition.type === 'dontKnowRate' ? 100 : 1;
      return leaf(
        observed > exact(condition.above),
        {
          kind: condition.type,
          targetId: condition.dimension,
          op: 'above',
          threshold: condition.above,
          observed,
        },
        (observed - condition.above) * scale,
      );
    }
    case 'all': {
      const results = condition.conditions.map((child) => evaluate(child, ctx));
      if (results.some((result) => result.truth === 'false')) return FALSE;
      if (results.some((result) => result.truth === 'unknown')) return UNKNOWN;
      return { truth: 'true', reasons: results.flatMap((result) => result.reasons) };
    }
    case 'any': {
      const results = condition.conditions.map((child) => evaluate(child, ctx));
      const fired = results.filter((result) => result.truth === 'true');
      if (fired.length > 0) {
        return { truth: 'true', reasons: fired.flatMap((result) => result.reasons) };
      }
      return results.some((result) => result.truth === 'unknown') ? UNKNOWN : FALSE;
    }
    case 'not': {
      const inner = evaluate(condition.condition, ctx).truth;
      // The inner leaves did NOT hold, so they are not reasons: `not` fires with no reason.
      if (inner === 'unknown') return UNKNOWN;
      return inner === 'true' ? FALSE : { truth: 'true', reasons: [] };
    }
  }
}

/** Evaluates a condition against a context; it fires only when it is true (three-valued logic). */
export function evaluateCondition(condition: Condition, ctx: EvaluationContext): ConditionResult {
  const { truth, reasons } = evaluate(condition, ctx);
  return { fired: truth === 'true', truth, reasons };
}
