/** Interface languages, French first. To add one, see README "Add a language". */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The preference that remembers the interface language. */
export const LANGUAGE_PREFERENCE = 'language';

/**
 * Namespaces bundled with the app shell in French: the shell and the start page show without
 * waiting, and the "page crashed" message works even when no other file can be downloaded.
 * (In English they are files, loaded at start.)
 */
export const SHELL_NAMESPACES = ['common', 'start', 'recovery'] as const;
