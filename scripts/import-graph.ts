/**
 * Import cycles in src/: the modules that import each other, directly or through others.
 * A cycle makes evaluation order matter (a module may read another's export before it is set)
 * and ties modules that should be read apart, so there must be none (the test
 * `tests/unit/build/import-cycles.test.ts` holds it; `npm run check:cycles`
 * prints them).
 *
 * Counted: static imports and re-exports that bring values (`import { a } from`, `import './x'`,
 * `export { a } from`, `export * from`). Not counted: type-only imports (erased at build time)
 * and dynamic `import()` (loaded later, once both modules are evaluated).
 */
import fs from 'node:fs';
import path from 'node:path';

export type ImportGraph = Map<string, string[]>;

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The value imports of one module's text, as written (specifiers). */
export function valueImports(text: string): string[] {
  const specs: string[] = [];
  // `import x, { y } from '…'`, `import * as x from '…'`, `import '…'` (not `import('…')`).
  const imports = /^\s*import\s+(type\s+)?(?:([^;'"]*?)\s*from\s*)?(['"])([^'"\n]+)\3/gm;
  // `export { a } from '…'`, `export * from '…'`, `export * as x from '…'`.
  const reexports =
    /^\s*export\s+(type\s+)?(\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*(['"])([^'"\n]+)\3/gm;
  for (const match of [...text.matchAll(imports), ...text.matchAll(reexports)]) {
    const [, typeOnly, clause = '', , spec = ''] = match;
    if (typeOnly || onlyTypes(clause)) continue;
    specs.push(spec);
  }
  return specs;
}

/** `{ type A, type B }`: a clause that brings no value. */
function onlyTypes(clause: string): boolean {
  const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
  if (names === undefined) return false;
  const parts = names
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((part) => part.startsWith('type '));
}

function resolve(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, 'src', spec.slice(2));
  else if (spec.startsWith('.'))
    base = path.resolve(path.dirname(from), spec.split('?')[0] ?? spec);
  else return null;
  if (/\.(tsx?)$/.test(base) && fs.existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module of `<root>/src` and the modules it imports values from (paths from root). */
export function importGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const targets = valueImports(fs.readFileSync(file, 'utf8'))
      .map((spec) => resolve(root, file, spec))
      .filter((target): target is string => target !== null)
      .map((target) => path.relative(root, target));
    graph.set(path.relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

/**
 * The cycles of a graph: each strongly connected component of more than one module, or a
 * module importing itself (Tarjan's algorithm, iterative so deep graphs do not overflow).
 */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
