import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readPreference, writePreference } from '@/storage/preferences';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  LANGUAGE_PREFERENCE,
  SHELL_NAMESPACES,
  type Language,
} from './languages';
import common from './locales/fr/common.json';
import recovery from './locales/fr/recovery.json';
import start from './locales/fr/start.json';
import type { Namespace } from './resources-fr';

/**
 * Every other namespace file (and every English one) is its own small chunk, loaded by
 * react-i18next when a page asks for it (`useTranslation(ns)` suspends until it is there).
 * A namespace is its file name in camelCase: grid-errors.json → `gridErrors`.
 */
const LAZY_FILES = import.meta.glob<ResourceKey>(
  [
    './locales/*/*.json',
    '!./locales/fr/common.json',
    '!./locales/fr/start.json',
    '!./locales/fr/recovery.json',
  ],
  { import: 'default' },
);

/** `gridErrors` → `grid-errors`; the map is built from the files, so no name is guessed. */
const FILE_OF_NAMESPACE = new Map(
  Object.keys(LAZY_FILES).map((path) => {
    const file = /\/([^/]+)\.json$/.exec(path)?.[1] ?? '';
    return [file.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), file] as const;
  }),
);

const BUNDLED: Record<string, ResourceKey> = { common, start, recovery };

/** One namespace file of a language: bundled for the shell's French, else its own chunk. */
export function loadNamespaceFile(language: string, namespace: string): Promise<ResourceKey> {
  if (language === 'fr' && namespace in BUNDLED) return Promise.resolve(BUNDLED[namespace]!);
  const load = LAZY_FILES[`./locales/${language}/${FILE_OF_NAMESPACE.get(namespace)}.json`];
  return load ? load() : Promise.reject(new Error(`No ${language} file for ${namespace}`));
}

/** i18next backend: imports a namespace file of a language on demand. */
const lazyFiles: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    loadNamespaceFile(language, namespace).then(
      (data) => callback(null, data),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang;
  document.title = i18next.t('common:appName');
}

/** Starts i18next with the remembered language (French by default) and keeps <html lang> in step. */
export async function initI18n(): Promise<typeof i18next> {
  const stored = readPreference(LANGUAGE_PREFERENCE);
  const lang: Language = isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  await i18next
    .use(lazyFiles)
    .use(initReactI18next)
    .init({
      lng: 'fr',
      fallbackLng: 'fr',
      supportedLngs: [...LANGUAGES],
      ns: [...SHELL_NAMESPACES],
      defaultNS: 'common',
      resources: { fr: BUNDLED },
      // The bundled French namespaces are a part: the backend loads the rest.
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  await setLanguage(lang);
  return i18next;
}

/**
 * Switches the interface language, and remembers the choice. i18next loads, before switching,
 * the new language's files of every namespace used so far.
 */
export async function setLanguage(lang: Language): Promise<void> {
  await i18next.changeLanguage(lang);
  writePreference(LANGUAGE_PREFERENCE, lang);
  applyToDocument(lang);
}

/** Loads namespaces not yet loaded (for code that translates outside a component, e.g. the PDF). */
export async function loadNamespaces(namespaces: Namespace[]): Promise<void> {
  await i18next.loadNamespaces(namespaces);
}

export function currentLanguage(): Language {
  const lang = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}
