/**
 * The paper copy being typed on the entry screen (`#/workshop/<id>/paper`), kept so that a reload
 * or a closed tab loses no typed answer: one draft per diagnostic, in localStorage, written at
 * each key and removed once the copy is saved or given up. Never throws: when storage is blocked
 * the draft is simply not kept; a draft that does not read back (damaged, older shape) is
 * ignored. Like every preference, « delete all my data » removes it (`clearPreferences`).
 */
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import { AnswerValue, Role } from '@/domain/answers/answers';
import { clearPaperDraft, paperDraftKey } from './paper-draft-key';
import { readPreference, writePreference } from './preferences';

export { clearPaperDraft };

const PaperDraft = z.strictObject({
  version: z.literal(1),
  /** The copy's code (checked when the entry started), its role and whether it replaces one. */
  code: z.string().check(z.minLength(1), z.maxLength(40)),
  role: Role,
  replace: z.boolean(),
  phase: z.enum(['typing', 'summary']),
  /** The question being typed, as its key (`<grid id>.<item id>`). */
  at: z.string(),
  /**
   * The answers typed, in the order of the copy: each question's key and its answer (`null`
   * for a box typed as left blank). Questions not reached yet are absent.
   */
  typed: z.array(z.strictObject({ key: z.string(), value: z.nullable(AnswerValue) })),
});
export type PaperDraft = z.infer<typeof PaperDraft>;

/** The draft of a diagnostic's paper copy in progress, or null (none, unreadable, blocked). */
export function readPaperDraft(diagnosticId: string): PaperDraft | null {
  const text = readPreference(paperDraftKey(diagnosticId));
  if (text === null) return null;
  try {
    const parsed = PaperDraft.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; false when storage refused it (blocked, full). */
export function writePaperDraft(diagnosticId: string, draft: PaperDraft): boolean {
  return writePreference(paperDraftKey(diagnosticId), JSON.stringify(draft));
}
