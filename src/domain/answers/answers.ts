/**
 * Answers of one respondent, and respondent roles.
 *
 * "Don't know" and "not applicable" are the strings `"dk"` and `"na"`, never numbers, so they can
 * never slip into a mean.
 */
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import { ROLES } from './roles';

/** One answer: a numeric scale value, "don't know" (`dk`) or "not applicable" (`na`). */
export const AnswerValue = z.union([z.number(), z.literal('dk'), z.literal('na')]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** A respondent's answers: item id → answer. An item absent from the record is unanswered. */
export const Answers = z.record(z.string(), AnswerValue);
export type Answers = z.infer<typeof Answers>;

export { ROLES };

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** What an answer means for scoring. `missing` also covers a number that is not on the scale. */
export type AnswerStatus = 'answered' | 'dk' | 'na' | 'missing';

/** Reads an answer from a record without walking the prototype chain (an item id may be `constructor`). */
export function answerOf(answers: Answers, itemId: string): AnswerValue | undefined {
  return Object.prototype.hasOwnProperty.call(answers, itemId) ? answers[itemId] : undefined;
}
