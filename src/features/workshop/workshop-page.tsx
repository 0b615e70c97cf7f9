import { useTranslation } from 'react-i18next';

export function WorkshopPage(_props: { diagnosticId?: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('nav.workshop')}</h1>
      <p>{t('comingSoon')}</p>
    </section>
  );
}
