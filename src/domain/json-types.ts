/**
 * The JSON type words that messages about a wrong type use, for the grid loader
 * (`grid/load-grid.ts`) and the file reader (`files/read-json-file.ts`). The two differ in two
 * words only, given by each caller: what zod's `record` is called (a grid's records are texts by
 * language, « text »; a file's are objects), and what a number that is not finite is called (NaN
 * or Infinity, which JSON text cannot hold: a grid passed as an object can).
 */
export type JsonTypeWord = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null' | 'value';

/** The type a zod `invalid_type` issue expected; `record` names zod's records. */
export function expectedJsonType<R extends string>(
  expected: string,
  record: R,
): Exclude<JsonTypeWord, 'null'> | R {
  switch (expected) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'object':
    case 'array':
      return expected;
    case 'record':
      return record;
    default:
      return 'value';
  }
}

/** The JSON type of a value found; `nonFinite` names NaN and ±Infinity. */
export function jsonTypeOf<N extends string>(value: unknown, nonFinite: N): JsonTypeWord | N {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isFinite(value) ? 'number' : nonFinite;
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'value';
  }
}

/** The longest text a message quotes from a file (a key, a value): longer ones end with « … ». */
const MAX_QUOTED_LENGTH = 80;

/** A text as a message quotes it: at most 80 characters (never a half surrogate pair). */
export function clipForMessage(text: string): string {
  if (text.length <= MAX_QUOTED_LENGTH) return text;
  return `${Array.from(text.slice(0, MAX_QUOTED_LENGTH * 2))
    .slice(0, MAX_QUOTED_LENGTH - 1)
    .join('')}…`;
}

/** A short printable form of a value for messages: texts clipped, objects and arrays elided. */
export function displayForMessage(value: unknown): string {
  if (typeof value === 'string') return clipForMessage(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object') return '{…}';
  return '';
}
