import { MAX_SURVEY_CSV_BYTES } from './csv-source';
import type { TFunction } from 'i18next';
import type { ResponseFileError } from '@/domain/files/response-file';
import type {
  DuplicateRespondent,
  FileWarning,
  GridMismatch,
} from '@/domain/files/response-import-plan';
import { MAX_RESPONSE_FILE_BYTES } from '@/domain/files/response-file';
import { jsonFileErrorMessage } from '@/i18n/file-errors';

type T = TFunction<['workshop']>;

/** The message of a file that could not be read as responses. */
export function fileErrorMessage(
  t: T,
  tFiles: TFunction<'files'>,
  file: string,
  error: ResponseFileError,
): string {
  switch (error.code) {
    case 'tooLarge':
      return t('workshop:fileError.tooLarge', {
        file,
        max: (/\.csv$/i.test(file) ? MAX_SURVEY_CSV_BYTES : MAX_RESPONSE_FILE_BYTES) / 1024 / 1024,
      });
    case 'unreadable':
      return t('workshop:fileError.unreadable', { file });
    default:
      return jsonFileErrorMessage(tFiles, file, error);
  }
}

export function duplicateMessage(t: T, d: DuplicateRespondent): string {
  const base = { file: d.fileName, n: d.respondent + 1, kept: d.keptFrom ?? '' };
  if (d.reason === 'inDiagnostic')
    return d.identical
      ? t('workshop:duplicate.inDiagnostic', base)
      : t('workshop:duplicate.inDiagnosticDifferent', base);
  return d.identical
    ? t('workshop:duplicate.inBatch', base)
    : t('workshop:duplicate.inBatchDifferent', base);
}

export function warningMessage(t: T, file: string, w: FileWarning): string {
  switch (w.code) {
    case 'otherDiagnostic':
      return w.title
        ? t('workshop:warning.otherDiagnostic', { file, title: w.title })
        : t('workshop:warning.otherDiagnosticUnknown', { file });
    case 'ignoredGrids':
      return t('workshop:warning.ignoredGrids', { file, grids: w.gridIds.join(', ') });
    case 'diagnosticFile':
      return t('workshop:warning.diagnosticFile', { file });
  }
}

/** The same remark about several files: said once, with the files it is about. */
export type WarningGroup = { warning: FileWarning; files: string[] };

/** Names shown in a grouped remark before "and N more". */
export const GROUP_FILES_SHOWN = 5;

function warningKey(w: FileWarning): string {
  switch (w.code) {
    case 'otherDiagnostic':
      return JSON.stringify([w.code, w.title]);
    case 'ignoredGrids':
      return JSON.stringify([w.code, ...w.gridIds]);
    case 'diagnosticFile':
      return w.code;
  }
}

/**
 * The files' remarks, identical ones together, in the order they first appear: in a workshop
 * every participant's file comes from their own diagnostic, so one line per file would repeat
 * the same sentence hundreds of times.
 */
export function groupWarnings(
  files: readonly { name: string; warnings: readonly FileWarning[] }[],
): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const file of files)
    for (const warning of file.warnings) {
      const key = warningKey(warning);
      const group = groups.get(key);
      if (group) group.files.push(file.name);
      else groups.set(key, { warning, files: [file.name] });
    }
  return [...groups.values()];
}

/** A group's sentence: the one-file message, or the files counted and the first ones named. */
export function warningGroupMessage(t: T, { warning, files }: WarningGroup): string {
  if (files.length === 1) return warningMessage(t, files[0]!, warning);
  const shown = files
    .slice(0, GROUP_FILES_SHOWN)
    .map((f) => t('workshop:warning.fileName', { file: f }));
  const rest = files.length - shown.length;
  const list =
    rest > 0
      ? `${shown.join(', ')} ${t('workshop:warning.moreFiles', { count: rest })}`
      : shown.join(', ');
  const base = { count: files.length, files: list };
  switch (warning.code) {
    case 'otherDiagnostic':
      return warning.title
        ? t('workshop:warning.group.otherDiagnostic', { ...base, title: warning.title })
        : t('workshop:warning.group.otherDiagnosticUnknown', base);
    case 'ignoredGrids':
      return t('workshop:warning.group.ignoredGrids', {
        ...base,
        grids: warning.gridIds.join(', '),
      });
    case 'diagnosticFile':
      return t('workshop:warning.group.diagnosticFile', base);
  }
}

export function mismatchMessage(t: T, m: GridMismatch): string {
  const params = {
    file: m.fileName,
    grid: m.gridId,
    fileVersion: m.fileVersion,
    diagnosticVersion: m.diagnosticVersion,
  };
  return m.fileVersion === m.diagnosticVersion
    ? t('workshop:preview.mismatchSameVersion', params)
    : t('workshop:preview.mismatch', params);
}
