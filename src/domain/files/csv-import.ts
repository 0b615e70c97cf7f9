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

export type ColumnTarget =
  { kind: 'ignore' } | { kind: 'role' } | { kind: 'item'; gridId: string; itemId: string };

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Words (besides ids and scale labels) the CSV may use; any case, accents ignored. */
export interface CsvVocabulary {
  roles: Partial<Record<Role, readonly string[]>>;
  dontKnow: readonly string[];
  notApplicable: readonly string[];
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
  /** A role cell that names no role (row and column from 1, as spreadsheets count; row 1 is the header). */
  | { code: 'unknownRole'; row: number; column: number; value: string }
  /** An answer that is not on the item's scale. */
  | { code: 'unknownAnswer'; row: number; column: number; value: string; itemId: string }
  /** "Don't know" or "not applicable" where the item's scale does not offer it. */
  | { code: 'answerNotOffered'; row: number; column: number; value: string; itemId: string };

export type CsvImportResult =
  | { ok: true; file: ResponseFile; respondents: number; emptyRows: number }
  | { ok: false; issues: CsvImportIssue[]; total: number };

/** Issues listed at most (the total is given too). */
export const MAX_CSV_ISSUES = 10;

const ROLE_HEADERS = ['role', 'roles', 'fonction', 'statut', 'profil', 'position'];

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

/** A header without a leading question number ("Q3.", "12)", "3 -"). */
function stripNumbering(text: string): string {
  return text.replace(/^\s*(q(uestion)?\s*)?\d+\s*[.):-]\s*/i, '');
}

function texts(value: Record<string, string> | undefined): string[] {
  return value ? Object.values(value) : [];
}

/** Guesses each column's target from its header: item ids, `grid.item`, item texts, role. */
export function suggestMapping(header: readonly string[], grids: readonly Grid[]): ColumnTarget[] {
  const byKey = new Map<string, ColumnTarget>();
  const idCount = new Map<string, number>();
  for (const grid of grids)
    for (const d of grid.dimensions)
      for (const item of d.items) idCount.set(item.id, (idCount.get(item.id) ?? 0) + 1);
  for (const grid of grids) {
    for (const d of grid.dimensions) {
      for (const item of d.items) {
        const target: ColumnTarget = { kind: 'item', gridId: grid.id, itemId: item.id };
        byKey.set(normalizeLabel(`${grid.id}.${item.id}`), target);
        if (idCount.get(item.id) === 1) byKey.set(normalizeLabel(item.id), target);
        for (const text of texts(item.text)) {
          const key = normalizeLabel(text);
          if (!byKey.has(key)) byKey.set(key, target);
        }
      }
    }
  }
  const used = new Set<string>();
  let roleTaken = false;
  return header.map((raw) => {
    const key = normalizeLabel(raw);
    if (!roleTaken && ROLE_HEADERS.includes(key)) {
      roleTaken = true;
      return { kind: 'role' };
    }
    const target = byKey.get(key) ?? byKey.get(normalizeLabel(stripNumbering(raw)));
    if (target?.kind === 'item') {
      const id = `${target.gridId}.${target.itemId}`;
      if (used.has(id)) return { kind: 'ignore' };
      used.add(id);
      return target;
    }
    return { kind: 'ignore' };
  });
}

type Reader = (raw: string) => { value: AnswerValue } | { problem: 'unknown' | 'notOffered' };

