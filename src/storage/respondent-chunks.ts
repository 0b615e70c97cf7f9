/**
 * How a diagnostic is laid out in storage (database version 2). A diagnostic with at most
 * RESPONDENTS_PER_CHUNK respondents is one record, as in version 1. A larger one is a head
 * record (everything but `respondents`, plus the marker `respondentChunks`) and its respondents
 * cut into chunks of RESPONDENTS_PER_CHUNK, each a record of its own.
 *
 * Why: IndexedDB copies (structured clone) a record inside the `put` call, on the main thread.
 * A 10,000-respondent diagnostic in one record was one 0.4 s task; written a chunk per request,
 * each chunk's copy is a task of its own (`diagnostic-records.ts`). Pure: no IndexedDB here.
 *
 * A chunk is stored as a column store (`{ layout: 'columns', columns }`, typed arrays of answer
 * codes, `src/domain/scoring/answer-columns.ts`) when its respondents fit one, else as the list
 * of respondents (the only layout before the column store, still read as it was). A
 * column chunk is copied by IndexedDB as a few arrays, and read back with one check of its
 * shape and codes instead of zod walking every answer; the head's marker also carries the
 * diagnostic's mean progress, so the start page lists it without reading its chunks.
 */
import type { Diagnostic, Respondent } from '@/domain/diagnostic/diagnostic';
import {
  type AnswerColumns,
  checkAnswerColumns,
  fromAnswerColumns,
  toAnswerColumns,
} from '@/domain/scoring/answer-columns';

/**
 * Respondents per chunk. Copying one respondent answering 120 items took about 40 µs in the
 * workshop bench (bench/README.md): a 500-respondent chunk is a 20 ms task, well under the
 * 50 ms of a long task even on a slower or busier machine.
 */
export const RESPONDENTS_PER_CHUNK = 500;

/**
 * The head's marker: how many chunks hold the respondents, how many respondents in all, and
 * (written since the column store) their mean progress, the share of the items asked that each
 * answered, as the start page shows it. A marker without it was written before: the start page
 * then reads the chunks, as it always did.
 */
export type ChunkMarker = { count: number; respondents: number; progress?: number };

/** The marker of a chunk stored as columns. */
export const COLUMNS_LAYOUT = 'columns';

/** A chunk as stored: columns when its respondents fit them, else the respondents themselves. */
export function encodeChunk(
  respondents: readonly Respondent[],
): { layout: typeof COLUMNS_LAYOUT; columns: AnswerColumns } | readonly Respondent[] {
  const columns = toAnswerColumns(respondents);
  return columns ? { layout: COLUMNS_LAYOUT, columns } : respondents;
}

/**
 * A chunk as read: its respondents, `checked` when they come from columns that passed
 * `checkAnswerColumns` (valid respondents by construction: the diagnostic schema need not walk
 * them again); or what is wrong with it.
 */
export type DecodedChunk =
  | { ok: true; respondents: unknown[]; checked: boolean }
  /** `raw`: the value read, kept for the user when it cannot be decoded. */
  | { ok: false; problem: string; raw?: unknown };

export function decodeChunk(chunk: unknown): DecodedChunk {
  if (chunk === undefined) return { ok: false, problem: 'missing' };
  if (Array.isArray(chunk)) return { ok: true, respondents: chunk, checked: false };
  if (typeof chunk === 'object' && chunk !== null && 'layout' in chunk) {
    const { layout, columns } = chunk as { layout: unknown; columns: unknown };
    if (layout !== COLUMNS_LAYOUT) return { ok: false, problem: 'not a list', raw: chunk };
    const checked = checkAnswerColumns(columns);
    return typeof checked === 'string'
      ? { ok: false, problem: `columns ${checked}`, raw: chunk }
      : { ok: true, respondents: fromAnswerColumns(checked), checked: true };
  }
  return { ok: false, problem: 'not a list', raw: chunk };
}

/** The key of a chunk in the `respondentChunks` store. */
export function chunkKey(diagnosticId: string, index: number): [string, number] {
  return [diagnosticId, index];
}

