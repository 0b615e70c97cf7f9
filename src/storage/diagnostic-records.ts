/**
 * Reading and writing a diagnostic's records inside a transaction the caller opens over
 * DIAGNOSTIC_STORES (and any other store it writes with them). The layout — one record, or a
 * head and chunks of respondents — is `respondent-chunks.ts`. Every write of a diagnostic in
 * the app goes through `putDiagnosticRecords` and `commit`: all of it is stored, or nothing.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Diagnostic, Respondent } from '@/domain/diagnostic/diagnostic';
import type { QvtDb } from './db';
import {
  type ChunkMarker,
  chunkKey,
  chunksToRead,
  decodeChunk,
  encodeChunk,
  joinDecoded,
  splitDiagnostic,
  summaryOfHead,
  type Joined,
} from './respondent-chunks';

/** The stores a diagnostic is kept in. */
export const DIAGNOSTIC_STORES = ['diagnostics', 'respondentChunks'] as const;

type Stores = ArrayLike<StoreNames<QvtDb>>;
type WriteTx = IDBPTransaction<QvtDb, Stores, 'readwrite'>;
type ReadTx = IDBPTransaction<QvtDb, Stores, IDBTransactionMode>;

/** Every chunk of a diagnostic, whatever its index. */
function chunksOf(diagnosticId: string): IDBKeyRange {
  return IDBKeyRange.bound([diagnosticId], [diagnosticId, []]);
}

/**
 * Writes a diagnostic over its previous records: its old chunks are deleted, the chunks put,
 * then the head (or the whole diagnostic, when small). One request at a time: IndexedDB copies
 * a value inside `put`, so each chunk is encoded (`encodeChunk`) and copied in the task where
 * the previous request succeeded — no task holds more than one chunk's copy — and the
 * transaction stays active in between. With `progressOf` (a respondent's share of the items
 * asked that they answered), the head's marker carries the respondents' mean progress, added
 * up chunk by chunk, for the start page's list (`summaryOfHead`).
 */
export async function putDiagnosticRecords(
  tx: WriteTx,
  diagnostic: Diagnostic,
  progressOf?: (respondent: Respondent) => number,
): Promise<void> {
  const { head, chunks } = splitDiagnostic(diagnostic);
  const chunkStore = tx.objectStore('respondentChunks');
  await chunkStore.delete(chunksOf(diagnostic.id));
  // Summed in the respondents' order, as the start page sums them.
  let progress = 0;
  for (const [index, chunk] of chunks.entries()) {
    if (progressOf) for (const respondent of chunk) progress += progressOf(respondent);
    await chunkStore.put(encodeChunk(chunk), chunkKey(diagnostic.id, index));
  }
  const marker = head.respondentChunks as ChunkMarker | undefined;
  if (marker && progressOf)
    head.respondentChunks = { ...marker, progress: progress / marker.respondents };
  await tx.objectStore('diagnostics').put(head, diagnostic.id);
}

/** Deletes a diagnostic's record and its chunks (also a record that could not be read). */
export async function deleteDiagnosticRecords(tx: WriteTx, diagnosticId: string): Promise<void> {
  await Promise.all([
    tx.objectStore('diagnostics').delete(diagnosticId),
    tx.objectStore('respondentChunks').delete(chunksOf(diagnosticId)),
  ]);
}

/**
 * Runs `work` (requests in `tx`) and resolves once the transaction has committed. When any step
 * fails — a request refused, a value that cannot be copied (thrown by `put` itself, which does
 * not abort a transaction), the commit — the transaction is aborted, so nothing of it is stored
 * and the previous records stay as they were; rejects with the first error.
 */
export async function commit(tx: WriteTx, work: () => Promise<void>): Promise<void> {
  const done = tx.done;
  // Rejects when the transaction aborts: observed here so that is never unhandled.
  done.catch(() => undefined);
  try {
    await work();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already aborted by the failed request
    }
    throw error;
  }
  await done;
}

async function withChunks(tx: ReadTx, key: string, head: unknown): Promise<Joined> {
  const count = chunksToRead(head);
  if (count === 0) return joinDecoded(head, []);
  const chunkStore = tx.objectStore('respondentChunks');
  // Requested together: each chunk is read back, and decoded, in its own request's success.
  const chunks = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      chunkStore.get(chunkKey(key, index)).then(decodeChunk),
    ),
  );
  return joinDecoded(head, chunks);
}

/** The record stored under `key` with its respondents back in place; undefined when none. */
export async function readDiagnosticRecord(tx: ReadTx, key: string): Promise<Joined | undefined> {
  const head = await tx.objectStore('diagnostics').get(key);
  return head === undefined ? undefined : withChunks(tx, key, head);
}

/** Every diagnostic record with its respondents back in place, in key order. */
export async function readDiagnosticRecords(
  tx: ReadTx,
): Promise<{ key: string; joined: Joined }[]> {
  const store = tx.objectStore('diagnostics');
  const [keys, heads] = await Promise.all([store.getAllKeys(), store.getAll()]);
  return Promise.all(
    heads.map(async (head, i) => {
      const key = String(keys[i]);
      return { key, joined: await withChunks(tx, key, head) };
    }),
  );
}

export type HeadRead =
  | { key: string; summary: NonNullable<ReturnType<typeof summaryOfHead>> }
  | { key: string; joined: Joined };

/**
 * Every diagnostic record, in key order, for a list: a large diagnostic whose head carries its
 * summary (`summaryOfHead`) is read without its chunks; any other is read whole.
 */
export async function readDiagnosticSummaries(tx: ReadTx): Promise<HeadRead[]> {
  const store = tx.objectStore('diagnostics');
  const [keys, heads] = await Promise.all([store.getAllKeys(), store.getAll()]);
  return Promise.all(
    heads.map(async (head, i): Promise<HeadRead> => {
      const key = String(keys[i]);
      const summary = summaryOfHead(head);
      return summary ? { key, summary } : { key, joined: await withChunks(tx, key, head) };
    }),
  );
}
