import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { isBundledGridFile } from '@/grid-library/grid-files';
import { parseValidGrid, parseValidGridSteps } from '@/domain/grid/grid-rules';
import { mutatedJson } from '../../../fixtures/fuzz';

function runToEnd<T>(steps: Generator<void, T, void>): { value: T; steps: number } {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: count };
    count += 1;
  }
}

const ROOT = resolve(__dirname, '../../../..');
function jsonFiles(dir: string): [string, unknown][] {
  return readdirSync(join(ROOT, dir))
    .filter(isBundledGridFile)
    .map((f) => [`${dir}/${f}`, JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8')) as unknown]);
}

const BUNDLED = jsonFiles('questionnaires');
const FIXTURES = [
  ...BUNDLED,
  ...jsonFiles('tests/fixtures/invalid-grids'),
  ...jsonFiles('tests/fixtures/custom-grids'),
];

describe('parseValidGridSteps: parseValidGrid in steps', () => {
  it.each(FIXTURES)('gives the same answer as parseValidGrid for %s', (_name, input) => {
    expect(runToEnd(parseValidGridSteps(input)).value).toEqual(parseValidGrid(input));
  });

  it('accepts the bundled grids and refuses the invalid fixtures', () => {
    for (const [name, input] of BUNDLED) expect(parseValidGrid(input), name).not.toBeNull();
    for (const [name, input] of jsonFiles('tests/fixtures/invalid-grids'))
      expect(runToEnd(parseValidGridSteps(input)).value, name).toBeNull();
  });

  it('yields once per dimension, item and recommendation, and once before the rules', () => {
    const [, grid] = BUNDLED[0]!;
    const { dimensions, recommendations } = grid as {
      dimensions: { items: unknown[] }[];
      recommendations: unknown[];
    };
    const items = dimensions.reduce((n, d) => n + d.items.length, 0);
    expect(items).toBeGreaterThan(dimensions.length);
    expect(runToEnd(parseValidGridSteps(grid)).steps).toBe(
      dimensions.length + items + recommendations.length + 1,
    );
  });

  it('stops at the first step for anything that is not a grid', () => {
    for (const input of [null, 'grid', [], {}, { dimensions: [] }])
      expect(runToEnd(parseValidGridSteps(input))).toEqual({ value: null, steps: 0 });
  });

  it('agrees with parseValidGrid on random mutations of a bundled grid', () => {
    const [, grid] = BUNDLED[1]!;
    fc.assert(
      fc.property(mutatedJson(grid), (text) => {
        const input = JSON.parse(text) as unknown;
        expect(runToEnd(parseValidGridSteps(input)).value).toEqual(parseValidGrid(input));
      }),
      { numRuns: 300 },
    );
    // 300 parses of a whole grid take about 3 s alone and 5–7 s on a busy machine (CI shares it).
  }, 30_000);
});
