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
  Item,
  Recommendation,
  type Condition,
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

/** Reports one broken rule: its error code, the JSON path and the message's values. */
export type RuleReport = (code: GridErrorCode, path: PathSegment[], params: Params) => void;

/**
 * Checks what the shape cannot: unique ids (one namespace for scales, levels, dimensions,
 * items, recommendations and sources), references to scales, sources, dimensions and items,
 * default language present in every text, ascending levels and scale values, item condition
 * values within the item's scale, legal references known to the catalogue (whose ids are never
 * removed, so a grid valid once stays valid). Calls `report` for each break, in file order.
 */
export function forEachGridRuleBreak(grid: Grid, report: RuleReport): void {
  const push = (code: GridErrorCode, path: PathSegment[], params: Params = {}): void => {
    report(code, path, params);
  };
  const defaultLang = grid.languages.default;

  if (!grid.languages.available.includes(defaultLang)) {
    push('default_language_not_available', ['languages', 'default'], { lang: defaultLang });
  }

  for (const { path, text } of listGridTexts(grid)) {
    if (Object.keys(text).length === 0) push('empty_text', path);
    else if (!Object.hasOwn(text, defaultLang)) {
      push('missing_default_language', path, { lang: defaultLang });
    }
  }

  const seenIds = new Set<string>();
  for (const { path, id } of listGridIds(grid)) {
    if (seenIds.has(id)) push('duplicate_id', path, { id });
    seenIds.add(id);
  }

  const scales = new Map(grid.scales.map((scale) => [scale.id, scale]));
  const sourceIds = new Set(grid.sources.map((source) => source.id));
  const dimensionIds = new Set(grid.dimensions.map((dimension) => dimension.id));
  const itemScales = new Map<string, string>();
  for (const dimension of grid.dimensions) {
    for (const item of dimension.items) itemScales.set(item.id, item.scale);
  }

  grid.scales.forEach((scale, s) => {
    for (let p = 1; p < scale.points.length; p++) {
      const value = (scale.points[p] as { value: number }).value;
      const previous = (scale.points[p - 1] as { value: number }).value;
      if (!(value > previous)) {
        push('scale_values_not_ascending', ['scales', s, 'points', p, 'value'], {
          value,
          previous,
        });
      }
    }
  });

  if (grid.levels !== undefined) {
    const first = grid.levels[0];
    if (first !== undefined && first.min !== 0) {
      push('levels_not_from_zero', ['levels', 0, 'min'], { min: first.min });
    }
    for (let l = 1; l < grid.levels.length; l++) {
      const min = (grid.levels[l] as { min: number }).min;
      const previous = (grid.levels[l - 1] as { min: number }).min;
      if (!(min > previous)) {
        push('levels_not_ascending', ['levels', l, 'min'], { min, previous });
      }
    }
  }

  const checkSources = (sources: readonly string[], base: PathSegment[]): void => {
    sources.forEach((id, k) => {
      if (!sourceIds.has(id)) push('unknown_source', [...base, 'sources', k], { id });
    });
  };

  grid.dimensions.forEach((dimension, d) => {
    dimension.items.forEach((item, i) => {
      const base: PathSegment[] = ['dimensions', d, 'items', i];
      if (!scales.has(item.scale)) push('unknown_scale', [...base, 'scale'], { id: item.scale });
      checkSources(item.sources, base);
    });
  });

  const checkCondition = (condition: Condition, path: PathSegment[]): void => {
    switch (condition.type) {
      case 'dimension':
      case 'dontKnowRate':
      case 'spread':
      case 'roleGap':
        if (!dimensionIds.has(condition.dimension)) {
          push('unknown_dimension', [...path, 'dimension'], { id: condition.dimension });
        }
        return;
      case 'item': {
        const scaleId = itemScales.get(condition.item);
        if (scaleId === undefined) {
          push('unknown_item', [...path, 'item'], { id: condition.item });
          return;
        }
        const scale = scales.get(scaleId);
        if (scale === undefined) return;
        const values = scale.points.map((point) => point.value);
        const min = Math.min(...values);
        const max = Math.max(...values);
        if (condition.value < min || condition.value > max) {
          push('condition_value_out_of_scale', [...path, 'value'], {
            value: condition.value,
            scale: scaleId,
            min,
            max,
          });
        }
        return;
      }
      case 'all':
      case 'any':
        condition.conditions.forEach((child, c) => {
          checkCondition(child, [...path, 'conditions', c]);
        });
        return;
      case 'not':
        checkCondition(condition.condition, [...path, 'condition']);
        return;
    }
  };

  const legalIds: ReadonlySet<string> = new Set(LEGAL_REFERENCE_IDS);
  grid.recommendations.forEach((recommendation, r) => {
    const base: PathSegment[] = ['recommendations', r];
    checkSources(recommendation.sources, base);
    recommendation.legalRefs?.forEach((id, k) => {
      if (!legalIds.has(id)) push('unknown_legal_ref', [...base, 'legalRefs', k], { id });
    });
    checkCondition(recommendation.condition, [...base, 'condition']);
  });
}

