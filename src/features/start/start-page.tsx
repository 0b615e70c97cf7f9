import { useTranslation } from 'react-i18next';

export function StartPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('nav.start')}</h1>
      <p>{t('comingSoon')}</p>
    </section>
  );
}
