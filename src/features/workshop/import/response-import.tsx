import { useEffect, useId, useMemo, useRef, useState, useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveThreshold, roleVisibilityOf } from '@/domain/aggregate/anonymity';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { MAX_RESPONSE_FILE_BYTES, parseResponseFile } from '@/domain/files/response-file';
import {
  applyResponseImport,
  applyResponseImportSteps,
  type ApplyImportResult,
  type FilePlan,
  type ImportPlan,
  type ImportRejection,
  planResponseImportSteps,
  type ResponseFileInput,
} from '@/domain/files/response-import-plan';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { readFileText } from '@/utils/download';
import { nowIso } from '@/utils/id';
import { mapInSlices } from '@/utils/map-in-slices';
import { runInSlices } from '@/utils/slices';
import { CsvMapping, type PendingCsv } from './csv-mapping';
import { MAX_SURVEY_CSV_BYTES, parseCsv, UnreadableCsvError } from './csv-source';
import { previewFiles } from './preview-files';
import { QrReader } from './qr-reader';
import {
  duplicateMessage,
  fileErrorMessage,
  groupWarnings,
  mismatchMessage,
  warningGroupMessage,
} from './messages';
import { FileButton } from '@/components/file-button';
import { TableScroll } from '@/components/table-scroll';

type ResponseImportProps = {
  diagnostic: Diagnostic;
  grids: LoadedGrid[];
  lang: string;
  update: (change: (diagnostic: Diagnostic, now: string) => Diagnostic) => void;
  flush: () => Promise<void>;
};

/**
 * Files read and parsed at a time before the page is let paint: each file costs the main thread
 * about a millisecond (its size and text are fetched from the browser, then it is parsed), so
 * 1,000 files at once made one task of more than a second.
 */
const READ_SLICE = 25;

async function readBatch(files: File[]): Promise<ResponseFileInput[]> {
  return mapInSlices(files, READ_SLICE, async (file): Promise<ResponseFileInput> => {
    const read = await readFileText(file, MAX_RESPONSE_FILE_BYTES);
    if (!read.ok) return { name: file.name, result: { ok: false, error: { code: read.reason } } };
    return { name: file.name, result: parseResponseFile(read.text) };
  });
}

const unreadable = (name: string, code: 'tooLarge' | 'unreadable'): ResponseFileInput => ({
  name,
  result: { ok: false, error: { code } },
});

/**
 * Imports many response files at once: pick or drop them, see a preview of what would change,
 * then confirm (everything is merged in one step) or cancel (nothing changes). A batch with a
 * refused file cannot be confirmed.
 */
