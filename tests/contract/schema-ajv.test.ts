import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { loadGrid } from '@/domain/grid/load-grid';
import { isBundledGridFile } from '@/grid-library/grid-files';

const ROOT = join(__dirname, '../..');
const SCHEMA = JSON.parse(
  readFileSync(join(ROOT, 'questionnaires/grid.schema.json'), 'utf8'),
) as object;

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function makeValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('uri', {
    type: 'string',
    validate: (value: string) => {
      try {
        new URL(value);
        return true;
      } catch {
        return false;
      }
    },
  });
  return ajv.compile(SCHEMA);
}

const validate = makeValidator();

const BUNDLED = readdirSync(join(ROOT, 'questionnaires')).filter(isBundledGridFile).sort();

const INVALID_DIR = join(ROOT, 'tests/fixtures/invalid-grids');
const INVALID = readdirSync(INVALID_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

describe('grid JSON Schema with ajv (draft 2020-12)', () => {
  it('accepts tests/fixtures/grids/minimal.json', () => {
    const valid = validate(readJson(join(ROOT, 'tests/fixtures/grids/minimal.json')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(BUNDLED.map((name) => [name]))('accepts questionnaires/%s, as loadGrid does', (name) => {
    const grid = readJson(join(ROOT, 'questionnaires', name));
    const valid = validate(grid);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const result = loadGrid(grid);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  // Shape errors the JSON Schema catches as well (cross-references are loadGrid's job).
  it.each([
    ['missing-id.json'],
    ['wrong-type-title-string.json'],
    ['wrong-type-root-array.json'],
    ['unknown-key-item.json'],
    ['unknown-key-condition.json'],
    ['proto-key-root.json'],
    ['empty-dimensions.json'],
    ['empty-text-blank.json'],
    ['invalid-family.json'],
    ['invalid-id-uppercase.json'],
    ['invalid-language-key.json'],
    ['invalid-color.json'],
    ['invalid-url.json'],
    ['invalid-semver.json'],
    ['min-coverage-out-of-range.json'],
    ['unsupported-schema-version.json'],
    ['unknown-condition-type.json'],
    ['dont-know-rate-out-of-range.json'],
  ])('rejects %s', (name) => {
    expect(validate(readJson(join(INVALID_DIR, name)))).toBe(false);
  });

  it('is never stricter than loadGrid: what ajv rejects, loadGrid rejects', () => {
    for (const name of INVALID) {
      const input = readJson(join(INVALID_DIR, name));
      if (!validate(input)) expect(loadGrid(input).ok, name).toBe(false);
    }
  });

  it('leaves cross-references to loadGrid', () => {
    const input = readJson(join(INVALID_DIR, 'unknown-scale.json'));
    expect(validate(input)).toBe(true);
    expect(loadGrid(input).ok).toBe(false);
  });
});
