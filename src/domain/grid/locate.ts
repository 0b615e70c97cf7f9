/**
 * Paths of grid errors (`dimensions[2].items[0].scale`) and their wording for people
 * (« dimension « Autonomie », item 1, échelle »). Pure: words come from a `translate`
 * function over the `grid-errors` namespace, labels from the (possibly invalid) grid itself.
 */
import type { GridError } from './grid-errors';

/** A translation function over the `grid-errors` namespace (e.g. i18next's `t` bound to it). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const MAX_LABEL_LENGTH = 60;

/** Writes path segments as `dimensions[2].items[0].scale`; odd keys are quoted: `title["e n"]`. */
export function formatGridPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** Reads a path written by `formatGridPath` back into segments (lenient: never throws). */
export function parseGridPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const char = path[i];
    if (char === '.') {
      i++;
    } else if (char === '[') {
      if (path[i + 1] === '"') {
        let end = i + 2;
        while (end < path.length && path[end] !== '"') end += path[end] === '\\' ? 2 : 1;
        try {
          segments.push(JSON.parse(path.slice(i + 1, end + 1)) as string);
        } catch {
          segments.push(path.slice(i + 2, end));
        }
        i = end + 2;
      } else {
        const end = path.indexOf(']', i);
        const stop = end === -1 ? path.length : end;
        const text = path.slice(i + 1, stop);
        segments.push(/^\d+$/.test(text) ? Number(text) : text);
        i = stop + 1;
      }
    } else {
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      segments.push(path.slice(i, end));
      i = end;
    }
  }
  return segments;
}

/** Field names that have a word under `place.field.<name>` in the locale files. */
export const GRID_FIELD_NAMES = [
  '$schema',
  'schemaVersion',
  'id',
  'version',
  'languages',
  'default',
  'available',
  'family',
  'title',
  'description',
  'minCoverage',
  'scales',
  'levels',
  'dimensions',
  'recommendations',
  'sources',
  'label',
  'points',
  'value',
  'allowDontKnow',
  'allowNotApplicable',
  'min',
  'color',
  'items',
  'text',
  'help',
  'poles',
  'low',
  'high',
  'scale',
  'reverse',
  'weight',
  'specification',
  'body',
  'actions',
  'audiences',
  'priority',
  'negotiation',
  'checklist',
  'maxScore',
  'condition',
  'conditions',
  'type',
  'op',
  'dimension',
  'item',
  'above',
  'url',
] as const;

const FIELD_NAMES: ReadonlySet<string> = new Set(GRID_FIELD_NAMES);

const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'label',
  'text',
  'help',
  'specification',
  'body',
  'negotiation',
  'low',
  'high',
]);

type Context =
  | 'root'
  | 'dimension'
  | 'item'
  | 'scale'
  | 'level'
  | 'recommendation'
  | 'source'
  | 'condition'
  | 'poles'
  | 'languages'
  | 'text'
  | 'other';

type Collection = {
  /** Context of the elements. */
  context: Context;
  /** Key under `place.` used with `{{n}}`. */
  numbered: string;
  /** Key under `place.` used with `{{label}}` when the element has a label, title or id. */
  labelled?: string;
  labelField?: string;
};

const COLLECTIONS: Partial<Record<Context, Record<string, Collection>>> = {
  root: {
    dimensions: {
      context: 'dimension',
      numbered: 'dimensionN',
      labelled: 'dimension',
      labelField: 'label',
    },
    scales: { context: 'scale', numbered: 'scaleN', labelled: 'scale', labelField: 'label' },
    levels: { context: 'level', numbered: 'levelN', labelled: 'level', labelField: 'label' },
    recommendations: {
      context: 'recommendation',
      numbered: 'recommendationN',
      labelled: 'recommendation',
      labelField: 'title',
    },
    sources: { context: 'source', numbered: 'sourceN', labelled: 'source', labelField: 'label' },
  },
  dimension: { items: { context: 'item', numbered: 'item' } },
  scale: { points: { context: 'other', numbered: 'point' } },
  item: { sources: { context: 'other', numbered: 'citedSource' } },
  recommendation: {
    sources: { context: 'other', numbered: 'citedSource' },
    actions: { context: 'text', numbered: 'action' },
    audiences: { context: 'other', numbered: 'audience' },
  },
  condition: { conditions: { context: 'condition', numbered: 'subcondition' } },
  languages: { available: { context: 'other', numbered: 'availableLanguage' } },
};

/**
 * Where `path` points in the grid, in words: `dimensions[0].items[0].scale` gives
 * « dimension « Autonomie », item 1, échelle ». Labels are read from `input` (which may be
 * invalid) in `lang`, else in the grid's default language, else any; numbers start at 1.
 */
