/** Number and date formatting in the interface language (French uses narrow no-break spaces). */
const locales: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };

export function localeOf(lang: string): string {
  return locales[lang] ?? lang;
}

/**
 * Formatters are built once per language and options: building an Intl formatter costs far
 * more than using it, and `toLocaleString` builds a new one on every call (a questionnaire
 * page formats dozens of numbers).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(lang: string, style: 'decimal' | 'percent', digits: number) {
  const key = `${lang}|${style}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), {
      style,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions) {
  const key = `${lang}|${options.dateStyle ?? ''}|${options.timeStyle ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), options);
    dateFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, lang: string, digits = 0): string {
  return numberFormat(lang, 'decimal', digits).format(value);
}

/** A share in [0, 1] as a percentage, e.g. 0.5 → "50 %" in French, "50%" in English. */
export function formatPercent(share: number, lang: string, digits = 0): string {
  return numberFormat(lang, 'percent', digits).format(share);
}

export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(lang, { dateStyle: 'long' }).format(date);
}
