/**
 * The scoring kernel: scores many respondents into flat typed arrays (one row per respondent).
 *
 * `scoreGrid` (one respondent, objects) and the aggregation (many respondents) both run this one
 * kernel, so there is a single implementation of the rules of docs/scoring.md. The flat layout
 * lets a workshop of 10,000 respondents × 120 items be scored and aggregated without allocating
 * millions of small objects. "No score" is NaN inside a matrix and `null` everywhere outside.
 *
 * **Asked or not.** A grid's `appliesWhen.roles` (on a dimension or an item) says which roles
 * are asked it. The context is applied before (`routeGrid`); the role is applied here, per
 * respondent, because a workshop mixes roles: given each row's role, an item not asked of that
 * role is `STATUS_NOT_ASKED` (neither answered nor missing, whatever the stored answer says), a
 * dimension's coverage is computed over the items asked, and a dimension none of whose items is
 * asked is `DIMENSION_NOT_ASKED` (neither a score nor a missing score). docs/scoring.md.
 */
import { type Answers, ROLES, type Role } from '@/domain/answers/answers';
import type { Grid } from '@/domain/grid/schema';
import { isAskedOf } from '@/domain/context/asked-of';
import { runToEnd } from '@/domain/run-to-end';
import { answerOfCode, type GridColumns } from './answer-columns';
import { exact } from './exact';
import { scaleBounds, scoreOnRange } from './item-score';

/**
 * Tolerance on the coverage comparison, so that a coverage equal to the threshold on paper (e.g.
 * 7/10 against 0.7) is never refused because of floating-point rounding.
 */
const COVERAGE_EPSILON = 1e-9;

/** Item status codes in `ScoreMatrix.itemStatus`. */
export const STATUS_ANSWERED = 0;
export const STATUS_DK = 1;
export const STATUS_NA = 2;
export const STATUS_MISSING = 3;
/** Not asked of this respondent's role: an answer stored for it (given before a role change) is ignored. */
export const STATUS_NOT_ASKED = 4;

/** Dimension status codes in `ScoreMatrix.dimensionStatus`. */
export const DIMENSION_SCORED = 0;
export const DIMENSION_LOW_COVERAGE = 1;
export const DIMENSION_ZERO_WEIGHT = 2;
/** No item of the dimension is asked of this respondent's role. */
export const DIMENSION_NOT_ASKED = 3;

export interface CompiledItem {
  id: string;
  dimensionIndex: number;
  /** Point values of the item's scale, ascending as in the grid (empty for an unknown scale). */
  points: readonly number[];
  /** Point value → its index in `points`. */
  pointIndex: ReadonlyMap<number, number>;
  /** Score of each point (same order as `points`), settled by `exact`; NaN for a degenerate scale. */
  pointScores: readonly number[];
  /**
   * The same scores before settling, for sums: a weighted mean is computed on these and settled
   * once, so the rounding of each item score never adds up (docs/scoring.md).
   */
  pointScoresRaw: readonly number[];
  min: number;
  max: number;
  reverse: boolean;
  weight: number;
}

export interface CompiledDimension {
  id: string;
  /** Index of the dimension's first item in the flat item list. */
  firstItem: number;
  itemCount: number;
}

/** A grid flattened for scoring: items in grid order, with their scale bounds. */
export interface CompiledGrid {
  items: readonly CompiledItem[];
  dimensions: readonly CompiledDimension[];
  minCoverage: number;
  /**
   * For each role not asked every item: 1 where the item is asked of it, 0 where not (flat item
   * order). A role absent from the map is asked everything, as is a row without a role.
   */
  askedByRole: ReadonlyMap<Role, Uint8Array>;
}

