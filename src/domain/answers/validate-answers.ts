/**
 * Checks a respondent's answers against a grid. Scoring never throws: it treats anything invalid
 * as unanswered; this function says what was invalid so an import can report it.
 */
import type { Grid } from '@/domain/grid/schema';
import type { Answers, AnswerValue } from './answers';

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

/** True for what `AnswerValue` accepts: a finite number, `"dk"` or `"na"` (without zod, per answer). */
export function isAnswerValue(raw: unknown): raw is AnswerValue {
  return typeof raw === 'number' ? Number.isFinite(raw) : raw === 'dk' || raw === 'na';
}

/**
 * `validateAnswers` for one grid, its lookups built once: an import checks thousands of
 * respondents against the same grid.
 */
export function answersValidator(grid: Grid): (answers: Answers) => AnswerProblem[] {
  const scales = new Map(grid.scales.map((scale) => [scale.id, scale]));
  const items = new Map(
    grid.dimensions.flatMap((dimension) => dimension.items.map((item) => [item.id, item] as const)),
  );
  return (answers) => {
    const problems: AnswerProblem[] = [];
    // Keys, not entries: a campaign checks 15 million answers, and an entry is an array each.
    for (const itemId of Object.keys(answers)) {
      const raw: unknown = answers[itemId];
      const item = items.get(itemId);
      if (item === undefined) {
        problems.push({ code: 'unknownItem', itemId, value: raw });
        continue;
      }
      if (!isAnswerValue(raw)) {
        problems.push({ code: 'invalidValue', itemId, value: raw });
        continue;
      }
      const value: AnswerValue = raw;
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
  };
}

/** Lists every answer that scoring will ignore or that the item's scale does not offer. */
export function validateAnswers(grid: Grid, answers: Answers): AnswerProblem[] {
  return answersValidator(grid)(answers);
}
