import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { GRID_ERROR_CODES, GRID_ERROR_PARAMS, type GridError } from '@/domain/grid/grid-errors';
import {
  checkGridReferences,
  checkGridTranslations,
  findJsonSyntaxErrorOffset,
  listGridTexts,
  loadGrid,
  loadGridText,
  MAX_GRID_BYTES,
  MAX_GRID_ERRORS,
} from '@/domain/grid/load-grid';
import { formatGridPath, parseGridPath } from '@/domain/grid/locate';

const FIXTURES = join(__dirname, '../../../fixtures');
const INVALID_DIR = join(FIXTURES, 'invalid-grids');
const MINIMAL_TEXT = readFileSync(join(FIXTURES, 'grids/minimal.json'), 'utf8');

function minimal(): Record<string, unknown> {
  return JSON.parse(MINIMAL_TEXT) as Record<string, unknown>;
}

function errorsOf(result: ReturnType<typeof loadGrid>): GridError[] {
  if (result.ok) throw new Error('expected the grid to be rejected');
  return result.errors;
}

/** Each error honours the contract: a known code, params exactly as declared, a parseable path. */
function expectWellFormed(errors: readonly GridError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(GRID_ERROR_CODES).toContain(error.code);
    expect(Object.keys(error.params).sort()).toEqual([...GRID_ERROR_PARAMS[error.code]].sort());
    expect(formatGridPath(parseGridPath(error.path))).toBe(error.path);
  }
}

const AGREE_ITEM_KEYS =
  'id, text, help, poles, scale, kind, reverse, weight, specification, sources, appliesWhen, expected, observed, roleWording';

