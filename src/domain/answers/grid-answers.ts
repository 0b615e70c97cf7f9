import type { Answers, Role } from './answers';

type WithAnswers = { answers: Readonly<Record<string, Answers>> };

/**
 * A respondent's answers to one grid: an own property only (a grid id could be `constructor`),
 * and an empty record when they have none. The one way every reader (aggregates, report,
 * comparison, exports) takes a respondent's answers for a grid.
 */
export function answersForGrid(respondent: WithAnswers, gridId: string): Answers {
  return Object.prototype.hasOwnProperty.call(respondent.answers, gridId)
    ? (respondent.answers[gridId] ?? {})
    : {};
}

/** The respondents as the aggregation reads them on one grid: id, role and that grid's answers. */
export function respondentsForGrid(
  respondents: readonly (WithAnswers & { id: string; role: Role })[],
  gridId: string,
): { id: string; role: Role; answers: Answers }[] {
  return respondents.map((r) => ({ id: r.id, role: r.role, answers: answersForGrid(r, gridId) }));
}
