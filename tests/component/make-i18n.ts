import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '@/i18n/resources-en';
import { fr } from '@/i18n/resources-fr';

/** A fresh i18next with every namespace of both languages, as the app has once loaded. */
export async function makeI18n(lang: 'fr' | 'en'): Promise<typeof i18next> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'fr',
    resources: { fr, en },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  return instance;
}
