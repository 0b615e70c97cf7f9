import { routingContextOf } from '@/domain/context/context-of';
import { routeGridForRoles } from '@/domain/context/route-grid';
import { type ReactNode, useEffect, useMemo } from 'react';
import type { GridAggregate } from '@/domain/aggregate/aggregate-grid';
import { useTranslation } from 'react-i18next';
import { roleVisibilityOf } from '@/domain/aggregate/anonymity';
import type { Role } from '@/domain/answers/answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { Grid } from '@/domain/grid/schema';
import { LoadingStatus } from '@/components/loading-status';
import { DiagnosticGate } from '@/shared/diagnostic/diagnostic-gate';
import { exportDiagnostic } from '@/shared/diagnostic/export-diagnostic';
import { loadRadarCode } from '@/shared/charts/radar-chart';
import { StorageBanner } from '@/shared/diagnostic/storage-banner';
import { useDiagnostic } from '@/shared/diagnostic/use-diagnostic';
import { currentLanguage } from '@/i18n/i18n';
import { formatDateTime } from '@/i18n/format';
import { DiscussionTopics } from './results/discussion-topics';
import { GridAggregateView } from './results/grid-aggregate-view';
import { useGridAggregates } from './results/use-grid-aggregates';
import { Participation } from './results/participation';
import { CampaignExport } from './exports/campaign-export';
import { ResponseImport } from './import/response-import';
import { WorkshopExports } from './exports/workshop-exports';
import './workshop.css';
import { jump } from '@/utils/jump';
import { useDiagnosticList } from '@/shared/diagnostic/use-diagnostic-list';
import { LazyPaperEntry, LazyProjection } from '@/features/workshop/room/lazy';
import { RoomCard } from '@/features/workshop/room/room-card';

export function WorkshopPage({
  diagnosticId,
  view,
}: {
  diagnosticId?: string;
  /** `projection` or `paper` (the room's screens, src/features/workshop/room), else the workshop. */
  view?: string;
}) {
  const { t } = useTranslation('workshop');
  const session = useDiagnostic(diagnosticId);
  // A workshop draws a radar per grid: their code downloads while the diagnostic is read.
  useEffect(() => {
    if (diagnosticId) loadRadarCode();
  }, [diagnosticId]);
  if (!diagnosticId) return <DiagnosticPicker />;
  return (
    <DiagnosticGate session={session} emptyTitle={t('title')}>
      {(ready) =>
        view === 'projection' ? (
          <LazyProjection
            diagnostic={ready.diagnostic}
            grids={ready.resolved.grids.map((g) => g.grid)}
          />
        ) : view === 'paper' ? (
          <LazyPaperEntry
            diagnostic={ready.diagnostic}
            grids={ready.resolved.grids.map((g) => g.grid)}
            update={ready.update}
          />
        ) : (
          <Workshop ready={ready} />
        )
      }
    </DiagnosticGate>
  );
}

