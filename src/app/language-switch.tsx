import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '@/i18n/i18n';

/** One button that switches between French and English; the choice is remembered. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const next = currentLanguage() === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="language-switch"
      lang={next}
      aria-label={t('language.switchToLabel')}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void setLanguage(next).finally(() => setBusy(false));
      }}
    >
      {t('language.switchTo')}
    </button>
  );
}
