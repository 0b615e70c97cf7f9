import { useTranslation } from 'react-i18next';
import type { StorageFailure } from '@/storage/diagnostics-store';

type StorageBannerProps = { failure: StorageFailure; onExport?: () => void };

/** Says the device refuses to store, and offers the export that keeps the answers safe. */
export function StorageBanner({ failure, onExport }: StorageBannerProps) {
  const { t } = useTranslation('start');
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">{t('storage.failedTitle')}</h2>
      <p>
        {t(`storage.reason.${failure.reason}`)} {t('storage.failedBody')}
      </p>
      {onExport && (
        <button type="button" className="button" onClick={onExport}>
          {t('storage.failedExport')}
        </button>
      )}
    </div>
  );
}
