import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs `npm run validate:grids` on files, as an author would; returns its output and exit code. */
function validate(...args: string[]): { out: string; code: number | null } {
  const run = spawnSync(
    process.execPath,
    ['node_modules/vite-node/dist/cli.mjs', 'scripts/validate-grids.ts', ...args],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  return { out: `${run.stdout}${run.stderr}`, code: run.status };
}

describe('npm run validate:grids', () => {
  it('prints a schema error and a reference error of one grid together, each with its place', () => {
    const file = 'tests/fixtures/custom-grids/invalid-schema-and-reference.json';
    const { out, code } = validate(file, '--lang', 'en');
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^tests\/fixtures\/custom-grids\/invalid-schema-and-reference\.json: dimensions\[0\]\.items\[1\]: the field “revers” is not part of the grid format/,
      ),
      `${file}: recommendations[0].condition.dimension: the dimension “t-charges” does not exist in the grid`,
    ]);
  }, 60_000);

  it('says OK for a valid grid and exits 0', () => {
    const { out, code } = validate('tests/fixtures/grids/minimal.json', '--lang', 'fr');
    expect(out).toMatch(/minimal\.json: OK \(/);
    expect(code).toBe(0);
  }, 60_000);
});
