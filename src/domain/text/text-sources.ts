/**
 * The displayed texts of the project's JSON sources, with their language and JSON path, for the
 * typography script (`npm run fix:typography`) and the text contract tests:
 *
 * - a locale file (`src/i18n/locales/<lang>/*.json`): every string is in the file's language;
 * - a grid or the legal catalogue: every `fr` / `en` string of a localized text (an object with
 *   a `fr` string), plus the keys named in `frenchKeys` (the catalogue's `source`, a French
 *   citation of Légifrance shown as is in both languages).
 *
 * `mapTexts` rebuilds the JSON with each text replaced; `listTexts` only lists them.
 */

export type TextLang = 'fr' | 'en';

/** Where a text sits: `dimensions[0].items[2].text.fr`, or `section.title` in a locale file. */
export type TextEntry = { path: string; lang: TextLang; text: string };

export type TextSource =
  { kind: 'locale'; lang: TextLang } | { kind: 'localized'; frenchKeys?: readonly string[] };

type Visit = (entry: TextEntry) => string;

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function isLocalized(value: Record<string, unknown>): boolean {
  return typeof value.fr === 'string';
}

function walk(value: unknown, path: string, source: TextSource, visit: Visit): unknown {
  if (typeof value === 'string') {
    return source.kind === 'locale' ? visit({ path, lang: source.lang, text: value }) : value;
  }
  if (Array.isArray(value)) return value.map((v, i) => walk(v, join(path, i), source, visit));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const localized = source.kind === 'localized' && isLocalized(record);
  for (const [key, child] of Object.entries(record)) {
    const at = join(path, key);
    if (localized && (key === 'fr' || key === 'en') && typeof child === 'string') {
      out[key] = visit({ path: at, lang: key, text: child });
    } else if (
      source.kind === 'localized' &&
      typeof child === 'string' &&
      source.frenchKeys?.includes(key)
    ) {
      out[key] = visit({ path: at, lang: 'fr', text: child });
    } else {
      out[key] = walk(child, at, source, visit);
    }
  }
  return out;
}

/** The JSON with every displayed text passed through `visit` (keys and order kept). */
export function mapTexts(json: unknown, source: TextSource, visit: Visit): unknown {
  return walk(json, '', source, visit);
}

/** Every displayed text of the JSON, in document order. */
export function listTexts(json: unknown, source: TextSource): TextEntry[] {
  const entries: TextEntry[] = [];
  walk(json, '', source, (entry) => {
    entries.push(entry);
    return entry.text;
  });
  return entries;
}
