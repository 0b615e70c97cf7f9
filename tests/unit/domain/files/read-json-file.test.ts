import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { createDiagnostic } from '@/domain/diagnostic/operations';
import { buildBackup, parseBackup, serializeBackup } from '@/domain/files/backup';
import { parseDiagnosticFile } from '@/domain/files/parse-diagnostic-file';
import {
  findTooDeepOffset,
  MAX_JSON_DEPTH,
  readJsonFile,
  type JsonFileError,
  type JsonFileKind,
} from '@/domain/files/read-json-file';
import {
  buildResponseFile,
  parseResponseFile,
  serializeResponseFile,
} from '@/domain/files/response-file';
import type { GridError } from '@/domain/grid/grid-errors';
import { loadGrid, loadGridText } from '@/domain/grid/load-grid';
import { createTranslate, formatGridErrorMessage } from '@/domain/grid/locate';
import { jsonFileErrorMessage } from '@/i18n/file-errors';
import enGridErrors from '@/i18n/locales/en/grid-errors.json';
import frGridErrors from '@/i18n/locales/fr/grid-errors.json';
import { en } from '@/i18n/resources-en';
import { fr } from '@/i18n/resources-fr';
import { makeGrid } from '../../../fixtures/make-grid';
import { frenchTypography } from '@/domain/text/french-typography';

/**
 * The same hostile files, run against every kind of JSON file the app reads (the one reader):
 * each kind's reader must refuse each of them the same way, with a translated message.
 */

const NOW = '2025-03-01T10:00:00.000Z';
const GRID_TEXT = readFileSync(join(__dirname, '../../../fixtures/grids/minimal.json'), 'utf8');
const source = makeGrid();
const loaded = loadGrid(source);
if (!loaded.ok) throw new Error('fixture grid invalid');
const DIAGNOSTIC = createDiagnostic(
  {
    title: 'Atelier',
    purpose: 'workshop',
    project: { name: 'Outil', kind: 'other', phase: 'choice' },
    grids: [{ grid: loaded.grid, hash: loaded.hash, source }],
  },
  { id: 'd1', now: NOW },
);
DIAGNOSTIC.respondents.push({
  id: 'r1',
  role: 'employee',
  answers: { 'test-grid': { a1: 3 } },
  comments: {},
  createdAt: NOW,
  updatedAt: NOW,
});

/** A valid file of each kind, and its reader reduced to the outcome's kind. */
type Outcome =
  | 'ok'
  | 'invalidJson'
  | 'tooDeep'
  | 'forbiddenKey'
  | 'wrongKind'
  | 'unsupportedVersion'
  | 'invalidContent';

const GRID_OUTCOMES: Partial<Record<GridError['code'], Outcome>> = {
  invalid_json: 'invalidJson',
  invalid_json_at: 'invalidJson',
  too_deep: 'tooDeep',
  forbidden_key: 'forbiddenKey',
  wrong_file_kind: 'wrongKind',
  unsupported_schema_version: 'unsupportedVersion',
};

type Kind = {
  valid: string;
  read: (text: string) => { outcome: Outcome; error?: JsonFileError; gridErrors?: GridError[] };
};

function fromResult(
  result: { ok: true } | { ok: false; error: JsonFileError | { code: 'tooLarge' | 'unreadable' } },
) {
  if (result.ok) return { outcome: 'ok' as const };
  const error = result.error as JsonFileError;
  return { outcome: error.code, error };
}

const KINDS: Record<JsonFileKind, Kind> = {
  grid: {
    valid: GRID_TEXT,
    read: (text) => {
      const result = loadGridText(text);
      if (result.ok) return { outcome: 'ok' };
      const first = result.errors[0] as GridError;
      return { outcome: GRID_OUTCOMES[first.code] ?? 'invalidContent', gridErrors: result.errors };
    },
  },
  responses: {
    valid: serializeResponseFile(buildResponseFile(DIAGNOSTIC, { exportedAt: NOW })),
    read: (text) => fromResult(parseResponseFile(text)),
  },
  diagnostic: {
    valid: JSON.stringify(DIAGNOSTIC, null, 2),
    read: (text) => fromResult(parseDiagnosticFile(text)),
  },
  backup: {
    valid: serializeBackup(buildBackup({ diagnostics: [DIAGNOSTIC], grids: [], createdAt: NOW })),
    read: (text) => fromResult(parseBackup(text)),
  },
};

