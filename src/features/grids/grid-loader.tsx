import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '@/app/router';
import type { GridError } from '@/domain/grid/grid-errors';
import { loadGridText, MAX_GRID_BYTES } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import type { StorageFailure } from '@/storage/diagnostics-store';
import { addCustomGrid, customGridKey } from '@/storage/grids-store';
import { readFileText } from '@/utils/download';
import { nowIso } from '@/utils/id';
import { GridErrorsList } from './grid-errors-list';

type Outcome =
  | { kind: 'errors'; errors: GridError[]; input: unknown; fileName?: string }
  | { kind: 'unreadable'; reason: 'tooLarge' | 'unreadable'; fileName: string }
  | { kind: 'empty' }
  | { kind: 'bundledId'; id: string }
  | { kind: 'exists'; id: string; version: string }
  | { kind: 'storage'; failure: StorageFailure }
  | { kind: 'added'; key: string; title: string; version: string; persisted: boolean };

type GridLoaderProps = {
  /** Ids of the bundled grids: a custom grid may not take one. */
  bundledIds: readonly string[];
  /** Keys (`id@version`) of the custom grids already on the device. */
  customKeys: readonly string[];
  /** Title of a grid in the interface language. */
  titleOf: (grid: Grid) => string;
  onAdded: () => void;
};

/** The file's JSON value, for naming the places of errors; undefined when it is not JSON. */
function parseLoosely(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Adds a custom grid from a file or pasted JSON. The grid is checked as the app checks its own;
 * an invalid grid shows every error and nothing is stored; a grid taking a bundled grid's id, or
 * an id and version already on the device, is refused and nothing is overwritten.
 */
export function GridLoader({ bundledIds, customKeys, titleOf, onAdded }: GridLoaderProps) {
  const { t } = useTranslation(['grids', 'files', 'start']);
  const uid = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  // Bring the verdict into view: it may sit below the fold, under the paste box.
  useEffect(() => {
    if (outcome !== null && outcome.kind !== 'empty') {
      result.current?.scrollIntoView?.({ block: 'nearest' });
    }
  }, [outcome]);

  const check = async (content: string, fileName?: string) => {
    const result = loadGridText(content);
    if (!result.ok) {
      setOutcome({ kind: 'errors', errors: result.errors, input: parseLoosely(content), fileName });
      return;
    }
    const { grid } = result;
    if (bundledIds.includes(grid.id)) {
      setOutcome({ kind: 'bundledId', id: grid.id });
      return;
    }
    if (customKeys.includes(customGridKey(grid))) {
      setOutcome({ kind: 'exists', id: grid.id, version: grid.version });
      return;
    }
    const added = await addCustomGrid(parseLoosely(content), nowIso(), fileName);
    if (added.ok) {
      setOutcome({
        kind: 'added',
        key: added.grid.key,
        title: titleOf(grid),
        version: grid.version,
        persisted: added.persisted,
      });
      if (!fileName) setText('');
      onAdded();
    } else if (added.reason === 'exists') {
      setOutcome({ kind: 'exists', id: grid.id, version: grid.version });
    } else if (added.reason === 'invalid') {
      setOutcome({ kind: 'errors', errors: added.errors, input: parseLoosely(content), fileName });
    } else {
      setOutcome({ kind: 'storage', failure: added });
    }
  };

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setOutcome(null);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  };

  const onFile = (file: File) =>
    run(async () => {
      const read = await readFileText(file, MAX_GRID_BYTES);
      if (!read.ok) {
        setOutcome({ kind: 'unreadable', reason: read.reason, fileName: file.name });
        return;
      }
      await check(read.text, file.name);
    });

  const onPaste = () =>
    run(async () => {
      if (text.trim() === '') {
        setOutcome({ kind: 'empty' });
        return;
      }
      await check(text);
    });

  const maxMb = MAX_GRID_BYTES / (1024 * 1024);

  return (
    <section aria-labelledby={`${uid}-title`} className="card grid-loader">
      <h2 id={`${uid}-title`}>{t('load.title')}</h2>
      <p>{t('load.intro')}</p>

      <div className="field">
        <label htmlFor={`${uid}-file`}>{t('load.fileLabel')}</label>
        <span id={`${uid}-file-hint`} className="field__hint">
          {t('load.fileHint', { max: maxMb })}
        </span>
        <input
          id={`${uid}-file`}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${uid}-file-hint`}
          disabled={busy}
          data-testid="grid-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void onFile(file);
          }}
        />
      </div>

      <div className="field">
        <label htmlFor={`${uid}-paste`}>{t('load.pasteLabel')}</label>
        <span id={`${uid}-paste-hint`} className="field__hint">
          {t('load.pasteHint')}
        </span>
        <textarea
          id={`${uid}-paste`}
          className="grid-loader__paste"
          rows={8}
          spellCheck={false}
          value={text}
          aria-describedby={[
            `${uid}-paste-hint`,
            outcome?.kind === 'empty' ? `${uid}-paste-error` : '',
          ]
            .filter(Boolean)
            .join(' ')}
          aria-invalid={outcome?.kind === 'empty' ? 'true' : 'false'}
          onChange={(e) => setText(e.target.value)}
        />
        {outcome?.kind === 'empty' && (
          <p id={`${uid}-paste-error`} className="field__error" role="alert">
            {t('load.pasteEmpty')}
          </p>
        )}
      </div>
      <p>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void onPaste()}
        >
          {t('load.pasteButton')}
        </button>
      </p>

      {busy && <p role="status">{t('load.checking')}</p>}
      <div ref={result}>
        <OutcomeMessage outcome={outcome} />
      </div>
    </section>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome | null }) {
  const { t } = useTranslation(['grids', 'files', 'start']);
  if (outcome === null || outcome.kind === 'empty') return null;
  switch (outcome.kind) {
    case 'errors':
      return (
        <GridErrorsList errors={outcome.errors} input={outcome.input} fileName={outcome.fileName} />
      );
    case 'unreadable':
      return (
        <div className="notice notice--error" role="alert">
          <p>
            {t(`files:${outcome.reason}`, {
              name: outcome.fileName,
              max: MAX_GRID_BYTES / (1024 * 1024),
            })}
          </p>
          <p>{t('grids:errors.nothingStored')}</p>
        </div>
      );
    case 'bundledId':
      return (
        <div className="notice notice--error" role="alert">
          <p>{t('grids:load.bundledId', { id: outcome.id })}</p>
          <p>{t('grids:errors.nothingStored')}</p>
        </div>
      );
    case 'exists':
      return (
        <div className="notice notice--error" role="alert">
          <p>{t('grids:load.exists', { id: outcome.id, version: outcome.version })}</p>
          <p>{t('grids:errors.nothingStored')}</p>
        </div>
      );
    case 'storage':
      return (
        <div className="notice notice--error" role="alert">
          <p>{t(`start:storage.reason.${outcome.failure.reason}`)}</p>
          <p>{t('grids:errors.nothingStored')}</p>
        </div>
      );
    case 'added':
      return (
        <div
          className={`notice ${outcome.persisted ? 'notice--ok' : 'notice--warn'}`}
          role="status"
        >
          <p>{t('grids:load.added', { title: outcome.title, version: outcome.version })}</p>
          {!outcome.persisted && <p>{t('grids:load.notPersisted')}</p>}
          <p className="button-row">
            <a className="button button--small" href={href('/grids', outcome.key)}>
              {t('grids:load.view')}
            </a>
            <a className="button button--small" href="#/new">
              {t('grids:load.newDiagnostic')}
            </a>
          </p>
        </div>
      );
  }
}
