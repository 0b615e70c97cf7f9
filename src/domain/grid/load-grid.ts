/**
 * Loading a grid: JSON text → zod shape → cross-checks → parsed grid and content hash.
 *
 * Every problem becomes a `GridError` (code, JSON path, params) whose message lives in the
 * `grid-errors` locale files. Nothing here throws: any unexpected failure (e.g. a stack
 * overflow on absurdly deep nesting) is reported as `internal`.
 */
import type { z } from 'zod';
import type { GridError, GridErrorCode } from './grid-errors';
import { readJsonFile, type JsonFileError } from '@/domain/files/read-json-file';
import { gridContentHash } from './hash';
import { formatGridPath, type PathSegment } from './locate';
import { forEachGridRuleBreak, listGridTexts } from './grid-rules';
import { Grid, GRID_SCHEMA_VERSION } from './schema';
import {
  clipForMessage,
  displayForMessage,
  expectedJsonType,
  jsonTypeOf,
} from '@/domain/json-types';

export { listGridTexts };
export { findJsonSyntaxErrorOffset } from '@/domain/files/read-json-file';

/** Largest grid file accepted, in bytes of UTF-8. */
export const MAX_GRID_BYTES = 5 * 1024 * 1024;

/** At most this many errors are returned, followed by one `too_many_errors`. */
export const MAX_GRID_ERRORS = 100;

export type LoadGridResult =
  { ok: true; grid: Grid; hash: string } | { ok: false; errors: GridError[] };

type Params = Record<string, string | number>;

/** Validates an already parsed JSON value as a grid; never throws. */
export function loadGrid(input: unknown): LoadGridResult {
  try {
    const parsed = Grid.safeParse(input);
    if (parsed.success) {
      const errors = checkGridReferences(parsed.data);
      return errors.length > 0 ? failure(errors) : withLazyHash(parsed.data);
    }
    // Every error in one pass: the shape's, then the rules' on what could be read of the file
    // (a recommendation naming an unknown dimension is listed beside a missing field).
    return failure(mergeErrors(mapZodIssues(parsed.error.issues, input), ruleBreaks(input)));
  } catch {
    return failure([makeError('internal', [])]);
  }
}

/**
 * A loaded grid whose content hash is computed on first read, then kept: hashing costs more
 * than validating, and reading a stored diagnostic back to answer it never needs the hash.
 */
function withLazyHash(grid: Grid): { ok: true; grid: Grid; hash: string } {
  let hash: string | undefined;
  return {
    ok: true,
    grid,
    get hash() {
      hash ??= gridContentHash(grid);
      return hash;
    },
  };
}

/**
 * Validates the text of a grid file: size (`too_large`), then the steps every JSON file of the
 * app goes through (`readJsonFile`: byte-order mark, depth, syntax with line and column,
 * forbidden keys, a file of another kind), then `loadGrid`. Never throws.
 */
export function loadGridText(text: string): LoadGridResult {
  try {
    if (utf8Length(text) > MAX_GRID_BYTES) {
      return failure([makeError('too_large', [], { max: MAX_GRID_BYTES / (1024 * 1024) })]);
    }
    const read = readJsonFile(text, ['grid']);
    return read.ok ? loadGrid(read.value) : failure([readError(read.error)]);
  } catch {
    return failure([makeError('internal', [])]);
  }
}

/** The reader's refusal as a grid error. */
function readError(error: JsonFileError): GridError {
  switch (error.code) {
    case 'invalidJson':
      return error.line === undefined
        ? makeError('invalid_json', [])
        : makeError('invalid_json_at', [], { line: error.line, column: error.column ?? 1 });
    case 'tooDeep':
      return makeError('too_deep', [], {
        limit: error.limit,
        line: error.line,
        column: error.column,
      });
    case 'forbiddenKey':
      return { code: 'forbidden_key', path: error.path, params: { key: error.key } };
    case 'wrongKind':
    case 'unsupportedVersion':
      return makeError('wrong_file_kind', [], {
        found: error.code === 'wrongKind' ? (error.found ?? 'unknown') : error.kind,
      });
    case 'invalidContent':
      return makeError('invalid', []);
  }
}

/**
 * Checks what the shape cannot (see `grid-rules.ts`): unique ids, references, default language
 * in every text, ascending levels and scale values, item condition values within the scale.
 */
export function checkGridReferences(grid: Grid | unknown): GridError[] {
  const errors: GridError[] = [];
  forEachGridRuleBreak(grid, (code, path, params) => errors.push(makeError(code, path, params)));
  return errors;
}

