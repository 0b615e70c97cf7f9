import type { AnswerStatus, AnswerValue } from '@/domain/answers/answers';
import type { Scale } from '@/domain/grid/schema';

/** The lowest and highest point values of a scale. */
export function scaleBounds(scale: Scale): { min: number; max: number } {
  let low = Infinity;
  let high = -Infinity;
  for (const point of scale.points) {
    if (point.value < low) low = point.value;
    if (point.value > high) high = point.value;
  }
  return { min: low, max: high };
}

/**
 * What an answer counts as: `answered` only for a number that is one of the scale's points;
 * a number off the scale, or no answer, is `missing` (reported by `validateAnswers`, never thrown).
 */
export function answerStatus(
  value: AnswerValue | undefined,
  scale: Scale | undefined,
): AnswerStatus {
  if (value === 'dk') return 'dk';
  if (value === 'na') return 'na';
  if (typeof value !== 'number' || scale === undefined) return 'missing';
  return scale.points.some((point) => point.value === value) ? 'answered' : 'missing';
}

/**
 * The item score formula on a known range (the value is assumed on the scale): (value − min) /
 * (max − min) × 100, then 100 − s for a `reverse` item, so that higher always means more
 * favourable (docs/scoring.md); null if max ≤ min.
 * Not settled: sums are made of these and settled once (see `score-matrix.ts`).
 */
export function scoreOnRange(
  value: number,
  min: number,
  max: number,
  reverse: boolean,
): number | null {
  if (!(max > min)) return null;
  const score = ((value - min) / (max - min)) * 100;
  return reverse ? 100 - score : score;
}
