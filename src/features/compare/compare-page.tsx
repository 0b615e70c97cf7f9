import { useTranslation } from 'react-i18next';

export function ComparePage(_props: { t0?: string; t1?: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('nav.compare')}</h1>
      <p>{t('comingSoon')}</p>
    </section>
  );
}
