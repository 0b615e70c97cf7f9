import { loadGrid } from '@/domain/grid/load-grid';
import { BUNDLED_GRID_ORDER, loadBundledGrids } from '@/grid-library/bundled-grids';

describe('loadBundledGrids (checked in slices)', () => {
  it('should give the four bundled grids in their order, as loadGrid reads them, with their hash', async () => {
    const grids = await loadBundledGrids();
    expect(grids.map((g) => g.grid.id)).toEqual(BUNDLED_GRID_ORDER);
    for (const loaded of grids) {
      const whole = loadGrid(loaded.source);
      if (!whole.ok) throw new Error(`${loaded.grid.id} does not load`);
      expect(loaded.grid).toEqual(whole.grid);
      expect(loaded.hash).toBe(whole.hash);
      expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