function parseNumber(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

function answerReader(scale: Scale, vocabulary: CsvVocabulary): Reader {
  const labels = new Map<string, number>();
  for (const point of scale.points)
    for (const text of texts(point.label)) labels.set(normalizeLabel(text), point.value);
  const dk = new Set(['dk', ...vocabulary.dontKnow].map(normalizeLabel));
  const na = new Set(['na', 'n/a', ...vocabulary.notApplicable].map(normalizeLabel));
  return remembered((raw) => {
    const key = normalizeLabel(raw);
    const n = parseNumber(raw);
    if (n !== null) {
      return scale.points.some((p) => p.value === n) ? { value: n } : { problem: 'unknown' };
    }
    const byLabel = labels.get(key);
    if (byLabel !== undefined) return { value: byLabel };
    if (dk.has(key)) return scale.allowDontKnow ? { value: 'dk' } : { problem: 'notOffered' };
    if (na.has(key)) return scale.allowNotApplicable ? { value: 'na' } : { problem: 'notOffered' };
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

function roleReader(vocabulary: CsvVocabulary): (raw: string) => Role | null {
  const words = new Map<string, Role>();
  for (const role of ROLES) {
    words.set(role, role);
    for (const word of vocabulary.roles[role] ?? []) words.set(normalizeLabel(word), role);
  }
  return remembered((raw) => words.get(normalizeLabel(raw)) ?? null);
}

export interface CsvImportOptions {
  grids: readonly { grid: Grid; hash: string }[];
  diagnostic: { id: string; title: string };
  /** The role of every respondent when no column gives it (or the cell is empty). */
  defaultRole?: Role;
  vocabulary: CsvVocabulary;
  exportedAt: string;
}

/**
 * Reads the rows of a mapped CSV into a response file of the diagnostic's grids, or lists what
 * prevents it (first MAX_CSV_ISSUES issues and their total). Rows with no answer are skipped and
 * counted; an empty cell is an unanswered question. Respondent ids are `csv-<hash of the row>-<n>`.
 */
export function buildResponseFileFromCsv(
  table: CsvTable,
  mapping: readonly ColumnTarget[],
  options: CsvImportOptions,
): CsvImportResult {
  return readCsvTable(table, mapping, options, true);
}

/** What checking a mapping tells without building the response file. */
export type CsvMappingCheck =
  { ok: true; respondents: number; emptyRows: number } | Extract<CsvImportResult, { ok: false }>;

/**
 * The same checks and counts as `buildResponseFileFromCsv`, without the response file: rows are
 * read and checked but not hashed into respondent ids (on 10,000 rows, hashing is about half the
 * work), so a mapping can be checked on every change and the file built once, when it is added.
 */
export function checkCsvMapping(
  table: CsvTable,
  mapping: readonly ColumnTarget[],
  options: CsvImportOptions,
): CsvMappingCheck {
  const result = readCsvTable(table, mapping, options, false);
  return result.ok
    ? { ok: true, respondents: result.respondents, emptyRows: result.emptyRows }
    : result;
}

function readCsvTable(
  table: CsvTable,
  mapping: readonly ColumnTarget[],
  options: CsvImportOptions,
  withFile: boolean,
): CsvImportResult {
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
  const roleColumns = mapping.flatMap((t, i) => (t.kind === 'role' ? [i] : []));
  if (roleColumns.length > 1)
    issues.push({ code: 'severalRoleColumns', columns: roleColumns.map((c) => c + 1) });
  if (roleColumns.length === 0 && options.defaultRole === undefined)
    issues.push({ code: 'noRole' });
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

  const readers = columns.map((c) => answerReader(c.scale, options.vocabulary));
  const readRole = roleReader(options.vocabulary);
  const roleColumn = roleColumns.length === 1 ? roleColumns[0] : undefined;
  const respondents: ResponseFileRespondent[] = [];
  const occurrences = new Map<string, number>();
  let emptyRows = 0;
  table.rows.forEach((row, r) => {
    const rowNumber = r + 2; // 1-based, after the header row
    const answers: Record<string, Record<string, AnswerValue>> = {};
    let filled = 0;
    columns.forEach((c, k) => {
      const raw = (row[c.index] ?? '').trim();
      if (raw === '') return;
      filled += 1;
      const read = (readers[k] as Reader)(raw);
      if ('value' in read) {
        // Grid and item ids are schema ids (`[a-z0-9-]`): never `__proto__`.
        (answers[c.gridId] ??= {})[c.itemId] = read.value;
      } else {
        issues.push({
          code: read.problem === 'unknown' ? 'unknownAnswer' : 'answerNotOffered',
          row: rowNumber,
          column: c.index + 1,
          value: raw,
          itemId: c.itemId,
        });
      }
    });
    if (filled === 0) {
      emptyRows += 1;
      return;
    }
    let role = options.defaultRole ?? null;
    if (roleColumn !== undefined) {
      const raw = (row[roleColumn] ?? '').trim();
      if (raw !== '') {
        role = readRole(raw);
        if (role === null)
          issues.push({ code: 'unknownRole', row: rowNumber, column: roleColumn + 1, value: raw });
      } else if (role === null) {
        issues.push({ code: 'unknownRole', row: rowNumber, column: roleColumn + 1, value: '' });
      }
    }
    if (role === null) return;
    if (!withFile) {
      respondents.push({ id: '', role, answers, comments: {} });
      return;
    }
    // The id derives from the row's cells (and its rank among identical rows), so the same row
    // in a later, longer export of the same survey is recognised as already imported.
    const digest = sha256Hex(JSON.stringify(row)).slice(0, 16);
    const rank = (occurrences.get(digest) ?? 0) + 1;
    occurrences.set(digest, rank);
    respondents.push({
      id: `csv-${digest}-${rank}`,
      role,
      answers,
      comments: {},
    });
  });
  if (issues.length > 0)
    return { ok: false, issues: issues.slice(0, MAX_CSV_ISSUES), total: issues.length };
  return {
    ok: true,
    respondents: respondents.length,
    emptyRows,
    file: {
      format: RESPONSE_FILE_FORMAT,
      formatVersion: RESPONSE_FILE_FORMAT_VERSION,
      exportedAt: options.exportedAt,
      diagnostic: options.diagnostic,
      grids: options.grids
        .filter(({ grid }) => columns.some((c) => c.gridId === grid.id))
        .map(({ grid, hash }) => ({ id: grid.id, version: grid.version, hash })),
      respondents,
    },
  };
}
