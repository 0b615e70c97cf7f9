/**
 * What the CSV worker does, apart from the worker itself, so that it runs (and is tested) in
 * Node, in jsdom and on the main thread alike. A survey CSV is split once; its rows then stay
 * where they were split, and each mapping is checked there: only the header, a few example rows,
 * the row count and the check's summary travel, and the response file only when it is added.
 */
import Papa from 'papaparse';
import {
  buildResponseFileFromCsv,
  checkCsvMapping,
  withoutFile,
  type ColumnTarget,
  type CsvMappingCheck,
  type CsvImportOptions,
  type CsvImportResult,
  type CsvRowSource,
  type CsvTable,
} from '@/domain/files/csv-import';
import { CsvColumnStore } from '@/domain/files/csv-column-store';
import type { ResponseFileRespondent } from '@/domain/files/response-file';

/** Example rows shown beside each column of the mapping. */
export const PREVIEW_ROWS = 3;

/**
 * Respondents per message when a response file is sent to the page: the page decodes each
 * message in its own task, so a campaign's 100,000 respondents make 400 short tasks (1,000 a
 * message were tasks of up to 0.45 s with the garbage collection they brought).
 */
export const RESPONDENTS_PER_MESSAGE = 250;

/** A check of a mapping without the response file: what the mapping step shows. */
export type CsvCheck = CsvMappingCheck;

export type CsvWorkerRequest =
  /** The CSV as text, or as the chosen file itself, read here (off the main thread). */
  | { type: 'parse'; text: string }
  | { type: 'parse'; file: Blob }
  | {
      type: 'build';
      id: number;
      /** `check` answers a CsvCheck; `file` the whole result, response file included. */
      want: 'check' | 'file';
      mapping: ColumnTarget[];
      options: CsvImportOptions;
    };

export type CsvWorkerResponse =
  | { type: 'parsed'; header: string[]; preview: string[][]; rowCount: number }
  | { type: 'checked'; id: number; result: CsvCheck }
  /** Respondents of the file being sent, in order, before its `built` message. */
  | { type: 'built-part'; id: number; respondents: ResponseFileRespondent[] }
  /** The result; a response file's respondents come in the `built-part` messages before it. */
  | { type: 'built'; id: number; result: CsvImportResult }
  | { type: 'error'; id?: number; message: string };

/** Splits CSV text (any of `,` `;` tab as separator, detected) into a header and rows. */
export function splitCsv(text: string): CsvTable {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  const [header = [], ...rest] = rows;
  return { header, rows: rest };
}

export function toCheck(result: CsvImportResult): CsvCheck {
  return result.ok ? withoutFile(result) : result;
}

/** Text without its byte order mark. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Checks and builds on one table: `check` reads the rows without hashing ids
 * (`checkCsvMapping`), `build` gives the whole result and remembers the last one, so the file of
 * a mapping is built once; a check of the mapping last built answers from it.
 */
export function csvBuilder(table: CsvTable | CsvRowSource) {
  let last: { key: string; result: CsvImportResult } | null = null;
  const keyOf = (mapping: readonly ColumnTarget[], options: CsvImportOptions) =>
    JSON.stringify([
      mapping,
      options.defaultRole ?? null,
      options.diagnostic,
      options.exportedAt,
      options.grids.map((g) => [g.grid.id, g.grid.version, g.hash]),
      options.vocabulary,
    ]);
  return {
    check(mapping: readonly ColumnTarget[], options: CsvImportOptions): CsvCheck {
      if (last?.key === keyOf(mapping, options)) return toCheck(last.result);
      return checkCsvMapping(table, mapping, options);
    },
    build(mapping: readonly ColumnTarget[], options: CsvImportOptions): CsvImportResult {
      const key = keyOf(mapping, options);
      if (last?.key !== key)
        last = { key, result: buildResponseFileFromCsv(table, mapping, options) };
      return last.result;
    },
  };
}

/**
 * The worker's message handler: `parse` keeps the table (read from the file first when given
 * one) and answers its header, first rows and row count; `build` checks a mapping against the
 * kept table, or builds its response file. A file that cannot be read answers the error
 * `unreadable`.
 */
export function createCsvWorkerHandler(post: (message: CsvWorkerResponse) => void) {
  let builder: ReturnType<typeof csvBuilder> | null = null;
  const keep = (text: string) => {
    try {
      const table = splitCsv(withoutBom(text));
      builder = csvBuilder(table);
      post({
        type: 'parsed',
        header: table.header,
        preview: table.rows.slice(0, PREVIEW_ROWS),
        rowCount: table.rows.length,
      });
    } catch (error) {
      post({ type: 'error', message: String(error) });
    }
  };
  const stream = (file: Blob) =>
    streamCsv(file).then(
      (store) => {
        builder = csvBuilder(store);
        post({
          type: 'parsed',
          header: store.header,
          preview: Array.from({ length: Math.min(PREVIEW_ROWS, store.rowCount) }, (_, r) =>
            store.row(r),
          ),
          rowCount: store.rowCount,
        });
      },
      () => post({ type: 'error', message: UNREADABLE }),
    );
  return (request: CsvWorkerRequest): Promise<void> | void => {
    if (request.type === 'parse') {
      if ('text' in request) return keep(request.text);
      return stream(request.file);
    }
    if (!builder) {
      post({ type: 'error', id: request.id, message: 'no table' });
      return;
    }
    try {
      if (request.want === 'check') {
        post({
          type: 'checked',
          id: request.id,
          result: builder.check(request.mapping, request.options),
        });
        return;
      }
      const result = builder.build(request.mapping, request.options);
      if (!result.ok) {
        post({ type: 'built', id: request.id, result });
        return;
      }
      const { respondents } = result.file;
      for (let start = 0; start < respondents.length; start += RESPONDENTS_PER_MESSAGE)
        post({
          type: 'built-part',
          id: request.id,
          respondents: respondents.slice(start, start + RESPONDENTS_PER_MESSAGE),
        });
      post({
        type: 'built',
        id: request.id,
        result: { ...result, file: { ...result.file, respondents: [] } },
      });
    } catch (error) {
      post({ type: 'error', id: request.id, message: String(error) });
    }
  };
}

/** Bytes read and parsed at a time when a file is streamed. */
export const STREAM_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Parses a CSV file as a stream (papaparse reads it `STREAM_CHUNK_BYTES` at a time) into a
 * column store: the file's text is never held whole, nor its cells as strings. The first row is
 * the header; a byte-order mark is dropped; empty lines are skipped.
 */
export async function streamCsv(file: Blob): Promise<CsvColumnStore> {
  // Browsers (and their workers) read a file in slices with FileReader; without it (Node, in
  // tests) the text is read first, then parsed in the same chunks.
  const input: File | string =
    typeof FileReader === 'undefined' ? await file.text() : (file as File);
  return new Promise((resolve, reject) => {
    let store: CsvColumnStore | null = null;
    Papa.parse<string[]>(input as File, {
      skipEmptyLines: 'greedy',
      chunkSize: STREAM_CHUNK_BYTES,
      chunk: (results) => {
        for (const row of results.data) {
          if (store) store.add(row);
          else
            store = new CsvColumnStore(row.map((cell, c) => (c === 0 ? withoutBom(cell) : cell)));
        }
      },
      complete: () => resolve(store ?? new CsvColumnStore([])),
      error: (error: Error) => reject(error),
    });
  });
}

/** The error message of a file that could not be read. */
export const UNREADABLE = 'unreadable';
