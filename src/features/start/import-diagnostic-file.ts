import type { TFunction } from 'i18next';
import { MAX_IMPORT_BYTES, parseDiagnosticFile } from '@/domain/files/parse-diagnostic-file';
import { jsonFileErrorMessage } from '@/i18n/file-errors';
import { resolveGrids } from '@/shared/diagnostic/resolve-grids';
import { getDiagnostic, saveDiagnostic } from '@/storage/diagnostics-store';
import { readFileText } from '@/utils/download';
import { newId } from '@/utils/id';

export type ImportOutcome = { ok: true; message: string } | { ok: false; error: string };

/**
 * Reads, validates and saves a diagnostic file; a bad file changes nothing on the device.
 * Loaded when a file is chosen: validation (zod, the grid loader) is not needed before.
 */
export async function importDiagnosticFile(
  file: File,
  existingIds: string[],
  t: TFunction<['start', 'files']>,
  tFiles: TFunction<'files'>,
): Promise<ImportOutcome> {
  const name = file.name;
  const read = await readFileText(file, MAX_IMPORT_BYTES);
  if (!read.ok) {
    return {
      ok: false,
      error: t(`files:${read.reason}`, { name, max: MAX_IMPORT_BYTES / 1024 / 1024 }),
    };
  }
  const parsed = parseDiagnosticFile(read.text);
  if (!parsed.ok) {
    return {
      ok: false,
      error: jsonFileErrorMessage(tFiles, name, parsed.error),
    };
  }
  const { broken } = resolveGrids(parsed.diagnostic);
  if (broken.length > 0) {
    return { ok: false, error: t('files:brokenGrid', { name, grid: broken.join(', ') }) };
  }
  // Never overwrite: an id already listed or stored (even as an unreadable record) gets a copy.
  const stored = await getDiagnostic(parsed.diagnostic.id);
  const clash =
    existingIds.includes(parsed.diagnostic.id) || stored.ok || stored.reason === 'invalid';
  // A copy says so in its title: two diagnostics of one title in the list could not be told apart.
  const diagnostic = clash
    ? {
        ...parsed.diagnostic,
        id: newId(),
        title: t('import.copyTitle', { title: parsed.diagnostic.title }).slice(0, 300),
      }
    : parsed.diagnostic;
  await saveDiagnostic(diagnostic);
  return {
    ok: true,
    message: t(clash ? 'import.doneAsCopy' : 'import.done', { title: diagnostic.title }),
  };
}
