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
  readCsvInto,
  withoutFile,
  type ColumnTarget,
  type CsvItemColumn,
  type CsvRespondentSink,
  type CsvMappingCheck,
  type CsvImportOptions,
  type CsvImportResult,
  type CsvRowSource,
  type CsvTable,
} from '@/domain/files/csv-import';
import { CsvColumnStore } from '@/domain/files/csv-column-store';
import type { ResponseFileRespondent } from '@/domain/files/response-file';
import type { AnswerValue, Role } from '@/domain/answers/answers';
import { answersBuilderFor } from '@/domain/scoring/answer-columns';

/** Example rows shown beside each column of the mapping. */
export const PREVIEW_ROWS = 3;

/**
 * Respondents per message when a response file is sent to the page: the page decodes each
 * message in its own task, so a campaign's 100,000 respondents make 400 short tasks (1,000 a
 * message were tasks of up to 0.45 s with the garbage collection they brought).
 */
export const RESPONDENTS_PER_MESSAGE = 250;

/**
 * Respondents of a survey CSV as a few arrays (a campaign: copying 100,000 respondents of 150
 * answers each as objects between the worker and the page took seconds on each side): their
 * ids and roles, the item columns, and per respondent and column what was answered (`kinds`:
 * 0 nothing, 1 the number in `values`, 2 « don't know », 3 « not applicable »). The typed
 * arrays are transferred, not copied.
 */
export interface PackedRespondents {
  ids: string[];
  roles: Role[];
  /** The item columns: grid id and item id, in the order the answers were read. */
  columns: [gridId: string, itemId: string][];
  /** `ids.length × columns.length`, row by row. */
  kinds: Uint8Array;
  values: Float64Array;
}

const NOTHING = 0;
const NUMBER = 1;
const DONT_KNOW = 2;
const NOT_APPLICABLE = 3;

/**
 * The respondents packed (see `PackedRespondents`), `order` giving the first columns (the
 * mapping's item columns), or null when one of them holds what the packing does not carry (a
 * comment, another field, another kind of answer): they are then sent as they are.
 */
export function packRespondents(
  respondents: readonly ResponseFileRespondent[],
  order: readonly [string, string][] = [],
): PackedRespondents | null {
  const columns: [string, string][] = [];
  const index = new Map<string, Map<string, number>>();
  const columnOf = (gridId: string, itemId: string): number => {
    let byItem = index.get(gridId);
    if (!byItem) index.set(gridId, (byItem = new Map()));
    let column = byItem.get(itemId);
    if (column === undefined) {
      column = columns.length;
      columns.push([gridId, itemId]);
      byItem.set(itemId, column);
    }
    return column;
  };
  for (const [gridId, itemId] of order) columnOf(gridId, itemId);
  for (const r of respondents) {
    if (Object.keys(r).length !== 4 || Object.keys(r.comments).length > 0) return null;
    for (const [gridId, answers] of Object.entries(r.answers))
      for (const itemId of Object.keys(answers)) columnOf(gridId, itemId);
  }
  const width = columns.length;
  const kinds = new Uint8Array(respondents.length * width);
  const values = new Float64Array(respondents.length * width);
  for (const [row, r] of respondents.entries()) {
    for (const [gridId, answers] of Object.entries(r.answers)) {
      if (Object.keys(answers).length === 0) return null;
      for (const [itemId, value] of Object.entries(answers)) {
        const cell = row * width + (index.get(gridId)?.get(itemId) as number);
        if (typeof value === 'number') {
          kinds[cell] = NUMBER;
          values[cell] = value;
        } else if (value === 'dk') kinds[cell] = DONT_KNOW;
        else if (value === 'na') kinds[cell] = NOT_APPLICABLE;
        else return null;
      }
    }
  }
  return {
    ids: respondents.map((r) => r.id),
    roles: respondents.map((r) => r.role),
    columns,
    kinds,
    values,
  };
}

/**
 * A sink of `readCsvInto` that packs the respondents read (`PackedRespondents`, the item
 * columns in mapping order), `RESPONDENTS_PER_MESSAGE` a part: each part is given to `send` once
 * full, the last one by `end`. No respondent object is made.
 */
