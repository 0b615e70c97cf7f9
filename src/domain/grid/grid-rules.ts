/**
 * The rules a grid must follow beyond its shape (ids, references, languages, order), and a
 * quick yes/no check of a whole grid. `load-grid.ts` turns each broken rule into a `GridError`
 * with a formatted path; this module stays free of that reporting so a page that only needs to
 * know whether a stored grid copy is still valid (the answer page) loads less code.
 */
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import type { GridErrorCode } from './grid-errors';
import type { PathSegment } from './locate';
import { LEGAL_REFERENCE_IDS } from '@/domain/legal/reference-ids';
import {
  Dimension,
  Grid,
  ID_MAX_LENGTH,
  ID_PATTERN,
  Item,
  LANGUAGE_PATTERN,
  Recommendation,
  type LocalizedText,
} from './schema';

type Params = Record<string, string | number>;

/**
 * The grid when `loadGrid` would accept `input`, or null: the same schema and the same rules,
 * without building the error report or the hash. For grid copies validated when they were
 * added, re-checked each time they are read back. Never throws.
 */
export function parseValidGrid(input: unknown): Grid | null {
  try {
    const parsed = Grid.safeParse(input);
    if (!parsed.success) return null;
    let valid = true;
    forEachGridRuleBreak(parsed.data, () => {
      valid = false;
    });
    return valid ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A schema built on first use: the page that opens a diagnostic does not pay for it at load. */
function onFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/** The grid's frame: everything but the content of its dimensions and recommendations. */
const gridFrame = onFirstUse(() =>
  z.extend(Grid, {
    dimensions: z.array(z.unknown()).check(z.minLength(1)),
    recommendations: z._default(z.array(z.unknown()), []),
  }),
);

/** A dimension's frame: everything but the content of its items. */
const dimensionFrame = onFirstUse(() =>
  z.extend(Dimension, { items: z.array(z.unknown()).check(z.minLength(1)) }),
);

/**
 * `parseValidGrid` in steps: the frame, then each dimension's frame and each of its items, each
 * recommendation, then the rules, with a `yield` between them, so a caller can pause between
 * steps and never hold the page for long (the first check after a page load is slow: nothing is
 * compiled yet, and a step of a whole dimension was seen taking 10 ms and more on a laptop).
 * Same answer as `parseValidGrid` (a test runs both on every grid and invalid fixture).
 */
export function* parseValidGridSteps(input: unknown): Generator<void, Grid | null, void> {
  try {
    const frame = gridFrame().safeParse(input);
    if (!frame.success) return null;
    const dimensions: Dimension[] = [];
    for (const value of frame.data.dimensions) {
      yield;
      const dimension = dimensionFrame().safeParse(value);
      if (!dimension.success) return null;
      const items = yield* parseEach(Item, dimension.data.items);
      if (!items) return null;
      dimensions.push({ ...dimension.data, items });
    }
    const recommendations = yield* parseEach(Recommendation, frame.data.recommendations);
    if (!recommendations) return null;
    yield;
    const grid: Grid = { ...frame.data, dimensions, recommendations };
    let valid = true;
    forEachGridRuleBreak(grid, () => {
      valid = false;
    });
    return valid ? grid : null;
  } catch {
    return null;
  }
}

/** Parses each value with `schema`, one step each; null at the first that fails. */
function* parseEach<S extends z.ZodMiniType>(
  schema: S,
  values: unknown[],
): Generator<void, z.infer<S>[] | null, void> {
  const parsed: z.infer<S>[] = [];
  for (const value of values) {
    yield;
    const result = schema.safeParse(value);
    if (!result.success) return null;
    parsed.push(result.data as z.infer<S>);
  }
  return parsed;
}

/**
 * Ids a grid may not use: grid, item and dimension ids become keys of the files the app writes
 * (answers, comments), and every JSON file reader refuses these keys (`read-json-file.ts`).
 */
export const RESERVED_IDS: readonly string[] = ['constructor', 'prototype'];

/** Reports one broken rule: its error code, the JSON path and the message's values. */
export type RuleReport = (code: GridErrorCode, path: PathSegment[], params: Params) => void;

/**
 * Checks what the shape cannot: unique ids (one namespace for scales, levels, dimensions,
 * items, recommendations and sources), references to scales, sources, dimensions and items,
 * default language present in every text, ascending levels and scale values, item condition
 * values within the item's scale, legal references known to the catalogue (whose ids are never
 * removed, so a grid valid once stays valid), format-2 fields only in a format-2 grid. Calls
 * `report` for each break, in file order.
 *
 * Reads `grid` leniently, so it also runs on a file whose shape is wrong (`loadGrid` then lists
 * the shape's errors and these together): a part of the wrong type is skipped, and is reported
 * by the shape. On a parsed grid it reads exactly the parsed values.
 */
export function forEachGridRuleBreak(grid: unknown, report: RuleReport): void {
  const push = (code: GridErrorCode, path: PathSegment[], params: Params = {}): void => {
    report(code, path, params);
  };
  // A default language the shape refuses is reported there; checking texts against it would
  // only repeat that error on every text.
  const defaultLang = validLanguage(stringAt(field(grid, 'languages'), 'default'));
  const available = list(field(field(grid, 'languages'), 'available'));

  if (defaultLang !== undefined && Array.isArray(field(field(grid, 'languages'), 'available'))) {
    if (!available.includes(defaultLang)) {
      push('default_language_not_available', ['languages', 'default'], { lang: defaultLang });
    }
  }

  for (const { path, text } of listTexts(grid)) {
    if (Object.keys(text).length === 0) push('empty_text', path);
    else if (defaultLang !== undefined && !Object.hasOwn(text, defaultLang)) {
      push('missing_default_language', path, { lang: defaultLang });
    }
  }

  const schemaVersion = numberAt(grid, 'schemaVersion');
  if (schemaVersion !== undefined && schemaVersion < 2) {
    for (const { path, key } of listVersion2Fields(grid)) {
      push('needs_schema_version', path, { key, version: 2 });
    }
  }

  const seenIds = new Set<string>();
  const gridId = validId(grid);
  if (gridId !== undefined && RESERVED_IDS.includes(gridId)) {
    push('reserved_id', ['id'], { id: gridId });
  }
  for (const { path, id } of listIds(grid)) {
    if (seenIds.has(id)) push('duplicate_id', path, { id });
    else if (RESERVED_IDS.includes(id)) push('reserved_id', path, { id });
    seenIds.add(id);
  }

  // What references may name. A collection the shape refuses (not a list, an element without
  // a valid id) is left undefined: a reference to it is then not checked, as its name may be
  // the one the shape refused.
  const scales = byId(field(grid, 'scales'), 1);
  const sources = byId(field(grid, 'sources') ?? [], 0);
  const dimensions = list(field(grid, 'dimensions'));
  const dimensionIds = byId(field(grid, 'dimensions'), 1);
  const itemScales = itemsById(field(grid, 'dimensions'));

  list(field(grid, 'scales')).forEach((scale, s) => {
    const points = list(field(scale, 'points'));
    for (let p = 1; p < points.length; p++) {
      const value = numberAt(points[p], 'value');
      const previous = numberAt(points[p - 1], 'value');
      if (value === undefined || previous === undefined) continue;
      if (!(value > previous)) {
        push('scale_values_not_ascending', ['scales', s, 'points', p, 'value'], {
          value,
          previous,
        });
      }
    }
  });

  const levels = list(field(grid, 'levels'));
  const firstMin = numberAt(levels[0], 'min');
  if (firstMin !== undefined && firstMin !== 0) {
    push('levels_not_from_zero', ['levels', 0, 'min'], { min: firstMin });
  }
  for (let l = 1; l < levels.length; l++) {
    const min = numberAt(levels[l], 'min');
    const previous = numberAt(levels[l - 1], 'min');
    if (min === undefined || previous === undefined) continue;
    if (!(min > previous)) {
      push('levels_not_ascending', ['levels', l, 'min'], { min, previous });
    }
  }

  const checkSources = (owner: unknown, base: PathSegment[]): void => {
    list(field(owner, 'sources')).forEach((id, k) => {
      if (typeof id === 'string' && sources !== undefined && !sources.has(id)) {
        push('unknown_source', [...base, 'sources', k], { id });
      }
    });
  };

  dimensions.forEach((dimension, d) => {
    list(field(dimension, 'items')).forEach((item, i) => {
      const base: PathSegment[] = ['dimensions', d, 'items', i];
      const scale = stringAt(item, 'scale');
      if (scale !== undefined && scales !== undefined && !scales.has(scale)) {
        push('unknown_scale', [...base, 'scale'], { id: scale });
      }
      const itemKind = stringAt(item, 'kind');
      const scaleKind = scale === undefined ? undefined : stringAt(scales?.get(scale), 'kind');
      if (itemKind !== undefined && scaleKind !== undefined && itemKind !== scaleKind) {
        push('scale_kind_mismatch', [...base, 'kind'], {
          kind: itemKind,
          scale: scale ?? '',
          scaleKind,
        });
      }
      checkSources(item, base);
    });
  });

  const checkCondition = (condition: unknown, path: PathSegment[]): void => {
    switch (stringAt(condition, 'type')) {
      case 'dimension':
      case 'dontKnowRate':
      case 'spread':
      case 'roleGap': {
        const dimension = stringAt(condition, 'dimension');
        if (dimension !== undefined && dimensionIds !== undefined && !dimensionIds.has(dimension)) {
          push('unknown_dimension', [...path, 'dimension'], { id: dimension });
        }
        return;
      }
      case 'item': {
        const item = stringAt(condition, 'item');
        if (item === undefined || itemScales === undefined) return;
        if (!itemScales.has(item)) {
          push('unknown_item', [...path, 'item'], { id: item });
          return;
        }
        const scaleId = stringAt(itemScales.get(item), 'scale');
        const value = numberAt(condition, 'value');
        const scale = scaleId === undefined ? undefined : scales?.get(scaleId);
        const values = list(field(scale, 'points'))
          .map((point) => numberAt(point, 'value'))
          .filter((v): v is number => v !== undefined);
        if (value === undefined || values.length === 0) return;
        const min = Math.min(...values);
        const max = Math.max(...values);
        if (value < min || value > max) {
          push('condition_value_out_of_scale', [...path, 'value'], {
            value,
            scale: scaleId as string,
            min,
            max,
          });
        }
        return;
      }
      case 'all':
      case 'any':
        list(field(condition, 'conditions')).forEach((child, c) => {
          checkCondition(child, [...path, 'conditions', c]);
        });
        return;
      case 'not':
        checkCondition(field(condition, 'condition'), [...path, 'condition']);
        return;
    }
  };

  const legalIds: ReadonlySet<string> = new Set(LEGAL_REFERENCE_IDS);
  list(field(grid, 'recommendations')).forEach((recommendation, r) => {
    const base: PathSegment[] = ['recommendations', r];
    checkSources(recommendation, base);
    list(field(recommendation, 'legalRefs')).forEach((id, k) => {
      if (typeof id === 'string' && !legalIds.has(id))
        push('unknown_legal_ref', [...base, 'legalRefs', k], { id });
    });
    checkCondition(field(recommendation, 'condition'), [...base, 'condition']);
  });
}

// Lenient reading of a grid that may not have its shape: a value of the wrong type reads as
// absent (or an empty list), so each rule checks only what it can read.

function field(node: unknown, key: string): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringAt(node: unknown, key: string): string | undefined {
  const value = field(node, key);
  return typeof value === 'string' ? value : undefined;
}

function numberAt(node: unknown, key: string): number | undefined {
  const value = field(node, key);
  return typeof value === 'number' ? value : undefined;
}

/** A valid id, or undefined. */
function validId(node: unknown): string | undefined {
  const id = stringAt(node, 'id');
  return id !== undefined && id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id) ? id : undefined;
}

function validLanguage(lang: string | undefined): string | undefined {
  return lang !== undefined && LANGUAGE_PATTERN.test(lang) ? lang : undefined;
}

/**
 * The elements of a list by id (the first of each id), or undefined when the shape refuses the
 * list: not a list, shorter than `min`, or an element without a valid id.
 */
function byId(value: unknown, min: number): Map<string, unknown> | undefined {
  if (!Array.isArray(value) || value.length < min) return undefined;
  const found = new Map<string, unknown>();
  for (const node of value as unknown[]) {
    const id = validId(node);
    if (id === undefined) return undefined;
    if (!found.has(id)) found.set(id, node);
  }
  return found;
}

/** Every dimension's items by id, or undefined when some dimension or item cannot be read. */
function itemsById(dimensions: unknown): Map<string, unknown> | undefined {
  if (!Array.isArray(dimensions) || dimensions.length === 0) return undefined;
  const found = new Map<string, unknown>();
  for (const dimension of dimensions as unknown[]) {
    const items = byId(field(dimension, 'items'), 1);
    if (items === undefined) return undefined;
    for (const [id, item] of items) if (!found.has(id)) found.set(id, item);
  }
  return found;
}

function isTextObject(value: unknown): value is LocalizedText {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every localized text of a grid with its path, in file order. */
export function listGridTexts(grid: Grid): { path: PathSegment[]; text: LocalizedText }[] {
  return listTexts(grid);
}

/** `listGridTexts` on a grid that may not have its shape: texts that are not objects are left out. */
function listTexts(grid: unknown): { path: PathSegment[]; text: LocalizedText }[] {
  const texts: { path: PathSegment[]; text: LocalizedText }[] = [];
  const add = (text: unknown, ...path: PathSegment[]): void => {
    if (isTextObject(text)) texts.push({ path, text });
  };
  add(field(grid, 'title'), 'title');
  add(field(grid, 'description'), 'description');
  list(field(grid, 'scales')).forEach((scale, s) => {
    add(field(scale, 'label'), 'scales', s, 'label');
    list(field(scale, 'points')).forEach((point, p) =>
      add(field(point, 'label'), 'scales', s, 'points', p, 'label'),
    );
  });
  list(field(grid, 'levels')).forEach((level, l) =>
    add(field(level, 'label'), 'levels', l, 'label'),
  );
  list(field(grid, 'dimensions')).forEach((dimension, d) => {
    add(field(dimension, 'label'), 'dimensions', d, 'label');
    add(field(dimension, 'description'), 'dimensions', d, 'description');
    list(field(dimension, 'items')).forEach((item, i) => {
      const base: PathSegment[] = ['dimensions', d, 'items', i];
      add(field(item, 'text'), ...base, 'text');
      add(field(item, 'help'), ...base, 'help');
      add(field(field(item, 'poles'), 'low'), ...base, 'poles', 'low');
      add(field(field(item, 'poles'), 'high'), ...base, 'poles', 'high');
      add(field(item, 'specification'), ...base, 'specification');
      add(field(item, 'expected'), ...base, 'expected');
      add(field(item, 'observed'), ...base, 'observed');
      list(field(item, 'roleWording')).forEach((wording, w) =>
        add(field(wording, 'text'), ...base, 'roleWording', w, 'text'),
      );
    });
  });
  list(field(grid, 'recommendations')).forEach((recommendation, r) => {
    add(field(recommendation, 'title'), 'recommendations', r, 'title');
    add(field(recommendation, 'body'), 'recommendations', r, 'body');
    list(field(recommendation, 'actions')).forEach((action, a) =>
      add(action, 'recommendations', r, 'actions', a),
    );
    add(field(recommendation, 'negotiation'), 'recommendations', r, 'negotiation');
  });
  list(field(grid, 'sources')).forEach((source, s) =>
    add(field(source, 'label'), 'sources', s, 'label'),
  );
  return texts;
}

/** Fields of format version 2 used in the grid, with their paths, in file order. */
function listVersion2Fields(grid: unknown): { path: PathSegment[]; key: string }[] {
  const found: { path: PathSegment[]; key: string }[] = [];
  const check = (node: unknown, base: PathSegment[], keys: readonly string[]): void => {
    for (const key of keys) {
      if (field(node, key) !== undefined) found.push({ path: [...base, key], key });
    }
  };
  list(field(grid, 'scales')).forEach((scale, s) => check(scale, ['scales', s], ['kind']));
  list(field(grid, 'dimensions')).forEach((dimension, d) => {
    check(dimension, ['dimensions', d], ['appliesWhen']);
    list(field(dimension, 'items')).forEach((item, i) => {
      check(
        item,
        ['dimensions', d, 'items', i],
        ['appliesWhen', 'expected', 'observed', 'roleWording', 'kind'],
      );
    });
  });
  const checkRoleConditions = (condition: unknown, path: PathSegment[]): void => {
    if (stringAt(condition, 'type') === 'dimension') check(condition, path, ['role']);
    list(field(condition, 'conditions')).forEach((child, c) =>
      checkRoleConditions(child, [...path, 'conditions', c]),
    );
    const inner = field(condition, 'condition');
    if (inner !== undefined) checkRoleConditions(inner, [...path, 'condition']);
  };
  list(field(grid, 'recommendations')).forEach((recommendation, r) => {
    check(recommendation, ['recommendations', r], ['appliesWhen']);
    checkRoleConditions(field(recommendation, 'condition'), ['recommendations', r, 'condition']);
  });
  return found;
}

function listIds(grid: unknown): { path: PathSegment[]; id: string }[] {
  const found: { path: PathSegment[]; id: string }[] = [];
  const add = (node: unknown, ...path: PathSegment[]): void => {
    const id = validId(node);
    if (id !== undefined) found.push({ path: [...path, 'id'], id });
  };
  list(field(grid, 'scales')).forEach((scale, s) => add(scale, 'scales', s));
  list(field(grid, 'levels')).forEach((level, l) => add(level, 'levels', l));
  list(field(grid, 'dimensions')).forEach((dimension, d) => {
    add(dimension, 'dimensions', d);
    list(field(dimension, 'items')).forEach((item, i) => add(item, 'dimensions', d, 'items', i));
  });
  list(field(grid, 'recommendations')).forEach((recommendation, r) =>
    add(recommendation, 'recommendations', r),
  );
  list(field(grid, 'sources')).forEach((source, s) => add(source, 'sources', s));
  return found;
}
