import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { canonicalJson, gridContentHash } from '@/domain/grid/hash';
import { loadGrid, loadGridText } from '@/domain/grid/load-grid';

const MINIMAL_TEXT = readFileSync(join(__dirname, '../../../fixtures/grids/minimal.json'), 'utf8');

function hashOfText(text: string): string {
  const result = loadGridText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.hash;
}

function hashOf(input: unknown): string {
  const result = loadGrid(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.hash;
}

/** The same JSON value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe('canonicalJson', () => {
  it.each([
    [null, 'null'],
    [true, 'true'],
    [0, '0'],
    [-0, '0'],
    [1.5, '1.5'],
    [1e21, '1e+21'],
    [Number.NaN, 'null'],
    ['a"b\n', '"a\\"b\\n"'],
    ['é🚀', '"é🚀"'],
    [[], '[]'],
    [{}, '{}'],
    [{ b: 1, a: [2, { d: 3, c: 4 }] }, '{"a":[2,{"c":4,"d":3}],"b":1}'],
    [{ B: 1, a: 2, _: 3, '10': 4, '9': 5 }, '{"10":4,"9":5,"B":1,"_":3,"a":2}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    [[undefined, 1], '[null,1]'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('throws on bigint', () => {
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });

  it('is valid JSON for the same value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(reverseKeys(value))).toBe(text);
        expect(text).not.toMatch(/^\s|\s$/);
      }),
    );
  });
});

describe('gridContentHash', () => {
  it('of minimal.json (pinned: computed independently with Python json + hashlib)', () => {
    expect(hashOfText(MINIMAL_TEXT)).toBe(
      '8c605ae0f251397bddfeb981703c3dd45f1e20f646dfc69857833f614ae7c86b',
    );
  });

  it('does not change with whitespace, key order, $schema or spelled-out defaults', () => {
    const input = JSON.parse(MINIMAL_TEXT) as {
      $schema?: string;
      dimensions: { items: Record<string, unknown>[] }[];
    };
    const reference = hashOfText(MINIMAL_TEXT);
    expect(hashOfText(JSON.stringify(input))).toBe(reference);
    expect(hashOfText(JSON.stringify(input, null, 4))).toBe(reference);
    expect(hashOf(reverseKeys(input))).toBe(reference);
    expect(hashOf({ ...input, $schema: 'https://elsewhere/grid.schema.json' })).toBe(reference);
    const withoutSchema: Record<string, unknown> = { ...input };
    delete withoutSchema.$schema;
    expect(hashOf(withoutSchema)).toBe(reference);
    const item = input.dimensions[0]?.items[0] as Record<string, unknown>;
    item.reverse = false;
    item.weight = 1;
    expect(hashOf(input)).toBe(reference);
  });

  it.each([
    ['an item text', (g: Grid) => set(g, ['dimensions', 0, 'items', 0, 'text', 'fr'], 'Autre')],
    ['an item weight', (g: Grid) => set(g, ['dimensions', 0, 'items', 0, 'weight'], 2)],
    ['the version', (g: Grid) => set(g, ['version'], '1.0.1')],
    ['the order of items', (g: Grid) => (g.dimensions[1]?.items as unknown[]).reverse()],
    ['a scale label', (g: Grid) => set(g, ['scales', 0, 'points', 0, 'label', 'en'], 'No')],
  ])('changes when %s changes', (_name, change) => {
    const input = JSON.parse(MINIMAL_TEXT) as Grid;
    const before = hashOf(input);
    change(input);
    expect(hashOf(input)).not.toBe(before);
  });

  it('is the hash returned by loadGrid', () => {
    const result = loadGridText(MINIMAL_TEXT);
    expect(result.ok && gridContentHash(result.grid)).toBe(result.ok && result.hash);
  });
});

type Grid = { dimensions: { items: unknown[] }[] } & Record<string, unknown>;

function set(target: unknown, path: (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}