/** Adds `"key": value` as the first field of the file's root object. */
function withRootField(text: string, key: string, value: string): string {
  return text.replace('{', `{"${key}": ${value},`);
}

/** Replaces the root field `key`'s value. */
function withField(text: string, key: string, value: unknown): string {
  const data = JSON.parse(text) as Record<string, unknown>;
  data[key] = value;
  return JSON.stringify(data);
}

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

/** [name, file text from a valid one, expected outcome, expected outcome for a grid]. */
const HOSTILE: [string, (valid: string, kind: JsonFileKind) => string, Outcome, Outcome?][] = [
  ['valid, as written', (valid) => valid, 'ok'],
  ['valid, with a byte-order mark', (valid) => '\uFEFF' + valid, 'ok'],
  ['valid with CRLF line ends', (valid) => valid.replace(/\n/g, '\r\n'), 'ok'],
  [`nested ${MAX_JSON_DEPTH + 1} levels deep`, (v) => withRootField(v, 'x', deep(100)), 'tooDeep'],
  ['nested 10,000 levels deep (valid JSON)', (v) => withRootField(v, 'x', deep(10_000)), 'tooDeep'],
  ['nested 200,000 levels deep', (v) => withRootField(v, 'x', deep(200_000)), 'tooDeep'],
  ['cut short', (valid) => valid.slice(0, valid.length - 10), 'invalidJson'],
  ['with a trailing comma', (valid) => valid.replace(/\}\s*$/, ',}'), 'invalidJson'],
  ['empty', () => '', 'invalidJson'],
  [
    'a __proto__ key at the root',
    (v) => withRootField(v, '__proto__', '{"polluted": 1}'),
    'forbiddenKey',
  ],
  ['a constructor key at the root', (v) => withRootField(v, 'constructor', '{}'), 'forbiddenKey'],
  [
    'a prototype key deep inside',
    (v) => withRootField(v, 'x', '{"a": [{"prototype": {"polluted": 1}}]}'),
    'forbiddenKey',
  ],
  [
    '__proto__ spelled with an escape',
    (v) => withRootField(v, '\\u005f_proto__', '1'),
    'forbiddenKey',
  ],
  ['an array', () => '[]', 'wrongKind', 'invalidContent'],
  ['a number', () => '42', 'wrongKind', 'invalidContent'],
  [
    'a file of another kind',
    (_valid, kind) => KINDS[kind === 'backup' ? 'diagnostic' : 'backup'].valid,
    'wrongKind',
  ],
  [
    'an unknown format',
    (valid) => withField(valid, 'format', 'someone/else'),
    'wrongKind',
    'invalidContent',
  ],
  [
    'a format version from the future',
    (valid, kind) => withField(valid, kind === 'grid' ? 'schemaVersion' : 'formatVersion', 99),
    'unsupportedVersion',
  ],
  [
    'a required field missing',
    (valid, kind) => {
      const data = JSON.parse(valid) as Record<string, unknown>;
      delete data[kind === 'grid' ? 'id' : kind === 'responses' ? 'exportedAt' : 'createdAt'];
      return JSON.stringify(data);
    },
    'invalidContent',
  ],
];

async function translators() {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'fr', fallbackLng: 'fr', resources: { fr, en } });
  return {
    fr: instance.getFixedT('fr', 'files') as unknown as TFunction<'files'>,
    en: instance.getFixedT('en', 'files') as unknown as TFunction<'files'>,
  };
}

const GRID_TRANSLATE = { fr: createTranslate(frGridErrors), en: createTranslate(enGridErrors) };

/** English words of zod's own messages, which must never reach the French interface. */
const ZOD_ENGLISH = /Invalid input|expected|received|Too (big|small)|Unrecognized/;