/** The items asked of each role, for the roles not asked every item (see `askedByRole`). */
function askedMasks(grid: Grid, itemCount: number): Map<Role, Uint8Array> {
  const masks = new Map<Role, Uint8Array>();
  for (const role of ROLES) {
    const mask = new Uint8Array(itemCount);
    let i = 0;
    let all = true;
    for (const dimension of grid.dimensions) {
      const dimensionAsked = isAskedOf(dimension.appliesWhen, role);
      for (const item of dimension.items) {
        const asked = dimensionAsked && isAskedOf(item.appliesWhen, role);
        mask[i] = asked ? 1 : 0;
        if (!asked) all = false;
        i += 1;
      }
    }
    if (!all) masks.set(role, mask);
  }
  return masks;
}

/**
 * Per-grid lookups computed once. Grids are treated as immutable values; the cache is keyed by
 * object identity and never changes a result.
 */
const cache = new WeakMap<Grid, CompiledGrid>();

/** Flattens a grid for scoring (cached per grid object). */
export function compileGrid(grid: Grid): CompiledGrid {
  const cached = cache.get(grid);
  if (cached !== undefined) return cached;
  const scales = new Map(grid.scales.map((scale) => [scale.id, scale]));
  const items: CompiledItem[] = [];
  const dimensions: CompiledDimension[] = [];
  grid.dimensions.forEach((dimension, dimensionIndex) => {
    dimensions.push({
      id: dimension.id,
      firstItem: items.length,
      itemCount: dimension.items.length,
    });
    for (const item of dimension.items) {
      const scale = scales.get(item.scale);
      // An unknown scale (a grid error caught by the loader) leaves the item unanswerable.
      const bounds = scale === undefined ? { min: 0, max: 0 } : scaleBounds(scale);
      const points = scale?.points.map((point) => point.value) ?? [];
      const raw = points.map(
        (value) => scoreOnRange(value, bounds.min, bounds.max, item.reverse) ?? Number.NaN,
      );
      items.push({
        id: item.id,
        dimensionIndex,
        points,
        pointIndex: new Map(points.map((value, index) => [value, index])),
        pointScores: raw.map(exact),
        pointScoresRaw: raw,
        min: bounds.min,
        max: bounds.max,
        reverse: item.reverse,
        weight: item.weight,
      });
    }
  });
  const compiled: CompiledGrid = {
    items,
    dimensions,
    minCoverage: grid.minCoverage,
    askedByRole: askedMasks(grid, items.length),
  };
  cache.set(grid, compiled);
  return compiled;
}

/** Scores of many respondents. Item arrays are indexed `row × items + item`, dimension arrays `row × dimensions + dimension`. */
export interface ScoreMatrix {
  rows: number;
  itemCount: number;
  dimensionCount: number;
  /** Item score 0–100, NaN when none. */
  itemScore: Float64Array;
  /** Raw answer when it is a point of the scale, NaN otherwise. */
  itemValue: Float64Array;
  /** Index of the answer in the scale's points, −1 otherwise. */
  itemPoint: Int16Array;
  /** `STATUS_*` codes. */
  itemStatus: Uint8Array;
  /** Dimension score 0–100, NaN when insufficient. */
  dimensionScore: Float64Array;
  /** `DIMENSION_*` codes. */
  dimensionStatus: Uint8Array;
  answered: Int32Array;
  dk: Int32Array;
  na: Int32Array;
  missing: Int32Array;
  /** Items of the dimension asked of the row's role (= the dimension's items without roles). */
  asked: Int32Array;
}

/**
 * Scores every respondent's answers on the grid into one matrix (rows in input order). With
 * `roles` (the role of each row), each row is scored on the items asked of its role. Never throws.
 */
export function scoreMatrix(
  grid: Grid,
  answersList: readonly Answers[],
  roles?: readonly (Role | undefined)[],
): ScoreMatrix {
  return runToEnd(scoreMatrixSteps(grid, answersList, Infinity, roles));
}

/** From this many item cells, `scoreMatrixSteps` allocates each array of the matrix in a step. */
export const LARGE_MATRIX_CELLS = 1_000_000;

/** Respondents scored between two steps of `scoreMatrixSteps` (about a millisecond of work). */
export const SCORE_STEP_ROWS = 200;

