import type { Answers } from '@/domain/answers/answers';
import type { Dimension, Grid } from '@/domain/grid/schema';

/** One page of the questionnaire: a dimension of a grid. */
export type DimensionStep = { key: string; grid: Grid; dimension: Dimension; index: number };

export const REVIEW_STEP = 'review';
export const RESPONDENT_STEP = 'respondent';
export const NEXT_PARTICIPANT_STEP = 'next-participant';

/** Every dimension of every grid, in order; the step key is `<gridId>.<dimensionId>`. */
export function listSteps(grids: Grid[]): DimensionStep[] {
  const steps: DimensionStep[] = [];
  for (const grid of grids) {
    for (const dimension of grid.dimensions) {
      steps.push({ key: `${grid.id}.${dimension.id}`, grid, dimension, index: steps.length });
    }
  }
  return steps;
}

export function answeredCount(dimension: Dimension, answers: Answers | undefined): number {
  if (!answers) return 0;
  return dimension.items.filter((item) => Object.prototype.hasOwnProperty.call(answers, item.id))
    .length;
}

/** The first dimension with an unanswered item, else the review step. */
export function firstOpenStep(steps: DimensionStep[], answers: Record<string, Answers>): string {
  const open = steps.find(
    (s) => answeredCount(s.dimension, answers[s.grid.id]) < s.dimension.items.length,
  );
  return open ? open.key : REVIEW_STEP;
}
