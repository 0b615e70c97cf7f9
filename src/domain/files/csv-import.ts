/**
 * Import of a CSV exported by an online survey tool: one row per respondent, one column per
 * question. The user maps columns to the diagnostic's items (and one column to the role, or
 * gives one role to everyone); answers are read as scale values, scale labels in any of the
 * grid's languages, "don't know" or "not applicable". The result is a response file, so the
 * import goes through the same preview, duplicate and version checks as any other file.
 *
 * Pure: the CSV is already split into cells by the caller (papaparse, in a worker).
 */
import type { AnswerValue, Role } from '@/domain/answers/answers';
import { ROLES } from '@/domain/answers/roles';
import type { Grid, Item, Scale } from '@/domain/grid/schema';
import { sha256Hex } from '@/domain/grid/sha256';
import type { ResponseFile, ResponseFileRespondent } from './response-file';
import { RESPONSE_FILE_FORMAT, RESPONSE_FILE_FORMAT_VERSION } from './response-file-format';
import { answerCodes, ROLE_ANSWER_CODES, ROLE_QUESTION_CODE, surveyPlan } from './survey-codes';

export type ColumnTarget =
  | { kind: 'ignore' }
  | { kind: 'role' }
  | { kind: 'item'; gridId: string; itemId: string }
  /** The survey platform's response id: the respondent's identity across exports. */
  | { kind: 'responseId' }
  /** The date a response was submitted: empty for an incomplete response. */
  | { kind: 'completion' };

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/**
 * Rows read one at a time: a large export kept compactly (`CsvColumnStore`) gives each row when
 * asked, instead of holding 100,000 arrays of strings.
 */
export interface CsvRowSource {
  readonly header: readonly string[];
  readonly rowCount: number;
  row(index: number): readonly string[];
  /**
   * Column `c` as its distinct texts and, per row, the index of its text, when the source keeps
   * it so: read that way, each distinct text is read once.
   */
  column?(c: number): { texts: readonly string[]; codes: ArrayLike<number> } | undefined;
}

function rowSource(table: CsvTable | CsvRowSource): CsvRowSource {
  if ('row' in table) return table;
  return { header: table.header, rowCount: table.rows.length, row: (r) => table.rows[r] ?? [] };
}

/** Words (besides ids and scale labels) the CSV may use; any case, accents ignored. */
export interface CsvVocabulary {
  roles: Partial<Record<Role, readonly string[]>>;
  dontKnow: readonly string[];
  notApplicable: readonly string[];
  /** Headings of a role column besides the usual words (the exported survey's role question). */
  roleHeaders?: readonly string[];
}

/** What a role cell or an answer cell the import does not know means, chosen by the user. */
export type AnswerValueChoice = 'dk' | 'na' | 'blank';
export interface CsvValueMap {
  /** Normalised cell text (`valueKey`) → role. */
  roles: Record<string, Role>;
  /** Normalised cell text → « don't know », « not applicable » or no answer. */
  answers: Record<string, AnswerValueChoice>;
}

export type CsvImportIssue =
  /** No column is mapped to an item. */
  | { code: 'noItemColumn' }
  /** No role column and no role for everyone. */
  | { code: 'noRole' }
  /** Several columns mapped to the role. */
  | { code: 'severalRoleColumns'; columns: number[] }
  /** Several columns mapped to the same item. */
  | { code: 'duplicateItemColumn'; columns: number[]; itemId: string }
  /** Several columns mapped to the response id, or to the submission date. */
  | { code: 'severalColumns'; kind: 'responseId' | 'completion'; columns: number[] }
  /** A role cell that names no role (row and column from 1, as spreadsheets count; row 1 is the header). */
  | { code: 'unknownRole'; row: number; column: number; value: string }
  /** An answer that is not on the item's scale. */
  | { code: 'unknownAnswer'; row: number; column: number; value: string; itemId: string }
  /** "Don't know" or "not applicable" where the item's scale does not offer it. */
  | { code: 'answerNotOffered'; row: number; column: number; value: string; itemId: string };

/** What the rows hold, for the preview: rows read, complete, incomplete and left out. */
export interface CsvRowSummary {
  rows: number;
  /** Rows with a submission date (all rows when no column gives it). */
  complete: number;
  incomplete: number;
  /** Incomplete rows left out (the user chose to keep complete responses only). */
  leftOut: number;
}

