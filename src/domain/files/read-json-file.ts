/**
 * The one reader of every JSON file the app accepts: a grid, a response file, a diagnostic file,
 * a backup. Each file goes through the same steps, in this order, and the first that fails says
 * what is wrong and where; nothing here throws, nothing here changes the user's data:
 *
 * 1. a leading byte-order mark is dropped;
 * 2. the nesting depth is measured on the text, without recursion, before anything recursive
 *    runs (`JSON.parse`, zod, the checks): deeper than `MAX_JSON_DEPTH` is « too deep », with
 *    the limit and the line and column where it is passed;
 * 3. JSON syntax, with the line and column of the first error;
 * 4. keys `__proto__`, `constructor` and `prototype` are refused, with their path: no file of
 *    the app has them, and they could change objects' prototypes once read;
 * 5. `format` and `formatVersion` (a grid has neither): a file of another kind, or of a version
 *    this app does not read, is named as such;
 * 6. the content, by the caller's schema: zod's issues become `ContentProblem`s (a code, a path
 *    and values), translated by the app (`src/i18n/file-errors.ts`), never zod's English text.
 *
 * Grids keep their own, richer error report (`load-grid.ts`, the `grid-errors` messages); it
 * uses steps 1 to 5 from here. Every file format: docs/file-formats.md.
 */
import type { z } from 'zod/mini';
import { FILE_FORMATS, type JsonFileKind } from './file-formats';
import {
  clipForMessage,
  displayForMessage,
  expectedJsonType,
  jsonTypeOf,
  type JsonTypeWord,
} from '@/domain/json-types';

export type { JsonFileKind } from './file-formats';

/** Deepest nesting of objects and arrays read. The app's own files stay far below it. */
export const MAX_JSON_DEPTH = 100;

/** Keys no file of the app holds, refused wherever they appear. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Problems listed per file; the total is given too. */
export const MAX_LISTED_PROBLEMS = 20;

export type PathSegment = string | number;

/** What is wrong with one value of the content. */
export type ContentProblemCode =
  | 'required'
  | 'type'
  | 'unknownKey'
  | 'choice'
  | 'tooLong'
  | 'empty'
  | 'tooMany'
  | 'tooFew'
  | 'tooSmall'
  | 'tooLarge'
  | 'format'
  | 'value'
  /** The same id twice (`value`), e.g. two diagnostics of a backup. */
  | 'duplicate'
  /** Answers or comments for a grid (`value`) the file does not list in `grids`. */
  | 'undeclaredGrid'
  /** A grid (`value`: its id) that the grid rules refuse. */
  | 'invalidGrid';

/** Value-type tokens of `type` problems (translated under `files:valueType`). */
export type ValueType = JsonTypeWord;

export type ContentProblem = {
  code: ContentProblemCode;
  /** Where, e.g. `respondents[2].role`; `""` for the whole file. */
  path: string;
  /** `expected`, `received` (value types), `key`, `value`, `values`, `min`, `max`. */
  params: Record<string, string | number>;
};

export type JsonFileError =
  | { code: 'invalidJson'; line?: number; column?: number }
  | { code: 'tooDeep'; limit: number; line: number; column: number }
  | { code: 'forbiddenKey'; key: string; path: string }
  /** A file of the app of another kind (`found`), or not a file of the app (`found` null). */
  | { code: 'wrongKind'; expected: JsonFileKind; found: JsonFileKind | null; format: string }
  | { code: 'unsupportedVersion'; kind: JsonFileKind; found: string; expected: number }
  /** The content does not match the kind's schema; the first problems and their total. */
  | { code: 'invalidContent'; kind: JsonFileKind; problems: ContentProblem[]; total: number };

export type ReadJsonResult =
  { ok: true; kind: JsonFileKind; value: unknown } | { ok: false; error: JsonFileError };

/**
 * Reads the text of a file expected to be one of `accept` (steps 1 to 5 above). The value is
 * JSON with no forbidden key, no deeper than `MAX_JSON_DEPTH`, and, for every kind but a grid,
 * an object of that kind's format and version. Never throws.
 */
