/**
 * What the CSV worker does, apart from the worker itself, so that it runs (and is tested) in
 * Node, in jsdom and on the main thread alike. A survey CSV is split once; its rows then stay
 * where they were split, and each mapping is checked there: only the header, a few example rows,
 * the row count and the check's summary travel, and the response file only when it is added.
 */
import Papa from 'papaparse';
import {
  buildResponseFileFromCsv,
  type ColumnTarget,
  type CsvImportOptions,
  type CsvImportResult,
  type CsvTable,
} from '@/domain/files/csv-import';

/** Example rows shown beside each column of the mapping. */
export const PREVIEW_ROWS = 3;

/** A check of a mapping without the response file: what the mapping step shows. */
export type CsvCheck =
  { ok: true; respondents: number; emptyRows: number } | Extract<CsvImportResult, { ok: false }>;

export type CsvWorkerRequest =
  | { type: 'parse'; text: string }
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
  | { type: 'built'; id: number; result: CsvImportResult }
  | { type: 'error'; id?: number; message: string };

/** Splits CSV text (any of `,` `;` tab as separator, detected) into a header and rows. */
export function splitCsv(text: string): CsvTable {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  const [header = [], ...rest] = rows;
  return { header, rows: rest };
}

export function toCheck(result: CsvImportResult): CsvCheck {
  return result.ok
    ? { ok: true, respondents: result.respondents, emptyRows: result.emptyRows }
    : result;
}

/**
 * `buildResponseFileFromCsv` on one table, remembering the last result: the mapping step checks
 * a mapping, then asks for the file of that same mapping when it is added.
 */
export function csvBuilder(table: CsvTable) {
  let last: { key: string; result: CsvImportResult } | null = null;
  return (mapping: readonly ColumnTarget[], options: CsvImportOptions): CsvImportResult => {
    const key = JSON.stringify([
      mapping,
      options.defaultRole ?? null,
      options.diagnostic,
      options.exportedAt,
      options.grids.map((g) => [g.grid.id, g.grid.version, g.hash]),
      options.vocabulary,
    ]);
    if (last?.key !== key)
      last = { key, result: buildResponseFileFromCsv(table, mapping, options) };
    return last.result;
  };
}

/**
 * The worker's message handler: `parse` keeps the table and answers its header, first rows and
 * row count; `build` checks a mapping against the kept table.
 */
export function createCsvWorkerHandler(post: (message: CsvWorkerResponse) => void) {
  let build: ReturnType<typeof csvBuilder> | null = null;
  return (request: CsvWorkerRequest) => {
    if (request.type === 'parse') {
      try {
        const table = splitCsv(request.text);
        build = csvBuilder(table);
        post({
          type: 'parsed',
          header: table.header,
          preview: table.rows.slice(0, PREVIEW_ROWS),
          rowCount: table.rows.length,
        });
      } catch (error) {
        post({ type: 'error', message: String(error) });
      }
      return;
    }
    if (!build) {
      post({ type: 'error', id: request.id, message: 'no table' });
      return;
    }
    try {
      const result = build(request.mapping, request.options);
      post(
        request.want === 'check'
          ? { type: 'checked', id: request.id, result: toCheck(result) }
          : { type: 'built', id: request.id, result },
      );
    } catch (error) {
      post({ type: 'error', id: request.id, message: String(error) });
    }
  };
}
