/**
 * Diagnostics on the device. Never throws: every call returns a result, and when IndexedDB
 * fails (quota, private browsing, blocked) the data stays in memory for this visit and the
 * caller is told, so the UI can offer an export.
 */
import {
  parseDiagnosticSteps,
  type Diagnostic,
  type Respondent,
} from '@/domain/diagnostic/diagnostic';
import { overallProgress, respondentProgress } from '@/domain/diagnostic/operations';
import { parseValidGrid } from '@/domain/grid/grid-rules';
import type { Grid } from '@/domain/grid/schema';
import { runInSlices } from '@/utils/slices';
import { openDatabase } from './db';
import {
  commit,
  DIAGNOSTIC_STORES,
  deleteDiagnosticRecords,
  putDiagnosticRecords,
  readDiagnosticRecord,
  readDiagnosticRecords,
  readDiagnosticSummaries,
} from './diagnostic-records';
import { applyJournal } from './journal';
import { RESPONDENTS_PER_CHUNK } from './respondent-chunks';
import { clearPaperDraft } from './paper-draft-key';

export type StorageFailure = {
  ok: false;
  reason: 'unavailable' | 'quota' | 'error';
  detail: string;
};
export type RejectedRecord = { key: string; detail: string; raw: unknown };

/** In-memory copy used when the device refuses to store (and as a write-through cache). */
const memory = new Map<string, Diagnostic>();

/** Classifies a storage error (quota, storage unavailable, anything else). */
export function failure(error: unknown): StorageFailure {
  const name = error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  const reason =
    name === 'QuotaExceededError'
      ? 'quota'
      : /indexedDB unavailable|InvalidStateError|SecurityError/i.test(`${name} ${detail}`)
        ? 'unavailable'
        : 'error';
  return { ok: false, reason, detail };
}

/**
 * The stored record as a diagnostic, or what is wrong with it in zod's English messages (its first
 * three issues). Parsed 8 ms at a time with a pause between: zod took 0.5 s in one task for a
 * 10,000-respondent diagnostic, the page frozen while it opened (bench/README.md). The messages are
 * loaded on the rare failure, and the record parsed again with them: opening a diagnostic does not
 * carry them (`src/domain/zod-messages.ts`).
 */
