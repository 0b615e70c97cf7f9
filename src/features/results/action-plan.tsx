import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type ActionItem, type Diagnostic } from '@/domain/diagnostic/diagnostic';
import { moveAction, removeAction, upsertAction } from '@/domain/diagnostic/operations';
import { newId } from '@/utils/id';

type ActionPlanProps = {
  diagnostic: Diagnostic;
  update: (change: (d: Diagnostic, now: string) => Diagnostic) => void;
};

/** Editable action plan: owner, deadline, status, indicator; reorder; saved with the diagnostic. */
export function ActionPlan({ diagnostic, update }: ActionPlanProps) {
  const { t } = useTranslation(['plan', 'labels']);
  const uid = useId();
  const plan = diagnostic.actionPlan;
  const edit = (action: ActionItem, change: Partial<ActionItem>) =>
    update((d, now) => upsertAction(d, { ...action, ...change }, now));

  return (
    <section aria-labelledby={`${uid}-title`} className="action-plan">
      <h2 id={`${uid}-title`}>{t('title')}</h2>
      <p>{t('intro')}</p>
      {plan.length === 0 && <p>{t('empty')}</p>}
      <ol className="plan-list">
        {plan.map((action, index) => {
          const id = `${uid}-${action.id}`;
          const label = action.title || t('newAction');
          return (
            <li key={action.id} className="card plan-item" data-action-id={action.id}>
              <fieldset>
                <legend>{t('position', { n: index + 1 })}</legend>
                <div className="field">
                  <label htmlFor={`${id}-title`}>{t('fields.title')}</label>
                  <textarea
                    id={`${id}-title`}
                    rows={2}
                    maxLength={300}
                    value={action.title}
                    aria-invalid={action.title.trim() === '' ? 'true' : 'false'}
                    aria-describedby={action.title.trim() === '' ? `${id}-title-error` : undefined}
                    onChange={(e) => edit(action, { title: e.target.value })}
                  />
                  {action.title.trim() === '' && (
                    <p id={`${id}-title-error`} className="field__error">
                      {t('titleRequired')}
                    </p>
                  )}
                </div>
                <div className="field-row">
                  <div className="field">
                    <label htmlFor={`${id}-owner`}>{t('fields.owner')}</label>
                    <input
                      id={`${id}-owner`}
                      type="text"
                      maxLength={300}
                      value={action.owner}
                      onChange={(e) => edit(action, { owner: e.target.value })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-deadline`}>{t('fields.deadline')}</label>
                    <input
                      id={`${id}-deadline`}
                      type="date"
                      value={action.deadline}
                      onChange={(e) =>
                        edit(action, {
                          deadline: /^\d{4}-\d{2}-\d{2}$/.test(e.target.value)
                            ? e.target.value
                            : '',
                        })
                      }
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-status`}>{t('fields.status')}</label>
                    <select
                      id={`${id}-status`}
                      value={action.status}
                      onChange={(e) =>
                        edit(action, { status: e.target.value as ActionItem['status'] })
                      }
                    >
                      {ACTION_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`labels:actionStatus.${s}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-indicator`}>{t('fields.indicator')}</label>
                  <input
                    id={`${id}-indicator`}
                    type="text"
                    maxLength={300}
                    value={action.indicator}
                    onChange={(e) => edit(action, { indicator: e.target.value })}
                  />
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={index === 0}
                    aria-label={t('moveUp', { title: label })}
                    onClick={() => update((d, now) => moveAction(d, action.id, -1, now))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={index === plan.length - 1}
                    aria-label={t('moveDown', { title: label })}
                    onClick={() => update((d, now) => moveAction(d, action.id, 1, now))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    aria-label={t('remove', { title: label })}
                    onClick={() => update((d, now) => removeAction(d, action.id, now))}
                  >
                    ✕
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() =>
          update((d, now) =>
            upsertAction(
              d,
              {
                id: newId(),
                title: t('newAction'),
                owner: '',
                deadline: '',
                status: 'todo',
                indicator: '',
              },
              now,
            ),
          )
        }
      >
        {t('addFree')}
      </button>
    </section>
  );
}
