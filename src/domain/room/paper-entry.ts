/**
 * Adding a paper copy typed back to the workshop (docs/architecture.md, « The room »). The
 * respondent's id is made of the copy's code (`paperRespondentId`), so the same copy is one
 * respondent: typed a second time, it is refused, unless the user asks to replace the first entry
 * (a typing error found later), which keeps one respondent.
 */
import type { Answers, Role } from '@/domain/answers/answers';
import type { Diagnostic, Respondent } from '@/domain/diagnostic/diagnostic';
import { paperRespondentId } from './paper-code';

export type AddPaperResult =
  { ok: true; diagnostic: Diagnostic; replaced: boolean } | { ok: false; problem: 'duplicate' };

/** Whether the copy of `code` has already been typed in this diagnostic. */
export function paperCopyEntered(diagnostic: Diagnostic, code: string): boolean {
  const id = paperRespondentId(code);
  return diagnostic.respondents.some((r) => r.id === id);
}

/**
 * The diagnostic with the copy's respondent added (or, with `replace`, put in place of the
 * earlier entry of the same copy). The device's current respondent is left as it was: a paper
 * copy is nobody answering on this device.
 */
export function addPaperRespondent(
  diagnostic: Diagnostic,
  copy: { code: string; role: Role; answers: Record<string, Answers> },
  now: string,
  options: { replace?: boolean } = {},
): AddPaperResult {
  const id = paperRespondentId(copy.code);
  const existing = diagnostic.respondents.findIndex((r) => r.id === id);
  if (existing >= 0 && !options.replace) return { ok: false, problem: 'duplicate' };
  const gridIds = new Set(diagnostic.grids.map((g) => g.id));
  const answers = Object.fromEntries(
    Object.entries(copy.answers)
      .filter(([gridId]) => gridIds.has(gridId))
      .map(([gridId, a]) => [gridId, { ...a }]),
  );
  const respondent: Respondent = {
    id,
    role: copy.role,
    answers,
    comments: {},
    createdAt: existing >= 0 ? (diagnostic.respondents[existing]?.createdAt ?? now) : now,
    updatedAt: now,
  };
  const respondents =
    existing >= 0
      ? diagnostic.respondents.map((r, i) => (i === existing ? respondent : r))
      : [...diagnostic.respondents, respondent];
  return {
    ok: true,
    diagnostic: { ...diagnostic, respondents, updatedAt: now },
    replaced: existing >= 0,
  };
}
