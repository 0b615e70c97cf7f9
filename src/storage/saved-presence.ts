/**
 * Whether the device holds any diagnostic record, without reading or validating them: lets the
 * start page skip loading storage and validation code (zod, the grid loader) on a first visit.
 */
import { openDatabase } from './db';

/**
 * True when the diagnostics store has at least one record (valid or not), and also when the
 * store cannot be read: the full list then explains the failure. Never throws.
 *
 * Copies kept only in memory after a failed save are not counted: they exist only when
 * writing fails while reading works, on a device that already holds records (count > 0).
 */
export async function hasSavedDiagnostics(): Promise<boolean> {
  try {
    const db = await openDatabase();
    return (await db.count('diagnostics')) > 0;
  } catch {
    return true;
  }
}
