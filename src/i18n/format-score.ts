/**
 * Scores and shares formatted by the display rule (docs/scoring.md), apart from `format.ts` so
 * that the start and answer pages, which show no score, do not load the rule.
 */
import { type Shown, shownNumber, shownPercent, type Split } from '@/domain/scoring/display';
import { formatNumber, formatPercent } from './format';

/** A figure as the display rule shows it (docs/scoring.md): its rounded value, its decimals. */
export function formatShown(shown: Shown, lang: string): string {
  return formatNumber(shown.value, lang, shown.digits);
}

/** A figure in per cent as the display rule shows it (`shownPercent`): « 30,4 % ». */
export function formatShownPercent(shown: Shown, lang: string): string {
  return formatPercent(shown.value / 100, lang, shown.digits);
}

/**
 * A figure on the 0–100 scale shown against its bounds: whole, with decimals only near a bound;
 * `split` 'above' for spreads and gaps (see `Split`).
 */
export function formatScore(
  value: number,
  lang: string,
  bounds: readonly number[] = [],
  split: Split = 'atLeast',
): string {
  return formatShown(shownNumber(value, bounds, 0, split), lang);
}

/** A share in [0, 1] in per cent, against its bounds (thresholds of « don't know » conditions). */
export function formatShare(share: number, lang: string, bounds: readonly number[] = []): string {
  return formatShownPercent(shownPercent(share, bounds), lang);
}
