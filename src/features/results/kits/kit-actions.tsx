import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { KitActionProposal } from '@/domain/kits/kits';
import { addKitAction, hasKitAction } from '@/domain/kits/operations';
import { formatDate } from '@/i18n/format';
import { newId } from '@/utils/id';

type Update = (change: (d: Diagnostic, now: string) => Diagnostic) => void;

/** Today's day on this device, YYYY-MM-DD (the domain has no clock). */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The lines a kit proposes for the action plan, each added in one click (never twice: a line
 * already in the plan says so). Once added, a line is edited in the action plan like any other.
 */
export function KitActions({
  actions,
  diagnostic,
  update,
  lang,
}: {
  actions: readonly KitActionProposal[];
  diagnostic: Diagnostic;
  update: Update;
  lang: string;
}) {
  const { t } = useTranslation('kits');
  const uid = useId();
  const [status, setStatus] = useState('');
  if (actions.length === 0) return null;
  const deadline = (a: KitActionProposal) =>
    'days' in a.deadline
      ? t('actions.deadlineDays', { count: a.deadline.days })
      : a.deadline.date
        ? t('actions.deadlineDate', { date: formatDate(`${a.deadline.date}T12:00:00`, lang) })
        : t('actions.deadlineNone');
  return (
    <div className="kit-actions" aria-labelledby={`${uid}-title`} role="group">
      <h3 id={`${uid}-title`}>{t('actions.title')}</h3>
      <p>{t('actions.intro')}</p>
      <ul className="kit-actions__list">
        {actions.map((a) => {
          const inPlan = hasKitAction(diagnostic, a.key);
          return (
            <li key={a.key} data-kit-line={a.key}>
              <div className="kit-actions__text">
                <strong>{a.title}</strong>
                <span>{t('actions.owner', { owner: a.owner })}</span>
                <span>{deadline(a)}</span>
                <span>{t('actions.indicator', { indicator: a.indicator })}</span>
              </div>
              <button
                type="button"
                className="button button--small"
                aria-disabled={inPlan ? 'true' : undefined}
                aria-label={
                  inPlan
                    ? t('actions.addedLabel', { title: a.title })
                    : t('actions.addLabel', { title: a.title })
                }
                onClick={() => {
                  if (inPlan) return;
                  update((d, now) => addKitAction(d, a, { id: newId(), now, today: today() }));
                  setStatus(t('actions.done', { title: a.title }));
                }}
              >
                {inPlan ? (
                  <>
                    <span aria-hidden="true">✓ </span>
                    {t('actions.added')}
                  </>
                ) : (
                  t('actions.add')
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
