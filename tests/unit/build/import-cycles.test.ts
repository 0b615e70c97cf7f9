/** No import cycle in src/ (scripts/import-graph.ts; `npm run check:cycles` lists them). */
import { fileURLToPath } from 'node:url';
import { findCycles, importGraph, valueImports } from '../../../scripts/import-graph';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('import cycles', () => {
  it('reads value imports and re-exports, not type-only or dynamic ones', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, f } from './e';",
      "import './styles.css';",
      'import {',
      '  g,',
      '  h,',
      "} from '@/g';",
      "export { i } from './i';",
      "export * from './j';",
      "export type { K } from './k';",
      "const lazy = () => import('./lazy');",
      'export const text = \'import x from "./not"\';',
    ].join('\n');
    expect(valueImports(text).sort()).toEqual(
      ['./a', './e', './i', './j', './styles.css', '@/g'].sort(),
    );
  });

  it('finds a cycle of three modules and a module importing itself, and nothing in a chain', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
      ['f', ['d']],
    ]);
    expect(findCycles(graph)).toEqual(expect.arrayContaining([['a', 'b', 'c'], ['e']]));
    expect(findCycles(graph)).toHaveLength(2);
    expect(
      findCycles(
        new Map([
          ['x', ['y']],
          ['y', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('src/ has no import cycle', () => {
    const graph = importGraph(ROOT);
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('src/features/workshop/workshop-page.tsx')).toContain(
      'src/shared/charts/radar-chart.tsx',
    );
    expect(findCycles(graph)).toEqual([]);
  });
});
