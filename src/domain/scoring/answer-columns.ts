/**
 * A campaign's answers as a column store (docs/campaigns.md, « Column store »): per grid, one `Int8Array` of answer codes
 * per item, one cell per respondent, instead of one object per respondent and grid. 100,000
 * respondents × 151 items are 15 MB of codes, where the same answers as objects were some 15
 * million properties for the garbage collector to walk. docs/campaigns.md « Column store ».
 *
 * Codes: the answer itself when it is a whole number in [ANSWER_MIN, ANSWER_MAX] (every scale
 * point of the bundled grids), CODE_DK for « don't know », CODE_NA for « not applicable » and
 * CODE_ABSENT when nothing is recorded — an item left blank, or not asked of the respondent's
 * role: which of the two is decided when scoring, from the role (`score-matrix.ts`, « asked or
 * not »), exactly as for an answer missing from an object.
 *
 * A block of respondents is stored as columns only when nothing of them is lost
 * (`toAnswerColumns` answers null otherwise: a comment, a pseudonym, answers set aside, a value
 * off the codes); the caller then keeps them as objects. Pure: no storage here.
 */
import { type AnswerValue, type Answers, ROLES, type Role } from '@/domain/answers/answers';
import type { Respondent } from '@/domain/diagnostic/diagnostic';

/** Smallest and largest answer value a code holds as itself. */
export const ANSWER_MIN = -100;
export const ANSWER_MAX = 100;
/** « Not applicable ». */
export const CODE_NA = 125;
/** « Don't know ». */
export const CODE_DK = 126;
/** Nothing recorded: left blank, or not asked of this respondent's role. */
export const CODE_ABSENT = 127;

/** One grid's answers: `codes[i][row]` is the answer of respondent `row` to `items[i]`. */
export interface GridColumns {
  gridId: string;
  items: string[];
  codes: Int8Array[];
}

/** Respondents as columns; every array has one cell per respondent, in order. */
export interface AnswerColumns {
  ids: string[];
  /** Index in `ROLES`. */
  roles: Uint8Array;
  /** The distinct dates, and each respondent's created and updated date as an index in it. */
  dates: string[];
  createdAt: Uint32Array;
  updatedAt: Uint32Array;
  grids: GridColumns[];
}

/** The code of an answer, or null when the column store cannot hold it. */
export function codeOf(value: AnswerValue | undefined): number | null {
  if (value === undefined) return CODE_ABSENT;
  if (value === 'dk') return CODE_DK;
  if (value === 'na') return CODE_NA;
  return Number.isInteger(value) && value >= ANSWER_MIN && value <= ANSWER_MAX ? value : null;
}

/** The answer a code stands for (undefined: nothing recorded). Codes out of range are absent. */
export function answerOfCode(code: number): AnswerValue | undefined {
  if (code >= ANSWER_MIN && code <= ANSWER_MAX) return code;
  if (code === CODE_DK) return 'dk';
  if (code === CODE_NA) return 'na';
  return undefined;
}

/** True when a code is one `codeOf` writes. */
export function isValidCode(code: number): boolean {
  return (
    (code >= ANSWER_MIN && code <= ANSWER_MAX) ||
    code === CODE_DK ||
    code === CODE_NA ||
    code === CODE_ABSENT
  );
}

/** Keys that would change an object's prototype rather than be a key of it. */
const FORBIDDEN_KEYS = new Set(['__proto__']);
const FIELDS = new Set(['id', 'role', 'answers', 'comments', 'createdAt', 'updatedAt']);

/** True when this respondent is all in the fields the columns keep. */
function fitsColumns(r: Respondent): boolean {
  for (const key of Object.keys(r)) if (!FIELDS.has(key)) return false;
  if (Object.keys(r.comments).length > 0) return false;
  for (const [gridId, answers] of Object.entries(r.answers)) {
    if (FORBIDDEN_KEYS.has(gridId)) return false;
    // An empty answers record would come back as no record: kept as an object instead.
    const entries = Object.entries(answers);
    if (entries.length === 0) return false;
    for (const [itemId, value] of entries)
      if (FORBIDDEN_KEYS.has(itemId) || codeOf(value) === null) return false;
  }
  return true;
}

/**
 * The respondents as columns (grids and items in the order first met), or null when one of
 * them holds something the columns do not (see the file's comment): nothing is ever dropped.
 */
