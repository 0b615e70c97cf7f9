import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRID_SCHEMA_FILES, renderGridJsonSchema } from '../../scripts/gen-schema';

const ROOT = join(__dirname, '../..');

describe('published grid JSON Schema', () => {
  const fresh = renderGridJsonSchema();

  it.each(GRID_SCHEMA_FILES.map((file) => [file]))(
    '%s equals a fresh generation from the zod schema',
    (file) => {
      let committed = '';
      try {
        committed = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        // Missing file: the comparison below fails with the same hint.
      }
      expect(committed, `${file} is stale: run \`npm run gen:schema\``).toBe(fresh);
    },
  );

  it('describes the grid format', () => {
    const schema = JSON.parse(fresh) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:qvt-numerique:grid-schema:1');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as object)).toContain('$schema');
    expect(schema.required).toEqual([
      'schemaVersion',
      'id',
      'version',
      'languages',
      'family',
      'title',
      'description',
      'scales',
      'dimensions',
    ]);
  });
});