/** A diagnostic as records: the head (stored under its id) and the chunks, in order. */
export function splitDiagnostic(diagnostic: Diagnostic): {
  head: Record<string, unknown>;
  chunks: Respondent[][];
} {
  const { respondents, ...rest } = diagnostic;
  if (respondents.length <= RESPONDENTS_PER_CHUNK) return { head: diagnostic, chunks: [] };
  const chunks: Respondent[][] = [];
  for (let at = 0; at < respondents.length; at += RESPONDENTS_PER_CHUNK)
    chunks.push(respondents.slice(at, at + RESPONDENTS_PER_CHUNK));
  const respondentChunks: ChunkMarker = { count: chunks.length, respondents: respondents.length };
  return { head: { ...rest, respondentChunks }, chunks };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Above this a marker is not one this app wrote (10 million respondents). */
const MAX_CHUNKS = 20_000;

function isWhole(value: unknown, min: number): value is number {
  return Number.isInteger(value) && (value as number) >= min;
}

function readMarker(head: Record<string, unknown>): ChunkMarker | null {
  const marker = head.respondentChunks;
  if (!isRecord(marker)) return null;
  const { count, respondents, progress } = marker;
  if (!(isWhole(count, 1) && count <= MAX_CHUNKS && isWhole(respondents, 0))) return null;
  return typeof progress === 'number' && progress >= 0 && progress <= 1
    ? { count, respondents, progress }
    : { count, respondents };
}

/**
 * How many chunks to read with this stored record: 0 for a record holding its respondents (and
 * for anything that is not a head with a valid marker: `joinDiagnostic` says what is wrong).
 */
export function chunksToRead(head: unknown): number {
  if (!isRecord(head) || !('respondentChunks' in head)) return 0;
  return readMarker(head)?.count ?? 0;
}

export type Joined =
  /** `checked`: the respondents that came from checked columns (see `DecodedChunk`). */
  | { ok: true; record: unknown; checked?: ReadonlySet<unknown> }
  /** `raw`: what could be read (the head and the chunks found), for the user to keep. */
  | { ok: false; detail: string; raw: unknown };

/**
 * The stored record with its respondents back in place, ready for the diagnostic schema, or why
 * it cannot be put together (a chunk missing or not a list, the count not matching). `chunks`
 * are the values read at `chunkKey(id, 0 … chunksToRead(head) - 1)`, `undefined` when missing.
 * A record without the marker (version 1, or small) is returned as it is.
 */
export function joinDiagnostic(head: unknown, chunks: readonly unknown[]): Joined {
  return joinDecoded(head, chunks.map(decodeChunk));
}

/** `joinDiagnostic` of chunks already decoded, each when it was read (`decodeChunk`). */
export function joinDecoded(head: unknown, chunks: readonly (DecodedChunk | undefined)[]): Joined {
  if (!isRecord(head) || !('respondentChunks' in head)) return { ok: true, record: head };
  const marker = readMarker(head);
  if (!marker) return { ok: false, detail: 'respondentChunks: not a valid marker', raw: head };
  const respondents: unknown[] = [];
  const checked = new Set<unknown>();
  const problems: string[] = [];
  /** The parts that could not be read, as read, so that the user keeps them (`raw`). */
  const unreadParts: Record<number, unknown> = {};
  for (let i = 0; i < marker.count; i += 1) {
    const chunk = chunks[i] ?? decodeChunk(undefined);
    if (chunk.ok)
      for (const respondent of chunk.respondents) {
        respondents.push(respondent);
        if (chunk.checked) checked.add(respondent);
      }
    else {
      problems.push(`part ${i + 1} ${chunk.problem}`);
      if (chunk.raw !== undefined) unreadParts[i + 1] = chunk.raw;
    }
  }
  if (problems.length === 0 && respondents.length !== marker.respondents)
    problems.push(`${respondents.length} found, ${marker.respondents} expected`);
  if (problems.length > 0)
    return {
      ok: false,
      detail: `respondents (stored in ${marker.count} parts): ${problems.slice(0, 3).join('; ')}${
        problems.length > 3 ? `; and ${problems.length - 3} more` : ''
      }`,
      raw:
        Object.keys(unreadParts).length > 0
          ? { ...head, respondents, unreadParts }
          : { ...head, respondents },
    };
  const record: Record<string, unknown> = { ...head, respondents };
  delete record.respondentChunks;
  return checked.size > 0 ? { ok: true, record, checked } : { ok: true, record };
}

/**
 * What the start page lists of a stored head without reading its chunks: the respondents'
 * count and mean progress from its marker; null when the head is not a chunked diagnostic or
 * its marker has no progress (written before the column store: read it whole).
 */
export function summaryOfHead(
  head: unknown,
): { record: Record<string, unknown>; respondents: number; progress: number } | null {
  if (!isRecord(head) || !('respondentChunks' in head)) return null;
  const marker = readMarker(head);
  if (marker?.progress === undefined) return null;
  const record: Record<string, unknown> = { ...head, respondents: [] };
  delete record.respondentChunks;
  return { record, respondents: marker.respondents, progress: marker.progress };
}
