/**
 * The figures of a fired reason as they are shown, for the results page and the PDF alike
 * (docs/scoring.md): the observed figure on the right side of its threshold and bounds (never
 * « 50/100, sous 50 »), item answers by their label in the report's language, and « mean answer »
 * only when several people answered.
 */
import {
  type Shown,
  shownExactly,
  shownNumber,
  shownPair,
  shownPercent,
} from '@/domain/scoring/display';
import type { Role } from '@/domain/answers/answers';
import type { FiredReasonReport } from './report-model';

/** Translation keys under `reason.` (results and report namespaces). */
export const REASON_KEYS = [
  'dimension.below',
  'dimension.atLeast',
  'dimension.belowRole',
  'dimension.atLeastRole',
  'item.atMost',
  'item.atLeast',
  'item.atMostMean',
  'item.atLeastMean',
  'dontKnowRate.above',
  'spread.above',
  'roleGap.above',
  'other',
] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

export type ReasonFigures = {
  /** `item.atMost`: one person's answer; `item.atMostMean`: a mean answer; `other`: unknown. */
  key: ReasonKey;
  /** Figures in score points, answer values, or per cent when `percent`. */
  observed: Shown;
  threshold: Shown;
  percent: boolean;
  /** Item reasons: label of the one answer given (the figure is then that answer's value). */
  observedLabel: string | null;
  /** Item reasons: label of the threshold's scale point. */
  thresholdLabel: string | null;
  /** Respondents behind the observed figure. */
  n: number;
  /** The role whose own score the figure is (`dimension.*Role` keys), else null. */
  role: Role | null;
};

/** The shown figures and translation key of one reason. */
export function reasonFigures(reason: FiredReasonReport): ReasonFigures {
  const bounds = reason.bounds.length > 0 ? reason.bounds : [reason.threshold];
  const percent = reason.kind === 'dontKnowRate';
  // Thresholds as written in the grid; observed figures on their side of them (docs/scoring.md).
  const threshold = percent ? shownExactly(reason.threshold * 100) : shownExactly(reason.threshold);
  const mean = reason.kind === 'item' && reason.n > 1;
  const split =
    reason.kind === 'dimension' || (reason.kind === 'item' && reason.op === 'atLeast')
      ? 'atLeast'
      : 'above';
  const observed = percent
    ? shownPercent(reason.observed, bounds)
    : reason.means !== undefined
      ? // A gap between roles: the difference of the two means as shown beside it elsewhere.
        shownPair(
          { value: reason.means.high, bounds: reason.means.bounds },
          { value: reason.means.low, bounds: reason.means.bounds },
          bounds,
        ).difference
      : shownNumber(reason.observed, bounds, mean ? 1 : 0, split);
  const written =
    reason.kind === 'item'
      ? `item.${reason.op === 'atLeast' ? 'atLeast' : 'atMost'}${mean ? 'Mean' : ''}`
      : `${reason.kind}.${reason.op}${reason.kind === 'dimension' && reason.role !== undefined ? 'Role' : ''}`;
  const key = REASON_KEYS.find((known) => known === written) ?? 'other';
  return {
    key,
    observed,
    threshold,
    percent,
    observedLabel: mean ? null : (reason.observedLabel ?? null),
    thresholdLabel: reason.thresholdLabel ?? null,
    n: reason.n,
    role: reason.role ?? null,
  };
}
