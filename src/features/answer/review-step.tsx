import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Respondent } from '@/domain/diagnostic/diagnostic';
import { pickText } from '@/domain/grid/text';
import { answeredCount, type DimensionStep } from './questionnaire-pages';
import { ExportRespondentButton } from '@/shared/handover/export-respondent-button';
import { QrHandoverButton } from '@/shared/handover/qr-handover-button';

type ReviewStepProps = {
  headingRef: RefObject<HTMLHeadingElement | null>;
  steps: DimensionStep[];
  respondent: Respondent;
  lang: string;
  stepHref: (key: string) => string;
  resultsHref: string;
};

/** Lists the unanswered items by dimension, with links; nothing here blocks finishing. */
export function ReviewStep({
  headingRef,
  steps,
  respondent,
  lang,
  stepHref,
  resultsHref,
}: ReviewStepProps) {
  const { t } = useTranslation('answer');
  const open = steps
    .map((step) => {
      const answers = respondent.answers[step.grid.id] ?? {};
      const missing = step.dimension.items
        .map((item, i) => ({ item, n: i + 1 }))
        .filter(({ item }) => !Object.prototype.hasOwnProperty.call(answers, item.id));
      return { step, missing, answered: answeredCount(step.dimension, answers) };
    })
    .filter((entry) => entry.missing.length > 0);
  const total = open.reduce((sum, e) => sum + e.missing.length, 0);

  return (
    <section>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('review.title')}
      </h1>
      <p>{t('review.intro')}</p>
      {total === 0 ? (
        <p className="notice notice--ok">{t('review.allAnswered')}</p>
      ) : (
        <>
          <p>
            <strong>{t('review.unanswered', { count: total })}</strong>
          </p>
          <ul className="review-list">
            {open.map(({ step, missing }) => {
              const label = pickText(step.dimension.label, lang, step.grid.languages.default);
              return (
                <li key={step.key}>
                  <a href={stepHref(step.key)}>{t('review.goTo', { dimension: label })}</a>
                  <ul>
                    {missing.map(({ item, n }) => (
                      <li key={item.id}>
                        {t('item.number', { n })} —{' '}
                        {pickText(item.text, lang, step.grid.languages.default)}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p>
        <a className="button button--primary" href={resultsHref}>
          {t('buttons.results')}
        </a>
      </p>
      <ExportRespondentButton respondent={respondent} />
      <QrHandoverButton respondent={respondent} />
    </section>
  );
}
