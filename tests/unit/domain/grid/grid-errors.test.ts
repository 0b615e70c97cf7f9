import { GRID_ERROR_CODES, GRID_ERROR_PARAMS, VALUE_TYPE_TOKENS } from '@/domain/grid/grid-errors';
import { GRID_FIELD_NAMES } from '@/domain/grid/locate';
import en from '@/i18n/locales/en/grid-errors.json';
import fr from '@/i18n/locales/fr/grid-errors.json';

type Messages = Record<string, unknown>;
const LOCALES: [string, Messages][] = [
  ['fr', fr],
  ['en', en],
];

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([\w$]+)\s*\}\}/g)].map((m) => m[1] as string).sort();
}

/** Every leaf of a nested messages object, as [dotted key, message]. */
function leaves(messages: unknown, prefix = ''): [string, unknown][] {
  if (messages === null || typeof messages !== 'object') return [[prefix, messages]];
  return Object.entries(messages).flatMap(([key, value]) =>
    leaves(value, prefix === '' ? key : `${prefix}.${key}`),
  );
}

describe('grid error codes', () => {
  it('are unique and all have declared params', () => {
    expect(new Set(GRID_ERROR_CODES).size).toBe(GRID_ERROR_CODES.length);
    expect(Object.keys(GRID_ERROR_PARAMS).sort()).toEqual([...GRID_ERROR_CODES].sort());
  });

  it.each(GRID_ERROR_CODES.map((code) => [code]))(
    '%s has a message in fr and en whose placeholders are its params',
    (code) => {
      const expected = [...GRID_ERROR_PARAMS[code]].sort();
      for (const [, messages] of LOCALES) {
        const message = messages[code];
        expect(typeof message).toBe('string');
        expect(placeholders(message as string)).toEqual(expected);
      }
    },
  );
});

describe('grid-errors locale files', () => {
  it('have the same keys and the same placeholders in fr and en', () => {
    const frLeaves = new Map(leaves(fr));
    const enLeaves = new Map(leaves(en));
    expect([...enLeaves.keys()].sort()).toEqual([...frLeaves.keys()].sort());
    for (const [key, message] of frLeaves) {
      expect(typeof message, key).toBe('string');
      expect((message as string).trim(), key).not.toBe('');
      expect(placeholders(message as string), key).toEqual(
        placeholders(enLeaves.get(key) as string),
      );
    }
  });

  it.each(LOCALES)(
    '%s has only codes and the helper groups at the top level',
    (_lang, messages) => {
      expect(Object.keys(messages).sort()).toEqual(
        [...GRID_ERROR_CODES, 'withPlace', 'valueType', 'place', 'fileKind'].sort(),
      );
    },
  );

  it.each(LOCALES)('%s names every value type and every field', (_lang, messages) => {
    const valueType = messages.valueType as Messages;
    expect(Object.keys(valueType).sort()).toEqual([...VALUE_TYPE_TOKENS].sort());
    const fields = (messages.place as Messages).field as Messages;
    expect(Object.keys(fields).sort()).toEqual([...GRID_FIELD_NAMES].sort());
  });

  it.each(LOCALES)('%s uses typographic apostrophes only', (_lang, messages) => {
    for (const [key, message] of leaves(messages)) {
      expect(message, key).not.toMatch(/'/);
    }
  });
});
