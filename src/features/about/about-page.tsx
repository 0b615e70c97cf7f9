import { useTranslation } from 'react-i18next';

export function AboutPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('nav.about')}</h1>
      <p>{t('comingSoon')}</p>
    </section>
  );
}
