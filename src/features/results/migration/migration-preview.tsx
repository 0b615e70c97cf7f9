import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridMigrationPlan, MigrationItem } from '@/domain/diagnostic/migrate';
import type { Grid } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';

type MigrationPreviewProps = {
  open: boolean;
  plan: GridMigrationPlan;
  oldGrid: Grid;
  newGrid: Grid;
  impact: { kept: number; setAside: number };
  lang: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * What moving to a newer grid version does, before anything changes: items kept (answers
 * follow), removed and changed (answers set aside, never re-scored) and added (unanswered).
 * A modal <dialog>: focus is trapped, Escape cancels, focus returns where it was.
 */
export function MigrationPreview(props: MigrationPreviewProps) {
  const { open, plan, oldGrid, newGrid, impact, lang, onConfirm, onCancel } = props;
  const { t } = useTranslation('grids');
  const ref = useRef<HTMLDialogElement>(null);
  const uid = useId();
  const title = pickText(newGrid.title, lang, newGrid.languages.default);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // Start at the title, not at the buttons below a long list (which would scroll it away).
      dialog.querySelector<HTMLElement>('h2')?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  const describe = (grid: Grid, entry: MigrationItem) => {
    const text = (value: Parameters<typeof pickText>[0]) =>
      pickText(value, lang, grid.languages.default);
    const dimension = grid.dimensions.find((d) => d.id === entry.dimensionId);
    const item = dimension?.items.find((i) => i.id === entry.itemId);
    return {
      text: item ? text(item.text) : entry.itemId,
      dimension: dimension ? text(dimension.label) : entry.dimensionId,
    };
  };

  const list = (
    key: 'kept' | 'removed' | 'added' | 'changed',
    grid: Grid,
    entries: (MigrationItem & { changes?: string[] })[],
  ) => (
    <section aria-labelledby={`${uid}-${key}`} className={`migration-list migration-list--${key}`}>
      <h3 id={`${uid}-${key}`}>{t(`migration.preview.${key}.title`, { count: entries.length })}</h3>
      <p className="field__hint">{t(`migration.preview.${key}.hint`)}</p>
      {entries.length === 0 ? (
        <p>{t('migration.preview.none')}</p>
      ) : (
        <ul>
          {entries.map((entry) => {
            const { text, dimension } = describe(grid, entry);
            return (
              <li key={entry.itemId} data-item-id={entry.itemId}>
                {text} <span className="migration-list__where">({dimension})</span>
                {entry.changes && entry.changes.length > 0 && (
                  <span className="migration-list__changes">
                    {' '}
                    —{' '}
                    {entry.changes
                      .map((change) => t(`migration.preview.change.${change as 'scale'}`))
                      .join(', ')}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );

  return (
    <dialog
      ref={ref}
      className="dialog migration-dialog"
      aria-labelledby={`${uid}-title`}
      aria-describedby={`${uid}-intro`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${uid}-title`} tabIndex={-1}>
        {t('migration.preview.title', { title, from: plan.from, to: plan.to })}
      </h2>
      <div id={`${uid}-intro`}>
        <p>{t('migration.preview.intro')}</p>
        <p>
          <strong>
            {t('migration.preview.impact', {
              kept: impact.kept,
              setAside: impact.setAside,
              count: impact.kept + impact.setAside,
            })}
          </strong>
        </p>
      </div>
      {list('kept', newGrid, plan.kept)}
      {list('changed', newGrid, plan.changed)}
      {list('removed', oldGrid, plan.removed)}
      {list('added', newGrid, plan.added)}
      <p>{t('migration.preview.safety')}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('migration.preview.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={onConfirm}>
          {t('migration.preview.confirm', { to: plan.to })}
        </button>
      </div>
    </dialog>
  );
}
