import { useTranslation } from 'react-i18next';
import type { ProjectKind, SizeBand } from '@/domain/diagnostic/diagnostic';
import type { LegalReferenceReport, LegalReport } from '@/domain/report/report-model';
import { localeOf } from '@/i18n/format';
import { conditionText, longDay, statusText, type LegalTranslate } from '@/report/legal-text';

function useLegalText(lang: string) {
  const { t } = useTranslation(['results', 'labels']);
  // Keys are built from the catalogue's conditions: typed as plain strings here.
  const tr = t as unknown as LegalTranslate;
  const day = (ymd: string) => longDay(ymd, localeOf(lang));
  const label = (field: 'size' | 'projectKind', value: string) =>
    field === 'size'
      ? t(`labels:size.${value as SizeBand}`)
      : t(`labels:projectKind.${value as ProjectKind}`);
  return {
    status: (ref: LegalReferenceReport) => statusText(ref, tr, day),
    condition: (ref: LegalReferenceReport) => conditionText(ref.dependsOn, tr, label),
  };
}

/** The legal references of the recommendations shown, each with its status line. */
export function LegalReferences({
  legal,
  shownIds,
  lang,
}: {
  legal: LegalReport;
  /** `gridId/id` of the recommendations shown. */
  shownIds: ReadonlySet<string>;
  lang: string;
}) {
  const { t } = useTranslation('results');
  const text = useLegalText(lang);
  const references = legal.references.filter((ref) =>
    ref.citedBy.some((c) => shownIds.has(`${c.gridId}/${c.id}`)),
  );
  return (
    <section id="legal" aria-labelledby="legal-title" className="card">
      <h2 id="legal-title">{t('legal.title')}</h2>
      <p>{t('legal.intro')}</p>
      {references.length === 0 ? (
        <p>{t('legal.none')}</p>
      ) : (
        <ul className="legal-list">
          {references.map((ref) => (
            <li key={ref.id} className="legal-ref" data-legal-ref-id={ref.id}>
              <details>
                <summary>
                  <span className="legal-ref__citation">{ref.citation}</span>
                  <span className="legal-ref__summary">{ref.summary}</span>
                  {Object.keys(ref.dependsOn).length > 0 && (
                    <span className="legal-ref__depends" data-testid="legal-depends">
                      <strong>{t('legal.dependsOn')}</strong> {text.condition(ref)}
                    </span>
                  )}
                  <span
                    className={`legal-ref__status${ref.verifiedOn ? '' : ' legal-ref__status--unverified'}`}
                  >
                    {text.status(ref)}
                  </span>
                </summary>
                <div className="legal-ref__body">
                  <p>
                    <strong>{t('legal.grants')}</strong> {ref.grants}
                  </p>
                  <p>
                    {t('legal.citedBy', {
                      recommendations: ref.citedBy
                        .filter((c) => shownIds.has(`${c.gridId}/${c.id}`))
                        .map((c) => t('legal.quoted', { title: c.title }))
                        .join(', '),
                    })}
                  </p>
                  <p className="legal-ref__source">
                    {t('legal.source')} {ref.source}
                  </p>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The references of one recommendation, by citation, with the status line. */
export function RecommendationLegal({
  refs,
  lang,
}: {
  refs: readonly LegalReferenceReport[];
  lang: string;
}) {
  const { t } = useTranslation('results');
  const text = useLegalText(lang);
  if (refs.length === 0) return null;
  return (
    <div className="rec-card__legal" data-testid="rec-legal">
      <h4>{t('legal.onCard')}</h4>
      <ul className="sources">
        {refs.map((ref) => (
          <li key={ref.id}>
            {ref.citation}
            {Object.keys(ref.dependsOn).length > 0 && (
              <>
                {' '}
                <em>
                  ({t('legal.dependsOn')} {text.condition(ref)})
                </em>
              </>
            )}
          </li>
        ))}
      </ul>
      {/* One line per status: the verified date once, each unverified reference with why. */}
      {[...new Set(refs.map((ref) => text.status(ref)))].map((line) => (
        <p key={line}>
          <small>{line}</small>
        </p>
      ))}
    </div>
  );
}