describe.each(Object.keys(KINDS) as JsonFileKind[])('every reader: %s', (kind) => {
  it.each(HOSTILE)('%s', async (_name, make, outcome, gridOutcome) => {
    const text = make(KINDS[kind].valid, kind);
    const read = KINDS[kind].read(text);
    expect(read.outcome).toBe(kind === 'grid' ? (gridOutcome ?? outcome) : outcome);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (read.outcome === 'ok') return;
    const t = await translators();
    for (const lang of ['fr', 'en'] as const) {
      const message =
        read.error !== undefined
          ? jsonFileErrorMessage(t[lang], 'fichier.json', read.error)
          : (read.gridErrors ?? [])
              .map((e) => formatGridErrorMessage(e, GRID_TRANSLATE[lang]))
              .join(' ');
      expect(message).not.toMatch(/\{\{|\}\}|undefined|\[object/);
      expect(message).not.toMatch(/\b(read|problem|kind|valueType)\.[a-zA-Z]/);
      if (lang === 'fr') expect(message).not.toMatch(ZOD_ENGLISH);
      if (read.outcome === 'tooDeep') {
        expect(message).toContain(String(MAX_JSON_DEPTH));
        expect(message).toContain(lang === 'fr' ? 'structure trop profonde' : 'structure too deep');
      }
      if (read.outcome === 'invalidJson' && text !== '') expect(message).toMatch(/\d+.*\d+/);
    }
  });
});

describe('readJsonFile', () => {
  it('names the kind found and the kind expected', () => {
    expect(readJsonFile(KINDS.backup.valid, ['diagnostic'])).toEqual({
      ok: false,
      error: {
        code: 'wrongKind',
        expected: 'diagnostic',
        found: 'backup',
        format: 'qvt-numerique/backup',
      },
    });
    expect(readJsonFile(GRID_TEXT, ['responses', 'diagnostic'])).toMatchObject({
      ok: false,
      error: { code: 'wrongKind', found: 'grid' },
    });
  });

  it('checks the version before the content, and says which was found', () => {
    const text = JSON.stringify({ format: 'qvt-numerique/responses', formatVersion: '2' });
    expect(readJsonFile(text, ['responses'])).toEqual({
      ok: false,
      error: { code: 'unsupportedVersion', kind: 'responses', found: '"2"', expected: 1 },
    });
  });

  it('locates depth and syntax errors by line and column', () => {
    const text = `{\n  "a": ${'['.repeat(MAX_JSON_DEPTH + 5)}`;
    expect(readJsonFile(text, ['responses'])).toEqual({
      ok: false,
      error: { code: 'tooDeep', limit: MAX_JSON_DEPTH, line: 2, column: 7 + MAX_JSON_DEPTH },
    });
    expect(readJsonFile('{\n  "a": tru\n}', ['grid'])).toEqual({
      ok: false,
      error: { code: 'invalidJson', line: 2, column: 11 },
    });
  });

  it('counts brackets inside strings as text, escaped quotes included', () => {
    const inString = `"${'['.repeat(500)}\\"${'{'.repeat(500)}"`;
    expect(findTooDeepOffset(`{"a": ${inString}}`, 2)).toBeUndefined();
    expect(findTooDeepOffset('[[[]]]', 3)).toBeUndefined();
    expect(findTooDeepOffset('[[[[]]]]', 3)).toBe(3);
  });

  it('a response file nested 10,000 levels deep gets the depth message, in French and English (regression)', async () => {
    const text = withRootField(KINDS.responses.valid, 'x', deep(10_000));
    const result = parseResponseFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const t = await translators();
    expect(jsonFileErrorMessage(t.fr, 'r.json', result.error as JsonFileError)).toBe(
      frenchTypography(
        `Le fichier « r.json » a une structure trop profonde : plus de ${MAX_JSON_DEPTH} niveaux d’objets ou de listes imbriqués (limite dépassée ligne 1, colonne ${6 + MAX_JSON_DEPTH}). Il n’a pas été lu.`,
      ),
    );
    expect(jsonFileErrorMessage(t.en, 'r.json', result.error as JsonFileError)).toContain(
      'structure too deep',
    );
  });

  it('a broken diagnostic file is described in French, with the place of each problem', async () => {
    const data = JSON.parse(KINDS.diagnostic.valid) as {
      title: unknown;
      respondents: { role: string }[];
    };
    data.title = 42;
    data.respondents[0]!.role = 'boss';
    const result = parseDiagnosticFile(JSON.stringify(data));
    if (result.ok) throw new Error('expected a refusal');
    const t = await translators();
    const message = jsonFileErrorMessage(t.fr, 'd.json', result.error);
    expect(message).toContain(
      frenchTypography('Le fichier « d.json » n’est pas un fichier de diagnostic valide'),
    );
    expect(message).toContain(frenchTypography('title : texte attendu, nombre trouvé'));
    expect(message).toContain(frenchTypography('respondents[0].role : valeur « boss » non prévue'));
    expect(message).not.toMatch(ZOD_ENGLISH);
  });
});