export function readJsonFile(text: string, accept: readonly JsonFileKind[]): ReadJsonResult {
  try {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const deep = findTooDeepOffset(body, MAX_JSON_DEPTH);
    if (deep !== undefined) {
      return fail({ code: 'tooDeep', limit: MAX_JSON_DEPTH, ...lineAndColumn(body, deep) });
    }
    let value: unknown;
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      const offset = findJsonSyntaxErrorOffset(body);
      return fail(
        offset === undefined
          ? { code: 'invalidJson' }
          : { code: 'invalidJson', ...lineAndColumn(body, offset) },
      );
    }
    const forbidden = findForbiddenKey(value);
    if (forbidden !== null) {
      return fail({ code: 'forbiddenKey', key: forbidden.key, path: formatPath(forbidden.path) });
    }
    return identify(value, accept);
  } catch {
    return fail({ code: 'invalidJson' });
  }
}

/** Step 5: which kind the value is, and whether it is one of `accept` in a version read here. */
function identify(value: unknown, accept: readonly JsonFileKind[]): ReadJsonResult {
  const expected = accept[0] ?? 'grid';
  const object = value !== null && typeof value === 'object' && !Array.isArray(value);
  const format = object ? (value as Record<string, unknown>).format : undefined;
  const found = object ? kindOf(value as Record<string, unknown>) : null;
  if (found === 'grid' || (found === null && accept.includes('grid'))) {
    // A grid's own checks say what is wrong with it (`schemaVersion` first).
    return accept.includes('grid')
      ? { ok: true, kind: 'grid', value }
      : fail({ code: 'wrongKind', expected, found, format: '' });
  }
  if (found === null || !accept.includes(found)) {
    return fail({
      code: 'wrongKind',
      expected,
      found,
      format: typeof format === 'string' ? clipForMessage(format) : '',
    });
  }
  const version = (value as Record<string, unknown>).formatVersion;
  const wanted = FILE_FORMATS[found as Exclude<JsonFileKind, 'grid'>].version;
  if (version !== wanted) {
    return fail({
      code: 'unsupportedVersion',
      kind: found,
      found: version === undefined ? '' : clipForMessage(JSON.stringify(version) ?? ''),
      expected: wanted,
    });
  }
  return { ok: true, kind: found, value };
}

/** The kind an object says it is: by its `format`, or a grid when it has none. */
function kindOf(record: Record<string, unknown>): JsonFileKind | null {
  if (!Object.hasOwn(record, 'format')) return 'grid';
  for (const [kind, { format }] of Object.entries(FILE_FORMATS)) {
    if (record.format === format) return kind as JsonFileKind;
  }
  return null;
}

/** Step 6: checks `value` with a schema; problems have paths from the file's root. */
export function checkContent<T>(
  schema: {
    safeParse: (
      value: unknown,
    ) => { success: true; data: T } | { success: false; error: { issues: z.core.$ZodIssue[] } };
  },
  value: unknown,
  kind: JsonFileKind,
  at: readonly PathSegment[] = [],
): { ok: true; data: T } | { ok: false; error: JsonFileError } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  return fail(contentError(kind, parsed.error.issues, value, at));
}