/** A distinct role text of the role column: how many rows hold it and the role it reads as. */
export interface CsvRoleValue {
  value: string;
  key: string;
  count: number;
  role: Role | null;
}

/** A distinct answer text no scale knows, and how many cells hold it. */
export interface CsvUnknownValue {
  value: string;
  key: string;
  count: number;
}

/** Distinct values listed at most (role texts, unknown answers). */
export const MAX_DISTINCT_VALUES = 50;

interface CsvReadDetails {
  summary: CsvRowSummary;
  roleValues: CsvRoleValue[];
  unknownAnswers: CsvUnknownValue[];
}

export type CsvImportResult =
  | ({ ok: true; file: ResponseFile; respondents: number; emptyRows: number } & CsvReadDetails)
  | ({ ok: false; issues: CsvImportIssue[]; total: number } & CsvReadDetails);

/** Issues listed at most (the total is given too). */
export const MAX_CSV_ISSUES = 10;

const ROLE_HEADERS = ['role', 'roles', 'fonction', 'statut', 'profil', 'position'];
/** Words that make a heading a role question (« Quelle est votre fonction … ? »). */
const ROLE_HEADER_WORDS = /\b(role|fonction|statut|profil|poste|position|categorie)\b/;

/** Survey platforms' own columns (LimeSurvey's, in its code and text headings, FR and EN). */
const RESPONSE_ID_HEADERS = ['id', 'response id', 'id de la reponse', 'id reponse', 'responseid'];
const COMPLETION_HEADERS = [
  'submitdate',
  'date submitted',
  'date de soumission',
  "date d'envoi",
  'date de validation',
  'completed',
];
const PLATFORM_HEADERS = new Set([
  ...RESPONSE_ID_HEADERS,
  ...COMPLETION_HEADERS,
  'lastpage',
  'last page',
  'derniere page',
  'startlanguage',
  'start language',
  'langue de depart',
  'seed',
  'graine',
  'token',
  'jeton',
  'startdate',
  'date started',
  'date de debut',
  'datestamp',
  'date last action',
  'date de la derniere action',
  'ipaddr',
  'ip address',
  'adresse ip',
  'refurl',
  'referrer url',
  'url referente',
  'interviewtime',
  'total time',
]);

/** True for a survey platform's own column (response id, dates, language…): not an item. */
export function isPlatformColumn(header: string): boolean {
  const text = decodeEntities(header);
  const codeText = CODE_TEXT.exec(text);
  return [text, codeText?.[1] ?? '', codeText?.[2] ?? ''].some((part) =>
    PLATFORM_HEADERS.has(normalizeLabel(part)),
  );
}

/** Lower case, accents and curly quotes folded, spaces collapsed, end punctuation dropped. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/«\s*|\s*»|[“”]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.:;!?*]+$/, '');
}

/**
 * The key of a role or answer text: normalised, with the French inclusive endings folded
 * (« Salarié·e », « Salarié(e) », « Élu.e » read as « salarie », « elu »).
 */
