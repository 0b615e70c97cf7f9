/** Number and date formatting in the interface language (French uses narrow no-break spaces). */
const locales: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };

export function localeOf(lang: string): string {
  return locales[lang] ?? lang;
}

export function formatNumber(value: number, lang: string, digits = 0): string {
  return value.toLocaleString(localeOf(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A share in [0, 1] as a percentage, e.g. 0.5 → "50 %" in French, "50%" in English. */
export function formatPercent(share: number, lang: string, digits = 0): string {
  return share.toLocaleString(localeOf(lang), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(localeOf(lang), { dateStyle: 'long' });
}