export function toAnswerColumns(respondents: readonly Respondent[]): AnswerColumns | null {
  const n = respondents.length;
  const grids: GridColumns[] = [];
  const gridIndex = new Map<string, { grid: GridColumns; items: Map<string, Int8Array> }>();
  const dates: string[] = [];
  const dateIndex = new Map<string, number>();
  const dateOf = (date: string) => {
    let index = dateIndex.get(date);
    if (index === undefined) {
      index = dates.length;
      dates.push(date);
      dateIndex.set(date, index);
    }
    return index;
  };
  const roles = new Uint8Array(n);
  const createdAt = new Uint32Array(n);
  const updatedAt = new Uint32Array(n);
  for (let row = 0; row < n; row += 1) {
    const r = respondents[row]!;
    if (!fitsColumns(r)) return null;
    const role = ROLES.indexOf(r.role);
    if (role < 0) return null;
    roles[row] = role;
    createdAt[row] = dateOf(r.createdAt);
    updatedAt[row] = dateOf(r.updatedAt);
    for (const [gridId, answers] of Object.entries(r.answers)) {
      let entry = gridIndex.get(gridId);
      if (!entry) {
        entry = { grid: { gridId, items: [], codes: [] }, items: new Map() };
        gridIndex.set(gridId, entry);
        grids.push(entry.grid);
      }
      for (const [itemId, value] of Object.entries(answers)) {
        let column = entry.items.get(itemId);
        if (!column) {
          column = new Int8Array(n).fill(CODE_ABSENT);
          entry.items.set(itemId, column);
          entry.grid.items.push(itemId);
          entry.grid.codes.push(column);
        }
        column[row] = codeOf(value)!;
      }
    }
  }
  return { ids: respondents.map((r) => r.id), roles, dates, createdAt, updatedAt, grids };
}

/**
 * Sets of items answered a builder makes a template for. A new template costs a `JSON.parse` and
 * new hidden classes: worth it for the sets a survey gives (the items asked of each role, a few
 * incomplete responses, a blank here and there), not when every respondent's set is new (a
 * template for each made the Chromium bench's preview ten times slower): past this many, a set
 * not seen yet is built key by key, as before. With 2 % of cells left blank at random (the
 * campaign bench), a grid of 40 items gives the full set to 45 % of respondents and one of 40
 * sets with one blank to 37 %: 32 templates left a third of the objects built key by key (hash
 * tables, slower to read, scan and collect); 256 leave about a tenth.
 */
export const MAX_TEMPLATES = 256;

/**
 * Builds answers objects for one list of items in V8's compact layout. An object built key by
 * key (`answers[id] = value`) turns into a hash table after a dozen keys: in Chromium, 100,000
 * respondents × 4 grids × 38 answers so built took 336 MB and a 1.4–1.6 s full garbage
 * collection, against 76–93 MB and 0.7 s copied from templates (`bench/results.md`, « Column
 * store »). An object made by `JSON.parse` is laid out compactly, and so is its copy
 * (`{ ...template }`), whose values are then overwritten in place: one template per set of
 * items answered (items always in list order). Same keys in the same order, same values: only
 * the memory layout differs.
 */
export class AnswersBuilder {
  private readonly templates = new Map<string, Answers>();
  /** `"<item id>":0` for each item, ready for JSON. */
  private readonly keys: string[];
  /** A key JSON.parse would make own but an assignment would not: never templated. */
  private readonly plain: boolean;

  constructor(private readonly items: readonly string[]) {
    this.keys = items.map((id) => `${JSON.stringify(id)}:0`);
    this.plain = items.includes('__proto__');
  }

