/**
 * The bundled grids' ids and versions as a module of a few bytes, `virtual:bundled-grid-versions`,
 * read from `questionnaires/*.json` when the app is built. The results page asks it whether a
 * diagnostic's grid has a newer edition; a grid itself (some 25 KB gzip, and its check) is
 * downloaded only to move to it, not on every visit (src/shared/grids/use-grid-library.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const GRID_VERSIONS_MODULE = 'virtual:bundled-grid-versions';
const RESOLVED = `\0${GRID_VERSIONS_MODULE}`;

export type BundledGridVersions = Record<string, { version: string; path: string }>;

/**
 * Which files of `questionnaires/` are grids: the same selection as the glob of
 * src/grid-library/bundled-grids.ts (tests/unit/grid-library/bundled-grid-versions.test.ts
 * compares them).
 */
export function isGridFile(name: string): boolean {
  return (
    name.endsWith('.json') &&
    !name.includes('schema') &&
    name !== 'legal-references.json' &&
    name !== 'kits.json'
  );
}

/** Each grid's id → its version and its path from the project root, as the glob names it. */
export function readGridVersions(root: string): BundledGridVersions {
  const dir = join(root, 'questionnaires');
  const versions: BundledGridVersions = {};
  for (const name of readdirSync(dir).filter(isGridFile).sort()) {
    const data: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const { id, version } = (data ?? {}) as { id?: unknown; version?: unknown };
    if (typeof id !== 'string' || typeof version !== 'string')
      throw new Error(`bundled-grid-versions: questionnaires/${name} has no id or no version`);
    if (Object.hasOwn(versions, id))
      throw new Error(`bundled-grid-versions: two bundled grids have the id "${id}"`);
    versions[id] = { version, path: `/questionnaires/${name}` };
  }
  return versions;
}

/** The plugin: serves the module in development, in tests and in the build. */
export function bundledGridVersions(): Plugin {
  let root = process.cwd();
  return {
    name: 'qvt:bundled-grid-versions',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === GRID_VERSIONS_MODULE ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const versions = readGridVersions(root);
      for (const { path } of Object.values(versions)) this.addWatchFile(join(root, path));
      return `export default ${JSON.stringify(versions)};\n`;
    },
  };
}
