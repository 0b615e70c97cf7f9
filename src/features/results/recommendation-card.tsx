import { useTranslation } from 'react-i18next';
import type { LegalReferenceReport, RecommendationReport } from '@/domain/report/report-model';
import { RecommendationLegal } from './legal-references';
import { reasonFigures } from '@/domain/report/reason-figures';
import type { Shown } from '@/domain/scoring/display';
import { formatScore, formatShown, formatShownPercent } from '@/i18n/format-score';

type RecommendationCardProps = {
  rec: RecommendationReport;
  lang: string;
  inPlan: boolean;
  onAddToPlan: () => void;
  /** The recommendation's legal references that apply (from the report's legal section). */
  legal?: readonly LegalReferenceReport[];
};

/**
 * Formats why a recommendation fired, e.g. "Right to disconnect: 49.7/100, below 50": figures
 * by the display rule (docs/scoring.md), answers by their label, « mean » only for several people.
 */
export function useReasonText(lang: string) {
  const { t } = useTranslation(['results', 'labels']);
  return (rec: RecommendationReport) =>
    rec.reasons
      .map((r) => {
        const f = reasonFigures(r);
        const number = (shown: Shown) =>
          f.percent ? formatShownPercent(shown, lang) : formatShown(shown, lang);
        const point = (label: string | null, shown: Shown) =>
          label === null ? number(shown) : t('recommendations.reason.point', { label });
        const observed = point(f.observedLabel, f.observed);
        const threshold =
          f.key.startsWith('item.') && f.key.endsWith('Mean') && f.thresholdLabel !== null
            ? t('recommendations.reason.pointValue', {
                value: number(f.threshold),
                label: f.thresholdLabel,
              })
            : point(f.key.startsWith('item.') ? f.thresholdLabel : null, f.threshold);
        return t(`recommendations.reason.${f.key}`, {
          target: r.target,
          observed,
          threshold,
          count: f.n,
          ...(f.role === null ? {} : { role: t(`labels:role.${f.role}`) }),
        });
      })
      .join(t('recommendations.reason.separator'));
}

/**
 * One recommendation: title and reason at a glance, body, actions and sources on opening. The
 * summary says it opens (a chevron and « Voir les actions et l'ajouter au plan d'action »); the
 * body's headings are h3, under the section's h2.
 */
export function RecommendationCard({
  rec,
  lang,
  inPlan,
  onAddToPlan,
  legal = [],
}: RecommendationCardProps) {
  const { t } = useTranslation(['results', 'labels']);
  const reasonText = useReasonText(lang);
  const why = reasonText(rec);
  return (
    <li className={`rec-card rec-card--${rec.priority}`} data-recommendation-id={rec.id}>
      <details>
        <summary>
          <span className="rec-card__title">{rec.title}</span>
          <span className="rec-card__meta">
            <span className={`priority priority--${rec.priority}`}>
              {t(`labels:priority.${rec.priority}`)}
            </span>
            {why && (
              <span className="rec-card__why">{t('recommendations.why', { reasons: why })}</span>
            )}
          </span>
          {/* What opening the card gives: without it, « Ajouter au plan d'action » stays hidden. */}
          <span className="rec-card__open">
            <span className="rec-card__chevron" aria-hidden="true" />
            <span className="rec-card__open-closed">{t('recommendations.open')}</span>
            <span className="rec-card__open-opened">{t('recommendations.close')}</span>
          </span>
        </summary>
        <div className="rec-card__body">
          <p>{rec.body}</p>
          <h3>{t('recommendations.actions')}</h3>
          <ul>
            {rec.actions.map((action, i) => (
              <li key={i}>{action}</li>
            ))}
          </ul>
          {rec.negotiation && (
            <p className="rec-card__negotiation">
              <strong>{t('recommendations.negotiation')}</strong> {rec.negotiation}
            </p>
          )}
          {rec.checklist && rec.checklist.length > 0 && (
            <>
              <h3>{t('recommendations.checklist')}</h3>
              <ul className="checklist">
                {rec.checklist.map((c) => (
                  <li key={c.itemId}>
                    {t('recommendations.checklistItem', {
                      requirement: c.requirement,
                      item: c.item,
                      score: formatScore(
                        c.score,
                        lang,
                        rec.checklistBelow === undefined ? [] : [rec.checklistBelow],
                      ),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <RecommendationLegal refs={legal} lang={lang} />
          <p className="rec-card__audiences">
            {t('recommendations.audiences', {
              audiences: rec.audiences.map((a) => t(`labels:audience.${a}`)).join(', '),
            })}
          </p>
          {rec.sources.length > 0 && (
            <>
              <h3>{t('recommendations.sources')}</h3>
              <ul className="sources">
                {rec.sources.map((s) => (
                  <li key={s.id}>
                    {s.label}
                    {s.url && /^https?:\/\//i.test(s.url) ? (
                      <>
                        {' '}
                        <span className="source-url">{s.url}</span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <button
              type="button"
              className="button button--small"
              disabled={inPlan}
              onClick={onAddToPlan}
            >
              {inPlan ? t('recommendations.inPlan') : t('recommendations.addToPlan')}
            </button>
          </p>
        </div>
      </details>
    </li>
  );
}