// [fixture, code, path, params] — each fixture breaks ONE thing of minimal.json.
const INVALID_FIXTURES: [string, string, string, Record<string, string | number>][] = [
  ['missing-id', 'required', 'id', { key: 'id' }],
  ['missing-schema-version', 'required', 'schemaVersion', { key: 'schemaVersion' }],
  ['missing-item-scale', 'required', 'dimensions[0].items[1].scale', { key: 'scale' }],
  ['missing-pole-high', 'required', 'dimensions[0].items[2].poles.high', { key: 'high' }],
  ['wrong-type-title-string', 'wrong_type', 'title', { expected: 'text', received: 'string' }],
  [
    'wrong-type-dimensions-object',
    'wrong_type',
    'dimensions',
    { expected: 'array', received: 'object' },
  ],
  [
    'wrong-type-reverse-string',
    'wrong_type',
    'dimensions[0].items[1].reverse',
    { expected: 'boolean', received: 'string' },
  ],
  [
    'wrong-type-help-null',
    'wrong_type',
    'dimensions[0].items[1].help',
    { expected: 'text', received: 'null' },
  ],
  ['wrong-type-root-array', 'wrong_type', '', { expected: 'object', received: 'array' }],
  [
    'unknown-key-item',
    'unknown_key',
    'dimensions[0].items[0]',
    { key: 'revers', allowed: AGREE_ITEM_KEYS },
  ],
  [
    'unknown-key-root',
    'unknown_key',
    '',
    {
      key: 'auteur',
      allowed:
        '$schema, schemaVersion, id, version, languages, family, title, description, minCoverage, scales, levels, dimensions, recommendations, sources',
    },
  ],
  [
    'unknown-key-condition',
    'unknown_key',
    'recommendations[0].condition',
    { key: 'seuil', allowed: 'type, dimension, op, value, role' },
  ],
  ['empty-dimensions', 'too_short', 'dimensions', { min: 1 }],
  ['scale-single-point', 'too_short', 'scales[1].points', { min: 2 }],
  ['empty-actions', 'too_short', 'recommendations[0].actions', { min: 1 }],
  ['empty-text-blank', 'empty_text', 'dimensions[1].label.fr', {}],
  ['empty-text-object', 'empty_text', 'description', {}],
  [
    'invalid-family',
    'invalid_value',
    'family',
    { value: 'autre', expected: 'risks-opportunities, uses, skills, social-dialogue, custom' },
  ],
  [
    'invalid-priority',
    'invalid_value',
    'recommendations[1].priority',
    { value: 'urgent', expected: 'high, medium, low' },
  ],
  [
    'invalid-audience',
    'invalid_value',
    'recommendations[0].audiences[1]',
    { value: 'direction', expected: 'company, union, consultant' },
  ],
  ['invalid-id-uppercase', 'invalid_id', 'dimensions[1].items[0].id', { value: 'T-Charge-1' }],
  ['invalid-id-accent', 'invalid_id', 'id', { value: 'grille-qualité' }],
  ['id-too-long', 'too_long', 'recommendations[1].id', { length: 81, max: 80 }],
  ['invalid-language-key', 'invalid_language', 'title.EN', { value: 'EN' }],
  ['invalid-language-default', 'invalid_language', 'languages.default', { value: 'french' }],
  ['invalid-color', 'invalid_color', 'levels[1].color', { value: 'blue' }],
  ['invalid-url', 'invalid_url', 'sources[1].url', { value: 'www.legifrance.gouv.fr' }],
  ['invalid-semver', 'invalid_semver', 'version', { value: '1.0' }],
  ['min-coverage-out-of-range', 'number_range', 'minCoverage', { value: 1.5, min: 0, max: 1 }],
  ['weight-negative', 'number_too_small', 'dimensions[0].items[2].weight', { value: -1, min: 0 }],
  [
    'condition-threshold-out-of-range',
    'number_range',
    'recommendations[0].condition.value',
    { value: 120, min: 0, max: 100 },
  ],
  [
    'dont-know-rate-out-of-range',
    'number_range',
    'recommendations[0].condition.above',
    { value: 30, min: 0, max: 1 },
  ],
  [
    'checklist-max-score-out-of-range',
    'number_range',
    'recommendations[1].checklist.maxScore',
    { value: 150, min: 0, max: 100 },
  ],
  [
    'unsupported-schema-version',
    'unsupported_schema_version',
    'schemaVersion',
    { value: '3', expected: 2 },
  ],
  [
    'unknown-condition-type',
    'unknown_condition_type',
    'recommendations[0].condition.type',
    { value: 'score', expected: 'dimension, item, dontKnowRate, spread, roleGap, all, any, not' },
  ],
  ['condition-missing-type', 'required', 'recommendations[0].condition.type', { key: 'type' }],
  ['duplicate-item-id', 'duplicate_id', 'dimensions[1].items[0].id', { id: 't-autonomie-1' }],
  ['duplicate-id-level-dimension', 'duplicate_id', 'dimensions[1].id', { id: 't-charge' }],
  ['unknown-scale', 'unknown_scale', 'dimensions[0].items[0].scale', { id: 'agree5' }],
  ['unknown-source-item', 'unknown_source', 'dimensions[0].items[0].sources[0]', { id: 's1' }],
  [
    'unknown-source-recommendation',
    'unknown_source',
    'recommendations[1].sources[1]',
    { id: 's9' },
  ],
  [
    'unknown-dimension',
    'unknown_dimension',
    'recommendations[0].condition.dimension',
    { id: 't-charges' },
  ],
  [
    'unknown-item-nested',
    'unknown_item',
    'recommendations[1].condition.conditions[1].condition.item',
    { id: 't-autonomie-9' },
  ],
  [
    'missing-default-language',
    'missing_default_language',
    'dimensions[0].items[2].text',
    { lang: 'fr' },
  ],
  [
    'default-language-not-available',
    'default_language_not_available',
    'languages.default',
    { lang: 'fr' },
  ],
  ['levels-not-from-zero', 'levels_not_from_zero', 'levels[0].min', { min: 10 }],
  ['levels-not-ascending', 'levels_not_ascending', 'levels[2].min', { min: 50, previous: 50 }],
  [
    'scale-values-not-ascending',
    'scale_values_not_ascending',
    'scales[0].points[2].value',
    { value: 2, previous: 2 },
  ],
  [
    'condition-value-out-of-scale',
    'condition_value_out_of_scale',
    'recommendations[1].condition.conditions[1].condition.value',
    { value: 5, scale: 'agree4', min: 1, max: 4 },
  ],
  ['proto-key-root', 'forbidden_key', '__proto__', { key: '__proto__' }],
  [
    'constructor-key-item',
    'forbidden_key',
    'dimensions[0].items[0].constructor',
    { key: 'constructor' },
  ],
];