  /** The answers `values[k]` to `items[present[k]]`, `present` ascending. */
  build(present: readonly number[], values: readonly AnswerValue[]): Answers {
    const { items } = this;
    const key = this.plain ? '' : String.fromCharCode(...present);
    let template = this.plain ? undefined : this.templates.get(key);
    if (!template && !this.plain && this.templates.size < MAX_TEMPLATES) {
      template = JSON.parse(`{${present.map((i) => this.keys[i]).join(',')}}`) as Answers;
      this.templates.set(key, template);
    }
    if (template) {
      const answers = { ...template };
      for (let k = 0; k < present.length; k += 1) answers[items[present[k]!]!] = values[k]!;
      return answers;
    }
    const answers: Answers = {};
    for (let k = 0; k < present.length; k += 1) {
      const id = items[present[k]!]!;
      if (this.plain)
        Object.defineProperty(answers, id, {
          value: values[k],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else answers[id] = values[k]!;
    }
    return answers;
  }
}

/** Item lists whose builders are kept (`answersBuilderFor`): a diagnostic's grids, a few. */
export const KEPT_BUILDERS = 32;
const builders = new Map<string, AnswersBuilder>();

/**
 * The builder of one list of items, the same for every call with the same list: a campaign is
 * rebuilt a part at a time (200 stored parts, 400 parts from the CSV worker), and a builder per
 * part made its templates again for each (a `JSON.parse` per set of items, 200,000 for a reload).
 * Sharing one keeps the objects of every part on the same few hidden classes. Only the builders
 * of the last `KEPT_BUILDERS` lists are kept.
 */
export function answersBuilderFor(items: readonly string[]): AnswersBuilder {
  const key = JSON.stringify(items);
  let builder = builders.get(key);
  if (!builder) {
    if (builders.size >= KEPT_BUILDERS) builders.delete(builders.keys().next().value as string);
    builder = new AnswersBuilder(items);
    builders.set(key, builder);
  }
  return builder;
}

/** Respondent `row`'s answers to one grid, as an object (an empty record when none). */
export function answersOfRow(
  grid: GridColumns,
  row: number,
  builder = answersBuilderFor(grid.items),
): Answers {
  const present: number[] = [];
  const values: AnswerValue[] = [];
  for (let i = 0; i < grid.items.length; i += 1) {
    const value = answerOfCode(grid.codes[i]![row]!);
    if (value === undefined) continue;
    present.push(i);
    values.push(value);
  }
  return builder.build(present, values);
}

/** The respondents the columns hold, as objects (what `toAnswerColumns` was given). */
export function fromAnswerColumns(columns: AnswerColumns): Respondent[] {
  const { ids, roles, dates, createdAt, updatedAt, grids } = columns;
  const byGrid = grids.map((grid) => answersBuilderFor(grid.items));
  return ids.map((id, row) => {
    const answers: Record<string, Answers> = {};
    for (const [g, grid] of grids.entries()) {
      const own = answersOfRow(grid, row, byGrid[g]);
      if (Object.keys(own).length > 0) answers[grid.gridId] = own;
    }
    return {
      id,
      role: ROLES[roles[row]!] as Role,
      answers,
      comments: {},
      createdAt: dates[createdAt[row]!]!,
      updatedAt: dates[updatedAt[row]!]!,
    };
  });
}

const MAX_ID = 80;
const MAX_DATE = 40;

function isStringList(value: unknown, maxLength: number, minLength = 0): value is string[] {
  return (
    Array.isArray(value) &&
    value.every(
      (s) =>
        typeof s === 'string' &&
        s.length >= minLength &&
        s.length <= maxLength &&
        !FORBIDDEN_KEYS.has(s),
    )
  );
}

/**
 * Checks, in one pass, that a stored value is column store this app wrote: its shape, every
 * array's length, every role, date index and answer code in range, the ids as the diagnostic
 * schema wants them. The columns, or what is wrong (English, for the record set aside).
 */
export function checkAnswerColumns(value: unknown): AnswerColumns | string {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const v = value as Record<string, unknown>;
  if (!isStringList(v.ids, MAX_ID, 1)) return 'ids: not a list of ids';
  const n = v.ids.length;
  if (!(v.roles instanceof Uint8Array) || v.roles.length !== n)
    return 'roles: not one per respondent';
  for (const role of v.roles) if (role >= ROLES.length) return `roles: unknown role ${role}`;
  if (!isStringList(v.dates, MAX_DATE)) return 'dates: not a list of dates';
  for (const key of ['createdAt', 'updatedAt'] as const) {
    const at = v[key];
    if (!(at instanceof Uint32Array) || at.length !== n) return `${key}: not one per respondent`;
    for (const index of at) if (index >= v.dates.length) return `${key}: no date ${index}`;
  }
  if (!Array.isArray(v.grids)) return 'grids: not a list';
  for (const [g, grid] of (v.grids as unknown[]).entries()) {
    const where = `grids.${g}`;
    if (typeof grid !== 'object' || grid === null) return `${where}: not an object`;
    const { gridId, items, codes } = grid as Record<string, unknown>;
    if (typeof gridId !== 'string' || FORBIDDEN_KEYS.has(gridId))
      return `${where}.gridId: not an id`;
    if (!isStringList(items, Infinity)) return `${where}.items: not a list of ids`;
    if (!Array.isArray(codes) || codes.length !== items.length)
      return `${where}.codes: not one column per item`;
    for (const [i, column] of (codes as unknown[]).entries()) {
      if (!(column instanceof Int8Array) || column.length !== n)
        return `${where}.codes.${i}: not one code per respondent`;
      for (const code of column) if (!isValidCode(code)) return `${where}.codes.${i}: code ${code}`;
    }
  }
  return value as AnswerColumns;
}
