import { useTranslation } from 'react-i18next';

export function AnswerPage(_props: { diagnosticId?: string; step?: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('nav.answer')}</h1>
      <p>{t('comingSoon')}</p>
    </section>
  );
}
