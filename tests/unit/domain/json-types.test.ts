import fc from 'fast-check';
import { VALUE_TYPE_TOKENS } from '@/domain/grid/grid-errors';
import {
  clipForMessage,
  displayForMessage,
  expectedJsonType,
  jsonTypeOf,
} from '@/domain/json-types';

/**
 * The type words of « wrong type » messages, shared by the grid loader and the file reader: the
 * same words but for zod's records and non-finite numbers, which each names its own way.
 */
describe('JSON type words', () => {
  it('names what zod expected; records as each caller says', () => {
    for (const type of ['string', 'number', 'boolean', 'object', 'array'])
      expect(expectedJsonType(type, 'text')).toBe(type);
    expect(expectedJsonType('record', 'text')).toBe('text'); // a grid's texts by language
    expect(expectedJsonType('record', 'object')).toBe('object'); // a file's records
    expect(expectedJsonType('bigint', 'text')).toBe('value');
    expect(expectedJsonType('literal', 'object')).toBe('value');
  });

  it('names the type of a value found; non-finite numbers as each caller says', () => {
    expect(jsonTypeOf(null, 'nonFinite')).toBe('null');
    expect(jsonTypeOf([1], 'nonFinite')).toBe('array');
    expect(jsonTypeOf({}, 'nonFinite')).toBe('object');
    expect(jsonTypeOf('x', 'nonFinite')).toBe('string');
    expect(jsonTypeOf(true, 'nonFinite')).toBe('boolean');
    expect(jsonTypeOf(2.5, 'nonFinite')).toBe('number');
    expect(jsonTypeOf(Number.NaN, 'nonFinite')).toBe('nonFinite'); // the grid loader
    expect(jsonTypeOf(Infinity, 'value')).toBe('value'); // the file reader
    expect(jsonTypeOf(undefined, 'nonFinite')).toBe('value');
  });

  it('every word the grid loader can give has a translated message token', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (value, expected) => {
        expect(VALUE_TYPE_TOKENS).toContain(jsonTypeOf(value, 'nonFinite'));
        expect(VALUE_TYPE_TOKENS).toContain(expectedJsonType(expected, 'text'));
      }),
    );
  });
});

describe('texts quoted in messages', () => {
  it('keeps a text of 80 characters whole and clips a longer one to 79 and « … »', () => {
    expect(clipForMessage('a'.repeat(80))).toBe('a'.repeat(80));
    expect(clipForMessage('a'.repeat(81))).toBe(`${'a'.repeat(79)}…`);
  });

  it('never cuts a character made of two UTF-16 units in half', () => {
    const clipped = clipForMessage('😀'.repeat(100));
    expect(clipped).toBe(`${'😀'.repeat(79)}…`);
    expect(clipped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('shows values by their kind: texts clipped, numbers and booleans as written, containers elided', () => {
    expect(['x', 3, false, null, [1], { a: 1 }, undefined].map(displayForMessage)).toEqual([
      'x',
      '3',
      'false',
      'null',
      '[…]',
      '{…}',
      '',
    ]);
    expect(displayForMessage('b'.repeat(200))).toHaveLength(80);
  });
});
