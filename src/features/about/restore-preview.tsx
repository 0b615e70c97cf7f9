import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup, MergeMode, RestorePlan } from '@/domain/files/backup';
import { formatDateTime } from '@/i18n/format';
import { currentLanguage } from '@/i18n/i18n';

export type PendingRestore = { fileName: string; backup: Backup; plan: RestorePlan };

type RestorePreviewProps = {
  pending: PendingRestore;
  mode: MergeMode;
  onMode: (mode: MergeMode) => void;
  onRestore: () => void;
  onCancel: () => void;
};

/** What a restore would do, and — when some entries clash — how to merge them. */
export function RestorePreview({
  pending,
  mode,
  onMode,
  onRestore,
  onCancel,
}: RestorePreviewProps) {
  const { t } = useTranslation('about');
  const lang = currentLanguage();
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { plan, backup, fileName } = pending;
  const counts = (diagnostics: number, grids: number) => ({
    diagnostics: t('data.diagnostics', { count: diagnostics }),
    grids: t('data.grids', { count: grids }),
  });
  const clashes = plan.clashingDiagnostics.length + plan.clashingGrids.length;
  const nothing = plan.newDiagnostics.length + plan.newGrids.length + clashes === 0;

  useEffect(() => {
    heading.current?.focus();
  }, [pending]);

  return (
    <section className="restore-preview" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`} ref={heading} tabIndex={-1}>
        {t('restore.title', { file: fileName })}
      </h3>
      <p>
        {t('restore.contains', {
          date: formatDateTime(backup.createdAt, lang),
          ...counts(backup.diagnostics.length, backup.grids.length),
        })}
      </p>
      <ul>
        <li>{t('restore.new', counts(plan.newDiagnostics.length, plan.newGrids.length))}</li>
        <li>{t('restore.same', counts(plan.sameDiagnostics.length, plan.sameGrids.length))}</li>
      </ul>
      {clashes > 0 && (
        <>
          <h4>{t('restore.clashTitle')}</h4>
          <ul>
            {plan.clashingDiagnostics.map(({ incoming, existing }) => (
              <li key={incoming.id}>
                {t('restore.clashItem', {
                  incoming: incoming.title,
                  incomingDate: formatDateTime(incoming.updatedAt, lang),
                  existing: existing.title,
                  existingDate: formatDateTime(existing.updatedAt, lang),
                })}
              </li>
            ))}
            {plan.clashingGrids.map((grid) => (
              <li key={grid.key}>{t('restore.clashGrid', { key: grid.key })}</li>
            ))}
          </ul>
          <fieldset className="choice-group">
            <legend>{t('restore.mode')}</legend>
            {(['keepBoth', 'replace'] as const).map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name={`${uid}-mode`}
                  value={value}
                  checked={mode === value}
                  onChange={() => onMode(value)}
                  aria-describedby={`${uid}-${value}-hint`}
                />
                <span>
                  {t(`restore.${value}`)}
                  <span id={`${uid}-${value}-hint`} className="choice__hint">
                    {t(`restore.${value}Hint`)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      {nothing && <p className="notice notice--ok">{t('restore.nothing')}</p>}
      <p className="button-row">
        {!nothing && (
          <button type="button" className="button button--primary" onClick={onRestore}>
            {t('restore.confirm')}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          {t('restore.cancel')}
        </button>
      </p>
    </section>
  );
}
