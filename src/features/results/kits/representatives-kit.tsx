import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { WEAK_BELOW, type RepresentativesKit } from '@/domain/kits/kits';
import { formatScore } from '@/i18n/format-score';
import { KitActions } from './kit-actions';
import { KitLegalList } from './kit-legal';

export const REPRESENTATIVES_KIT_ID = 'kit-representatives';

/** The representatives' kit on the results page of a negotiation-preparation diagnostic. */
export function RepresentativesKitSection({
  kit,
  diagnostic,
  update,
  lang,
}: {
  kit: RepresentativesKit;
  diagnostic: Diagnostic;
  update: (change: (d: Diagnostic, now: string) => Diagnostic) => void;
  lang: string;
}) {
  const { t } = useTranslation('kits');
  const id = REPRESENTATIVES_KIT_ID;
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="card kit">
      <h2 id={`${id}-title`}>{t('representatives.title')}</h2>
      <p>{t('representatives.intro')}</p>
      {kit.weakDimensions.length === 0 ? (
        <p>{t('representatives.noWeakPoints')}</p>
      ) : (
        <p data-testid="kit-weak-points">
          <strong>{t('representatives.weakPoints')}</strong>{' '}
          {kit.weakDimensions
            .map(
              (d) =>
                `${d.label} (${d.score === null ? '' : formatScore(d.score, lang, d.bounds.score)})`,
            )
            .join(' · ')}
        </p>
      )}

      <h3>{t('representatives.documents')}</h3>
      <ul className="kit-list" data-testid="kit-documents">
        {kit.documents.map((doc) => (
          <li key={doc.id} data-kit-document={doc.id}>
            <p>
              <strong>{doc.title}</strong> — {doc.detail}
            </p>
            <KitLegalList refs={doc.legal} lang={lang} />
          </li>
        ))}
      </ul>

      {kit.deadlines && (
        <div data-testid="kit-deadlines">
          <h3>{t('representatives.deadlines')}</h3>
          <p>{kit.deadlines.note}</p>
          <KitLegalList refs={kit.deadlines.legal} lang={lang} />
        </div>
      )}
      {kit.expert && (
        <div data-testid="kit-expert">
          <h3>{t('representatives.expert')}</h3>
          <p>{kit.expert.note}</p>
          <KitLegalList refs={kit.expert.legal} lang={lang} />
        </div>
      )}

      <h3>{t('representatives.questions')}</h3>
      {kit.questions.length === 0 ? (
        <p>{t('representatives.questionsNone')}</p>
      ) : (
        <>
          <p>{t('representatives.questionsIntro')}</p>
          <ol className="kit-list" data-testid="kit-questions">
            {kit.questions.map((q) => (
              <li key={q.id} data-kit-question={q.id}>
                <p>
                  <strong>{q.text}</strong>
                </p>
                <p className="kit-muted">
                  {q.items.length > 0
                    ? `${t('representatives.drawnFrom')} ${q.items
                        .map((i) =>
                          t('representatives.itemScore', {
                            item: i.text,
                            score: formatScore(i.score, lang, [WEAK_BELOW]),
                          }),
                        )
                        .join(' ; ')}`
                    : t('representatives.dimensionOnly', { dimensions: q.dimensions.join(', ') })}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}

      <h3>{t('representatives.clauses')}</h3>
      {kit.clauses.length === 0 ? (
        <p>{t('representatives.clausesNone')}</p>
      ) : (
        <ul className="kit-list" data-testid="kit-clauses">
          {kit.clauses.map((clause) => (
            <li key={clause.id} data-kit-clause={clause.id}>
              <h4>{clause.title}</h4>
              <blockquote className="kit-clause">{clause.text}</blockquote>
              <p className="kit-muted">
                {clause.because.length > 0
                  ? t('representatives.because', { reasons: clause.because.join(', ') })
                  : t('representatives.becauseKind')}
              </p>
              <KitLegalList refs={clause.legal} lang={lang} />
            </li>
          ))}
        </ul>
      )}

      <h3>{t('representatives.indicators')}</h3>
      <ul className="kit-list" data-testid="kit-indicators">
        {kit.indicators.map((i) => (
          <li key={i.id}>
            <strong>{i.title}</strong> — {i.detail}
          </li>
        ))}
      </ul>

      <KitActions actions={kit.actions} diagnostic={diagnostic} update={update} lang={lang} />
    </section>
  );
}
