import type { LocalizedText } from './schema';

/**
 * The text in `lang`, else in `fallback` (the grid's default language), else in any language
 * present, else `''`. Only own keys count, so `lang = 'constructor'` finds nothing.
 */
export function pickText(text: LocalizedText, lang: string, fallback: string): string {
  for (const key of [lang, fallback]) {
    if (Object.hasOwn(text, key)) {
      const value = text[key];
      if (typeof value === 'string' && value !== '') return value;
    }
  }
  for (const value of Object.values(text)) {
    if (typeof value === 'string' && value !== '') return value;
  }
  return '';
}
