/**
 * The report's words and figures, shared by its two renderers (the PDF, `render-pdf.ts`, and the
 * editable Word document, `render-docx.ts`) so that both write the same text for the same model:
 * numbers and dates in the report's locale, figures by the display rule (docs/scoring.md), the
 * fired reasons, the partial notice, the file name. No drawing library here: each renderer's lazy
 * chunk takes this module along without the other's library.
 */
import { localeOf } from '@/i18n/format';
import type { FiredReasonReport, ReportModel } from '@/domain/report/report-model';
import { reasonFigures } from '@/domain/report/reason-figures';
import { type Shown, shownNumber, type Split } from '@/domain/scoring/display';
import type { ReportKey } from './report-keys';

/**
 * A translation function bound to the `report` namespace and the report's language; its keys are
 * typed from the locale files (`report-keys.ts`).
 */
export type Translate = (key: ReportKey, params?: Record<string, unknown>) => string;

/** The locale used for numbers and dates of a report language: the interface's (`i18n/format.ts`). */
export function reportLocale(lang: string): string {
  return localeOf(lang);
}

/** A file-name-safe slug: ASCII letters and digits separated by dashes, at most 60 characters, cut between words. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 20 ? cut.slice(0, lastDash) : slug.slice(0, 60).replace(/-+$/g, '');
}

/** YYYY-MM-DD of an ISO date, in the device's time zone (the date printed on the report). */
function isoDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `<slug of title>-<YYYY-MM-DD of generatedAt>.pdf` (or `.docx`). */
export function reportFileName(
  title: string,
  generatedAt: string,
  fallback: string,
  extension: 'pdf' | 'docx' = 'pdf',
): string {
  return `${slugify(title) || slugify(fallback) || 'report'}-${isoDay(generatedAt)}.${extension}`;
}

const FORMATTERS = new Map<string, ReturnType<typeof makeFormatters>>();

/** Number and date formatters of a report language, built once (Intl formatters are costly). */
export function formatters(lang: string): ReturnType<typeof makeFormatters> {
  let f = FORMATTERS.get(lang);
  if (!f) {
    f = makeFormatters(lang);
    FORMATTERS.set(lang, f);
  }
  return f;
}

function makeFormatters(lang: string) {
  const locale = reportLocale(lang);
  // Built once per report: `toLocaleString` would build a formatter for every number.
  const intFormat = new Intl.NumberFormat(locale);
  const oneFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const twoFormat = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const pctFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  // The display rule's figures (docs/scoring.md): whole, or as many decimals as they need.
  const fixed = new Map<string, Intl.NumberFormat>();
  const fixedFormat = (digits: number, percent: boolean): Intl.NumberFormat => {
    const key = `${digits}|${percent}`;
    let format = fixed.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        ...(percent ? { style: 'percent' as const } : {}),
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      fixed.set(key, format);
    }
    return format;
  };
  const dateFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const dayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'short' });
  return {
    int: (n: number): string => intFormat.format(Math.round(n)),
    one: (n: number): string => oneFormat.format(n),
    /** Two decimals, always shown (Cronbach's α: 0,70). */
    two: (n: number): string => twoFormat.format(n),
    pct: (share: number): string => pctFormat.format(share),
    /** A figure as `shownNumber` rounded it. */
    shown: (shown: Shown): string => fixedFormat(shown.digits, false).format(shown.value),
    /** A per-cent figure as `shownPercent` rounded it. */
    shownPct: (shown: Shown): string => fixedFormat(shown.digits, true).format(shown.value / 100),
    /** A score (0–100) shown against its bounds. */
    score: (value: number, bounds: readonly number[] = [], split: Split = 'atLeast'): string => {
      const shown = shownNumber(value, bounds, 0, split);
      return fixedFormat(shown.digits, false).format(shown.value);
    },
    date: (iso: string): string => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return dateFormat.format(date);
    },
    day: (ymd: string): string => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
      if (!m) return ymd;
      const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return dayFormat.format(date);
    },
  };
}

export type Formatters = ReturnType<typeof makeFormatters>;

/**
 * One fired reason in words, e.g. « Droit à la déconnexion : 49,7/100, sous 50 »: figures by the
 * display rule (docs/scoring.md), answers by their label, as on the results page.
 */
export function reasonText(reason: FiredReasonReport, t: Translate, lang: string): string {
  const f = formatters(lang);
  const figures = reasonFigures(reason);
  const number = (shown: Shown): string => (figures.percent ? f.shownPct(shown) : f.shown(shown));
  const point = (label: string | null, shown: Shown): string =>
    label === null ? number(shown) : t('reason.point', { label });
  const isItem = reason.kind === 'item';
  const threshold =
    isItem && figures.key.endsWith('Mean') && figures.thresholdLabel !== null
      ? t('reason.pointValue', { value: number(figures.threshold), label: figures.thresholdLabel })
      : point(isItem ? figures.thresholdLabel : null, figures.threshold);
  const params = {
    target: reason.target,
    observed: point(figures.observedLabel, figures.observed),
    threshold,
    count: figures.n,
    op: reason.op,
    ...(figures.role === null ? {} : { role: t(`labels.role.${figures.role}`) }),
  };
  return t(`reason.${figures.key}`, params);
}

/** Why the results are partial, stated: the questions without an answer, the dimensions without a score. */
export function partialText(model: ReportModel, t: Translate): string {
  const { unanswered, unscored } = model.partialReasons;
  const list = (names: string[]): string =>
    names.length > 5
      ? t('partial.more', {
          list: names.slice(0, 5).join(t('common.listSeparator')),
          count: names.length - 5,
        })
      : names.join(t('common.listSeparator'));
  return [
    t('partial.body'),
    ...(unanswered.length > 0
      ? [
          t('partial.unanswered', {
            count: unanswered.length,
            list: list(unanswered.map((u) => t('partial.item', { item: u.item }))),
          }),
        ]
      : []),
    ...(unscored.length > 0
      ? [
          t('partial.unscored', {
            count: unscored.length,
            list: list(
              unscored.map((u) =>
                t('partial.dimension', {
                  dimension: u.dimension,
                  reason: t(`insufficient.${u.reason}`),
                }),
              ),
            ),
          }),
        ]
      : []),
  ].join(' ');
}

/** A label followed by its colon, as each language writes it (« Pourquoi : », "Why:"). */
export function colonOf(lang: string): (label: string) => string {
  // French: a no-break space, so that the colon never starts a line on its own.
  return (label) => (lang === 'fr' ? `${label}\u00a0:` : `${label}:`);
}