export function ResponseImport({ diagnostic, grids, lang, update, flush }: ResponseImportProps) {
  const { t } = useTranslation(['workshop', 'labels']);
  const uid = useId();
  const [batch, setBatch] = useState<ResponseFileInput[]>([]);
  const [csvQueue, setCsvQueue] = useState<PendingCsv[]>([]);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [status, setStatus] = useState('');
  const [applying, startApplying] = useTransition();
  /** The confirmed import is being copied into the diagnostic, in slices. */
  const [copying, setCopying] = useState(false);
  // Planned in slices (a survey CSV brings thousands of respondents to check), again whenever
  // the batch or the diagnostic changes; the preview shows the plan of the current pair only.
  const [planned, setPlanned] = useState<{
    of: readonly [Diagnostic, ResponseFileInput[]];
    plan: ImportPlan;
  } | null>(null);
  useEffect(() => {
    if (batch.length === 0) return;
    let cancelled = false;
    void runInSlices(planResponseImportSteps(diagnostic, batch), {
      cancelled: () => cancelled,
    }).then((plan) => {
      if (plan && !cancelled) setPlanned({ of: [diagnostic, batch], plan });
    });
    return () => {
      cancelled = true;
    };
  }, [diagnostic, batch]);
  const plan =
    batch.length > 0 && planned?.of[0] === diagnostic && planned.of[1] === batch
      ? planned.plan
      : null;
  const planning = batch.length > 0 && plan === null;

  // Dropping files is a pointer shortcut; the button next to the text is the keyboard path.
  // Listeners are attached natively: the zone itself is not an interactive control.
  const zone = useRef<HTMLDivElement>(null);
  const addFilesRef = useRef<(list: FileList | null | undefined) => void>(() => undefined);
  useEffect(() => {
    const element = zone.current;
    if (!element) return;
    const over = (e: DragEvent) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      addFilesRef.current(e.dataTransfer?.files);
    };
    element.addEventListener('dragover', over);
    element.addEventListener('dragleave', leave);
    element.addEventListener('drop', drop);
    return () => {
      element.removeEventListener('dragover', over);
      element.removeEventListener('dragleave', leave);
      element.removeEventListener('drop', drop);
    };
  }, []);

  const addFiles = async (list: FileList | File[] | null | undefined) => {
    const files = list ? [...list] : [];
    if (files.length === 0) return;
    setStatus('');
    setReading(true);
    const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv';
    const read = await readBatch(files.filter((file) => !isCsv(file)));
    const csvs: PendingCsv[] = [];
    const problems: string[] = [];
    for (const file of files.filter(isCsv)) {
      if (file.size > MAX_SURVEY_CSV_BYTES) {
        read.push(unreadable(file.name, 'tooLarge'));
        continue;
      }
      try {
        // A large CSV is read in the worker that splits it, not here.
        const source = await parseCsv(file);
        if (source.rowCount === 0) {
          source.dispose();
          problems.push(t('csv.empty', { file: file.name }));
        } else
          csvs.push({
            name: file.name,
            source,
            readAt: nowIso(),
          });
      } catch (error) {
        if (error instanceof UnreadableCsvError) read.push(unreadable(file.name, 'unreadable'));
        else problems.push(t('csv.failed', { file: file.name }));
      }
    }
    setReading(false);
    setStatus(problems.join(' '));
    setBatch((current) => [...current, ...read]);
    setCsvQueue((current) => [...current, ...csvs]);
  };

  useEffect(() => {
    addFilesRef.current = (list) => void addFiles(list);
  });

  // A CSV still waiting for its mapping when the page is left: end its worker.
  const csvQueueRef = useRef(csvQueue);
  useEffect(() => {
    csvQueueRef.current = csvQueue;
  });
  useEffect(() => () => csvQueueRef.current.forEach((csv) => csv.source.dispose()), []);

  const confirm = async () => {
    if (!plan || applying || copying) return;
    // The respondents are copied into a new diagnostic in slices (a campaign brings 100,000),
    // then kept in one step. Should the diagnostic change meanwhile, the import is applied
    // again to the newer one, whole.
    setCopying(true);
    const base = diagnostic;
    const at = nowIso();
    // The plan and its files are dropped once the import is kept: their answers are taken, not
    // copied (a campaign's answers held twice came near the page's memory budget).
    const prepared = await runInSlices(applyResponseImportSteps(base, plan, at, { take: true }), {
      budgetMs: 15,
    });
    setCopying(false);
    let outcome: ApplyImportResult | null = null;
    // A transition: the merged diagnostic is kept at once (and saved), while the page draws
    // its new results in slices it can interrupt; meanwhile the confirm button is disabled.
    startApplying(() => {
      update((d, now) => {
        outcome =
          d === base && prepared !== undefined ? prepared : applyResponseImport(d, plan, now);
        return outcome.ok ? outcome.diagnostic : d;
      });
      const result = outcome as ApplyImportResult | null;
      if (result?.ok) {
        setBatch([]);
        setPlanned(null);
        setStatus(t('import.done', { count: result.added }));
      } else {
        setStatus(t('import.stale'));
      }
    });
    if ((outcome as ApplyImportResult | null)?.ok) await flush();
  };

  const cancel = () => {
    setBatch([]);
    setPlanned(null);
    for (const csv of csvQueue) csv.source.dispose();
    setCsvQueue([]);
    setStatus(t('import.cancelled'));
  };

  return (
    <section id="import" aria-labelledby={`${uid}-title`} className="card">
      <h2 id={`${uid}-title`}>{t('import.title')}</h2>
      <p>{t('import.body')}</p>
      <div
        ref={zone}
        className={`dropzone${dragging ? ' dropzone--active' : ''}`}
        data-testid="response-dropzone"
      >
        <p id={`${uid}-drop`} className="dropzone__text">
          {t('import.drop')}
        </p>
        <FileButton
          multiple
          accept=".json,application/json,.csv,text/csv"
          testId="response-files-input"
          onFiles={(files) => void addFiles(files)}
        >
          {batch.length > 0 ? t('import.addMore') : t('import.choose')}
        </FileButton>
      </div>
      <p role="status" className="status-line">
        {reading || planning ? t('import.reading') : status}
      </p>
      <QrReader
        diagnostic={diagnostic}
        grids={grids}
        batchSize={batch.length}
        onAdd={(input) => {
          setStatus('');
          setBatch((current) => [...current, input]);
        }}
      />
      {csvQueue[0] && (
        <CsvMapping
          key={`${csvQueue[0].name}-${csvQueue[0].readAt}`}
          csv={csvQueue[0]}
          diagnostic={diagnostic}
          grids={grids}
          lang={lang}
          onAdd={(input) => {
            csvQueue[0]?.source.dispose();
            setBatch((current) => [...current, input]);
            setCsvQueue((current) => current.slice(1));
          }}
          onCancel={() => {
            csvQueue[0]?.source.dispose();
            setCsvQueue((current) => current.slice(1));
          }}
        />
      )}
      {plan && csvQueue.length === 0 && (
        <ImportPreview
          plan={plan}
          diagnostic={diagnostic}
          applying={applying || copying}
          onConfirm={() => void confirm()}
          onCancel={cancel}
          onRemoveRejected={() => {
            const refused = new Set(plan.rejected.map((r) => r.fileName));
            setBatch((current) => current.filter((f) => !refused.has(f.name)));
          }}
        />
      )}
    </section>
  );
}

