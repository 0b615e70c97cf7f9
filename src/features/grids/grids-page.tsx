import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '@/app/router';
import { LoadingStatus } from '@/components/loading-status';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { pickText } from '@/domain/grid/text';
import { currentLanguage } from '@/i18n/i18n';
import { listDiagnostics } from '@/storage/diagnostics-store';
import { deleteCustomGrid } from '@/storage/grids-store';
import { downloadFile } from '@/utils/download';
import { downloadGrid } from './download-grid';
import { GridDetail, gridTitle } from './grid-detail';
import { GridFacts } from './grid-facts';
import { GridLoader } from './grid-loader';
import { useGridLibrary, type LibraryGrid } from '@/shared/grids/use-grid-library';
import './grids.css';

/** The grid library (`#/grids`) or one grid's content (`#/grids/<id>` or `#/grids/<id>@<version>`). */
export function GridsPage({ gridId }: { gridId?: string }) {
  const { t } = useTranslation(['grids', 'common']);
  const library = useGridLibrary();
  const lang = currentLanguage();
  if (library.status === 'loading') return <LoadingStatus what="list" />;
  if (gridId !== undefined) {
    const entry =
      library.bundled.find((g) => g.key === gridId) ?? library.custom.find((g) => g.key === gridId);
    if (!entry) {
      return (
        <section>
          <h1>{t('detail.notFoundTitle')}</h1>
          <p className="notice notice--error" role="alert">
            {t('detail.notFound', { id: gridId })}
          </p>
          <p>
            <a className="button" href="#/grids">
              {t('detail.back')}
            </a>
          </p>
        </section>
      );
    }
    return <GridDetail entry={entry} lang={lang} />;
  }
  return <GridLibraryView library={library} lang={lang} />;
}

type Ready = Extract<ReturnType<typeof useGridLibrary>, { status: 'ready' }>;

type PendingDelete = { entry: LibraryGrid; users: string[] };

function GridLibraryView({ library, lang }: { library: Ready; lang: string }) {
  const { t } = useTranslation(['grids', 'common', 'start']);
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const [message, setMessage] = useState('');

  const askDelete = async (entry: LibraryGrid) => {
    setMessage('');
    const { grid } = entry.loaded;
    const saved = await listDiagnostics();
    const users = saved.diagnostics
      .filter((d) => d.grids.some((s) => s.id === grid.id && s.version === grid.version))
      .map((d) => d.title);
    setPending({ entry, users });
  };

  const confirmDelete = async () => {
    if (!pending) return;
    const { entry } = pending;
    setPending(null);
    const result = await deleteCustomGrid(entry.key);
    const title = gridTitle(entry.loaded.grid, lang);
    setMessage(
      result.ok
        ? t('delete.done', { title, version: entry.loaded.grid.version })
        : `${t('delete.failed', { title })} ${t(`start:storage.reason.${result.reason}`)}`,
    );
    library.reload();
  };

  const pendingTitle = pending ? gridTitle(pending.entry.loaded.grid, lang) : '';

  return (
    <div className="grids">
      <h1>{t('title')}</h1>
      <p className="grids__intro">{t('intro')}</p>

      <p role="status" className="status-line">
        {message}
      </p>

      <section aria-labelledby="grids-bundled-title">
        <h2 id="grids-bundled-title">{t('bundled.title')}</h2>
        <ul className="grid-list">
          {library.bundled.map((entry) => (
            <GridCard key={entry.key} entry={entry} lang={lang} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="grids-custom-title">
        <h2 id="grids-custom-title">{t('custom.title')}</h2>
        {library.storage && (
          <p className="notice notice--warn">
            {t(`start:storage.reason.${library.storage.reason}`)} {t('custom.storageFailed')}
          </p>
        )}
        {library.custom.length === 0 ? (
          <p>{t('custom.empty')}</p>
        ) : (
          <ul className="grid-list">
            {library.custom.map((entry) => (
              <GridCard
                key={entry.key}
                entry={entry}
                lang={lang}
                onDelete={() => void askDelete(entry)}
              />
            ))}
          </ul>
        )}
        {library.rejected.length > 0 && (
          <div className="notice notice--warn">
            <p>{t('custom.rejected', { count: library.rejected.length })}</p>
            <ul>
              {library.rejected.map((r) => (
                <li key={r.key}>
                  <code>{r.key}</code> — {r.detail}{' '}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() =>
                      downloadFile(
                        `grid-record-${r.key}.json`,
                        JSON.stringify(r.raw, null, 2),
                        'application/json',
                      )
                    }
                  >
                    {t('custom.rejectedDownload', { key: r.key })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <GridLoader
        bundledIds={library.bundled.map((g) => g.loaded.grid.id)}
        customKeys={library.custom.map((g) => g.key)}
        titleOf={(grid) => gridTitle(grid, lang)}
        onAdded={library.reload}
      />

      <section aria-labelledby="grids-authors-title" className="card">
        <h2 id="grids-authors-title">{t('authors.title')}</h2>
        <p>{t('authors.intro')}</p>
        <ul>
          <li>{t('authors.start')}</li>
          <li>{t('authors.editor')}</li>
          <li>{t('authors.check')}</li>
          <li>{t('authors.version')}</li>
        </ul>
        <p>
          <a className="button" href="./grid.schema.json" download="grid.schema.json">
            {t('authors.schema')}
          </a>
        </p>
        <p className="field__hint">{t('authors.guide')}</p>
      </section>

      <ConfirmDialog
        open={pending !== null}
        title={t('delete.title', {
          title: pendingTitle,
          version: pending?.entry.loaded.grid.version ?? '',
        })}
        body={
          pending === null
            ? ''
            : pending.users.length === 0
              ? t('delete.bodyUnused')
              : t('delete.bodyUsed', {
                  count: pending.users.length,
                  titles: pending.users.map((title) => t('delete.quoted', { title })).join(', '),
                })
        }
        confirmLabel={t('delete.confirm')}
        danger
        onConfirm={() => void confirmDelete()}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}

type GridCardProps = { entry: LibraryGrid; lang: string; onDelete?: () => void };

function GridCard({ entry, lang, onDelete }: GridCardProps) {
  const { t } = useTranslation('grids');
  const { grid } = entry.loaded;
  const title = gridTitle(grid, lang);
  const label = { title, version: grid.version };
  return (
    <li className="card grid-card" data-grid-key={entry.key}>
      <h3 className="grid-card__title">
        <a href={href('/grids', entry.key)}>{title}</a>
      </h3>
      <p className="grid-card__description">
        {pickText(grid.description, lang, grid.languages.default)}
      </p>
      <GridFacts entry={entry} lang={lang} />
      <div className="button-row">
        <a
          className="button button--small"
          href={href('/grids', entry.key)}
          aria-label={t('actions.viewLabel', label)}
        >
          {t('actions.view')}
        </a>
        <button
          type="button"
          className="button button--small"
          onClick={() => downloadGrid(entry.loaded)}
          aria-label={t('actions.downloadLabel', label)}
        >
          {t('actions.download')}
        </button>
        {onDelete && (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={onDelete}
            aria-label={t('actions.deleteLabel', label)}
          >
            {t('actions.delete')}
          </button>
        )}
      </div>
    </li>
  );
}
