import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { downloadFile } from '@/utils/download';

/** The file name a grid is downloaded as, e.g. `uses-1.0.0.json`. */
export function gridFileName(loaded: LoadedGrid): string {
  return `${loaded.grid.id}-${loaded.grid.version}.json`;
}

/** Saves a grid as JSON, as it was written (its source) when known: a starting point for a new one. */
export function downloadGrid(loaded: LoadedGrid): void {
  const content = `${JSON.stringify(loaded.source ?? loaded.grid, null, 2)}\n`;
  downloadFile(gridFileName(loaded), content, 'application/json');
}