/** zod's issues on `input` (found at `at` in the file) as an `invalidContent` error. */
export function contentError(
  kind: JsonFileKind,
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  at: readonly PathSegment[] = [],
): JsonFileError {
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    for (const problem of describeIssue(issue, input, at)) {
      const key = `${problem.code}\u0000${problem.path}\u0000${JSON.stringify(problem.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
  }
  if (problems.length === 0) problems.push({ code: 'value', path: formatPath(at), params: {} });
  return {
    code: 'invalidContent',
    kind,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    total: problems.length,
  };
}

/** One content problem built by a caller's own check (e.g. a grid listed twice). */
export function contentProblem(
  kind: JsonFileKind,
  code: ContentProblemCode,
  path: readonly PathSegment[],
  params: Record<string, string | number> = {},
): JsonFileError {
  return {
    code: 'invalidContent',
    kind,
    problems: [{ code, path: formatPath(path), params }],
    total: 1,
  };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  at: readonly PathSegment[],
): ContentProblem[] {
  const inner = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const path = formatPath([...at, ...inner]);
  const value = valueAt(input, inner);
  const problem = (
    code: ContentProblemCode,
    params: Record<string, string | number> = {},
  ): ContentProblem[] => [{ code, path, params }];
  if (value === undefined && inner.length > 0 && issue.code !== 'unrecognized_keys') {
    return problem('required');
  }
  switch (issue.code) {
    case 'invalid_type':
      return problem('type', {
        expected: expectedJsonType(issue.expected, 'object'),
        received: jsonTypeOf(value, 'value'),
      });
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        code: 'unknownKey',
        path,
        params: { key: clipForMessage(key) },
      }));
    case 'invalid_value':
      return problem('choice', {
        value: displayForMessage(value),
        values: issue.values.map((v) => clipForMessage(String(v))).join(', '),
      });
    case 'too_big':
      if (issue.origin === 'string') return problem('tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return problem('tooMany', { max: Number(issue.maximum) });
      if (issue.origin === 'number') return problem('tooLarge', { max: Number(issue.maximum) });
      return problem('value');
    case 'too_small':
      if (issue.origin === 'string') return problem('empty');
      if (issue.origin === 'array') return problem('tooFew', { min: Number(issue.minimum) });
      if (issue.origin === 'number') return problem('tooSmall', { min: Number(issue.minimum) });
      return problem('value');
    case 'invalid_format':
      return problem('format', { value: displayForMessage(value) });
    default:
      return problem('value');
  }
}

function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let node = input;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, segment)
      ? (node as Record<PathSegment, unknown>)[segment]
      : undefined;
  }
  return node;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Writes a path as people read it: `respondents[2].answers.uses`; odd keys quoted: `a["b c"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(clipForMessage(segment))}]`;
  }
  return path;
}

function fail(error: JsonFileError): { ok: false; error: JsonFileError } {
  return { ok: false, error };
}

// ---------------------------------------------------------------------------------------------
// Text-level checks, all iterative

/**
 * Offset of the bracket that opens level `limit + 1` of nesting, or undefined when the text
 * never nests deeper than `limit`. Counts `{` and `[` outside strings; the text need not be
 * valid JSON (the syntax is checked next).
 */
export function findTooDeepOffset(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > limit) return i;
    } else if ((c === 0x7d || c === 0x5d) && depth > 0) depth--;
  }
  return undefined;
}

/** The first forbidden key and its path, in file order; iterative. */
function findForbiddenKey(value: unknown): { key: string; path: PathSegment[] } | null {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ value: node[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(node);
    const forbidden = keys.find((key) => FORBIDDEN_KEYS.includes(key));
    if (forbidden !== undefined) return { key: forbidden, path: [...path, forbidden] };
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as string;
      stack.push({ value: (node as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

/** Line and column (both from 1) of a UTF-16 offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Offset of the first character that makes `text` invalid JSON (RFC 8259), the text's length
 * when it ends too early, or `undefined` when it is valid. Iterative, so deep nesting is fine.
 * Browsers word (and locate) `JSON.parse` errors differently; this gives the same place everywhere.
 */
export function findJsonSyntaxErrorOffset(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  /** Reads a string starting at `"`; on error, `i` is left at the offending character. */
  const readString = (): boolean => {
    i++;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return true;
      }
      if (code < 0x20) return false;
      if (code !== 0x5c) {
        i++;
        continue;
      }
      const escaped = text[i + 1];
      if (escaped === undefined) {
        i = n;
        return false;
      }
      if ('"\\/bfnrt'.includes(escaped)) {
        i += 2;
      } else if (escaped === 'u') {
        i += 2;
        for (let k = 0; k < 4; k++, i++) {
          if (!isHexDigit(text[i])) return false;
        }
      } else {
        i++;
        return false;
      }
    }
    return false;
  };
  const readNumber = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (isDigit(text[i])) while (isDigit(text[i])) i++;
    else return false;
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i])) return false;
      while (isDigit(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text[i])) return false;
      while (isDigit(text[i])) i++;
    }
    return true;
  };
  const readWord = (word: string): boolean => {
    for (const char of word) {
      if (text[i] !== char) return false;
      i++;
    }
    return true;
  };
  /** Reads `"key" :` inside an object. */
  const readKey = (): boolean => {
    skipSpace();
    if (text[i] !== '"' || !readString()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  // Open containers, innermost last.
  const stack: ('{' | '[')[] = [];
  let expectValue = true;
  for (;;) {
    skipSpace();
    const c = text[i];
    if (expectValue) {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expectValue = false;
        } else if (c === '{' && !readKey()) return Math.min(i, n);
        continue;
      }
      let ok: boolean;
      if (c === '"') ok = readString();
      else if (c === '-' || isDigit(c)) ok = readNumber();
      else if (c === 't') ok = readWord('true');
      else if (c === 'f') ok = readWord('false');
      else if (c === 'n') ok = readWord('null');
      else ok = false;
      if (!ok) return Math.min(i, n);
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    if (c === (top === '{' ? '}' : ']')) {
      stack.pop();
      i++;
    } else if (c === ',') {
      i++;
      if (top === '{' && !readKey()) return Math.min(i, n);
      expectValue = true;
    } else return Math.min(i, n);
  }
  return i < n ? i : undefined;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isHexDigit(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}
