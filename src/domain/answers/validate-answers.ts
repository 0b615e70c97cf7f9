/**
 * Checks a respondent's answers against a grid. Scoring never throws: it treats anything invalid
 * as unanswered; this function says what was invalid so an import can report it.
 */
import type { Grid } from '@/domain/grid/schema';
import { type Answers, type AnswerValue, AnswerValue as AnswerValueSchema } from './answers';

export type AnswerProblemCode =
  /** The answer's item id is not in the grid. */
  | 'unknownItem'
  /** The value is not a number, `"dk"` or `"na"`. */
  | 'invalidValue'
  /** A number that is not one of the points of the item's scale. */
  | 'notOnScale'
  /** `"dk"` on a scale that does not offer "don't know". */
  | 'dontKnowNotAllowed'
  /** `"na"` on a scale that does not offer "not applicable". */
  | 'notApplicableNotAllowed'
  /** The item refers to a scale the grid does not define (a grid error, reported here too). */
  | 'unknownScale';

export interface AnswerProblem {
  code: AnswerProblemCode;
  itemId: string;
  /** The offending value, as found. */
  value: unknown;
}

/** Lists every answer that scoring will ignore or that the item's scale does not offer. */
export function validateAnswers(grid: Grid, answers: Answers): AnswerProblem[] {
  const scales = new Map(grid.scales.map((scale) => [scale.id, scale]));
  const items = new Map(
    grid.dimensions.flatMap((dimension) => dimension.items.map((item) => [item.id, item] as const)),
  );
  const problems: AnswerProblem[] = [];
  for (const [itemId, raw] of Object.entries(answers) as [string, unknown][]) {
    const item = items.get(itemId);
    if (item === undefined) {
      problems.push({ code: 'unknownItem', itemId, value: raw });
      continue;
    }
    const parsed = AnswerValueSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push({ code: 'invalidValue', itemId, value: raw });
      continue;
    }
    const value: AnswerValue = parsed.data;
    const scale = scales.get(item.scale);
    if (scale === undefined) {
      problems.push({ code: 'unknownScale', itemId, value });
    } else if (value === 'dk') {
      if (!scale.allowDontKnow) problems.push({ code: 'dontKnowNotAllowed', itemId, value });
    } else if (value === 'na') {
      if (!scale.allowNotApplicable)
        problems.push({ code: 'notApplicableNotAllowed', itemId, value });
    } else if (!scale.points.some((point) => point.value === value)) {
      problems.push({ code: 'notOnScale', itemId, value });
    }
  }
  return problems;
}
