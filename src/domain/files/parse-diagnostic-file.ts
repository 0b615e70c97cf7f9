/**
 * Reads a diagnostic file (an export or a backup of one diagnostic). Never throws: returns the
 * diagnostic or a coded error with the detail needed for a translated message.
 */
import '@/domain/zod-messages';
import { Diagnostic } from '@/domain/diagnostic/diagnostic';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ParseDiagnosticResult =
  | { ok: true; diagnostic: Diagnostic }
  | { ok: false; code: 'invalidJson' }
  | { ok: false; code: 'notDiagnostic'; detail: string };

/** Parses the text of a diagnostic file; `detail` names the first wrong field (`path: message`). */
export function parseDiagnosticFile(text: string): ParseDiagnosticResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, code: 'invalidJson' };
  }
  const parsed = Diagnostic.safeParse(data);
  if (parsed.success) return { ok: true, diagnostic: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  return {
    ok: false,
    code: 'notDiagnostic',
    detail: path ? `${path}: ${issue?.message ?? ''}` : (issue?.message ?? ''),
  };
}
