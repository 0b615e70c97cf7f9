/**
 * Recommendations that apply to a respondent or an aggregate, ranked: priority first (high,
 * medium, low), then how far the figures are beyond their thresholds (largest first), then id.
 * The rules: docs/scoring.md, « Conditions of recommendations ».
 */
import type { Audience, Grid, Priority, Recommendation } from '@/domain/grid/schema';
import { exact } from '@/domain/scoring/exact';
import type { EvaluationContext } from './context';
import { evaluateCondition, type FiredReason } from './evaluate';

export interface ChecklistEntry {
  itemId: string;
  /** Item score (respondent) or mean item score (aggregate), 0–100. */
  score: number;
}

export interface RecommendationResult {
  recommendation: Recommendation;
  reasons: FiredReason[];
  /**
   * The largest distance of the reasons (points beyond the threshold, see `FiredReason`);
   * 0 when the condition fired without a leaf reason (e.g. through `not`).
   */
  distance: number;
  /** Set only when the recommendation has a `checklist`: items to put in the specification. */
  checklist?: ChecklistEntry[];
}

export interface RecommendOptions {
  /** Keep only recommendations written for this audience. */
  audience?: Audience;
}

const PRIORITY_RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

/**
 * The grid's items with a `specification` whose score is below `maxScore`, lowest score first
 * (grid order on ties). Items without a score are left out.
 */
function checklistOf(grid: Grid, ctx: EvaluationContext, maxScore: number): ChecklistEntry[] {
  const entries: (ChecklistEntry & { order: number })[] = [];
  let order = 0;
  for (const dimension of grid.dimensions) {
    for (const item of dimension.items) {
      order += 1;
      if (item.specification === undefined) continue;
      const score = ctx.items.get(item.id)?.score ?? null;
      if (score !== null && exact(score) < exact(maxScore))
        entries.push({ itemId: item.id, score, order });
    }
  }
  return entries
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map(({ itemId, score }) => ({ itemId, score }));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The grid's recommendations whose condition fires in this context, filtered and ranked. */
export function recommend(
  grid: Grid,
  ctx: EvaluationContext,
  options: RecommendOptions = {},
): RecommendationResult[] {
  const results: RecommendationResult[] = [];
  for (const recommendation of grid.recommendations) {
    if (options.audience !== undefined && !recommendation.audiences.includes(options.audience)) {
      continue;
    }
    const { fired, reasons } = evaluateCondition(recommendation.condition, ctx);
    if (!fired) continue;
    const distance = reasons.reduce((largest, reason) => Math.max(largest, reason.distance), 0);
    const result: RecommendationResult = { recommendation, reasons, distance };
    if (recommendation.checklist !== undefined) {
      result.checklist = checklistOf(grid, ctx, recommendation.checklist.maxScore);
    }
    results.push(result);
  }
  return results.sort(
    (a, b) =>
      PRIORITY_RANK[a.recommendation.priority] - PRIORITY_RANK[b.recommendation.priority] ||
      b.distance - a.distance ||
      compareIds(a.recommendation.id, b.recommendation.id),
  );
}
