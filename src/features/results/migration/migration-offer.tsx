import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  migrateDiagnostic,
  migrationImpact,
  planGridMigration,
  type GridMigrationPlan,
} from '@/domain/diagnostic/migrate';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { pickText } from '@/domain/grid/text';
import type { DiagnosticSession } from '@/shared/diagnostic/use-diagnostic';
import { currentLanguage } from '@/i18n/i18n';
import { MigrationPreview } from './migration-preview';
import { newerVersionOf, readNewerGrids, type LibraryGrid } from '@/shared/grids/use-grid-library';

type Ready = Extract<DiagnosticSession, { status: 'ready' }>;

type Offer = { current: LoadedGrid; next: LibraryGrid; plan: GridMigrationPlan };

/**
 * Offers to move a diagnostic to a newer version of one of its grids (bundled or custom, same id,
 * higher version). Nothing changes until the preview is confirmed.
 */
export function MigrationOffer({ ready }: { ready: Ready }) {
  const { t } = useTranslation('grids');
  const lang = currentLanguage();
  const { diagnostic, resolved, update } = ready;
  const [library, setLibrary] = useState<LibraryGrid[] | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const opener = useRef<HTMLElement | null>(null);
  const status = useRef<HTMLParagraphElement>(null);

  // The grids that may be newer: a bundled grid is downloaded only when its version is higher.
  const current = useMemo(
    () => resolved.grids.map(({ grid }) => ({ id: grid.id, version: grid.version })),
    [resolved],
  );
  useEffect(() => {
    let alive = true;
    void readNewerGrids(current).then((grids) => alive && setLibrary(grids));
    return () => {
      alive = false;
    };
  }, [current]);

  const offers = useMemo<Offer[]>(() => {
    if (library === null) return [];
    const list: Offer[] = [];
    for (const current of resolved.grids) {
      const next = newerVersionOf(library, current.grid.id, current.grid.version);
      if (next)
        list.push({ current, next, plan: planGridMigration(current.grid, next.loaded.grid) });
    }
    return list;
  }, [library, resolved]);

  const active = offers.find((offer) => offer.current.grid.id === previewing) ?? null;
  if (offers.length === 0 && done === '') return null;

  const titleOf = (offer: Offer) =>
    pickText(offer.next.loaded.grid.title, lang, offer.next.loaded.grid.languages.default);

  const confirm = (offer: Offer) => {
    const impact = migrationImpact(diagnostic, offer.plan);
    update((d, now) => migrateDiagnostic(d, offer.current.grid.id, offer.next.loaded, now));
    setPreviewing(null);
    window.setTimeout(() => status.current?.focus(), 0);
    setDone(
      t('migration.done', {
        title: titleOf(offer),
        version: offer.next.loaded.grid.version,
        count: impact.setAside,
      }),
    );
  };

  return (
    <section className="migration-offer" aria-label={t('migration.label')}>
      <p role="status" className="status-line" ref={status} tabIndex={-1}>
        {done}
      </p>
      {offers.map((offer) => (
        <div key={offer.current.grid.id} className="notice migration-offer__item">
          <p>
            {t('migration.offer', {
              title: titleOf(offer),
              from: offer.current.grid.version,
              to: offer.next.loaded.grid.version,
            })}{' '}
            {t('migration.summary', {
              kept: offer.plan.kept.length,
              changed: offer.plan.changed.length,
              removed: offer.plan.removed.length,
              added: offer.plan.added.length,
            })}
          </p>
          <p>
            <button
              type="button"
              className="button button--small"
              onClick={(e) => {
                opener.current = e.currentTarget;
                setPreviewing(offer.current.grid.id);
              }}
            >
              {t('migration.preview.open', { to: offer.next.loaded.grid.version })}
            </button>
          </p>
        </div>
      ))}
      {active && (
        <MigrationPreview
          open
          plan={active.plan}
          oldGrid={active.current.grid}
          newGrid={active.next.loaded.grid}
          impact={migrationImpact(diagnostic, active.plan)}
          lang={lang}
          onConfirm={() => confirm(active)}
          onCancel={() => {
            setPreviewing(null);
            window.setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      )}
    </section>
  );
}
