import type { CsvTable } from '@/domain/files/csv-import';

/** Above this many characters the CSV is split in a Web Worker. */
const WORKER_THRESHOLD = 200_000;

async function parseHere(text: string): Promise<string[][]> {
  const { default: Papa } = await import('papaparse');
  return Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
}

async function parseInWorker(text: string): Promise<string[][]> {
  // Inlined (a blob: worker) so the single-file build stays one file; loaded only when needed.
  const { default: CsvWorker } = await import('./csv-worker.ts?worker&inline');
  return new Promise((resolve, reject) => {
    const worker = new CsvWorker();
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<{ rows?: string[][]; error?: string }>) => {
      done();
      if (event.data.rows) resolve(event.data.rows);
      else reject(new Error(event.data.error ?? 'csv'));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done();
      reject(new Error('worker'));
    };
    worker.postMessage(text);
  });
}

/**
 * Splits CSV text (any of `,` `;` tab as separator, detected) into a header and rows; large
 * files in a worker, falling back to the main thread where workers are not available (file://).
 */
export async function parseCsv(text: string): Promise<CsvTable> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let rows: string[][];
  if (body.length > WORKER_THRESHOLD && typeof Worker !== 'undefined') {
    try {
      rows = await parseInWorker(body);
    } catch {
      rows = await parseHere(body);
    }
  } else rows = await parseHere(body);
  const [header = [], ...rest] = rows;
  return { header, rows: rest };
}
