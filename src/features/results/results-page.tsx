import { useTranslation } from 'react-i18next';

export function ResultsPage(_props: { diagnosticId?: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('nav.results')}</h1>
      <p>{t('comingSoon')}</p>
    </section>
  );
}
