/**
 * Reads a diagnostic file (an export or a backup of one diagnostic) with the one JSON reader
 * (`read-json-file.ts`). Never throws: returns the diagnostic or the reader's error, whose
 * message the app translates (`src/i18n/file-errors.ts`).
 */
import { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { checkContent, readJsonFile, type JsonFileError } from './read-json-file';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ParseDiagnosticResult =
  { ok: true; diagnostic: Diagnostic } | { ok: false; error: JsonFileError };

/** Parses the text of a diagnostic file. */
export function parseDiagnosticFile(text: string): ParseDiagnosticResult {
  const read = readJsonFile(text, ['diagnostic']);
  if (!read.ok) return read;
  const parsed = checkContent(Diagnostic, read.value, 'diagnostic');
  return parsed.ok ? { ok: true, diagnostic: parsed.data } : parsed;
}