async function parse(
  record: unknown,
  checked?: ReadonlySet<unknown>,
): Promise<Diagnostic | string> {
  const inSlices = async () =>
    (await runInSlices(parseDiagnosticSteps(record, checked), { budgetMs: 8 }))!;
  let parsed = await inSlices();
  if (parsed.success) return parsed.data;
  await import('@/domain/zod-messages');
  parsed = await inSlices();
  if (parsed.success) return '';
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

export type ListResult =
  | { ok: true; diagnostics: Diagnostic[]; rejected: RejectedRecord[]; persistent: true }
  | { ok: false; diagnostics: Diagnostic[]; rejected: RejectedRecord[]; failure: StorageFailure };

/**
 * All diagnostics, newest first; records that fail to parse (or whose respondents, stored apart,
 * cannot all be read) are set aside, never deleted.
 */
export async function listDiagnostics(): Promise<ListResult> {
  try {
    const db = await openDatabase();
    const records = await readDiagnosticRecords(db.transaction(DIAGNOSTIC_STORES));
    const diagnostics: Diagnostic[] = [];
    const rejected: RejectedRecord[] = [];
    for (const { key, joined } of records) {
      if (!joined.ok) {
        rejected.push({ key, detail: joined.detail, raw: joined.raw });
        continue;
      }
      const parsed = await parse(joined.record, joined.checked);
      if (typeof parsed != 'string') diagnostics.push(applyJournal(parsed).diagnostic);
      else rejected.push({ key, detail: parsed, raw: joined.record });
    }
    for (const d of memory.values()) {
      if (!diagnostics.some((x) => x.id === d.id)) diagnostics.push(d);
    }
    diagnostics.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return { ok: true, diagnostics, rejected, persistent: true };
  } catch (error) {
    const diagnostics = [...memory.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return { ok: false, diagnostics, rejected: [], failure: failure(error) };
  }
}

export type GetResult =
  | { ok: true; diagnostic: Diagnostic }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'invalid'; detail: string }
  | StorageFailure;

/** One diagnostic by id (from memory first: it holds the newest unsaved state). */
export async function getDiagnostic(id: string): Promise<GetResult> {
  const cached = memory.get(id);
  if (cached) return { ok: true, diagnostic: cached };
  try {
    const db = await openDatabase();
    const joined = await readDiagnosticRecord(db.transaction(DIAGNOSTIC_STORES), id);
    if (joined === undefined) return { ok: false, reason: 'notFound' };
    if (!joined.ok) return { ok: false, reason: 'invalid', detail: joined.detail };
    const parsed = await parse(joined.record, joined.checked);
    return typeof parsed == 'string'
      ? { ok: false, reason: 'invalid', detail: parsed }
      : { ok: true, diagnostic: parsed };
  } catch (error) {
    return failure(error);
  }
}

/**
 * A diagnostic as the start page lists it. `whole`: `diagnostic` has its respondents; else it
 * is the stored head alone (`respondents` empty: read it with `getDiagnostic` before exporting
 * or copying it), with the count and mean progress (share of the items asked answered) of its
 * respondents from the head's summary.
 */
export type DiagnosticSummary =
  | { whole: true; diagnostic: Diagnostic }
  | { whole: false; diagnostic: Diagnostic; respondents: number; progress: number };

export type SummaryListResult =
  | { ok: true; summaries: DiagnosticSummary[]; rejected: RejectedRecord[]; persistent: true }
  | {
      ok: false;
      summaries: DiagnosticSummary[];
      rejected: RejectedRecord[];
      failure: StorageFailure;
    };

/**
 * `listDiagnostics` for a list that shows each diagnostic's respondents only as a count and a
 * progress: a large diagnostic saved with its summary is read without its respondents (a
 * campaign of 100,000 was read and checked whole to be listed). Newest first.
 */
export async function listDiagnosticSummaries(): Promise<SummaryListResult> {
  const byDate = (a: DiagnosticSummary, b: DiagnosticSummary) =>
    b.diagnostic.updatedAt.localeCompare(a.diagnostic.updatedAt);
  const inMemory = () =>
    [...memory.values()].map((diagnostic): DiagnosticSummary => ({ whole: true, diagnostic }));
  try {
    const db = await openDatabase();
    const records = await readDiagnosticSummaries(db.transaction(DIAGNOSTIC_STORES));
    const summaries: DiagnosticSummary[] = [];
    const rejected: RejectedRecord[] = [];
    for (const read of records) {
      const { key } = read;
      if ('summary' in read) {
        const parsed = await parse(read.summary.record);
        if (typeof parsed == 'string') {
          rejected.push({ key, detail: parsed, raw: read.summary.record });
          continue;
        }
        // A newer journal holds every respondent: it is listed from them.
        const journaled = applyJournal(parsed);
        summaries.push(
          journaled.applied
            ? { whole: true, diagnostic: journaled.diagnostic }
            : {
                whole: false,
                diagnostic: parsed,
                respondents: read.summary.respondents,
                progress: read.summary.progress,
              },
        );
        continue;
      }
      const { joined } = read;
      if (!joined.ok) {
        rejected.push({ key, detail: joined.detail, raw: joined.raw });
        continue;
      }
      const parsed = await parse(joined.record, joined.checked);
      if (typeof parsed != 'string')
        summaries.push({ whole: true, diagnostic: applyJournal(parsed).diagnostic });
      else rejected.push({ key, detail: parsed, raw: joined.record });
    }
    for (const s of inMemory()) {
      const at = summaries.findIndex((x) => x.diagnostic.id === s.diagnostic.id);
      if (at < 0) summaries.push(s);
    }
    summaries.sort(byDate);
    return { ok: true, summaries, rejected, persistent: true };
  } catch (error) {
    return { ok: false, summaries: inMemory().sort(byDate), rejected: [], failure: failure(error) };
  }
}

/** Each grid copy's parsed grid, for the progress written with a large diagnostic's records. */
const parsedGrids = new WeakMap<object, Grid | null>();

/**
 * A respondent's progress as the start page shows it (`overallProgress` over the grid copies
 * that load), for a diagnostic stored in chunks; undefined for a small one, listed whole.
 */
async function progressFor(
  diagnostic: Diagnostic,
): Promise<((respondent: Respondent) => number) | undefined> {
  if (diagnostic.respondents.length <= RESPONDENTS_PER_CHUNK) return undefined;
  const grids: Grid[] = [];
  for (const { grid: source } of diagnostic.grids) {
    const key = typeof source === 'object' && source !== null ? source : null;
    let grid = key ? parsedGrids.get(key) : undefined;
    if (grid === undefined) {
      // Each grid read in a task of its own (the first read of a grid is the slowest).
      await new Promise((resolve) => setTimeout(resolve, 0));
      grid = parseValidGrid(source);
      if (key) parsedGrids.set(key, grid);
    }
    if (grid) grids.push(grid);
  }
  return (respondent) => overallProgress(respondentProgress(respondent, grids));
}

/**
 * Saves a diagnostic, all of it or nothing (a large one is several records written in one
 * transaction, `diagnostic-records.ts`); on failure it stays in memory, the previous stored
 * version is unchanged, and the failure is returned.
 */
export function saveDiagnostic(diagnostic: Diagnostic): Promise<{ ok: true } | StorageFailure> {
  memory.set(diagnostic.id, diagnostic);
  // One save after the other, in the order asked: a large diagnostic's save first reads its
  // grids (`progressFor`), and a save asked later must not be written before it.
  const saved = lastSave.then(() => write(diagnostic));
  lastSave = saved;
  return saved;
}

let lastSave: Promise<unknown> = Promise.resolve();

async function write(diagnostic: Diagnostic): Promise<{ ok: true } | StorageFailure> {
  try {
    const progressOf = await progressFor(diagnostic);
    const db = await openDatabase();
    const tx = db.transaction(DIAGNOSTIC_STORES, 'readwrite');
    await commit(tx, () => putDiagnosticRecords(tx, diagnostic, progressOf));
    // Unless a newer version came meanwhile: it is saved next (transactions run in order).
    if (memory.get(diagnostic.id) === diagnostic) memory.delete(diagnostic.id);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** Deletes a diagnostic (its record and its respondents stored apart, if any). */
export async function deleteDiagnostic(id: string): Promise<{ ok: true } | StorageFailure> {
  memory.delete(id);
  // A paper copy being typed for it goes too: nothing of a deleted diagnostic stays on the device.
  clearPaperDraft(id);
  try {
    const db = await openDatabase();
    const tx = db.transaction(DIAGNOSTIC_STORES, 'readwrite');
    await commit(tx, () => deleteDiagnosticRecords(tx, id));
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** Forgets the in-memory copies of these diagnostics (after a restore wrote newer ones). */
export function forgetInMemory(ids: string[]): void {
  for (const id of ids) memory.delete(id);
}

/** Forgets the in-memory copies (tests). */
export function clearMemory(): void {
  memory.clear();
}
