/**
 * Diagnostics on the device. Never throws: every call returns a result, and when IndexedDB
 * fails (quota, private browsing, blocked) the data stays in memory for this visit and the
 * caller is told, so the UI can offer an export.
 */
import { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { openDatabase } from './db';
import { applyJournal } from './journal';

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
  if (name === 'QuotaExceededError') return { ok: false, reason: 'quota', detail };
  if (/indexedDB unavailable|InvalidStateError|SecurityError/i.test(`${name} ${detail}`))
    return { ok: false, reason: 'unavailable', detail };
  return { ok: false, reason: 'error', detail };
}

function summariseIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

export type ListResult =
  | { ok: true; diagnostics: Diagnostic[]; rejected: RejectedRecord[]; persistent: true }
  | { ok: false; diagnostics: Diagnostic[]; rejected: RejectedRecord[]; failure: StorageFailure };

/** All diagnostics, newest first; records that fail to parse are set aside, never deleted. */
export async function listDiagnostics(): Promise<ListResult> {
  try {
    const db = await openDatabase();
    const tx = db.transaction('diagnostics');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    const diagnostics: Diagnostic[] = [];
    const rejected: RejectedRecord[] = [];
    values.forEach((raw, i) => {
      const parsed = Diagnostic.safeParse(raw);
      if (parsed.success) diagnostics.push(applyJournal(parsed.data).diagnostic);
      else rejected.push({ key: String(keys[i]), detail: summariseIssues(parsed.error), raw });
    });
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
    const raw = await db.get('diagnostics', id);
    if (raw === undefined) return { ok: false, reason: 'notFound' };
    const parsed = Diagnostic.safeParse(raw);
    if (!parsed.success)
      return { ok: false, reason: 'invalid', detail: summariseIssues(parsed.error) };
    return { ok: true, diagnostic: parsed.data };
  } catch (error) {
    return failure(error);
  }
}

/** Saves a diagnostic; on failure it stays in memory and the failure is returned. */
export async function saveDiagnostic(
  diagnostic: Diagnostic,
): Promise<{ ok: true } | StorageFailure> {
  memory.set(diagnostic.id, diagnostic);
  try {
    const db = await openDatabase();
    await db.put('diagnostics', diagnostic, diagnostic.id);
    memory.delete(diagnostic.id);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** Saves several diagnostics in one transaction: all or nothing. */
export async function saveDiagnostics(
  diagnostics: Diagnostic[],
): Promise<{ ok: true } | StorageFailure> {
  try {
    const db = await openDatabase();
    const tx = db.transaction('diagnostics', 'readwrite');
    await Promise.all([...diagnostics.map((d) => tx.store.put(d, d.id)), tx.done]);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function deleteDiagnostic(id: string): Promise<{ ok: true } | StorageFailure> {
  memory.delete(id);
  try {
    const db = await openDatabase();
    await db.delete('diagnostics', id);
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