export function describeGridPath(
  input: unknown,
  path: string,
  lang: string,
  translate: Translate,
): string {
  const segments = parseGridPath(path);
  if (segments.length === 0) return translate('place.root');
  const defaultLang = readDefaultLanguage(input) ?? lang;
  const parts: string[] = [];
  let node: unknown = input;
  let context: Context = 'root';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as PathSegment;
    const next = segments[i + 1];
    if (typeof segment === 'number') {
      parts.push(translate('place.element', { n: segment + 1 }));
      node = childAt(node, segment);
      context = 'other';
      continue;
    }
    const collection: Collection | undefined = COLLECTIONS[context]?.[segment];
    if (collection !== undefined && typeof next === 'number') {
      const element = childAt(childAt(node, segment), next);
      const label = collection.labelled
        ? readLabel(element, collection.labelField ?? 'label', lang, defaultLang)
        : undefined;
      parts.push(
        label !== undefined && collection.labelled !== undefined
          ? translate(`place.${collection.labelled}`, { label })
          : translate(`place.${collection.numbered}`, { n: next + 1 }),
      );
      node = element;
      context = collection.context;
      i++;
      continue;
    }
    if (context === 'text') {
      parts.push(translate('place.language', { lang: clip(segment) }));
      context = 'other';
    } else if (segment === 'condition' && context === 'condition') {
      parts.push(translate('place.negatedCondition'));
    } else if (FIELD_NAMES.has(segment)) {
      parts.push(translate(`place.field.${segment}`));
      context = fieldContext(segment, context);
    } else {
      parts.push(translate('place.unknownField', { name: clip(segment) }));
      context = 'other';
    }
    node = childAt(node, segment);
  }
  return parts.join(translate('place.separator'));
}

/** The message of an error in the translator's language, placeholders filled. */
export function formatGridErrorMessage(error: GridError, translate: Translate): string {
  if (error.code === 'wrong_file_kind') {
    return translate(error.code, { found: translate(`fileKind.${String(error.params.found)}`) });
  }
  if (error.code !== 'wrong_type') return translate(error.code, error.params);
  return translate(error.code, {
    ...error.params,
    expected: translate(`valueType.${String(error.params.expected)}`),
    received: translate(`valueType.${String(error.params.received)}`),
  });
}

/** « <place> : <message> » for one error, e.g. « dimension « Autonomie », item 1, échelle : … ». */
export function formatGridError(
  error: GridError,
  input: unknown,
  lang: string,
  translate: Translate,
): string {
  return translate('withPlace', {
    place: describeGridPath(input, error.path, lang, translate),
    message: formatGridErrorMessage(error, translate),
  });
}

function fieldContext(field: string, context: Context): Context {
  if (TEXT_FIELDS.has(field)) return 'text';
  if (field === 'poles') return 'poles';
  if (field === 'condition') return 'condition';
  if (field === 'languages' && context === 'root') return 'languages';
  return 'other';
}

function childAt(node: unknown, segment: PathSegment): unknown {
  if (typeof segment === 'number')
    return Array.isArray(node) ? (node[segment] as unknown) : undefined;
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
}

function readDefaultLanguage(input: unknown): string | undefined {
  const value = childAt(childAt(input, 'languages'), 'default');
  return typeof value === 'string' ? value : undefined;
}

function readLabel(
  element: unknown,
  field: string,
  lang: string,
  defaultLang: string,
): string | undefined {
  const text = childAt(element, field);
  if (text !== null && typeof text === 'object' && !Array.isArray(text)) {
    for (const key of [lang, defaultLang, ...Object.keys(text)]) {
      const value = childAt(text, key);
      if (typeof value === 'string' && value.trim() !== '') return clip(value.trim());
    }
  }
  const id = childAt(element, 'id');
  return typeof id === 'string' && id.trim() !== '' ? clip(id.trim()) : undefined;
}

function clip(text: string): string {
  if (text.length <= MAX_LABEL_LENGTH) return text;
  return `${Array.from(text.slice(0, MAX_LABEL_LENGTH * 2))
    .slice(0, MAX_LABEL_LENGTH - 1)
    .join('')}…`;
}

/**
 * A minimal `Translate` over a nested messages object (a `grid-errors.json`), with i18next's
 * `{{name}}` interpolation. For scripts and tests; the app uses i18next. An unknown key gives
 * the key itself, an unknown placeholder is left as written.
 */
export function createTranslate(messages: unknown): Translate {
  return (key, params = {}) => {
    let node: unknown = messages;
    for (const part of key.split('.')) {
      node =
        node !== null && typeof node === 'object' && Object.hasOwn(node, part)
          ? (node as Record<string, unknown>)[part]
          : undefined;
    }
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{\s*([\w$]+)\s*\}\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}
