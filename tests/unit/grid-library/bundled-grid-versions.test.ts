import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import bundledGridVersions from 'virtual:bundled-grid-versions';
import {
  BUNDLED_GRID_VERSIONS,
  loadBundledGrid,
  loadBundledGrids,
} from '@/grid-library/bundled-grids';
import { readGridVersions } from '../../../scripts/vite/grid-versions';

/** The same selection as src/grid-library/bundled-grids.ts, which loads the grids. */
const globbed = Object.keys(
  import.meta.glob([
    '/questionnaires/*.json',
    '!/questionnaires/*schema*',
    '!/questionnaires/legal-references.json',
    '!/questionnaires/kits.json',
  ]),
).sort();

describe('bundled grid versions (known without downloading the grids)', () => {
  it('names every bundled grid file, with the id and version the grid itself has', async () => {
    expect(
      Object.values(BUNDLED_GRID_VERSIONS)
        .map((v) => v.path)
        .sort(),
    ).toEqual(globbed);
    expect(BUNDLED_GRID_VERSIONS).toEqual(bundledGridVersions);
    const grids = await loadBundledGrids();
    expect(grids).toHaveLength(globbed.length);
    for (const { grid } of grids)
      expect(BUNDLED_GRID_VERSIONS[grid.id]?.version).toBe(grid.version);
  });

  it('is what the build reads from questionnaires/', () => {
    expect(readGridVersions(resolve(__dirname, '../../..'))).toEqual(bundledGridVersions);
  });

  it('loads one bundled grid by its id, and nothing for an id the app does not bundle', async () => {
    const uses = await loadBundledGrid('uses');
    expect(uses?.grid.id).toBe('uses');
    expect(uses?.grid.version).toBe(BUNDLED_GRID_VERSIONS.uses?.version);
    expect(await loadBundledGrid('not-bundled')).toBeNull();
    expect(await loadBundledGrid('toString')).toBeNull();
  });

  it('fails the build on a grid file without id or version, or two files with one id', () => {
    const root = mkdtempSync(join(tmpdir(), 'grid-versions-'));
    mkdirSync(join(root, 'questionnaires'));
    const write = (name: string, data: unknown) =>
      writeFileSync(join(root, 'questionnaires', name), JSON.stringify(data));
    write('a.json', { id: 'a', version: '1.0.0' });
    write('kits.json', { not: 'a grid' });
    write('grid.schema.json', { not: 'a grid' });
    expect(readGridVersions(root)).toEqual({
      a: { version: '1.0.0', path: '/questionnaires/a.json' },
    });
    write('b.json', { id: 'a', version: '2.0.0' });
    expect(() => readGridVersions(root)).toThrow('two bundled grids have the id "a"');
    write('b.json', { id: 'b' });
    expect(() => readGridVersions(root)).toThrow('questionnaires/b.json has no id or no version');
  });
});
