import { ContextEditor } from '@/shared/context/context-editor';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience } from '@/domain/grid/schema';
import { audienceForPurpose, buildReportModel } from '@/domain/report/build-report-model';
import { upsertAction } from '@/domain/diagnostic/operations';
import { DiagnosticGate } from '@/shared/diagnostic/diagnostic-gate';
import { lazyComponent, useLazyComponent } from '@/app/lazy-component';
import { useDiagnostic } from '@/shared/diagnostic/use-diagnostic';
import { currentLanguage } from '@/i18n/i18n';
import { formatScore } from '@/i18n/format-score';
import { newId, nowIso } from '@/utils/id';
import { ActionPlan } from './action-plan';
import { LevelBadge } from './level-badge';
import { PdfButton } from '@/shared/report-download/pdf-button';
import { RecommendationCard } from './recommendation-card';
import { LegalReferences } from './legal-references';
import { kitsOf } from '@/domain/kits/kits';
import { useReportCatalogues } from './use-report-catalogues';
import { DEPLOYMENT_KIT_ID, DeploymentKitSection } from '@/features/results/kits/deployment-kit';
import {
  REPRESENTATIVES_KIT_ID,
  RepresentativesKitSection,
} from '@/features/results/kits/representatives-kit';
import { PartialNotice } from './partial-notice';
import { GridSection } from './grid-section';
import { loadRadarCodeOnLargeScreens, ScoreRadar } from '@/shared/charts/radar-chart';
import { usePartsInTurn } from './parts-in-turn';
import { TableScroll } from '@/components/table-scroll';
import { jump } from '@/utils/jump';

// The overview's radar is in the first screen of a laptop: its code downloads while the
// diagnostic is read and checked. A phone, whose first screen shows none, fetches it later.
loadRadarCodeOnLargeScreens();

const AUDIENCES: Audience[] = ['company', 'union', 'consultant'];

/**
 * The offer to move to a newer grid version comes last, with its code and texts (the grid
 * loader, the stored grids, some 14 KB with its texts), so that none of it stands before the
 * page's first screen. A bundled grid itself is downloaded only when it is newer.
 */
const migrationOffer = lazyComponent(() =>
  import('@/features/results/migration/migration-offer').then((m) => m.MigrationOffer),
);
const MIGRATION_TEXTS = ['grids'] as const;

function LaterMigrationOffer({ ready }: { ready: Ready }) {
  const Offer = useLazyComponent(migrationOffer, MIGRATION_TEXTS);
  // Not a component made in the render: the module's own export, the same on every render.
  // eslint-disable-next-line react-hooks/static-components
  return Offer ? <Offer ready={ready} /> : null;
}

export function ResultsPage({ diagnosticId }: { diagnosticId?: string }) {
  const { t } = useTranslation('results');
  const session = useDiagnostic(diagnosticId);
  return (
    <DiagnosticGate session={session} emptyTitle={t('emptyTitle')}>
      {(ready) => <Results ready={ready} />}
    </DiagnosticGate>
  );
}

type Ready = Extract<ReturnType<typeof useDiagnostic>, { status: 'ready' }>;

