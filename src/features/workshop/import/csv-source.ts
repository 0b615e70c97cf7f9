import type { ColumnTarget, CsvImportOptions, CsvImportResult } from '@/domain/files/csv-import';
import type { ResponseFileRespondent } from '@/domain/files/response-file';
import type { CsvCheck, CsvWorkerRequest, CsvWorkerResponse } from './csv-worker-protocol';

/**
 * Above this many bytes the CSV is read, split, and its mappings checked, in a Web Worker.
 */
const WORKER_THRESHOLD = 200_000;

/**
 * A survey CSV is parsed as a stream into a compact store (in a worker), so it may be far larger
 * than a response file: 100,000 respondents × 150 items exported by LimeSurvey are about 70 MB.
 */
export const MAX_SURVEY_CSV_BYTES = 400 * 1024 * 1024;

/** The chosen file could not be read (removed, or access lost since it was chosen). */
export class UnreadableCsvError extends Error {
  constructor() {
    super('unreadable');
    this.name = 'UnreadableCsvError';
  }
}

/**
 * A split CSV, its rows kept where they were split (a worker for large files): the mapping step
 * gets the header, the first rows and the count, and checks mappings against the rows.
 */
export interface CsvSource {
  header: string[];
  /** The first rows (examples beside each column). */
  preview: string[][];
  rowCount: number;
  /** Checks a mapping: what the mapping step shows, without the response file. */
  check(mapping: ColumnTarget[], options: CsvImportOptions): Promise<CsvCheck>;
  /** The whole result of a mapping, response file included. */
  build(mapping: ColumnTarget[], options: CsvImportOptions): Promise<CsvImportResult>;
  /** Lets the rows go (ends the worker). */
  dispose(): void;
}

/**
 * Puts a response file back together on the page: the `built` result with the respondents of
 * the `built-part` messages that came before it, in order.
 */
export function assembleBuilt(
  result: CsvImportResult,
  parts: readonly ResponseFileRespondent[][],
): CsvImportResult {
  if (!result.ok || parts.length === 0) return result;
  return { ...result, file: { ...result.file, respondents: parts.flat() } };
}

async function sourceHere(text: string): Promise<CsvSource> {
  const { PREVIEW_ROWS, csvBuilder, splitCsv, withoutBom } = await import('./csv-worker-protocol');
  const table = splitCsv(withoutBom(text));
  const builder = csvBuilder(table);
  return {
    header: table.header,
    preview: table.rows.slice(0, PREVIEW_ROWS),
    rowCount: table.rows.length,
    check: async (mapping, options) => builder.check(mapping, options),
    build: async (mapping, options) => builder.build(mapping, options),
    dispose: () => {},
  };
}

async function sourceInWorker(file: Blob): Promise<CsvSource> {
  // Inlined (a blob: worker) so the single-file build stays one file; loaded only when needed.
  const { default: CsvWorker } = await import('./csv-worker.ts?worker&inline');
  const { unpackRespondents: unpack } = await import('./csv-worker-protocol');
  const worker = new CsvWorker();
  const pending = new Map<
    number,
    { resolve: (message: CsvWorkerResponse) => void; reject: (error: Error) => void }
  >();
  let parsed: {
    resolve: (message: CsvWorkerResponse) => void;
    reject: (error: Error) => void;
  } | null = null;
  /** Respondents received so far for each file being sent. */
  const parts = new Map<number, ResponseFileRespondent[][]>();
  let nextId = 1;
  let ended = false;
  const end = (error: Error) => {
    ended = true;
    worker.terminate();
    parsed?.reject(error);
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    parts.clear();
  };
  worker.onmessage = (event: MessageEvent<CsvWorkerResponse>) => {
    const message = event.data;
    const id = message.type === 'parsed' ? undefined : message.id;
    if (id === undefined) {
      parsed?.resolve(message);
      parsed = null;
      return;
    }
    if (message.type === 'built-part') {
      const received = parts.get(id) ?? [];
      received.push('packed' in message ? unpack(message.packed) : message.respondents);
      parts.set(id, received);
      return;
    }
    const waiting = pending.get(id);
    pending.delete(id);
    const received = parts.get(id) ?? [];
    parts.delete(id);
    waiting?.resolve(
      message.type === 'built'
        ? { ...message, result: assembleBuilt(message.result, received) }
        : message,
    );
  };
  worker.onerror = (event) => {
    event.preventDefault();
    end(new Error('worker'));
  };
  const post = (request: CsvWorkerRequest) => worker.postMessage(request);
  const ask = (
    want: 'check' | 'file',
    mapping: ColumnTarget[],
    options: CsvImportOptions,
  ): Promise<CsvWorkerResponse> => {
    if (ended) return Promise.reject(new Error('worker ended'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post({ type: 'build', id, want, mapping, options });
    });
  };

  const first = await new Promise<CsvWorkerResponse>((resolve, reject) => {
    parsed = { resolve, reject };
    // The file itself crosses (a handle, not its 25 MB): reading and decoding it, which took
    // a long task here, happens in the worker.
    post({ type: 'parse', file });
  });
  if (first.type !== 'parsed') {
    end(new Error('csv'));
    throw new Error(first.type === 'error' ? first.message : 'csv');
  }
  return {
    header: first.header,
    preview: first.preview,
    rowCount: first.rowCount,
    check: async (mapping, options) => {
      const answer = await ask('check', mapping, options);
      if (answer.type === 'checked') return answer.result;
      throw new Error(answer.type === 'error' ? answer.message : 'csv');
    },
    build: async (mapping, options) => {
      const answer = await ask('file', mapping, options);
      if (answer.type === 'built') return answer.result;
      throw new Error(answer.type === 'error' ? answer.message : 'csv');
    },
    dispose: () => {
      if (!ended) end(new Error('disposed'));
    },
  };
}

async function readHere(file: Blob): Promise<string> {
  try {
    return await file.text();
  } catch {
    throw new UnreadableCsvError();
  }
}

/**
 * Reads and splits a CSV file (any of `,` `;` tab as separator, detected) into a source of
 * rows; large files in a worker, which reads the file, keeps the rows and checks mappings,
 * falling back to the main thread where workers are not available (jsdom) or fail. Rejects
 * with `UnreadableCsvError` when the file cannot be read.
 */
export async function openCsvSource(file: Blob): Promise<CsvSource> {
  if (file.size > WORKER_THRESHOLD && typeof Worker !== 'undefined') {
    try {
      return await sourceInWorker(file);
    } catch {
      // The worker failed (or could not read the file): the same work here.
    }
  }
  return sourceHere(await readHere(file));
}
