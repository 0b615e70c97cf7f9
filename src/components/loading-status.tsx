import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * How long a wait stays silent before "Loading…" shows: a page whose code or data come within
 * it appears without a loading line flashing first.
 */
export const LOADING_DELAY_MS = 400;

/**
 * "Loading…" after `LOADING_DELAY_MS`: the status region is in the page at once (so that screen
 * readers announce the text when it comes), empty until then. `what` names the wait, for tests.
 */
export function LoadingStatus({ what }: { what: 'page' | 'diagnostic' | 'list' }) {
  const { t } = useTranslation('common');
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(true), LOADING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <p role="status" data-loading={what}>
      {shown ? t('loading') : null}
    </p>
  );
}
