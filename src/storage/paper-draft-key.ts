/**
 * Where the paper copy being typed for a diagnostic is kept (`paper-drafts.ts` reads and writes
 * it), and how it is forgotten. Apart from the draft's schema so that deleting a diagnostic
 * (`diagnostics-store.ts`) forgets it without loading zod's draft schema with the store.
 */
import { preferenceStorageKey } from './preferences';

export const paperDraftKey = (diagnosticId: string) => `paper-draft:${diagnosticId}`;

/** Forgets the draft (the copy was saved or given up, or its diagnostic deleted). */
export function clearPaperDraft(diagnosticId: string): void {
  try {
    globalThis.localStorage?.removeItem(preferenceStorageKey(paperDraftKey(diagnosticId)));
  } catch {
    // nothing kept when storage is unavailable
  }
}
