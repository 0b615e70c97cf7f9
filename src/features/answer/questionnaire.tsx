import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Respondent } from '@/domain/diagnostic/diagnostic';
import {
  respondentProgress,
  overallProgress,
  setAnswer,
  setComment,
} from '@/domain/diagnostic/operations';
import { pickText } from '@/domain/grid/text';
import { routingContextOf } from '@/domain/context/context-of';
import { routeGrid } from '@/domain/context/route-grid';
import { ContextEditor } from '@/shared/context/context-editor';
import { currentLanguage } from '@/i18n/i18n';
import { formatPercent } from '@/i18n/format';
import type { DiagnosticSession } from '@/shared/diagnostic/use-diagnostic';
import { StorageBanner } from '@/shared/diagnostic/storage-banner';
import { exportDiagnostic } from '@/shared/diagnostic/export-diagnostic';
import { LikertItem } from './likert-item';
import {
  answeredCount,
  firstOpenStep,
  listSteps,
  NEXT_PARTICIPANT_STEP,
  RESPONDENT_STEP,
  REVIEW_STEP,
} from './questionnaire-pages';
import { ReviewStep } from './review-step';

type Ready = Extract<DiagnosticSession, { status: 'ready' }>;
type QuestionnaireProps = { ready: Ready; respondent: Respondent; step?: string };