/**
 * `scoreMatrix` in steps: a `yield` every `rowsPerStep` respondents, the same matrix at the end,
 * so that a caller on the main thread can pause between steps.
 */
export function* scoreMatrixSteps(
  grid: Grid,
  answersList: readonly Answers[],
  rowsPerStep = SCORE_STEP_ROWS,
  roles?: readonly (Role | undefined)[],
): Generator<void, ScoreMatrix, void> {
  const compiled = compileGrid(grid);
  return yield* scoreRowsSteps(
    compiled,
    answersList.length,
    (row, raw) => {
      // A plain lookup: an inherited property (`constructor`…) is never a number, "dk" or "na",
      // so it falls through to `missing` like any invalid value.
      const answers = answersList[row] ?? {};
      for (let i = 0; i < compiled.items.length; i += 1)
        raw[i] = answers[(compiled.items[i] as CompiledItem).id];
    },
    rowsPerStep,
    (row) => roles?.[row],
  );
}

/**
 * `scoreMatrixSteps` of respondents held as columns (`answer-columns.ts`: one array of answer
 * codes per item, `roles[row]` an index in `ROLES`), without an object per respondent: the same
 * kernel, fed each row's answers from the codes, so the same matrix as the respondents' objects
 * give (a property test compares the two).
 */
export function* scoreColumnsSteps(
  grid: Grid,
  columns: GridColumns,
  roles: Uint8Array,
  rowsPerStep = SCORE_STEP_ROWS,
): Generator<void, ScoreMatrix, void> {
  const compiled = compileGrid(grid);
  // Each item of the grid to its column (none: nobody answered it).
  const byItem = new Map(columns.items.map((id, i) => [id, columns.codes[i]!]));
  const itemColumns = compiled.items.map((item) => byItem.get(item.id));
  return yield* scoreRowsSteps(
    compiled,
    roles.length,
    (row, raw) => {
      for (let i = 0; i < itemColumns.length; i += 1) {
        const column = itemColumns[i];
        raw[i] = column === undefined ? undefined : answerOfCode(column[row] as number);
      }
    },
    rowsPerStep,
    (row) => ROLES[roles[row] as number],
  );
}

/** The kernel's loop: each row's answers read into `raw` (one per item, grid order), then scored. */
function* scoreRowsSteps(
  compiled: CompiledGrid,
  rows: number,
  readRow: (row: number, raw: unknown[]) => void,
  rowsPerStep: number,
  roleOf: (row: number) => Role | undefined,
): Generator<void, ScoreMatrix, void> {
  const itemCount = compiled.items.length;
  const dimensionCount = compiled.dimensions.length;
  // A large matrix (a campaign: 100,000 respondents × 40 items) is tens of MB of arrays, each
  // allocated in a step of its own (all of them in one step took 0.1 s of CPU time).
  const large = rowsPerStep < rows && rows * itemCount >= LARGE_MATRIX_CELLS;
  function* allocate<T>(make: () => T): Generator<void, T, void> {
    const array = make();
    if (large) yield;
    return array;
  }
  const items = rows * itemCount;
  const dimensions = rows * dimensionCount;
  const matrix: ScoreMatrix = {
    rows,
    itemCount,
    dimensionCount,
    itemScore: yield* allocate(() => new Float64Array(items)),
    itemValue: yield* allocate(() => new Float64Array(items)),
    itemPoint: yield* allocate(() => new Int16Array(items)),
    itemStatus: yield* allocate(() => new Uint8Array(items)),
    dimensionScore: yield* allocate(() => new Float64Array(dimensions)),
    dimensionStatus: yield* allocate(() => new Uint8Array(dimensions)),
    answered: yield* allocate(() => new Int32Array(dimensions)),
    dk: yield* allocate(() => new Int32Array(dimensions)),
    na: yield* allocate(() => new Int32Array(dimensions)),
    missing: yield* allocate(() => new Int32Array(dimensions)),
    asked: yield* allocate(() => new Int32Array(dimensions)),
  };
  const raw = new Array<unknown>(itemCount);
  for (let row = 0; row < rows; row += 1) {
    if (row > 0 && row % rowsPerStep === 0) yield;
    const role = roleOf(row);
    const asked = role === undefined ? undefined : compiled.askedByRole.get(role);
    readRow(row, raw);
    scoreRow(compiled, raw, matrix, row, asked);
  }
  return matrix;
}

