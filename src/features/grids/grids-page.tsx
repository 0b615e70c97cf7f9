import { useTranslation } from 'react-i18next';

export function GridsPage(_props: { gridId?: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('nav.grids')}</h1>
      <p>{t('comingSoon')}</p>
    </section>
  );
}
