import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '@/storage/db';
import { addCustomGrid, clearGridMemory } from '@/storage/grids-store';
import * as bundled from '@/grid-library/bundled-grids';
import { newerVersionOf, readNewerGrids } from '@/shared/grids/use-grid-library';

const minimal = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/grids/minimal.json'), 'utf8'),
) as Record<string, unknown>;

const current = (id: string) => ({ id, version: bundled.BUNDLED_GRID_VERSIONS[id]!.version });

describe('readNewerGrids: the grids a diagnostic could move to', () => {
  beforeEach(async () => {
    clearGridMemory();
    await (await openDatabase()).clear('grids');
  });
  afterAll(async () => {
    await closeDatabase();
  });

  it('downloads no bundled grid when the diagnostic has the current editions', async () => {
    const load = vi.spyOn(bundled, 'loadBundledGrid');
    const grids = await readNewerGrids(['risks-opportunities', 'uses', 'skills'].map(current));
    expect(grids).toEqual([]);
    expect(load).not.toHaveBeenCalled();
  });

  it('gives the bundled edition of a grid answered on an older version, and only that one', async () => {
    const load = vi.spyOn(bundled, 'loadBundledGrid');
    const grids = await readNewerGrids([
      { id: 'uses', version: '1.1.0' },
      current('skills'),
      { id: 'custom-only', version: '1.0.0' },
    ]);
    expect(grids.map((g) => `${g.kind}:${g.key}`)).toEqual(['bundled:uses']);
    expect(load.mock.calls).toEqual([['uses']]);
    expect(newerVersionOf(grids, 'uses', '1.1.0')?.loaded.grid.version).toBe(
      bundled.BUNDLED_GRID_VERSIONS.uses?.version,
    );
    expect(newerVersionOf(grids, 'skills', current('skills').version)).toBeNull();
  });

  it('gives the custom grids stored on the device, newer or not, for newerVersionOf to choose', async () => {
    await addCustomGrid(minimal, '2026-12-08T00:00:00.000Z');
    await addCustomGrid({ ...minimal, version: '1.2.0' }, '2026-12-08T00:00:00.000Z');
    const grids = await readNewerGrids([{ id: 'test-minimal', version: '1.0.0' }]);
    expect(grids.map((g) => `${g.kind}:${g.key}`).sort()).toEqual([
      'custom:test-minimal@1.0.0',
      'custom:test-minimal@1.2.0',
    ]);
    expect(newerVersionOf(grids, 'test-minimal', '1.0.0')?.key).toBe('test-minimal@1.2.0');
    expect(newerVersionOf(grids, 'test-minimal', '1.2.0')).toBeNull();
  });
});
