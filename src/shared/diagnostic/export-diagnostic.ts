import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { downloadFile, slugify } from '@/utils/download';

/** Downloads a diagnostic as a JSON file (the same format the import reads back). */
export function exportDiagnostic(diagnostic: Diagnostic): void {
  const date = diagnostic.updatedAt.slice(0, 10);
  downloadFile(
    `${slugify(diagnostic.title)}-${date}.json`,
    JSON.stringify(diagnostic, null, 2),
    'application/json',
  );
}