/** Every localized text of a grid with its path, in file order. */
export function listGridTexts(grid: Grid): { path: PathSegment[]; text: LocalizedText }[] {
  const texts: { path: PathSegment[]; text: LocalizedText }[] = [];
  const add = (text: LocalizedText | undefined, ...path: PathSegment[]): void => {
    if (text !== undefined) texts.push({ path, text });
  };
  add(grid.title, 'title');
  add(grid.description, 'description');
  grid.scales.forEach((scale, s) => {
    add(scale.label, 'scales', s, 'label');
    scale.points.forEach((point, p) => add(point.label, 'scales', s, 'points', p, 'label'));
  });
  grid.levels?.forEach((level, l) => add(level.label, 'levels', l, 'label'));
  grid.dimensions.forEach((dimension, d) => {
    add(dimension.label, 'dimensions', d, 'label');
    add(dimension.description, 'dimensions', d, 'description');
    dimension.items.forEach((item, i) => {
      const base: PathSegment[] = ['dimensions', d, 'items', i];
      add(item.text, ...base, 'text');
      add(item.help, ...base, 'help');
      add(item.poles?.low, ...base, 'poles', 'low');
      add(item.poles?.high, ...base, 'poles', 'high');
      add(item.specification, ...base, 'specification');
    });
  });
  grid.recommendations.forEach((recommendation, r) => {
    add(recommendation.title, 'recommendations', r, 'title');
    add(recommendation.body, 'recommendations', r, 'body');
    recommendation.actions.forEach((action, a) => add(action, 'recommendations', r, 'actions', a));
    add(recommendation.negotiation, 'recommendations', r, 'negotiation');
  });
  grid.sources.forEach((source, s) => add(source.label, 'sources', s, 'label'));
  return texts;
}

function listGridIds(grid: Grid): { path: PathSegment[]; id: string }[] {
  const ids: { path: PathSegment[]; id: string }[] = [];
  grid.scales.forEach((scale, s) => ids.push({ path: ['scales', s, 'id'], id: scale.id }));
  grid.levels?.forEach((level, l) => ids.push({ path: ['levels', l, 'id'], id: level.id }));
  grid.dimensions.forEach((dimension, d) => {
    ids.push({ path: ['dimensions', d, 'id'], id: dimension.id });
    dimension.items.forEach((item, i) => {
      ids.push({ path: ['dimensions', d, 'items', i, 'id'], id: item.id });
    });
  });
  grid.recommendations.forEach((recommendation, r) => {
    ids.push({ path: ['recommendations', r, 'id'], id: recommendation.id });
  });
  grid.sources.forEach((source, s) => ids.push({ path: ['sources', s, 'id'], id: source.id }));
  return ids;
}
