/** One fixture grid, loaded, and an empty workshop diagnostic using it (workshop component tests). */
import { createDiagnostic } from '@/domain/diagnostic/operations';
import { loadGrid } from '@/domain/grid/load-grid';
import { makeGrid } from '../../fixtures/make-grid';

const loaded = loadGrid(makeGrid());
if (!loaded.ok) throw new Error('fixture grid invalid');
export const GRID = { grid: loaded.grid, hash: loaded.hash };
export const DIAGNOSTIC = createDiagnostic(
  {
    title: 'Atelier',
    purpose: 'workshop',
    project: { name: 'Outil', kind: 'ai', phase: 'in-use' },
    grids: [GRID],
  },
  { id: 'd1', now: '2025-03-01T10:00:00.000Z' },
);