/** Without an id: the saved diagnostics, to pick the workshop's. */
function DiagnosticPicker() {
  const { t } = useTranslation(['workshop', 'labels', 'common']);
  const lang = currentLanguage();
  const list = useDiagnosticList();
  if (list === null) return <LoadingStatus what="list" />;
  return (
    <section>
      <h1>{t('picker.title')}</h1>
      <p>{t('picker.body')}</p>
      {!list.ok && (
        <p className="notice notice--error" role="alert">
          {t('picker.failed', { detail: list.failure.detail })}
        </p>
      )}
      {list.diagnostics.length === 0 ? (
        <>
          <p>{t('picker.empty')}</p>
          <p>
            <a className="button button--primary" href="#/new">
              {t('picker.start')}
            </a>
          </p>
        </>
      ) : (
        <ul className="saved-list">
          {list.diagnostics.map((d) => (
            <li key={d.id} className="card picker-item">
              <h2 className="saved-item__title">{d.title}</h2>
              <p>
                {t(`labels:purpose.${d.purpose}`)} ·{' '}
                {t('picker.respondents', { count: d.respondents.length })} ·{' '}
                <time dateTime={d.updatedAt}>{formatDateTime(d.updatedAt, lang)}</time>
              </p>
              <a
                className="button button--primary button--small"
                href={`#/workshop/${encodeURIComponent(d.id)}`}
                aria-label={t('picker.openLabel', { title: d.title })}
              >
                {t('picker.open')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Ready = Extract<ReturnType<typeof useDiagnostic>, { status: 'ready' }>;

function roleVisibility(diagnostic: Diagnostic) {
  const { visible, maskedRespondents, counts, threshold } = roleVisibilityOf(
    diagnostic.respondents,
    diagnostic.anonymityThreshold,
  );
  return {
    roles: visible.map((role) => ({ role, n: counts.get(role) ?? 0 })),
    masked: maskedRespondents,
    threshold,
  };
}

function Workshop({ ready }: { ready: Ready }) {
  const { t } = useTranslation(['workshop', 'answer', 'room']);
  const lang = currentLanguage();
  const { diagnostic, resolved, update, flush, save } = ready;
  // Aggregates read the grids as the diagnostic's context routes them for the roles present,
  // so an item left out is never in a mean, a spread or a topic; inside, each respondent counts
  // only what their role is asked (docs/scoring.md, « Asked or not »).
  const contextKey = JSON.stringify(routingContextOf(diagnostic));
  const rolesKey = [...new Set(diagnostic.respondents.map((r) => r.role))].sort().join(' ');
  const grids = useMemo(() => {
    const context = JSON.parse(contextKey) as ReturnType<typeof routingContextOf>;
    const roles = rolesKey === '' ? [] : (rolesKey.split(' ') as Role[]);
    return resolved.grids.map((g) => routeGridForRoles(g.grid, context, roles).grid);
  }, [resolved, contextKey, rolesKey]);
  const storedGrids = useMemo(() => resolved.grids.map((g) => g.grid), [resolved]);
  const visibility = useMemo(() => roleVisibility(diagnostic), [diagnostic]);
  const { aggregates, pending } = useGridAggregates(
    grids,
    diagnostic.respondents,
    diagnostic.anonymityThreshold,
  );
  // Each grid that has its aggregate, greyed while newer ones are computed.
  const perGrid = (show: (grid: Grid, aggregate: GridAggregate) => ReactNode) =>
    grids.map((grid) => {
      const aggregate = aggregates?.get(grid.id);
      return aggregate ? (
        <div key={grid.id} className={pending ? 'is-updating' : undefined}>
          {show(grid, aggregate)}
        </div>
      ) : null;
    });
  const id = encodeURIComponent(diagnostic.id);
  const hasRespondents = diagnostic.respondents.length > 0;

  return (
    <div className="workshop">
      <header>
        <h1>{t('heading', { title: diagnostic.title })}</h1>
        <p>{t('intro')}</p>
        <p className="button-row">
          <a className="button button--small" href={`#/answer/${id}`}>
            {t('links.answer')}
          </a>
          <a className="button button--small" href={`#/results/${id}`}>
            {t('links.results')}
          </a>
        </p>
      </header>
      {resolved.broken.length > 0 && (
        <p className="notice notice--warn">
          {t('answer:brokenGrids', { grids: resolved.broken.join(', ') })}
        </p>
      )}
      {save.status === 'failed' && (
        <StorageBanner failure={save.failure} onExport={() => exportDiagnostic(diagnostic)} />
      )}

      <nav aria-label={t('toc')} className="results-toc">
        <ul>
          {(['import', 'participation', 'aggregate', 'topics', 'room', 'exports'] as const).map(
            (key) => (
              <li key={key}>
                <a href={`#${key}`} onClick={(e) => jump(e, key)}>
                  {key === 'aggregate'
                    ? t('aggregate.title')
                    : key === 'topics'
                      ? t('topics.title')
                      : key === 'room'
                        ? t('room:card.title')
                        : t(`${key}.title`)}
                </a>
              </li>
            ),
          )}
        </ul>
      </nav>

      <CampaignExport diagnostic={diagnostic} grids={storedGrids} lang={lang} />

      <ResponseImport
        diagnostic={diagnostic}
        grids={resolved.grids}
        lang={lang}
        update={update}
        flush={flush}
      />

      <Participation
        diagnostic={diagnostic}
        grids={grids}
        visibility={visibility}
        lang={lang}
        onThreshold={(n) => update((d, now) => ({ ...d, anonymityThreshold: n, updatedAt: now }))}
      />

      <section
        id="aggregate"
        aria-labelledby="aggregate-title"
        aria-busy={hasRespondents && pending}
      >
        <h2 id="aggregate-title">{t('aggregate.title')}</h2>
        <Computing
          pending={pending}
          respondents={diagnostic.respondents.length}
          stale={aggregates !== null}
        />
        {!hasRespondents ? (
          <p>{t('participation.none')}</p>
        ) : (
          perGrid((grid, aggregate) => (
            <GridAggregateView grid={grid} aggregate={aggregate} lang={lang} />
          ))
        )}
      </section>

      <section id="topics" aria-labelledby="topics-title" aria-busy={hasRespondents && pending}>
        <h2 id="topics-title">{t('topics.title')}</h2>
        <p>{t('topics.intro')}</p>
        {!hasRespondents ? (
          <p>{t('topics.none')}</p>
        ) : (
          perGrid((grid, aggregate) => (
            <DiscussionTopics grid={grid} aggregate={aggregate} lang={lang} />
          ))
        )}
      </section>

      <RoomCard diagnostic={diagnostic} />

      <WorkshopExports diagnostic={diagnostic} grids={grids} lang={lang} />
    </div>
  );
}

/** Says the results are being computed (a large diagnostic, computed in slices). */
function Computing({
  pending,
  respondents,
  stale,
}: {
  pending: boolean;
  respondents: number;
  /** The results on screen are the previous ones. */
  stale: boolean;
}) {
  const { t } = useTranslation('workshop');
  return (
    <p role="status" className={pending ? 'notice' : 'visually-hidden'}>
      {pending && t('aggregate.computing', { count: respondents })}
      {pending && stale && ` ${t('aggregate.stale')}`}
    </p>
  );
}