/** The answering screen: dimension list, progress, one dimension per page, review. */
export function Questionnaire({ ready, respondent, step }: QuestionnaireProps) {
  const { t } = useTranslation(['answer', 'labels', 'common']);
  const { diagnostic, resolved, save, update } = ready;
  const lang = currentLanguage();
  const uid = useId();
  // The grids as this respondent is asked them: only what applies in the diagnostic's context
  // and to their role, in the wording of the project's phase and of their role.
  const contextKey = JSON.stringify(routingContextOf(diagnostic));
  const grids = useMemo(() => {
    const context = JSON.parse(contextKey) as ReturnType<typeof routingContextOf>;
    return resolved.grids
      .map((g) => routeGrid(g.grid, context, respondent.role).grid)
      .filter((grid) => grid.dimensions.length > 0);
  }, [resolved, contextKey, respondent.role]);
  const steps = useMemo(() => listSteps(grids), [grids]);
  const base = `#/answer/${encodeURIComponent(diagnostic.id)}`;
  const stepHref = (key: string) => `${base}/${encodeURIComponent(key)}`;
  const stepKey = step ?? firstOpenStep(steps, respondent.answers);
  const currentIndex = steps.findIndex((s) => s.key === stepKey);
  const current = currentIndex >= 0 ? steps[currentIndex] : undefined;
  const isReview = stepKey === REVIEW_STEP || !current;
  const progress = respondentProgress(respondent, grids);
  const overall = overallProgress(progress);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Without a step in the address, pin the first open dimension in it: answering the last item
  // of a dimension must not move the page on by itself.
  const pinnedStep = step ? null : stepHref(stepKey);
  useEffect(() => {
    if (pinnedStep) window.location.replace(pinnedStep);
  }, [pinnedStep]);

  // Moving between dimensions keeps the page: focus goes to the new dimension's heading.
  const previousKey = useRef(stepKey);
  useEffect(() => {
    if (previousKey.current !== stepKey) {
      previousKey.current = stepKey;
      headingRef.current?.focus();
      window.scrollTo?.(0, 0);
    }
  }, [stepKey]);

  const roleLabel = t(`labels:role.${respondent.role}`);
  const prev = currentIndex > 0 ? steps[currentIndex - 1] : undefined;
  const next = current ? (steps[currentIndex + 1]?.key ?? REVIEW_STEP) : undefined;

  return (
    <div className="answer-layout">
      <div className="answer-top">
        <p className="answer-top__who">
          {respondent.pseudonym
            ? t('respondent.currentWithName', { role: roleLabel, pseudonym: respondent.pseudonym })
            : t('respondent.current', { role: roleLabel })}{' '}
          <a href={stepHref(RESPONDENT_STEP)}>{t('respondent.change')}</a>
        </p>
        <div className="answer-top__actions">
          <a
            className="button button--small"
            href={stepHref(NEXT_PARTICIPANT_STEP)}
            aria-describedby={`${uid}-next-hint`}
          >
            {t('respondent.next')}
          </a>
          <span id={`${uid}-next-hint`} className="visually-hidden">
            {t('respondent.nextHint')}
          </span>
        </div>
        <p className="save-status" role="status" aria-live="polite">
          {save.status === 'pending'
            ? t('save.pending')
            : save.status === 'saved'
              ? t('save.saved')
              : ''}
        </p>
      </div>

      {save.status === 'failed' && (
        <StorageBanner failure={save.failure} onExport={() => exportDiagnostic(diagnostic)} />
      )}
      {resolved.broken.length > 0 && (
        <p className="notice notice--warn">
          {t('brokenGrids', { grids: resolved.broken.join(', ') })}
        </p>
      )}

      <ContextEditor diagnostic={diagnostic} update={update} />

      <div className="answer-columns">
        <nav className="answer-nav" aria-label={t('nav.label')}>
          <p className="answer-nav__overall">
            {t('progress.overall', { percent: formatPercent(overall, lang) })}
          </p>
          <progress className="progress" max={1} value={overall} aria-label={t('progress.label')} />
          {grids.map((grid) => {
            const gp = progress.find((p) => p.gridId === grid.id);
            const gridTitle = pickText(grid.title, lang, grid.languages.default);
            return (
              <div key={grid.id} className="answer-nav__grid">
                <h2 className="answer-nav__grid-title">{gridTitle}</h2>
                <p className="answer-nav__grid-progress">
                  {t('progress.grid', {
                    grid: gridTitle,
                    answered: gp?.answered ?? 0,
                    total: gp?.total ?? 0,
                  })}
                </p>
                <ol>
                  {grid.dimensions.map((dimension) => {
                    const key = `${grid.id}.${dimension.id}`;
                    const done = answeredCount(dimension, respondent.answers[grid.id]);
                    const total = dimension.items.length;
                    const complete = done === total;
                    return (
                      <li key={key} className={complete ? 'is-complete' : undefined}>
                        <a href={stepHref(key)} aria-current={key === stepKey ? 'step' : undefined}>
                          <span aria-hidden="true" className="answer-nav__mark">
                            {complete ? '✓' : '○'}
                          </span>{' '}
                          {pickText(dimension.label, lang, grid.languages.default)}
                          <span className="answer-nav__count">
                            {' '}
                            (
                            {complete
                              ? t('nav.complete')
                              : t('nav.partial', { answered: done, total })}
                            )
                          </span>
                        </a>
                      </li>
                    );
                  })}
                </ol>
              </div>
            );
          })}
          <p>
            <a href={stepHref(REVIEW_STEP)} aria-current={isReview ? 'step' : undefined}>
              {t('nav.review')}
            </a>
          </p>
        </nav>

        <div className="answer-main">
          {isReview || !current ? (
            <ReviewStep
              headingRef={headingRef}
              steps={steps}
              respondent={respondent}
              lang={lang}
              stepHref={stepHref}
              resultsHref={`#/results/${encodeURIComponent(diagnostic.id)}`}
            />
          ) : (
            <section aria-labelledby={`${uid}-dimension`}>
              <p className="answer-main__position">
                {t('dimension.position', {
                  index: currentIndex + 1,
                  count: steps.length,
                  grid: pickText(current.grid.title, lang, current.grid.languages.default),
                })}
              </p>
              <h1 id={`${uid}-dimension`} ref={headingRef} tabIndex={-1}>
                {pickText(current.dimension.label, lang, current.grid.languages.default)}
              </h1>
              <p className="answer-main__description">
                {pickText(current.dimension.description, lang, current.grid.languages.default)}
              </p>
              {current.dimension.items.map((item, i) => {
                const scale = current.grid.scales.find((s) => s.id === item.scale);
                if (!scale) return null;
                const answers = respondent.answers[current.grid.id] ?? {};
                const value = Object.prototype.hasOwnProperty.call(answers, item.id)
                  ? answers[item.id]
                  : undefined;
                return (
                  <LikertItem
                    key={item.id}
                    item={item}
                    scale={scale}
                    number={i + 1}
                    lang={lang}
                    fallbackLang={current.grid.languages.default}
                    value={value}
                    onChange={(v) =>
                      update((d, now) =>
                        setAnswer(
                          d,
                          { respondentId: respondent.id, gridId: current.grid.id, itemId: item.id },
                          v,
                          now,
                        ),
                      )
                    }
                  />
                );
              })}
              <div className="field comment-field">
                <label htmlFor={`${uid}-comment`}>{t('dimension.comment')}</label>
                <span id={`${uid}-comment-hint`} className="field__hint">
                  {t('dimension.commentHint')}
                </span>
                <textarea
                  id={`${uid}-comment`}
                  key={current.key}
                  aria-describedby={`${uid}-comment-hint`}
                  maxLength={5000}
                  value={respondent.comments[current.grid.id]?.[current.dimension.id] ?? ''}
                  onChange={(e) => {
                    const text = e.target.value;
                    update((d, now) =>
                      setComment(
                        d,
                        {
                          respondentId: respondent.id,
                          gridId: current.grid.id,
                          dimensionId: current.dimension.id,
                        },
                        text,
                        now,
                      ),
                    );
                  }}
                />
              </div>
              <div className="button-row step-buttons">
                {prev && (
                  <a className="button" href={stepHref(prev.key)}>
                    ← {t('buttons.previous')}
                  </a>
                )}
                {next && (
                  <a className="button button--primary" href={stepHref(next)}>
                    {next === REVIEW_STEP ? t('buttons.review') : t('buttons.next')} →
                  </a>
                )}
              </div>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