export function packingSink(
  columns: readonly CsvItemColumn[],
  send: (packed: PackedRespondents) => void,
  size = RESPONDENTS_PER_MESSAGE,
): CsvRespondentSink & { end(): void } {
  const width = columns.length;
  const names = columns.map((c): [string, string] => [c.gridId, c.itemId]);
  let ids: string[] = [];
  let roles: Role[] = [];
  let kinds = new Uint8Array(size * width);
  let values = new Float64Array(size * width);
  const flush = () => {
    const n = ids.length;
    if (n === 0) return;
    send({
      ids,
      roles,
      columns: names,
      kinds: n === size ? kinds : kinds.slice(0, n * width),
      values: n === size ? values : values.slice(0, n * width),
    });
    ids = [];
    roles = [];
    kinds = new Uint8Array(size * width);
    values = new Float64Array(size * width);
  };
  return {
    add(id, role, answers) {
      const start = ids.length * width;
      for (let k = 0; k < width; k += 1) {
        const value = answers[k];
        if (value === undefined) continue;
        if (value === 'dk') kinds[start + k] = DONT_KNOW;
        else if (value === 'na') kinds[start + k] = NOT_APPLICABLE;
        else {
          kinds[start + k] = NUMBER;
          values[start + k] = value;
        }
      }
      ids.push(id);
      roles.push(role);
      if (ids.length === size) flush();
    },
    end: flush,
  };
}

/**
 * The respondents of `packRespondents`, as they were; each grid's answers built in V8's compact
 * layout (`AnswersBuilder`: a campaign's answers built key by key took four times the memory).
 */
export function unpackRespondents(packed: PackedRespondents): ResponseFileRespondent[] {
  const { ids, roles, columns, kinds, values } = packed;
  const width = columns.length;
  // Each grid's columns, in the order read.
  const grids = new Map<string, { columns: number[]; items: string[] }>();
  for (const [c, [gridId, itemId]] of columns.entries()) {
    let grid = grids.get(gridId);
    if (!grid) grids.set(gridId, (grid = { columns: [], items: [] }));
    grid.columns.push(c);
    grid.items.push(itemId);
  }
  const byGrid = [...grids].map(([gridId, grid]) => ({
    gridId,
    ...grid,
    builder: answersBuilderFor(grid.items),
  }));
  const present: number[] = [];
  const answered: AnswerValue[] = [];
  return ids.map((id, row) => {
    const answers: Record<string, Record<string, AnswerValue>> = {};
    for (const grid of byGrid) {
      present.length = 0;
      answered.length = 0;
      for (const [k, c] of grid.columns.entries()) {
        const kind = kinds[row * width + c];
        if (kind === NOTHING || kind === undefined) continue;
        present.push(k);
        answered.push(
          kind === NUMBER ? (values[row * width + c] as number) : kind === DONT_KNOW ? 'dk' : 'na',
        );
      }
      if (present.length > 0) answers[grid.gridId] = grid.builder.build(present, answered);
    }
    return { id, role: roles[row] as Role, answers, comments: {} };
  });
}

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
  /**
   * Respondents of the file being sent, in order, before its `built` message: packed in typed
   * arrays (`packRespondents`), or as they are when they cannot be packed.
   */
  | { type: 'built-part'; id: number; respondents: ResponseFileRespondent[] }
  | { type: 'built-part'; id: number; packed: PackedRespondents }
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
    /**
     * The response file of a mapping, its respondents packed and given to `send` as they are
     * read (`packingSink`): the result holds none. Nothing is kept.
     */
    pack(
      mapping: readonly ColumnTarget[],
      options: CsvImportOptions,
      send: (packed: PackedRespondents) => void,
    ): CsvImportResult {
      let sink: ReturnType<typeof packingSink> | null = null;
      const result = readCsvInto(table, mapping, options, (columns) => {
        sink = packingSink(columns, send);
        return sink;
      });
      (sink as ReturnType<typeof packingSink> | null)?.end();
      return result;
    },
  };
}

/**
 * The worker's message handler: `parse` keeps the table (read from the file first when given
 * one) and answers its header, first rows and row count; `build` checks a mapping against the
 * kept table, or builds its response file. A file that cannot be read answers the error
 * `unreadable`.
 */
export function createCsvWorkerHandler(
  post: (message: CsvWorkerResponse, transfer?: Transferable[]) => void,
) {
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
      // The respondents are packed as they are read and sent at once, a part a message, so
      // the page unpacks the first parts while the rest are read. Should the result fail, the
      // page drops the parts (`assembleBuilt`).
      const { id } = request;
      const result = builder.pack(request.mapping, request.options, (packed) =>
        post({ type: 'built-part', id, packed }, [packed.kinds.buffer, packed.values.buffer]),
      );
      post({ type: 'built', id, result });
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
