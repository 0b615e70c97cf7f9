import { useTranslation } from 'react-i18next';

export function NotFoundPage({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path })}</p>
      <p>
        <a href="#/">{t('notFound.back')}</a>
      </p>
    </section>
  );
}
