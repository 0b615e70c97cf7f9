import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WORK_SITUATIONS, type Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { DeploymentKit } from '@/domain/kits/kits';
import {
  addSituation,
  removeSituation,
  updatePilot,
  updateSituation,
} from '@/domain/kits/operations';
import { formatScore } from '@/i18n/format-score';
import { newId } from '@/utils/id';
import { KitActions } from './kit-actions';
import { KitLegalList } from './kit-legal';

export const DEPLOYMENT_KIT_ID = 'kit-deployment';
const MIN_SITUATIONS = 3;

type Update = (change: (d: Diagnostic, now: string) => Diagnostic) => void;

/**
 * The deployment kit on the results page of an early-stage diagnostic: the typical work
 * situations (today / with the tool / what the tool must allow), the specification checklist
 * they feed, the pilot plan, and the action lines they propose. Saved with the diagnostic.
 */
export function DeploymentKitSection({
  kit,
  diagnostic,
  update,
  lang,
}: {
  kit: DeploymentKit;
  diagnostic: Diagnostic;
  update: Update;
  lang: string;
}) {
  const { t } = useTranslation('kits');
  const uid = useId();
  const id = DEPLOYMENT_KIT_ID;
  const situations = kit.situations;
  const toGo = Math.max(0, MIN_SITUATIONS - situations.length);
  const pilot = kit.pilot;
  const datesReversed = pilot.t0 !== '' && pilot.t1 !== '' && pilot.t1 < pilot.t0;
  const field = (
    situationId: string,
    n: number,
    name: 'title' | 'today' | 'withTool' | 'requirement',
    value: string,
  ) => {
    const fieldId = `${uid}-${situationId}-${name}`;
    const change = (text: string) =>
      update((d, now) => updateSituation(d, situationId, { [name]: text }, now));
    return (
      <div className="field" key={name}>
        <label htmlFor={fieldId}>{t(`deployment.fields.${name}`)}</label>
        {name === 'title' ? (
          <input
            id={fieldId}
            type="text"
            maxLength={300}
            value={value}
            onChange={(e) => change(e.target.value)}
            data-situation-field={`${n}-${name}`}
          />
        ) : (
          <textarea
            id={fieldId}
            rows={3}
            maxLength={5000}
            value={value}
            onChange={(e) => change(e.target.value)}
            data-situation-field={`${n}-${name}`}
          />
        )}
      </div>
    );
  };
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="card kit">
      <h2 id={`${id}-title`}>{t('deployment.title')}</h2>
      <p>{t('deployment.intro')}</p>

      <h3>{t('deployment.situations')}</h3>
      <p>{t('deployment.situationsIntro')}</p>
      {kit.examples.length > 0 && (
        <div className="kit-muted">
          <p>{t('deployment.examples')}</p>
          <ul>
            {kit.examples.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <ol className="kit-situations">
        {situations.map((s, index) => (
          <li key={s.id} className="kit-situation" data-situation-id={s.id}>
            <fieldset>
              <legend>{t('deployment.situation', { n: index + 1 })}</legend>
              {field(s.id, index + 1, 'title', s.title)}
              <div className="kit-situation__pair">
                {field(s.id, index + 1, 'today', s.today)}
                {field(s.id, index + 1, 'withTool', s.withTool)}
              </div>
              {field(s.id, index + 1, 'requirement', s.requirement)}
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => update((d, now) => removeSituation(d, s.id, now))}
              >
                {t('deployment.removeSituation', { n: index + 1 })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      {toGo > 0 && <p className="kit-muted">{t('deployment.situationsToGo', { count: toGo })}</p>}
      {situations.length >= MAX_WORK_SITUATIONS ? (
        <p className="kit-muted">{t('deployment.maxSituations')}</p>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => update((d, now) => addSituation(d, newId(), now))}
        >
          {t('deployment.addSituation')}
        </button>
      )}

      <h3>{t('deployment.checklist')}</h3>
      {kit.checklist.length === 0 ? (
        <p>{t('deployment.checklistNone')}</p>
      ) : (
        <>
          <p>{t('deployment.checklistIntro')}</p>
          <ul className="kit-list kit-checklist" data-testid="kit-checklist">
            {kit.checklist.map((line) =>
              line.source === 'situation' ? (
                <li key={`s-${line.situationId}`}>{line.text}</li>
              ) : (
                <li key={`g-${line.item}-${line.requirement}`}>
                  {t('deployment.checklistGrid', {
                    item: line.item,
                    requirement: line.requirement,
                    score: formatScore(
                      line.score,
                      lang,
                      line.below === undefined ? [] : [line.below],
                    ),
                  })}
                </li>
              ),
            )}
          </ul>
        </>
      )}

      <h3>{t('deployment.pilot')}</h3>
      <p>{t('deployment.pilotIntro')}</p>
      <div className="kit-pilot">
        {(['scope', 'duration'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`${uid}-pilot-${name}`}>{t(`deployment.pilotFields.${name}`)}</label>
            <input
              id={`${uid}-pilot-${name}`}
              type="text"
              maxLength={300}
              value={pilot[name]}
              onChange={(e) => update((d, now) => updatePilot(d, { [name]: e.target.value }, now))}
            />
          </div>
        ))}
        <div className="field kit-pilot__wide">
          <label htmlFor={`${uid}-pilot-criteria`}>{t('deployment.pilotFields.criteria')}</label>
          <textarea
            id={`${uid}-pilot-criteria`}
            rows={3}
            maxLength={5000}
            value={pilot.criteria}
            aria-describedby={kit.criteria.length > 0 ? `${uid}-criteria-hint` : undefined}
            onChange={(e) => update((d, now) => updatePilot(d, { criteria: e.target.value }, now))}
          />
          {kit.criteria.length > 0 && (
            <p id={`${uid}-criteria-hint`} className="kit-muted">
              {t('deployment.criteriaHint', { list: kit.criteria.join(', ') })}
            </p>
          )}
        </div>
        {(['t0', 't1'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`${uid}-pilot-${name}`}>{t(`deployment.pilotFields.${name}`)}</label>
            <input
              id={`${uid}-pilot-${name}`}
              type="date"
              value={pilot[name]}
              aria-describedby={datesReversed ? `${uid}-dates-order` : undefined}
              onChange={(e) => update((d, now) => updatePilot(d, { [name]: e.target.value }, now))}
            />
          </div>
        ))}
      </div>
      {datesReversed && (
        <p id={`${uid}-dates-order`} className="field__error">
          {t('deployment.datesOrder')}
        </p>
      )}

      {kit.legal.length > 0 && (
        <>
          <h3>{t('deployment.legal')}</h3>
          <KitLegalList refs={kit.legal} lang={lang} />
        </>
      )}

      <KitActions actions={kit.actions} diagnostic={diagnostic} update={update} lang={lang} />
    </section>
  );
}