function Results({ ready }: { ready: Ready }) {
  const { t } = useTranslation(['results', 'labels', 'common', 'kits']);
  const lang = currentLanguage();
  const { diagnostic, resolved, update } = ready;
  // The model depends on answers and plan, not on the clock: the PDF stamps its own date.
  // The first screen (head, overview, grids) is drawn from the model without the legal catalogue
  // and the kits, which come after it (use-report-catalogues.ts); the rest of the page and the
  // PDF from the whole model. The catalogues add the legal section, the kits and each
  // recommendation's references, and change no figure: the same function, the same answers
  // (tests/unit/domain/report/report-model-catalogues.test.ts).
  // The first screen shows no action plan: an edit of the plan (a keystroke in one of its
  // fields) keeps the same head, so the grids and their radars are not drawn again. Each update
  // copies only what it changes (src/domain/diagnostic/operations.ts): the respondents, the
  // context and the rest keep their identity when the plan changes.
  const { respondents, context, project, size, sector, purpose, anonymityThreshold } = diagnostic;
  const head = useMemo(
    () => buildReportModel(diagnostic, resolved.grids, { lang, generatedAt: diagnostic.updatedAt }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the figures' inputs, not the plan's
    [respondents, context, project, size, sector, purpose, anonymityThreshold, resolved, lang],
  );
  const catalogues = useReportCatalogues();
  const model = useMemo(
    () =>
      catalogues &&
      buildReportModel(diagnostic, resolved.grids, {
        lang,
        generatedAt: diagnostic.updatedAt,
        ...catalogues,
      }),
    [diagnostic, resolved, lang, catalogues],
  );
  // The same array while the figures are: the overview radar is not drawn again as parts come.
  const overview = useMemo(
    () => head.grids.map((g) => ({ axis: g.title, score: g.score })),
    [head],
  );
  const kits = kitsOf(diagnostic.purpose);
  const purposeAudience = audienceForPurpose(diagnostic.purpose);
  const [audience, setAudience] = useState<Audience | 'all'>(purposeAudience);
  const shown = (model?.recommendations ?? []).filter(
    (r) => audience === 'all' || r.audiences.includes(audience),
  );
  const shownIds = new Set(shown.map((r) => `${r.gridId}/${r.id}`));
  const legalById = new Map((model?.legal?.references ?? []).map((ref) => [ref.id, ref]));
  const planned = new Set(diagnostic.actionPlan.map((a) => a.recommendationId).filter(Boolean));
  const score = (value: number | null, bounds: readonly number[]) =>
    value === null ? t('noScore') : t('scoreOutOf', { score: formatScore(value, lang, bounds) });
  // The page in parts, one per task (see parts-in-turn.ts): the head and the overview, each
  // grid, then, once the whole model is there, the recommendations, the legal references, the
  // kits, the comments, the plan.
  const firstAfterGrids = 1 + head.grids.length;
  const partsShown = usePartsInTurn(firstAfterGrids + (model ? 5 : 0));
  const later = (part: number) => model !== null && partsShown > firstAfterGrids + part;

  return (
    <div className="results">
      <header className="results-head">
        <h1>
          {t('title')} — {diagnostic.title}
        </h1>
        <p>
          {t(`labels:purpose.${diagnostic.purpose}`)} ·{' '}
          {t('respondents', { count: head.participation.respondents })}
        </p>
        {head.participation.respondents === 0 ? (
          <p className="notice notice--warn">
            {t('noRespondents')}{' '}
            <a href={`#/answer/${encodeURIComponent(diagnostic.id)}`}>{t('answerLink')}</a>
          </p>
        ) : (
          <p className="results-overall">
            <strong>{t('overall')}</strong>{' '}
            <span data-testid="overall-score">
              {score(head.overall.score, head.overall.bounds)}
            </span>{' '}
            <LevelBadge level={head.overall.level} />
          </p>
        )}
        {head.partial && head.participation.respondents > 0 && (
          <PartialNotice reasons={head.partialReasons} />
        )}
      </header>
      <ContextEditor diagnostic={diagnostic} update={update} />
      {/* Last: it looks for newer grid versions (the stored custom grids, a newer bundled one). */}
      {later(4) && <LaterMigrationOffer ready={ready} />}

      <nav aria-label={t('toc')} className="results-toc">
        <ul>
          <li>
            <a href="#overview" onClick={(e) => jump(e, 'overview')}>
              {t('overview.title')}
            </a>
          </li>
          {head.grids.map((g) => (
            <li key={g.id}>
              <a href={`#grid-${g.id}`} onClick={(e) => jump(e, `grid-${g.id}`)}>
                {g.title}
              </a>
            </li>
          ))}
          <li>
            <a href="#recommendations" onClick={(e) => jump(e, 'recommendations')}>
              {t('recommendations.title')}
            </a>
          </li>
          {/* Always a section of its own: it says so when no reference applies. */}
          <li>
            <a href="#legal" onClick={(e) => jump(e, 'legal')}>
              {t('legal.title')}
            </a>
          </li>
          {kits.representatives && (
            <li>
              <a
                href={`#${REPRESENTATIVES_KIT_ID}`}
                onClick={(e) => jump(e, REPRESENTATIVES_KIT_ID)}
              >
                {t('kits:toc.representatives')}
              </a>
            </li>
          )}
          {kits.deployment && (
            <li>
              <a href={`#${DEPLOYMENT_KIT_ID}`} onClick={(e) => jump(e, DEPLOYMENT_KIT_ID)}>
                {t('kits:toc.deployment')}
              </a>
            </li>
          )}
        </ul>
      </nav>

      <section id="overview" aria-labelledby="overview-title" className="card">
        <h2 id="overview-title">{t('overview.title')}</h2>
        <div className="chart-and-table">
          <figure className="chart">
            <ScoreRadar data={overview} mainName={diagnostic.title} />
            <figcaption>
              {t(head.grids.length >= 3 ? 'overview.chart' : 'overview.chartBars')}
            </figcaption>
          </figure>
          <TableScroll>
            <table className="data">
              <caption>{t('overview.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.grid')}</th>
                  <th scope="col" className="num">
                    {t('table.score')}
                  </th>
                  <th scope="col">{t('table.level')}</th>
                </tr>
              </thead>
              <tbody>
                {head.grids.map((g) => (
                  <tr key={g.id} data-grid-id={g.id}>
                    <th scope="row">{g.title}</th>
                    <td className="num">
                      {g.score === null
                        ? t('insufficient.short')
                        : formatScore(
                            g.score,
                            lang,
                            g.levelBounds.map((b) => b.min),
                          )}
                    </td>
                    <td>
                      {g.score === null ? (
                        <em>{t('insufficient.coverage')}</em>
                      ) : (
                        <LevelBadge level={g.level} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
        <h3>{t('strengths.title')}</h3>
        <div className="strengths">
          <div>
            <h4>{t('strengths.strong')}</h4>
            {head.strengths.length === 0 ? (
              <p>{t('strengths.none')}</p>
            ) : (
              <ul>
                {head.strengths.map((d) => (
                  <li key={d.id}>
                    {d.label} — {score(d.score, d.bounds.score)} <LevelBadge level={d.level} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h4>{t('strengths.weak')}</h4>
            {head.weaknesses.length === 0 ? (
              <p>{t('strengths.none')}</p>
            ) : (
              <ul>
                {head.weaknesses.map((d) => (
                  <li key={d.id}>
                    {d.label} — {score(d.score, d.bounds.score)} <LevelBadge level={d.level} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </section>

      {head.grids.slice(0, partsShown - 1).map((g) => (
        <GridSection key={g.id} grid={g} lang={lang} />
      ))}

      {later(0) && (
        <section id="recommendations" aria-labelledby="recommendations-title" className="card">
          <h2 id="recommendations-title">{t('recommendations.title')}</h2>
          <p>{t('recommendations.intro', { audience: t(`labels:audience.${purposeAudience}`) })}</p>
          <div className="field field--inline">
            <label htmlFor="audience-filter">{t('recommendations.filter')}</label>
            <select
              id="audience-filter"
              value={audience}
              onChange={(e) => setAudience(e.target.value as Audience | 'all')}
            >
              {AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {t(`labels:audience.${a}`)}
                </option>
              ))}
              <option value="all">{t('recommendations.all')}</option>
            </select>
          </div>
          {shown.length === 0 ? (
            <p>{t('recommendations.none')}</p>
          ) : (
            <ol className="rec-list">
              {shown.map((rec) => (
                <RecommendationCard
                  key={rec.id}
                  rec={rec}
                  lang={lang}
                  legal={rec.legalRefs.flatMap((id) => legalById.get(id) ?? [])}
                  inPlan={planned.has(rec.id)}
                  onAddToPlan={() =>
                    update((d, now) =>
                      upsertAction(
                        d,
                        {
                          id: newId(),
                          title: rec.title,
                          recommendationId: rec.id,
                          gridId: rec.gridId,
                          owner: '',
                          deadline: '',
                          status: 'todo',
                          indicator: '',
                        },
                        now,
                      ),
                    )
                  }
                />
              ))}
            </ol>
          )}
        </section>
      )}

      {later(1) && model?.legal && (
        <LegalReferences legal={model.legal} shownIds={shownIds} lang={lang} />
      )}

      {later(2) && model?.kits?.representatives && (
        <RepresentativesKitSection
          kit={model.kits.representatives}
          diagnostic={diagnostic}
          update={update}
          lang={lang}
        />
      )}
      {later(2) && model?.kits?.deployment && (
        <DeploymentKitSection
          kit={model.kits.deployment}
          diagnostic={diagnostic}
          update={update}
          lang={lang}
        />
      )}

      {later(3) && model && (
        <section aria-labelledby="comments-title" className="card">
          <h2 id="comments-title">{t('comments.title')}</h2>
          {model.comments.length === 0 ? (
            <p>{t('comments.none')}</p>
          ) : (
            <>
              <p>{t('comments.intro')}</p>
              {model.comments.map((group) => (
                <div key={`${group.gridId}.${group.dimensionId}`}>
                  <h3>{group.dimension}</h3>
                  <ul>
                    {group.comments.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          )}
        </section>
      )}

      {later(4) && model && (
        <>
          <ActionPlan diagnostic={diagnostic} update={update} />
          <PdfButton model={{ ...model, generatedAt: nowIso() }} />
        </>
      )}
    </div>
  );
}
