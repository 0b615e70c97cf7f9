/**
 * A synchronous safety net for the last changes before the page goes away. IndexedDB writes are
 * asynchronous and a reload or a tab close may cut them; localStorage writes are synchronous.
 * On `pagehide` the hook writes the answers part of the diagnostic here, and on the next load the
 * newer of the two wins. Never throws: a full or blocked localStorage simply keeps no journal.
 */
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import {
  ActionItem,
  DeploymentPlan,
  Respondent,
  type Diagnostic,
} from '@/domain/diagnostic/diagnostic';

const PREFIX = 'qvt:journal:';

const Journal = z.object({
  id: z.string(),
  updatedAt: z.string(),
  respondents: z.array(Respondent),
  actionPlan: z.array(ActionItem),
  deployment: z.optional(DeploymentPlan),
  currentRespondentId: z.optional(z.string()),
  anonymityThreshold: z.number().check(z.int(), z.minimum(2), z.maximum(50)),
});

/** Writes the changing part of a diagnostic (not its grid copies) synchronously. */
export function writeJournal(diagnostic: Diagnostic): void {
  try {
    const entry = {
      id: diagnostic.id,
      updatedAt: diagnostic.updatedAt,
      respondents: diagnostic.respondents,
      actionPlan: diagnostic.actionPlan,
      deployment: diagnostic.deployment,
      currentRespondentId: diagnostic.currentRespondentId,
      anonymityThreshold: diagnostic.anonymityThreshold,
    };
    globalThis.localStorage?.setItem(PREFIX + diagnostic.id, JSON.stringify(entry));
  } catch {
    // no journal when localStorage refuses: IndexedDB and the in-memory copy still hold the data
  }
}

export function clearJournal(id: string): void {
  try {
    globalThis.localStorage?.removeItem(PREFIX + id);
  } catch {
    // nothing to clear
  }
}

/** The diagnostic with its journal applied when the journal is newer; otherwise unchanged. */
export function applyJournal(diagnostic: Diagnostic): { diagnostic: Diagnostic; applied: boolean } {
  let raw: string | null = null;
  try {
    raw = globalThis.localStorage?.getItem(PREFIX + diagnostic.id) ?? null;
  } catch {
    return { diagnostic, applied: false };
  }
  if (!raw) return { diagnostic, applied: false };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    clearJournal(diagnostic.id);
    return { diagnostic, applied: false };
  }
  const parsed = Journal.safeParse(data);
  if (!parsed.success || parsed.data.id !== diagnostic.id) {
    clearJournal(diagnostic.id);
    return { diagnostic, applied: false };
  }
  if (parsed.data.updatedAt <= diagnostic.updatedAt) {
    clearJournal(diagnostic.id);
    return { diagnostic, applied: false };
  }
  return { diagnostic: { ...diagnostic, ...parsed.data }, applied: true };
}
