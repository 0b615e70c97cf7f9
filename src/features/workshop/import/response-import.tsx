import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { MAX_RESPONSE_FILE_BYTES, parseResponseFile } from '@/domain/files/response-file';
import {
  applyResponseImport,
  applyResponseImportSteps,
  type ApplyImportResult,
  type ResponseFileInput,
} from '@/domain/files/response-import-plan';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { readFileText } from '@/utils/download';
import { nowIso } from '@/utils/id';
import { mapInSlices } from '@/utils/map-in-slices';
import { runInSlices } from '@/utils/slices';
import { CsvMapping, type PendingCsv } from './csv-mapping';
import { MAX_SURVEY_CSV_BYTES, openCsvSource, UnreadableCsvError } from './csv-source';
import { DropZone } from './drop-zone';
import { ImportPreview } from './import-preview';
import { QrReader } from './qr-reader';
import { useImportPlan } from './use-import-plan';

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
 * Imports many response files at once: pick or drop them (`DropZone`), scan QR codes
 * (`QrReader`) or map a survey CSV (`CsvMapping`); the batch is planned (`useImportPlan`) and
 * previewed (`ImportPreview`), then confirmed (everything is merged in one step) or cancelled
 * (nothing changes). A batch with a refused file cannot be confirmed.
 */
export function ResponseImport({ diagnostic, grids, lang, update, flush }: ResponseImportProps) {
  const { t } = useTranslation(['workshop', 'labels']);
  const uid = useId();
  const [batch, setBatch] = useState<ResponseFileInput[]>([]);
  const [csvQueue, setCsvQueue] = useState<PendingCsv[]>([]);
  const [reading, setReading] = useState(false);
  const [status, setStatus] = useState('');
  const [applying, startApplying] = useTransition();
  /** The confirmed import is being copied into the diagnostic, in slices. */
  const [copying, setCopying] = useState(false);
  const { plan, planning, forget: forgetPlan } = useImportPlan(diagnostic, batch);

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
        const source = await openCsvSource(file);
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
        forgetPlan();
        setStatus(t('import.done', { count: result.added }));
      } else {
        setStatus(t('import.stale'));
      }
    });
    if ((outcome as ApplyImportResult | null)?.ok) await flush();
  };

  const cancel = () => {
    setBatch([]);
    forgetPlan();
    for (const csv of csvQueue) csv.source.dispose();
    setCsvQueue([]);
    setStatus(t('import.cancelled'));
  };

  return (
    <section id="import" aria-labelledby={`${uid}-title`} className="card">
      <h2 id={`${uid}-title`}>{t('import.title')}</h2>
      <p>{t('import.body')}</p>
      <DropZone hasFiles={batch.length > 0} onFiles={(files) => void addFiles(files)} />
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