function scoreRow(
  compiled: CompiledGrid,
  /** The row's answer to each item, in grid order (undefined: none). */
  answers: readonly unknown[],
  m: ScoreMatrix,
  row: number,
  /** 1 where the item is asked of the row's role; undefined when every item is. */
  asked: Uint8Array | undefined,
): void {
  const { items, dimensions, minCoverage } = compiled;
  const itemBase = row * m.itemCount;
  const dimensionBase = row * m.dimensionCount;
  for (let d = 0; d < dimensions.length; d += 1) {
    const dimension = dimensions[d] as CompiledDimension;
    let answered = 0;
    let dk = 0;
    let na = 0;
    let missing = 0;
    let notAsked = 0;
    let weightSum = 0;
    let weighted = 0;
    const end = dimension.firstItem + dimension.itemCount;
    for (let i = dimension.firstItem; i < end; i += 1) {
      const item = items[i] as CompiledItem;
      const cell = itemBase + i;
      if (asked !== undefined && asked[i] === 0) {
        // Not asked of this role: a stored answer (from before a role change) is kept, not read.
        notAsked += 1;
        m.itemStatus[cell] = STATUS_NOT_ASKED;
        m.itemScore[cell] = Number.NaN;
        m.itemValue[cell] = Number.NaN;
        m.itemPoint[cell] = -1;
        continue;
      }
      const raw = answers[i];
      let status = STATUS_MISSING;
      let score = Number.NaN;
      let value = Number.NaN;
      let point = -1;
      if (raw === 'dk') {
        status = STATUS_DK;
        dk += 1;
      } else if (raw === 'na') {
        status = STATUS_NA;
        na += 1;
      } else if (typeof raw === 'number') {
        const index = item.pointIndex.get(raw);
        const computed = index === undefined ? Number.NaN : (item.pointScores[index] as number);
        if (index !== undefined && !Number.isNaN(computed)) {
          status = STATUS_ANSWERED;
          score = computed;
          value = raw;
          point = index;
          answered += 1;
          if (item.weight > 0) {
            weightSum += item.weight;
            weighted += item.weight * (item.pointScoresRaw[index] as number);
          }
        }
      }
      if (status === STATUS_MISSING) missing += 1;
      m.itemStatus[cell] = status;
      m.itemScore[cell] = score;
      m.itemValue[cell] = value;
      m.itemPoint[cell] = point;
    }
    const cell = dimensionBase + d;
    m.answered[cell] = answered;
    m.dk[cell] = dk;
    m.na[cell] = na;
    m.missing[cell] = missing;
    const askedItems = dimension.itemCount - notAsked;
    m.asked[cell] = askedItems;
    const coverage = askedItems === 0 ? 0 : answered / askedItems;
    if (dimension.itemCount > 0 && askedItems === 0) {
      m.dimensionStatus[cell] = DIMENSION_NOT_ASKED;
      m.dimensionScore[cell] = Number.NaN;
    } else if (answered === 0 || coverage < minCoverage - COVERAGE_EPSILON) {
      m.dimensionStatus[cell] = DIMENSION_LOW_COVERAGE;
      m.dimensionScore[cell] = Number.NaN;
    } else if (!(weightSum > 0)) {
      m.dimensionStatus[cell] = DIMENSION_ZERO_WEIGHT;
      m.dimensionScore[cell] = Number.NaN;
    } else {
      m.dimensionStatus[cell] = DIMENSION_SCORED;
      // Settled once, after the division: 2 and 3 on a 1–4 scale give exactly 50 (docs/scoring.md).
      m.dimensionScore[cell] = exact(weighted / weightSum);
    }
  }
}
