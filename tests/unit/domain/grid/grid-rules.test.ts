import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isBundledGridFile } from '@/grid-library/grid-files';
import { parseValidGrid } from '@/domain/grid/grid-rules';
import { loadGrid } from '@/domain/grid/load-grid';
import { mutatedJson } from '../../../fixtures/fuzz';

const ROOT = join(__dirname, '../../../..');
const FIXTURES = join(ROOT, 'tests/fixtures');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter(isBundledGridFile)
    .map((file) => join(dir, file));
}

const FILES = [
  ...jsonFiles(join(ROOT, 'questionnaires')),
  ...jsonFiles(join(FIXTURES, 'grids')),
  ...jsonFiles(join(FIXTURES, 'custom-grids')),
  ...jsonFiles(join(FIXTURES, 'invalid-grids')),
];

/** parseValidGrid must accept exactly what loadGrid accepts, with the same parsed grid. */
function expectSameVerdict(input: unknown): void {
  const loaded = loadGrid(input);
  const grid = parseValidGrid(input);
  if (loaded.ok) expect(grid).toEqual(loaded.grid);
  else expect(grid).toBeNull();
}

describe('parseValidGrid', () => {
  it('reads the test files: valid and invalid grids are both there', () => {
    const verdicts = FILES.map((file) => loadGrid(JSON.parse(readFileSync(file, 'utf8'))).ok);
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });

  it.each(FILES.map((file) => [file.slice(ROOT.length + 1)]))(
    'agrees with loadGrid on %s',
    (file) => {
      expectSameVerdict(JSON.parse(readFileSync(join(ROOT, file), 'utf8')));
    },
  );

  it('rejects a grid that breaks a rule the shape cannot check (duplicate id)', () => {
    const grid = JSON.parse(readFileSync(join(ROOT, 'questionnaires/uses.json'), 'utf8')) as {
      dimensions: { id: string }[];
    };
    const first = grid.dimensions[0];
    const second = grid.dimensions[1];
    if (!first || !second) throw new Error('the uses grid has two dimensions');
    second.id = first.id;
    expect(loadGrid(grid).ok).toBe(false);
    expect(parseValidGrid(grid)).toBeNull();
  });

  it('agrees with loadGrid on random mutations of a bundled grid', () => {
    const valid: unknown = JSON.parse(
      readFileSync(join(ROOT, 'questionnaires/skills.json'), 'utf8'),
    );
    fc.assert(
      fc.property(mutatedJson(valid), (text) => {
        expectSameVerdict(JSON.parse(text));
      }),
      { numRuns: 150 },
    );
  });
});
