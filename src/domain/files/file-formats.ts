/**
 * The kinds of JSON file the app reads, and how a file says which one it is. No zod here: the
 * reader (`read-json-file.ts`) identifies a file before any schema runs.
 *
 * A response file, a diagnostic file and a backup carry `format` and `formatVersion`; a grid
 * carries `schemaVersion` instead (checked by `loadGrid`, docs/writing-a-grid.md).
 */
import { DIAGNOSTIC_FORMAT, DIAGNOSTIC_FORMAT_VERSION } from '@/domain/diagnostic/diagnostic';
import { RESPONSE_FILE_FORMAT, RESPONSE_FILE_FORMAT_VERSION } from './response-file-format';

export const BACKUP_FORMAT = 'qvt-numerique/backup';
export const BACKUP_FORMAT_VERSION = 1;

export const JSON_FILE_KINDS = ['grid', 'responses', 'diagnostic', 'backup'] as const;
export type JsonFileKind = (typeof JSON_FILE_KINDS)[number];

/** The `format` and `formatVersion` of each kind that has them. */
export const FILE_FORMATS: Readonly<
  Record<Exclude<JsonFileKind, 'grid'>, { format: string; version: number }>
> = {
  responses: { format: RESPONSE_FILE_FORMAT, version: RESPONSE_FILE_FORMAT_VERSION },
  diagnostic: { format: DIAGNOSTIC_FORMAT, version: DIAGNOSTIC_FORMAT_VERSION },
  backup: { format: BACKUP_FORMAT, version: BACKUP_FORMAT_VERSION },
};
