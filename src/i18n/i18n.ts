import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readPreference, writePreference } from '@/storage/preferences';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';
import { fr, NAMESPACES } from './resources-fr';

const LANGUAGE_KEY = 'language';

async function loadResources(lang: Language): Promise<void> {
  if (lang === 'fr' || i18next.hasResourceBundle(lang, 'common')) return;
  const { en } = await import('./resources-en');
  for (const ns of NAMESPACES) i18next.addResourceBundle(lang, ns, en[ns], true, true);
}

function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang;
  document.title = i18next.t('common:appName');
}

/** Starts i18next with the remembered language (French by default) and keeps <html lang> in step. */
export async function initI18n(): Promise<typeof i18next> {
  const stored = readPreference(LANGUAGE_KEY);
  const lang: Language = isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  await i18next.use(initReactI18next).init({
    lng: 'fr',
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    ns: NAMESPACES,
    defaultNS: 'common',
    resources: { fr },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await setLanguage(lang);
  return i18next;
}

/** Switches the interface language, loading it first, and remembers the choice. */
export async function setLanguage(lang: Language): Promise<void> {
  await loadResources(lang);
  await i18next.changeLanguage(lang);
  writePreference(LANGUAGE_KEY, lang);
  applyToDocument(lang);
}

export function currentLanguage(): Language {
  const lang = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}
