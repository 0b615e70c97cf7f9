/**
 * The questions of a paper copy in the order they are printed and typed back (docs/architecture.md,
 * « The room »): the grids as routed for the copy's role, dimension by dimension, item by item, as
 * the answer page asks them. The entry screen's keys and the paper's boxes come from here, so
 * what is printed next to a box is the key that types it.
 */
import type { AnswerValue, Answers } from '@/domain/answers/answers';
import type { Grid, Item, Scale } from '@/domain/grid/schema';

export interface PaperQuestion {
  /** Number printed before the item, from 1, across the whole copy. */
  number: number;
  grid: Grid;
  dimensionId: string;
  item: Item;
  scale: Scale;
}

/** The routed grids' items in order; grids or items without a scale are left out. */
export function paperSequence(grids: readonly Grid[]): PaperQuestion[] {
  const questions: PaperQuestion[] = [];
  for (const grid of grids) {
    const scales = new Map(grid.scales.map((s) => [s.id, s]));
    for (const dimension of grid.dimensions) {
      for (const item of dimension.items) {
        const scale = scales.get(item.scale);
        if (!scale) continue;
        questions.push({
          number: questions.length + 1,
          grid,
          dimensionId: dimension.id,
          item,
          scale,
        });
      }
    }
  }
  return questions;
}

/** The key typing « don't know ». */
export const DONT_KNOW_KEY = '0';
/** The key typing « not applicable ». */
export const NOT_APPLICABLE_KEY = '/';
/** The key leaving an item blank (nothing ticked, or two boxes ticked). */
export const BLANK_KEY = ' ';

export type AnswerKey =
  | { key: string; kind: 'point'; value: number; index: number }
  | { key: string; kind: 'dk'; value: 'dk' }
  | { key: string; kind: 'na'; value: 'na' };

/**
 * The keys of a scale: the position of each point, from 1 (the box's number on paper, whatever
 * the point's value: a bipolar scale from −2 to 2 is typed 1 to 5), then « don't know » and
 * « not applicable » when the scale offers them. A scale of more than nine points has no key for
 * the points after the ninth (no bundled grid has one).
 */
export function answerKeys(scale: Scale): AnswerKey[] {
  const keys: AnswerKey[] = scale.points
    .slice(0, 9)
    .map((point, index) => ({ key: String(index + 1), kind: 'point', value: point.value, index }));
  if (scale.allowDontKnow) keys.push({ key: DONT_KNOW_KEY, kind: 'dk', value: 'dk' });
  if (scale.allowNotApplicable) keys.push({ key: NOT_APPLICABLE_KEY, kind: 'na', value: 'na' });
  return keys;
}

/**
 * What a key types for an item of `scale`: an answer, `blank` (Space), or null for a key that
 * types nothing here (a digit past the scale, « don't know » on a scale without it).
 */
export function answerForKey(scale: Scale, key: string): AnswerValue | 'blank' | null {
  if (key === BLANK_KEY || key === 'Spacebar') return 'blank';
  return answerKeys(scale).find((k) => k.key === key)?.value ?? null;
}

/** The key that types `value` on `scale` (for showing an answer as its key), or null. */
export function keyOfAnswer(scale: Scale, value: AnswerValue | undefined): string | null {
  if (value === undefined) return null;
  return answerKeys(scale).find((k) => k.value === value)?.key ?? null;
}

/**
 * The respondent's answers by grid from what was typed, question by question (`undefined`: left
 * blank, not stored, as an item not answered on screen).
 */
export function answersOfEntry(
  questions: readonly PaperQuestion[],
  typed: readonly (AnswerValue | undefined)[],
): Record<string, Answers> {
  const answers: Record<string, Answers> = {};
  questions.forEach((q, i) => {
    const value = typed[i];
    if (value === undefined) return;
    (answers[q.grid.id] ??= {})[q.item.id] = value;
  });
  return answers;
}