type ImportPreviewProps = {
  plan: ImportPlan;
  /** The confirmed import is being applied. */
  applying: boolean;
  diagnostic: Diagnostic;
  onConfirm: () => void;
  onCancel: () => void;
  onRemoveRejected: () => void;
};

function ImportPreview({
  plan,
  applying,
  diagnostic,
  onConfirm,
  onCancel,
  onRemoveRejected,
}: ImportPreviewProps) {
  const { t } = useTranslation(['workshop', 'labels']);
  const uid = useId();
  const threshold = effectiveThreshold(diagnostic.anonymityThreshold);
  // Roles are shown as they will be after the import: only those visible then are named.
  const visible = new Set(
    roleVisibilityOf([...diagnostic.respondents, ...plan.add], threshold).visible,
  );
  const shownRoles = plan.roleCounts.filter((c) => visible.has(c.role));
  const maskedAdded = plan.roleCounts
    .filter((c) => !visible.has(c.role))
    .reduce((sum, c) => sum + c.n, 0);
  const warnings = groupWarnings(plan.files).map((group) => warningGroupMessage(t, group));
  const blocked = plan.rejected.length > 0;
  // A large batch lists the files to check; the whole list is drawn only when asked for.
  const files = useMemo(() => previewFiles(plan.files), [plan.files]);
  const [allShown, setAllShown] = useState(false);
  // When files are refused, the focus goes to the list of errors (read out by screen readers,
  // scrolled into view), as the other forms do; once per new set of refused files, so that a
  // re-planned preview (the diagnostic saved, a file added) does not take the focus back.
  const rejectedRef = useRef<HTMLDivElement>(null);
  const rejectedKey = plan.rejected.map((r) => r.fileName).join('\n');
  const focusedKey = useRef('');
  useEffect(() => {
    if (rejectedKey === focusedKey.current) return;
    focusedKey.current = rejectedKey;
    if (rejectedKey !== '') rejectedRef.current?.focus();
  }, [rejectedKey]);

  return (
    <div className="import-preview" aria-labelledby={`${uid}-title`} role="region">
      <h3 id={`${uid}-title`}>{t('preview.title')}</h3>
      <p>
        {t('preview.summary', { count: plan.files.length })}{' '}
        <strong data-testid="preview-to-add">
          {t('preview.toAdd', { count: plan.add.length })}
        </strong>
      </p>
      {plan.add.length > 0 && (
        <>
          {shownRoles.length > 0 && (
            <TableScroll>
              <table className="data data--compact">
                <caption>{t('preview.rolesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('participation.role')}</th>
                    <th scope="col" className="num">
                      {t('participation.respondents')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shownRoles.map((c) => (
                    <tr key={c.role}>
                      <th scope="row">{t(`labels:role.${c.role}`)}</th>
                      <td className="num">{c.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {maskedAdded > 0 && <p>{t('preview.rolesMasked', { count: maskedAdded })}</p>}
        </>
      )}

      {!files.summarised ? (
        <FilesTable caption={t('preview.filesCaption')} files={files.listed} />
      ) : (
        <>
          {files.listed.length > 0 && (
            <FilesTable caption={t('preview.filesToCheckCaption')} files={files.listed} />
          )}
          <p>{t('preview.filesReady', { count: files.others })}</p>
          <details
            className="import-preview__all"
            onToggle={(e) => setAllShown(e.currentTarget.open)}
          >
            <summary>{t('preview.filesAll', { count: plan.files.length })}</summary>
            {allShown && (
              <FilesTable
                caption={t('preview.filesCaption')}
                files={plan.files.map((file, index) => ({ file, index }))}
              />
            )}
          </details>
        </>
      )}

      {plan.rejected.length > 0 && (
        <div
          className="notice notice--error"
          role="alert"
          ref={rejectedRef}
          tabIndex={-1}
          aria-labelledby={`${uid}-rejected`}
          data-testid="import-errors"
        >
          <h4 id={`${uid}-rejected`}>{t('preview.rejectedTitle')}</h4>
          <ul>
            {plan.rejected.map((r, i) => (
              <li key={`${r.fileName}-${i}`}>
                <Rejection fileName={r.fileName} rejection={r.rejection} />
              </li>
            ))}
          </ul>
          <p>{t('preview.blocked')}</p>
        </div>
      )}
      {plan.mismatches.length > 0 && (
        <div className="notice notice--warn">
          <h4>{t('preview.mismatchesTitle')}</h4>
          <ul>
            {plan.mismatches.map((m, i) => (
              <li key={i}>{mismatchMessage(t, m)}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.duplicates.length > 0 && (
        <div className="notice notice--warn">
          <h4>{t('preview.duplicatesTitle')}</h4>
          <ul>
            {plan.duplicates.map((d, i) => (
              <li key={i}>{duplicateMessage(t, d)}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="notice">
          <h4>{t('preview.warningsTitle')}</h4>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {!blocked && plan.add.length === 0 && <p className="notice">{t('preview.nothing')}</p>}

      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={!plan.canApply || applying}
          onClick={onConfirm}
        >
          {t('preview.confirm', { count: plan.add.length })}
        </button>
        {blocked && (
          <button type="button" className="button" onClick={onRemoveRejected}>
            {t('preview.removeRejected')}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          {t('preview.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The files of the batch, one row each: respondents, added, skipped, status. */
function FilesTable({
  caption,
  files,
}: {
  caption: string;
  files: readonly { file: FilePlan; index: number }[];
}) {
  const { t } = useTranslation('workshop');
  return (
    <TableScroll>
      <table className="data data--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.file')}</th>
            <th scope="col" className="num">
              {t('preview.respondents')}
            </th>
            <th scope="col" className="num">
              {t('preview.added')}
            </th>
            <th scope="col" className="num">
              {t('preview.skipped')}
            </th>
            <th scope="col">{t('preview.status')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map(({ file: f, index }) => (
            <tr key={`${f.name}-${index}`} data-file={f.name}>
              <th scope="row" className="file-name">
                {f.name}
              </th>
              <td className="num">{f.respondents}</td>
              <td className="num">{f.added}</td>
              <td className="num">{f.skipped}</td>
              <td>
                {f.status === 'ok' ? (
                  t('preview.ok')
                ) : (
                  <strong className="text-danger">{t('preview.rejected')}</strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Rejection({ fileName, rejection }: { fileName: string; rejection: ImportRejection }) {
  const { t } = useTranslation('workshop');
  const { t: tFiles } = useTranslation('files');
  switch (rejection.code) {
    case 'unreadableFile':
      return <>{fileErrorMessage(t, tFiles, fileName, rejection.error)}</>;
    case 'gridVersionMismatch':
      return (
        <>
          {t('rejection.gridVersionMismatch', { file: fileName })}
          <ul>
            {rejection.mismatches.map((m, i) => (
              <li key={i}>{mismatchMessage(t, m)}</li>
            ))}
          </ul>
        </>
      );
    case 'noCommonGrid':
      return (
        <>{t('rejection.noCommonGrid', { file: fileName, grids: rejection.gridIds.join(', ') })}</>
      );
    case 'invalidAnswers': {
      const more = rejection.total - rejection.issues.length;
      return (
        <>
          {t('rejection.invalidAnswers', { file: fileName, count: rejection.total })}
          <ul>
            {rejection.issues.map((issue, i) => (
              <li key={i}>
                {t('rejection.answerIssue', {
                  n: issue.respondent + 1,
                  item: issue.itemId,
                  problem: t(`answerProblem.${issue.code}`, { value: issue.value }),
                })}
              </li>
            ))}
            {more > 0 && <li>{t('rejection.more', { count: more })}</li>}
          </ul>
        </>
      );
    }
  }
}