export function valueKey(text: string): string {
  return normalizeLabel(text)
    .replace(/[·.•-]e(s?)\b/g, '$1')
    .replace(/\(e\)|\(es\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** HTML entities a survey platform leaves in its text headings (`&amp;`, `&#039;`…). */
function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&(apos|#0*39);/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A header without a leading question number ("Q3.", "12)", "3 -"). */
function stripNumbering(text: string): string {
  return text.replace(/^\s*(q(uestion)?\s*)?\d+\s*[.):-]\s*/i, '');
}

function texts(value: Record<string, string> | undefined): string[] {
  return value ? Object.values(value) : [];
}

/**
 * Common role spellings of survey exports, by role (keys as `valueKey` gives them): shown as
 * recognised in the value mapping, where the user can still change them.
 */
export const COMMON_ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  management: [
    'direction',
    'direction generale',
    'dirigeant',
    'directeur',
    'directrice',
    'comite de direction',
    'codir',
    'senior management',
    'top management',
    'executive',
    'management',
  ],
  manager: [
    'encadrement',
    'cadre',
    'manager',
    'encadrant',
    'manager de proximite',
    "chef d'equipe",
    'chef de service',
    'responsable',
    'line manager',
    'supervisor',
  ],
  employee: [
    'salarie',
    'employe',
    'employee',
    'agent',
    'collaborateur',
    'collaboratrice',
    'non cadre',
    'personnel',
    'staff',
    'worker',
    'fonctionnaire',
    'agent public',
  ],
  representative: [
    'elu cse',
    'elu du cse',
    'membre du cse',
    'elu',
    'representant du personnel',
    'representant',
    'delegue syndical',
    'deleguee syndicale',
    'elu du personnel',
    'employee representative',
    'staff representative',
    'union representative',
  ],
  other: ['autre', 'other'],
};

/** Options of `suggestMapping` besides the header and grids. */
export interface SuggestOptions {
  vocabulary?: CsvVocabulary;
  /** The first rows: a column whose cells all name roles is the role column. */
  preview?: readonly (readonly string[])[];
  /** Targets the user chose for headings of an earlier import (normalised heading → target). */
  remembered?: Readonly<Record<string, ColumnTarget>>;
}

/** The normalised heading a remembered mapping is keyed by. */
export function headingKey(header: string): string {
  return normalizeLabel(decodeEntities(header));
}

/** A « code. text » heading (LimeSurvey's « question code & question text »). */
const CODE_TEXT = /^\s*([A-Za-z][A-Za-z0-9_]*(?:\[[A-Za-z0-9_]+\])?)\.\s+(.+)$/;

type ItemTarget = Extract<ColumnTarget, { kind: 'item' }>;
interface IndexedItem {
  target: ItemTarget;
  texts: string[];
  questions: string[];
}

/** A heading's text parts: « question [sub-question] », each possibly cut by « .. ». */
function headingParts(raw: string): { question: string; sub: string | null } {
  const text = decodeEntities(raw).trim();
  const match = /^(.*?)\s*\[([^[\]]*)\]\s*$/.exec(text);
  return match ? { question: match[1] ?? '', sub: match[2] ?? '' } : { question: text, sub: null };
}

/**
 * A test of full texts (normalised) against a heading text: the same, or starting with its
 * beginning when the heading is cut (« .. », « … »). The heading is normalised once.
 */
function matcherOf(part: string): (full: string) => boolean {
  if (!/\.\.|…/.test(part)) {
    const whole = normalizeLabel(part);
    return (full) => full === whole;
  }
  const prefix = normalizeLabel(part.split(/\.\.|…/)[0] ?? '');
  return (full) => prefix.length > 0 && full.startsWith(prefix);
}

/**
 * Guesses each column's target from its header, for every heading style a survey platform
 * writes: codes (`usadequation[usadequation1]`, `usadequation_usadequation1`, the code then the
 * text), « question [sub-question] » text in any of the grids' languages, cut (« Adéquation au
 * t.. [L'outil répon.. ] ») or not; item ids, `grid.item`, item texts; the role column (by its
 * heading, or by its cells); the platform's response id and submission date. Headings that match
 * several items equally (cut texts) take them in the grid's order, as the survey lists them.
 * A heading the user mapped before keeps that target.
 */
export function suggestMapping(
  header: readonly string[],
  grids: readonly Grid[],
  options: SuggestOptions = {},
): ColumnTarget[] {
  const byKey = new Map<string, ItemTarget>();
  const byCode = new Map<string, ItemTarget>();
  const subCodeCount = new Map<string, number>();
  const idCount = new Map<string, number>();
  const indexed: IndexedItem[] = [];
  const known = new Set<string>();
  for (const grid of grids)
    for (const d of grid.dimensions)
      for (const item of d.items) idCount.set(item.id, (idCount.get(item.id) ?? 0) + 1);
  const plan = surveyPlan(grids);
  for (const question of plan)
    for (const sub of question.items) {
      const target: ItemTarget = { kind: 'item', gridId: question.gridId, itemId: sub.itemId };
      byCode.set(`${question.code}[${sub.code}]`.toLowerCase(), target);
      byCode.set(`${question.code}_${sub.code}`.toLowerCase(), target);
      const key = sub.code.toLowerCase();
      subCodeCount.set(key, (subCodeCount.get(key) ?? 0) + 1);
      byCode.set(`sub:${key}`, target);
    }
  for (const grid of grids) {
    for (const d of grid.dimensions) {
      const questions = texts(d.label).map(normalizeLabel);
      for (const item of d.items) {
        const target: ItemTarget = { kind: 'item', gridId: grid.id, itemId: item.id };
        known.add(`${grid.id}.${item.id}`);
        byKey.set(normalizeLabel(`${grid.id}.${item.id}`), target);
        if (idCount.get(item.id) === 1) byKey.set(normalizeLabel(item.id), target);
        // The survey may word an item as the project's phase does (`routeGrid`: the `.lss` of a
        // diagnostic before deployment asks the `expected` wording).
        const itemTexts = [
          ...new Set(
            [...texts(item.text), ...texts(item.expected), ...texts(item.observed)].map(
              normalizeLabel,
            ),
          ),
        ];
        for (const key of itemTexts) if (!byKey.has(key)) byKey.set(key, target);
        indexed.push({ target, texts: itemTexts, questions });
      }
    }
  }
  const remembered = options.remembered ?? {};
  const roleHeaders = new Set(
    [...ROLE_HEADERS, ROLE_QUESTION_CODE, ...(options.vocabulary?.roleHeaders ?? [])].map(
      normalizeLabel,
    ),
  );

  const used = new Set<string>();
  const take = (target: ItemTarget | undefined): ColumnTarget | null => {
    if (!target) return null;
    const id = `${target.gridId}.${target.itemId}`;
    if (used.has(id)) return null;
    used.add(id);
    return target;
  };
  const byCodeOf = (raw: string): ItemTarget | undefined => {
    const code = /^\s*([A-Za-z][A-Za-z0-9]*(?:\[[A-Za-z0-9]+\]|_[A-Za-z0-9]+)?)/.exec(raw)?.[1];
    if (!code) return undefined;
    const lower = code.toLowerCase();
    const direct = byCode.get(lower);
    if (direct) return direct;
    return subCodeCount.get(lower) === 1 ? byCode.get(`sub:${lower}`) : undefined;
  };
  const byText = (raw: string): ItemTarget | undefined => {
    const plain = decodeEntities(raw);
    const exact =
      byKey.get(normalizeLabel(plain)) ?? byKey.get(normalizeLabel(stripNumbering(plain)));
    if (exact) return exact;
    const { question, sub } = headingParts(plain);
    const free = (c: IndexedItem) => !used.has(`${c.target.gridId}.${c.target.itemId}`);
    if (sub !== null) {
      const subMatches = matcherOf(sub);
      const questionMatches = matcherOf(question);
      const candidates = indexed.filter((c) => c.texts.some(subMatches));
      // The question part tells apart items whose texts start alike, when it names a dimension.
      const inQuestion = candidates.filter((c) => c.questions.some(questionMatches));
      return ((inQuestion.length > 0 ? inQuestion : candidates).find(free) ?? undefined)?.target;
    }
    const plainMatches = matcherOf(plain);
    return indexed.find((c) => free(c) && c.texts.some(plainMatches))?.target;
  };

  let roleTaken = false;
  let idTaken = false;
  let completionTaken = false;
  const result: (ColumnTarget | null)[] = header.map((raw) => {
    const key = headingKey(raw);
    const chosen = remembered[key];
    if (chosen && (chosen.kind !== 'item' || known.has(`${chosen.gridId}.${chosen.itemId}`))) {
      if (chosen.kind === 'item') return take(chosen) ?? { kind: 'ignore' };
      if (chosen.kind === 'role') roleTaken = true;
      return chosen;
    }
    // « code. text » headings: either part may tell the column.
    const codeText = CODE_TEXT.exec(decodeEntities(raw));
    const keys = codeText ? [headingKey(codeText[1] ?? ''), headingKey(codeText[2] ?? '')] : [key];
    if (!idTaken && keys.some((k) => RESPONSE_ID_HEADERS.includes(k))) {
      idTaken = true;
      return { kind: 'responseId' };
    }
    if (!completionTaken && keys.some((k) => COMPLETION_HEADERS.includes(k))) {
      completionTaken = true;
      return { kind: 'completion' };
    }
    if (!roleTaken && keys.some((k) => roleHeaders.has(k))) {
      roleTaken = true;
      return { kind: 'role' };
    }
    if (keys.some((k) => PLATFORM_HEADERS.has(k))) return { kind: 'ignore' };
    const target = take(byCodeOf(raw)) ?? take(byText(codeText?.[2] ?? raw));
    if (target) return target;
    // Left for the role: a heading with a role word, or (below) cells that all name roles.
    return null;
  });
  const readRole = roleReader(options.vocabulary, {});
  const isRoleHeading = (raw: string) => {
    const { question } = headingParts(raw);
    const key = normalizeLabel(question);
    return (
      ROLE_HEADER_WORDS.test(key) ||
      [...roleHeaders].some((h) => h.length > 3 && matcherOf(question)(h))
    );
  };
  const cellsNameRoles = (column: number) => {
    const cells = (options.preview ?? []).map((row) => (row[column] ?? '').trim()).filter(Boolean);
    return cells.length > 0 && cells.every((cell) => readRole(cell) !== null);
  };
  for (const test of [isRoleHeading, (_raw: string, c: number) => cellsNameRoles(c)]) {
    if (roleTaken) break;
    const column = result.findIndex((t, c) => t === null && test(header[c] ?? '', c));
    if (column >= 0) {
      result[column] = { kind: 'role' };
      roleTaken = true;
    }
  }
  return result.map((t) => t ?? { kind: 'ignore' });
}

type Reader = (
  raw: string,
) => { value: AnswerValue } | { blank: true } | { problem: 'unknown' | 'notOffered' };

function parseNumber(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/**
 * Reads an answer cell: a value of the scale, one of its answer codes in a survey the app
 * exported (`A1`…), a label in any language, « don't know » / « not applicable » in the words
 * known or as the user mapped them, or a text the user chose to leave unanswered.
 */
function answerReader(
  scale: Scale,
  vocabulary: CsvVocabulary,
  chosen: Readonly<Record<string, AnswerValueChoice>>,
): Reader {
  const labels = new Map<string, number>();
  for (const point of scale.points)
    for (const text of texts(point.label)) labels.set(normalizeLabel(text), point.value);
  for (const { code, value } of answerCodes(scale))
    if (!labels.has(code.toLowerCase())) labels.set(code.toLowerCase(), value);
  const dk = new Set(['dk', ...vocabulary.dontKnow].map(normalizeLabel));
  const na = new Set(['na', 'n/a', ...vocabulary.notApplicable].map(normalizeLabel));
  const special = (value: 'dk' | 'na') => {
    const offered = value === 'dk' ? scale.allowDontKnow : scale.allowNotApplicable;
    return offered ? { value } : { problem: 'notOffered' as const };
  };
  return remembered((raw) => {
    const key = normalizeLabel(raw);
    const n = parseNumber(raw);
    if (n !== null) {
      return scale.points.some((p) => p.value === n) ? { value: n } : { problem: 'unknown' };
    }
    const byLabel = labels.get(key);
    if (byLabel !== undefined) return { value: byLabel };
    if (dk.has(key)) return special('dk');
    if (na.has(key)) return special('na');
    const choice = chosen[valueKey(raw)];
    if (choice === 'blank') return { blank: true };
    if (choice) return special(choice);
    return { problem: 'unknown' };
  });
}

/**
 * `read`, remembering what it gave for each text: a survey column holds a handful of distinct
 * answers over thousands of rows, and normalising each cell again costs more than the rest.
 */
export function remembered<T>(read: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    if (seen.has(raw)) return seen.get(raw) as T;
    const value = read(raw);
    seen.set(raw, value);
    return value;
  };
}

/**
 * Reads a role cell: what the user chose for that text first, then role ids, the exported
 * survey's short codes (`MGMT`, `EMP`…), the vocabulary's words and the common spellings.
 */
function roleReader(
  vocabulary: CsvVocabulary | undefined,
  chosen: Readonly<Record<string, Role>>,
): (raw: string) => Role | null {
  const words = new Map<string, Role>();
  for (const role of ROLES) {
    for (const word of COMMON_ROLE_WORDS[role]) words.set(valueKey(word), role);
    for (const word of vocabulary?.roles[role] ?? []) words.set(valueKey(word), role);
    words.set(role, role);
    words.set(ROLE_ANSWER_CODES[role].toLowerCase(), role);
  }
  return remembered((raw) => {
    const key = valueKey(raw);
    return chosen[key] ?? words.get(key) ?? null;
  });
}

export interface CsvImportOptions {
  grids: readonly { grid: Grid; hash: string }[];
  diagnostic: { id: string; title: string };
  /** The role of every respondent when no column gives it (or the cell is empty). */
  defaultRole?: Role;
  vocabulary: CsvVocabulary;
  /** Role and answer texts mapped by the user. */
  values?: CsvValueMap;
  /** Keep responses without a submission date (default: left out). */
  keepIncomplete?: boolean;
  exportedAt: string;
}

/** An item column of a mapping, in mapping order: the answers a respondent sink receives. */
export interface CsvItemColumn {
  /** The column's index in the CSV (from 0). */
  index: number;
  gridId: string;
  itemId: string;
}

/**
 * Where the respondents read go, one at a time, without an object each: a campaign's response
 * file is sent from the worker as packed parts (`readCsvInto`), never as 100,000 objects.
 */
export interface CsvRespondentSink {
  /**
   * A respondent read: `answers[k]` is its answer to the k-th item column (undefined: none). The
   * array is reused for the next respondent: copy what must be kept.
   */
  add(id: string, role: Role, answers: readonly (AnswerValue | undefined)[]): void;
}

/**
 * Reads the rows of a mapped CSV into a response file of the diagnostic's grids, or lists what
 * prevents it (first MAX_CSV_ISSUES issues and their total). Rows with no answer are skipped and
 * counted; an empty cell is an unanswered question. A respondent's id is the platform's response
 * id when a column gives it (`survey-<id>`: the same response from any export of the survey is
 * the same respondent), else `csv-<hash of the row>-<n>`.
 */
export function buildResponseFileFromCsv(
  table: CsvTable | CsvRowSource,
  mapping: readonly ColumnTarget[],
  options: CsvImportOptions,
): CsvImportResult {
  const respondents: ResponseFileRespondent[] = [];
  const result = readCsvTable(table, mapping, options, (columns) => ({
    add(id, role, values) {
      const answers: Record<string, Record<string, AnswerValue>> = {};
      for (let k = 0; k < columns.length; k += 1) {
        const value = values[k];
        const c = columns[k] as CsvItemColumn;
        // Grid and item ids are schema ids (`[a-z0-9-]`): never `__proto__`.
        if (value !== undefined) (answers[c.gridId] ??= {})[c.itemId] = value;
      }
      respondents.push({ id, role, answers, comments: {} });
    },
  }));
  return result.ok ? { ...result, file: { ...result.file, respondents } } : result;
}

/**
 * `buildResponseFileFromCsv`, each respondent given to the sink `sinkOf(item columns)` makes
 * instead of kept: the result's file holds no respondent (the sink has them, in file order).
 * The sink hears of every respondent read, before the result says whether the file is usable.
 */
export function readCsvInto(
  table: CsvTable | CsvRowSource,
  mapping: readonly ColumnTarget[],
  options: CsvImportOptions,
  sinkOf: (columns: readonly CsvItemColumn[]) => CsvRespondentSink,
): CsvImportResult {
  return readCsvTable(table, mapping, options, sinkOf);
}

/** What checking a mapping tells without building the response file. */
export type CsvMappingCheck =
  | ({ ok: true; respondents: number; emptyRows: number } & CsvReadDetails)
  | Extract<CsvImportResult, { ok: false }>;

/**
 * The same checks and counts as `buildResponseFileFromCsv`, without the response file: rows are
 * read and checked but not hashed into respondent ids (on 10,000 rows, hashing is about half the
 * work), so a mapping can be checked on every change and the file built once, when it is added.
 */
export function checkCsvMapping(
  table: CsvTable | CsvRowSource,
  mapping: readonly ColumnTarget[],
  options: CsvImportOptions,
): CsvMappingCheck {
  const result = readCsvTable(table, mapping, options, null);
  return result.ok ? withoutFile(result) : result;
}

/** A successful result's check: everything but the response file. */
export function withoutFile(
  result: Extract<CsvImportResult, { ok: true }>,
): Extract<CsvMappingCheck, { ok: true }> {
  const { ok, respondents, emptyRows, summary, roleValues, unknownAnswers } = result;
  return { ok, respondents, emptyRows, summary, roleValues, unknownAnswers };
}

/** The respondent id of a platform response id (ids are at most 80 characters). */
function surveyRespondentId(raw: string): string {
  const id = raw.trim();
  return id.length <= 60 && /^[\w.:-]+$/.test(id)
    ? `survey-${id}`
    : `survey-${sha256Hex(id).slice(0, 32)}`;
}

function columnsOf(mapping: readonly ColumnTarget[], kind: ColumnTarget['kind']): number[] {
  return mapping.flatMap((t, i) => (t.kind === kind ? [i] : []));
}

/** Counts distinct texts, keeping the first MAX_DISTINCT_VALUES. */
function tally() {
  const counts = new Map<string, { value: string; count: number }>();
  const keyOf = remembered(valueKey);
  return {
    add(value: string) {
      const key = keyOf(value);
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else if (counts.size < MAX_DISTINCT_VALUES) counts.set(key, { value, count: 1 });
    },
    list: () => [...counts].map(([key, v]) => ({ key, ...v })),
  };
}

/**
 * Reads column `c` of row `r` through `read`. A source that keeps each column's distinct texts
 * (`CsvColumnStore`) has each text read once, then looked up by its index: a campaign's 16
 * million cells are a few hundred distinct texts. Otherwise each distinct text is remembered.
 */
function columnReader<T>(
  source: CsvRowSource,
  c: number,
  read: (text: string) => T,
): (r: number) => T {
  const kept = source.column?.(c);
  if (kept) {
    const { texts, codes } = kept;
    const done = new Uint8Array(texts.length);
    const results = new Array<T>(texts.length);
    return (r) => {
      const code = codes[r] ?? 0;
      if (done[code] === 0) {
        results[code] = read(texts[code] ?? '');
        done[code] = 1;
      }
      return results[code] as T;
    };
  }
  const remember = remembered(read);
  return (r) => remember(source.row(r)[c] ?? '');
}

/** An answer cell read: nothing in it, or its trimmed text and what it reads as. */
type AnswerCell = null | { raw: string; read: ReturnType<Reader> };

function readCsvTable(
  table: CsvTable | CsvRowSource,
  mapping: readonly ColumnTarget[],
  options: CsvImportOptions,
  /** Where respondents go (with their ids); null for a check (counted only, no ids). */
  sinkOf: ((columns: readonly CsvItemColumn[]) => CsvRespondentSink) | null,
): CsvImportResult {
  const source = rowSource(table);
  const issues: CsvImportIssue[] = [];
  const grids = new Map(options.grids.map((g) => [g.grid.id, g]));
  const items = new Map<string, { item: Item; scale: Scale }>();
  for (const { grid } of options.grids) {
    const scales = new Map(grid.scales.map((s) => [s.id, s]));
    for (const d of grid.dimensions)
      for (const item of d.items) {
        const scale = scales.get(item.scale);
        if (scale) items.set(`${grid.id}.${item.id}`, { item, scale });
      }
  }
  const roleColumns = columnsOf(mapping, 'role');
  if (roleColumns.length > 1)
    issues.push({ code: 'severalRoleColumns', columns: roleColumns.map((c) => c + 1) });
  if (roleColumns.length === 0 && options.defaultRole === undefined)
    issues.push({ code: 'noRole' });
  const idColumns = columnsOf(mapping, 'responseId');
  const completionColumns = columnsOf(mapping, 'completion');
  for (const [kind, cols] of [
    ['responseId', idColumns],
    ['completion', completionColumns],
  ] as const)
    if (cols.length > 1)
      issues.push({ code: 'severalColumns', kind, columns: cols.map((c) => c + 1) });
  const columns = mapping.flatMap((target, index) => {
    if (target.kind !== 'item' || !grids.has(target.gridId)) return [];
    const found = items.get(`${target.gridId}.${target.itemId}`);
    return found ? [{ index, gridId: target.gridId, itemId: target.itemId, ...found }] : [];
  });
  if (columns.length === 0) issues.push({ code: 'noItemColumn' });
  const seen = new Map<string, number[]>();
  for (const c of columns) {
    const key = `${c.gridId}.${c.itemId}`;
    seen.set(key, [...(seen.get(key) ?? []), c.index + 1]);
  }
  for (const [key, cols] of seen)
    if (cols.length > 1)
      issues.push({ code: 'duplicateItemColumn', columns: cols, itemId: key.split('.')[1] ?? key });

  const chosenAnswers = options.values?.answers ?? {};
  const cells = columns.map((c) => {
    const reader = answerReader(c.scale, options.vocabulary, chosenAnswers);
    return columnReader(source, c.index, (text): AnswerCell => {
      const raw = text.trim();
      return raw === '' ? null : { raw, read: reader(raw) };
    });
  });
  const readRole = roleReader(options.vocabulary, options.values?.roles ?? {});
  const trimmed = (c: number | undefined) =>
    c === undefined ? null : columnReader(source, c, (text) => text.trim());
  const roleColumn = roleColumns.length === 1 ? roleColumns[0] : undefined;
  const idColumn = idColumns.length === 1 ? idColumns[0] : undefined;
  const completionColumn = completionColumns.length === 1 ? completionColumns[0] : undefined;
  const roleCell = trimmed(roleColumn);
  const idCell = trimmed(idColumn);
  const completionCell = trimmed(completionColumn);
  const roleValues = tally();
  const unknownAnswers = tally();
  const summary: CsvRowSummary = {
    rows: source.rowCount,
    complete: 0,
    incomplete: 0,
    leftOut: 0,
  };
  const sink = sinkOf?.(columns.map(({ index, gridId, itemId }) => ({ index, gridId, itemId })));
  const values: (AnswerValue | undefined)[] = columns.map(() => undefined);
  const occurrences = new Map<string, number>();
  let respondents = 0;
  let emptyRows = 0;
  const readRow = (r: number): void => {
    const rowNumber = r + 2; // 1-based, after the header row
    const complete = completionCell === null || completionCell(r) !== '';
    if (complete) summary.complete += 1;
    else summary.incomplete += 1;
    if (!complete && !options.keepIncomplete) {
      summary.leftOut += 1;
      return;
    }
    let filled = 0;
    for (let k = 0; k < columns.length; k += 1) {
      values[k] = undefined;
      const cell = (cells[k] as (r: number) => AnswerCell)(r);
      if (cell === null || 'blank' in cell.read) continue;
      filled += 1;
      if ('value' in cell.read) values[k] = cell.read.value;
      else {
        const c = columns[k] as (typeof columns)[number];
        if (cell.read.problem === 'unknown') unknownAnswers.add(cell.raw);
        issues.push({
          code: cell.read.problem === 'unknown' ? 'unknownAnswer' : 'answerNotOffered',
          row: rowNumber,
          column: c.index + 1,
          value: cell.raw,
          itemId: c.itemId,
        });
      }
    }
    if (filled === 0) {
      emptyRows += 1;
      return;
    }
    let role = options.defaultRole ?? null;
    if (roleCell !== null && roleColumn !== undefined) {
      const raw = roleCell(r);
      if (raw !== '') {
        roleValues.add(raw);
        role = readRole(raw);
        if (role === null)
          issues.push({ code: 'unknownRole', row: rowNumber, column: roleColumn + 1, value: raw });
      } else if (role === null) {
        issues.push({ code: 'unknownRole', row: rowNumber, column: roleColumn + 1, value: '' });
      }
    }
    if (role === null) return;
    respondents += 1;
    if (!sink) return;
    const platformId = idCell === null ? '' : idCell(r);
    let id: string;
    if (platformId !== '') id = surveyRespondentId(platformId);
    else {
      // The id derives from the row's cells (and its rank among identical rows), so the same
      // row in a later, longer export of the same survey is recognised as already imported.
      const digest = sha256Hex(JSON.stringify(source.row(r))).slice(0, 16);
      const rank = (occurrences.get(digest) ?? 0) + 1;
      occurrences.set(digest, rank);
      id = `csv-${digest}-${rank}`;
    }
    sink.add(id, role, values);
  };
  for (let r = 0; r < source.rowCount; r += 1) readRow(r);
  const details: CsvReadDetails = {
    summary,
    roleValues: roleValues.list().map((v) => ({ ...v, role: readRole(v.value) })),
    unknownAnswers: unknownAnswers.list(),
  };
  if (issues.length > 0)
    return { ok: false, issues: issues.slice(0, MAX_CSV_ISSUES), total: issues.length, ...details };
  return {
    ok: true,
    respondents,
    emptyRows,
    ...details,
    file: {
      format: RESPONSE_FILE_FORMAT,
      formatVersion: RESPONSE_FILE_FORMAT_VERSION,
      exportedAt: options.exportedAt,
      diagnostic: options.diagnostic,
      grids: options.grids
        .filter(({ grid }) => columns.some((c) => c.gridId === grid.id))
        .map(({ grid, hash }) => ({ id: grid.id, version: grid.version, hash })),
      respondents: [],
    },
  };
}