describe('loadGridText on the invalid fixtures', () => {
  it('has one table row per fixture file, and at least 30', () => {
    const files = readdirSync(INVALID_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
    expect(files).toEqual(INVALID_FIXTURES.map(([file]) => file).sort());
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(INVALID_FIXTURES)('%s → %s at "%s"', (file, code, path, params) => {
    const result = loadGridText(readFileSync(join(INVALID_DIR, `${file}.json`), 'utf8'));
    expect(errorsOf(result)).toEqual([{ code, path, params }]);
  });
});

describe('loadGrid on a valid grid', () => {
  it('loads minimal.json with its hash', () => {
    const result = loadGridText(MINIMAL_TEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.grid.id).toBe('test-minimal');
    expect(result.grid.dimensions.map((d) => d.items.length)).toEqual([3, 2]);
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies the defaults', () => {
    const input = minimal();
    delete input.minCoverage;
    delete input.sources;
    delete input.recommendations;
    // Without sources, nothing may cite one.
    const dimensions = input.dimensions as { items: Record<string, unknown>[] }[];
    delete dimensions[0]?.items[0]?.sources;
    const scales = input.scales as Record<string, unknown>[];
    delete scales[0]?.allowDontKnow;
    delete scales[0]?.allowNotApplicable;
    const result = loadGrid(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { grid } = result;
    expect(grid.minCoverage).toBe(0.5);
    expect(grid.sources).toEqual([]);
    expect(grid.recommendations).toEqual([]);
    expect(grid.scales[0]?.allowDontKnow).toBe(true);
    expect(grid.scales[0]?.allowNotApplicable).toBe(true);
    const [first, second, third] = grid.dimensions[0]?.items ?? [];
    expect(first?.reverse).toBe(false);
    expect(first?.weight).toBe(1);
    expect(second?.sources).toEqual([]);
    expect(second?.reverse).toBe(true);
    expect(third?.weight).toBe(2);
    expect(grid.levels).toBeUndefined();
  });

  it('ignores a byte-order mark', () => {
    expect(loadGridText(`\uFEFF${MINIMAL_TEXT}`).ok).toBe(true);
  });

  it('does not change its input', () => {
    const input = minimal();
    const before = JSON.stringify(input);
    loadGrid(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('loadGrid error reporting', () => {
  it('reports every problem of the shape, one error per unknown key', () => {
    const input = minimal();
    input.foo = 1;
    input.bar = 2;
    delete input.version;
    expect(errorsOf(loadGrid(input))).toEqual([
      { code: 'required', path: 'version', params: { key: 'version' } },
      expect.objectContaining({
        code: 'unknown_key',
        path: '',
        params: expect.objectContaining({ key: 'foo' }),
      }),
      expect.objectContaining({
        code: 'unknown_key',
        path: '',
        params: expect.objectContaining({ key: 'bar' }),
      }),
    ]);
  });

  it('reports all cross-check problems together, in file order', () => {
    const input = minimal() as {
      dimensions: { items: { scale: string; sources?: string[] }[] }[];
      languages: { available: string[] };
    };
    input.languages.available = ['en'];
    const items = input.dimensions[0]?.items ?? [];
    (items[0] as { scale: string }).scale = 'nope';
    (items[1] as { sources?: string[] }).sources = ['s0', 'zz'];
    expect(errorsOf(loadGrid(input))).toEqual([
      { code: 'default_language_not_available', path: 'languages.default', params: { lang: 'fr' } },
      { code: 'unknown_scale', path: 'dimensions[0].items[0].scale', params: { id: 'nope' } },
      { code: 'unknown_source', path: 'dimensions[0].items[1].sources[1]', params: { id: 'zz' } },
    ]);
  });

  it('lists the shape errors and the cross-check errors together, in one pass', () => {
    const input = minimal() as { id: number; dimensions: { items: { scale: string }[] }[] };
    input.id = 3;
    (input.dimensions[0]?.items[0] as { scale: string }).scale = 'nope';
    expect(errorsOf(loadGrid(input))).toEqual([
      { code: 'wrong_type', path: 'id', params: { expected: 'string', received: 'number' } },
      { code: 'unknown_scale', path: 'dimensions[0].items[0].scale', params: { id: 'nope' } },
    ]);
  });

  it('lists a schema error and a recommendation naming an unknown dimension together', () => {
    const text = readFileSync(
      join(FIXTURES, 'custom-grids/invalid-schema-and-reference.json'),
      'utf8',
    );
    expect(errorsOf(loadGridText(text))).toEqual([
      {
        code: 'unknown_key',
        path: 'dimensions[0].items[1]',
        params: { key: 'revers', allowed: AGREE_ITEM_KEYS },
      },
      {
        code: 'unknown_dimension',
        path: 'recommendations[0].condition.dimension',
        params: { id: 't-charges' },
      },
    ]);
  });

  it('does not check references against a part the shape refuses', () => {
    // The dimensions are not a list, the scale list holds an element without an id, a source
    // id is not an id: nothing can be said of the references to them.
    const input = minimal() as Record<string, unknown> & { scales: unknown[]; sources: unknown[] };
    input.dimensions = { a: 1 };
    input.scales.push({ label: { fr: 'x' } });
    (input.sources[0] as { id: string }).id = 'Not An Id';
    const codes = errorsOf(loadGrid(input)).map((error) => error.code);
    expect(codes).not.toContain('unknown_dimension');
    expect(codes).not.toContain('unknown_item');
    expect(codes).not.toContain('unknown_scale');
    expect(codes).not.toContain('unknown_source');
    expect(codes).toContain('wrong_type');
    expect(codes).toContain('required');
    expect(codes).toContain('invalid_id');
  });

  it('checks texts against a valid default language only', () => {
    const input = minimal() as { languages: { default: string } };
    input.languages.default = 'french';
    expect(errorsOf(loadGrid(input))).toEqual([
      { code: 'invalid_language', path: 'languages.default', params: { value: 'french' } },
    ]);
  });

  it('reports one error when zod flags one url twice', () => {
    const input = minimal() as { sources: { url?: string }[] };
    (input.sources[1] as { url?: string }).url = 'not a url';
    expect(errorsOf(loadGrid(input))).toEqual([
      { code: 'invalid_url', path: 'sources[1].url', params: { value: 'not a url' } },
    ]);
  });

  it('names non-finite numbers', () => {
    const input = minimal();
    input.minCoverage = Number.NaN;
    expect(errorsOf(loadGrid(input))).toEqual([
      {
        code: 'wrong_type',
        path: 'minCoverage',
        params: { expected: 'number', received: 'nonFinite' },
      },
    ]);
  });

  it('quotes odd keys in paths', () => {
    const input = minimal() as { title: Record<string, string> };
    input.title['e n'] = 'x';
    expect(errorsOf(loadGrid(input))).toEqual([
      { code: 'invalid_language', path: 'title["e n"]', params: { value: 'e n' } },
    ]);
  });

  it('cuts long values in params', () => {
    const input = minimal();
    input.version = 'v'.repeat(500);
    const [error] = errorsOf(loadGrid(input));
    expect(error?.code).toBe('invalid_semver');
    expect(String(error?.params.value)).toHaveLength(80);
    expect(String(error?.params.value).endsWith('…')).toBe(true);
  });

  it(`returns at most ${MAX_GRID_ERRORS} errors, then too_many_errors`, () => {
    const input = minimal() as { dimensions: { items: unknown[] }[] };
    (input.dimensions[0] as { items: unknown[] }).items = Array.from({ length: 150 }, () => ({
      id: 'BAD',
      text: { fr: 'x' },
      scale: 'agree4',
    }));
    const errors = errorsOf(loadGrid(input));
    expect(errors).toHaveLength(101);
    expect(errors[100]).toEqual({
      code: 'too_many_errors',
      path: '',
      params: { shown: 100, total: 150 },
    });
  });

  it('reports internal instead of throwing on absurd nesting', () => {
    const input = minimal() as { recommendations: { condition: unknown }[] };
    let condition: unknown = { type: 'dimension', dimension: 't-charge', op: 'below', value: 50 };
    for (let i = 0; i < 50_000; i++) condition = { type: 'not', condition };
    (input.recommendations[0] as { condition: unknown }).condition = condition;
    expect(errorsOf(loadGrid(input))).toEqual([{ code: 'internal', path: '', params: {} }]);
  });

  it('accepts reasonable nesting of conditions', () => {
    const input = minimal() as { recommendations: { condition: unknown }[] };
    let condition: unknown = { type: 'dimension', dimension: 't-charge', op: 'below', value: 50 };
    for (let i = 0; i < 50; i++) condition = { type: 'not', condition };
    (input.recommendations[0] as { condition: unknown }).condition = condition;
    expect(loadGrid(input).ok).toBe(true);
  });

  it('reports internal when reading the input throws', () => {
    const input = minimal();
    Object.defineProperty(input, 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(errorsOf(loadGrid(input))).toEqual([{ code: 'internal', path: '', params: {} }]);
  });
});

describe('__proto__ and constructor keys', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('are refused in a file, with their place, before anything else reads it', () => {
    const text = MINIMAL_TEXT.replace(
      '"schemaVersion": 1,',
      '"schemaVersion": 1, "__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } },',
    );
    expect(errorsOf(loadGridText(text))).toEqual([
      { code: 'forbidden_key', path: '__proto__', params: { key: '__proto__' } },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    for (const key of ['constructor', 'prototype']) {
      const inText = MINIMAL_TEXT.replace('"en": "Test grid"', `"en": "Test grid", "${key}": "y"`);
      expect(errorsOf(loadGridText(inText))).toEqual([
        { code: 'forbidden_key', path: `title.${key}`, params: { key } },
      ]);
    }
  });

  it('may not be ids: they would become keys of the files the app writes', () => {
    const input = minimal() as { dimensions: { id: string; items: { id: string }[] }[] };
    input.dimensions[0]!.items[0]!.id = 'constructor';
    input.dimensions[0]!.id = 'prototype';
    expect(errorsOf(loadGrid(input))).toEqual(
      expect.arrayContaining([
        { code: 'reserved_id', path: 'dimensions[0].id', params: { id: 'prototype' } },
        { code: 'reserved_id', path: 'dimensions[0].items[0].id', params: { id: 'constructor' } },
      ]),
    );
  });

  it('in a value already parsed: reported as unknown keys, never reaching a prototype', () => {
    const input = minimal();
    Object.defineProperty(input, '__proto__', {
      value: { polluted: true },
      enumerable: true,
      configurable: true,
      writable: true,
    });
    expect(errorsOf(loadGrid(input)).map((e) => [e.code, e.path, e.params.key])).toEqual([
      ['unknown_key', '', '__proto__'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('loadGridText before parsing', () => {
  it.each([
    ['trailing comma', '{\n  "id": "x",\n}', 3, 1],
    ['missing comma', '{"id": "x" "version": "1.0.0"}', 1, 12],
    ['empty file', '', 1, 1],
    ['single quotes', `{"id": 'x'}`, 1, 8],
    ['text after the value', '{"a": 1} extra', 1, 10],
    ['cut short', '{"a": [1, 2', 1, 12],
    ['second line', '{\n"a": tru\n}', 2, 9],
  ])('%s → invalid_json_at line %i column %i', (_name, text, line, column) => {
    expect(errorsOf(loadGridText(text))).toEqual([
      { code: 'invalid_json_at', path: '', params: { line, column } },
    ]);
  });

  it('rejects text over the size limit, counted in UTF-8 bytes', () => {
    const tooLarge = [{ code: 'too_large', path: '', params: { max: 5 } }];
    expect(errorsOf(loadGridText(' '.repeat(MAX_GRID_BYTES + 1)))).toEqual(tooLarge);
    // 'é' takes 2 bytes: fewer characters than the limit, more bytes.
    expect(errorsOf(loadGridText('é'.repeat(MAX_GRID_BYTES / 2 + 1)))).toEqual(tooLarge);
    // Exactly at the limit: read, then rejected as JSON.
    expect(errorsOf(loadGridText('é'.repeat(MAX_GRID_BYTES / 2)))[0]?.code).toBe('invalid_json_at');
  });
});

describe('findJsonSyntaxErrorOffset', () => {
  it.each([
    ['{}', undefined],
    ['  [1, -2.5e+3, true, false, null, "a\\u00e9\\n"]  ', undefined],
    ['{"a": {"b": []}}', undefined],
    ['"\\x"', 2],
    ['"\\u12G4"', 5],
    ['[1,]', 3],
    ['{"a":1,}', 7],
    ['01', 1],
    ['-', 1],
    ['1.', 2],
    ['1e', 2],
    ['tru', 3],
    ['"abc', 4],
    ['"a\u0001"', 2],
    ['[', 1],
    ['{"a" 1}', 5],
    ['{1:2}', 1],
    ['[1 2]', 3],
    ['{"a":1}}', 7],
  ])('%j → %s', (text, offset) => {
    expect(findJsonSyntaxErrorOffset(text)).toBe(offset);
  });

  it('handles deep nesting without recursion', () => {
    const depth = 200_000;
    expect(findJsonSyntaxErrorOffset('['.repeat(depth) + ']'.repeat(depth))).toBeUndefined();
    expect(findJsonSyntaxErrorOffset('['.repeat(depth) + ']'.repeat(depth - 1))).toBe(
      2 * depth - 1,
    );
  });

  it('agrees with JSON.parse on any string', () => {
    const parses = (text: string): boolean => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const jsonLike = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .tuple(
          fc.json(),
          fc.nat(),
          fc.nat(),
          fc.constantFrom('', ',', '"', '}', ']', ':', '\\', ' '),
        )
        .map(([text, at, cut, insert]) => {
          const i = at % (text.length + 1);
          return text.slice(0, i) + insert + text.slice(i + (cut % 3));
        }),
    );
    fc.assert(
      fc.property(jsonLike, (text) => {
        expect(findJsonSyntaxErrorOffset(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('checkGridReferences and checkGridTranslations on a parsed grid', () => {
  function parsedMinimal() {
    const result = loadGridText(MINIMAL_TEXT);
    if (!result.ok) throw new Error('minimal.json must load');
    return result.grid;
  }

  it('find nothing in minimal.json', () => {
    const grid = parsedMinimal();
    expect(checkGridReferences(grid)).toEqual([]);
    expect(checkGridTranslations(grid)).toEqual([]);
  });

  it('lists every text of minimal.json', () => {
    // title, description, agree4 label + 4 points, bipolar5 5 points, 2 dimensions × (label,
    // description), items: 5 texts + 1 help + 2 poles + 1 specification, 2 recommendations ×
    // (title, body) + 3 actions + 1 negotiation, 2 source labels.
    expect(listGridTexts(parsedMinimal())).toHaveLength(2 + 5 + 5 + 4 + 9 + 4 + 3 + 1 + 2);
  });

  it('reports texts missing in an available language', () => {
    const grid = parsedMinimal();
    grid.languages.available = ['fr', 'en', 'de'];
    delete grid.title.en;
    const errors = checkGridTranslations(grid);
    expect(errors[0]).toEqual({
      code: 'missing_translation',
      path: 'title',
      params: { lang: 'en' },
    });
    expect(errors.filter((e) => e.params.lang === 'de')).toHaveLength(35);
    expect(errors).toHaveLength(36);
  });
});

describe('loadGrid never throws', () => {
  const MINIMAL = minimal();

  type Segment = string | number;
  function allPaths(value: unknown, path: Segment[] = [], out: Segment[][] = []): Segment[][] {
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...path, i], out));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) allPaths(v, [...path, k], out);
    }
    return out;
  }
  const PATHS = allPaths(MINIMAL).filter((p) => p.length > 0);

  const mutation = fc.record({
    at: fc.nat({ max: PATHS.length - 1 }),
    action: fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
      fc.record({ kind: fc.constant('delete' as const) }),
      fc.record({
        kind: fc.constant('add' as const),
        key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString')),
        value: fc.jsonValue({ maxDepth: 2 }),
      }),
    ),
  });

  function mutate(
    input: unknown,
    { at, action }: { at: number; action: { kind: string; value?: unknown; key?: string } },
  ): unknown {
    const path = PATHS[at] as Segment[];
    let parent = input;
    for (const segment of path.slice(0, -1)) {
      if (parent === null || typeof parent !== 'object') return input;
      parent = (parent as Record<Segment, unknown>)[segment];
    }
    if (parent === null || typeof parent !== 'object') return input;
    const last = path[path.length - 1] as Segment;
    const target = parent as Record<Segment, unknown>;
    if (action.kind === 'replace') target[last] = action.value;
    else if (action.kind === 'delete') {
      if (Array.isArray(target) && typeof last === 'number') target.splice(last, 1);
      else delete target[last];
    } else {
      const child = target[last];
      if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
        Object.defineProperty(child, action.key as string, {
          value: action.value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
    }
    return input;
  }

  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = loadGrid(value);
        if (!result.ok) expectWellFormed(result.errors);
        // A random JSON value is never a grid.
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('on mutations of minimal.json, whose errors keep the contract', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const input = mutations.reduce<unknown>(mutate, structuredClone(MINIMAL));
        const result = loadGrid(input);
        if (result.ok) expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
        else expectWellFormed(result.errors);
      }),
      { numRuns: 1000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 30_000);

  it('on any text, and on damaged minimal.json text', () => {
    const damaged = fc
      .tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 3 }))
      .map(([at, cut, insert]) => {
        const i = at % (MINIMAL_TEXT.length + 1);
        return MINIMAL_TEXT.slice(0, i) + insert + MINIMAL_TEXT.slice(i + cut);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string(), damaged), (text) => {
        const result = loadGridText(text);
        if (!result.ok) expectWellFormed(result.errors);
      }),
      { numRuns: 500 },
    );
  });
});