/** The rules' breaks on a file whose shape is wrong; none if reading it fails. */
function ruleBreaks(input: unknown): GridError[] {
  try {
    return checkGridReferences(input);
  } catch {
    return [];
  }
}

/** `first` then the errors of `second` not already in it (same code, place and values). */
function mergeErrors(first: GridError[], second: GridError[]): GridError[] {
  const key = (error: GridError): string =>
    `${error.code}\u0000${error.path}\u0000${JSON.stringify(error.params)}`;
  const seen = new Set(first.map(key));
  return [...first, ...second.filter((error) => !seen.has(key(error)))];
}

/**
 * Texts missing in a language the grid declares available (`missing_translation`). Not part
 * of `loadGrid` (texts fall back to the default language), but bundled grids must pass it.
 */
export function checkGridTranslations(grid: Grid): GridError[] {
  const errors: GridError[] = [];
  const others = grid.languages.available.filter((lang) => lang !== grid.languages.default);
  for (const { path, text } of listGridTexts(grid)) {
    for (const lang of others) {
      if (!Object.hasOwn(text, lang)) errors.push(makeError('missing_translation', path, { lang }));
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Zod issues → grid errors

const FORMAT_CODES: Readonly<Record<string, GridErrorCode>> = {
  id: 'invalid_id',
  language: 'invalid_language',
  color: 'invalid_color',
  url: 'invalid_url',
  semver: 'invalid_semver',
};

function mapZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): GridError[] {
  const errors: GridError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    for (const error of mapZodIssue(issue, input)) {
      const key = `${error.code}\u0000${error.path}\u0000${JSON.stringify(error.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(error);
    }
  }
  return errors.length > 0 ? errors : [makeError('invalid', [])];
}

function mapZodIssue(issue: z.core.$ZodIssue, input: unknown): GridError[] {
  const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  const value = valueAt(input, path);
  const missing =
    value === undefined &&
    path.length > 0 &&
    issue.code !== 'unrecognized_keys' &&
    issue.code !== 'invalid_key';
  if (missing) return [makeError('required', path, { key: String(path[path.length - 1]) })];
  switch (issue.code) {
    case 'invalid_type': {
      return [
        makeError('wrong_type', path, {
          expected: expectedJsonType(issue.expected, 'text'),
          received: jsonTypeOf(value, 'nonFinite'),
        }),
      ];
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path, input);
      return issue.keys.map((key) =>
        makeError('unknown_key', path, { key: clipForMessage(key), allowed: allowed.join(', ') }),
      );
    }
    case 'too_small':
      if (issue.origin === 'number') return [numberError(path, input, value)];
      if (issue.origin === 'array') {
        return [makeError('too_short', path, { min: Number(issue.minimum) })];
      }
      if (issue.origin === 'string') return [makeError('empty_text', path)];
      return [makeError('invalid', path)];
    case 'too_big':
      if (issue.origin === 'number') return [numberError(path, input, value)];
      if (issue.origin === 'string') {
        return [
          makeError('too_long', path, {
            length: typeof value === 'string' ? value.length : 0,
            max: Number(issue.maximum),
          }),
        ];
      }
      return [makeError('invalid', path)];
    case 'invalid_format': {
      const code =
        FORMAT_CODES[issue.message] ?? (issue.format === 'url' ? 'invalid_url' : 'invalid_format');
      return [makeError(code, path, { value: displayForMessage(value) })];
    }
    case 'invalid_value':
      if (path.length === 1 && path[0] === 'schemaVersion') {
        return [
          makeError('unsupported_schema_version', path, {
            value: displayForMessage(value),
            expected: GRID_SCHEMA_VERSION,
          }),
        ];
      }
      return [
        makeError('invalid_value', path, {
          value: displayForMessage(value),
          expected: issue.values.map((v) => String(v)).join(', '),
        }),
      ];
    case 'invalid_union':
      if (issue.discriminator !== undefined && issue.errors.length === 0) {
        return [
          makeError('unknown_condition_type', path, {
            value: displayForMessage(value),
            expected: ('options' in issue && Array.isArray(issue.options) ? issue.options : [])
              .map((option: unknown) => String(option))
              .join(', '),
          }),
        ];
      }
      return [makeError('invalid', path)];
    case 'invalid_key': {
      const inner = issue.issues[0];
      const code =
        inner?.code === 'invalid_format' ? (FORMAT_CODES[inner.message] ?? 'invalid_format') : null;
      const key = path[path.length - 1];
      return code !== null
        ? [makeError(code, path, { value: clipForMessage(String(key)) })]
        : [makeError('invalid', path)];
    }
    default:
      return [makeError('invalid', path)];
  }
}

function numberError(path: PathSegment[], input: unknown, value: unknown): GridError {
  const { min, max } = numberBounds(schemaAt(path, input));
  const shown = typeof value === 'number' ? value : displayForMessage(value);
  if (min !== undefined && max !== undefined) {
    return makeError('number_range', path, { value: shown, min, max });
  }
  if (min !== undefined) return makeError('number_too_small', path, { value: shown, min });
  if (max !== undefined) return makeError('number_too_large', path, { value: shown, max });
  return makeError('invalid', path);
}

// ---------------------------------------------------------------------------------------------
// Walking the input and the zod schema along a path (to name allowed keys and number bounds)

function childAt(node: unknown, segment: PathSegment): unknown {
  if (typeof segment === 'number')
    return Array.isArray(node) ? (node[segment] as unknown) : undefined;
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
}

function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let node = input;
  for (const segment of path) node = childAt(node, segment);
  return node;
}

type ZodDef = { type: string } & Record<string, unknown>;

function defOf(schema: unknown): ZodDef | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  const internals = (schema as { _zod?: { def?: ZodDef } })._zod;
  return internals?.def;
}

const WRAPPERS = new Set([
  'optional',
  'default',
  'prefault',
  'nullable',
  'nonoptional',
  'readonly',
  'catch',
]);

/** The schema inside optional/default/lazy wrappers, with discriminated unions resolved on `value`. */
function resolve(schema: unknown, value: unknown): unknown {
  let current = schema;
  for (let guard = 0; guard < 32; guard++) {
    const def = defOf(current);
    if (def === undefined) return undefined;
    if (WRAPPERS.has(def.type)) current = def.innerType;
    else if (def.type === 'lazy') current = (def.getter as () => unknown)();
    else if (def.type === 'union' && typeof def.discriminator === 'string') {
      const tag = childAt(value, def.discriminator);
      const options = Array.isArray(def.options) ? (def.options as unknown[]) : [];
      current = options.find((option) => {
        const shape = defOf(option)?.shape as Record<string, unknown> | undefined;
        const literal = defOf(shape?.[def.discriminator as string]);
        return Array.isArray(literal?.values) && literal.values.includes(tag);
      });
    } else return current;
  }
  return undefined;
}

function schemaAt(path: readonly PathSegment[], input: unknown): unknown {
  let schema: unknown = Grid;
  let value = input;
  for (const segment of path) {
    const resolved = resolve(schema, value);
    const def = defOf(resolved);
    if (def === undefined) return undefined;
    if (def.type === 'object' && typeof segment === 'string') {
      const shape = def.shape as Record<string, unknown>;
      schema = Object.hasOwn(shape, segment) ? shape[segment] : undefined;
    } else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else return undefined;
    value = childAt(value, segment);
  }
  return resolve(schema, value);
}

function allowedKeys(path: readonly PathSegment[], input: unknown): string[] {
  const def = defOf(schemaAt(path, input));
  return def?.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : [];
}

/** The bounds a number schema's checks set (`minimum` / `maximum`, the tightest of each). */
function numberBounds(schema: unknown): { min?: number; max?: number } {
  const def = defOf(schema);
  if (def?.type !== 'number') return {};
  const bounds: { min?: number; max?: number } = {};
  for (const check of Array.isArray(def.checks) ? (def.checks as unknown[]) : []) {
    const { check: kind, value } = (defOf(check) ?? {}) as { check?: unknown; value?: unknown };
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (kind === 'greater_than') bounds.min = Math.max(bounds.min ?? value, value);
    if (kind === 'less_than') bounds.max = Math.min(bounds.max ?? value, value);
  }
  return bounds;
}

// ---------------------------------------------------------------------------------------------
// Text-level checks

function utf8Length(text: string): number {
  // Each UTF-16 code unit takes at least one byte, at most three.
  if (text.length > MAX_GRID_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// ---------------------------------------------------------------------------------------------

function makeError(
  code: GridErrorCode,
  path: readonly PathSegment[],
  params: Params = {},
): GridError {
  return { code, path: formatGridPath(path), params };
}

function failure(errors: GridError[]): LoadGridResult {
  if (errors.length <= MAX_GRID_ERRORS) return { ok: false, errors };
  return {
    ok: false,
    errors: [
      ...errors.slice(0, MAX_GRID_ERRORS),
      makeError('too_many_errors', [], { shown: MAX_GRID_ERRORS, total: errors.length }),
    ],
  };
}
