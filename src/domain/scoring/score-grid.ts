/**
 * Scores of one respondent on one grid (docs/scoring.md, « Scores » and « Asked or not »).
 *
 * - Item score: (value − min)/(max − min) × 100, 100 − s when `reverse`; dk, na, missing and
 *   values off the scale get no score.
 * - Dimension score: weighted mean of the answered item scores (weight-0 items are counted as
 *   answered but weigh nothing). It exists only when coverage = answered / items reaches the grid's
 *   `minCoverage` (exactly at the threshold counts) and the answered weights sum above 0;
 *   otherwise the dimension is `insufficient` with a null score, never 0 (reason `coverage`, also
 *   when nothing at all is answered, else `zeroWeight`).
 * - Grid score: mean of the dimension scores that exist; overall: mean of the grid scores.
 * - With the respondent's role, items not asked of that role (`appliesWhen.roles`) are
 *   `notAsked`: out of the counts and the coverage, their stored answers ignored; a dimension
 *   with no item asked is `notAsked` (neither a score nor a missing score).
 *
 * Numbers are not rounded for display here (docs/scoring.md), only settled by `exact` so that a
 * score equal to a band bound on paper is equal to it here. The rules themselves are implemented
 * once, in the kernel of `score-matrix.ts`; this module presents one respondent as objects.
 */
import type { Answers, AnswerStatus, Role } from '@/domain/answers/answers';
import { DEFAULT_LEVELS } from '@/domain/grid/levels';
import type { Grid, Level } from '@/domain/grid/schema';
import { mean } from '@/domain/stats';
import { levelOf, levelsOf } from './level';
import {
  compileGrid,
  DIMENSION_NOT_ASKED,
  DIMENSION_SCORED,
  DIMENSION_ZERO_WEIGHT,
  scoreMatrix,
  STATUS_MISSING,
} from './score-matrix';

export interface ItemScore {
  itemId: string;
  dimensionId: string;
  /** `notAsked`: the item is not asked of the respondent's role (its answer, if any, is ignored). */
  status: AnswerStatus | 'notAsked';
  /** The numeric answer when it is a point of the scale, else null. */
  value: number | null;
  /** 0–100, higher is more favourable; null unless `status` is `answered`. */
  score: number | null;
  weight: number;
}

export interface DimensionCounts {
  /** Numeric answers on the scale. */
  answered: number;
  dk: number;
  na: number;
  /** No answer, or a number off the scale. */
  missing: number;
  /** Items of the dimension asked of the respondent (all of them without a role). */
  total: number;
}

interface DimensionBase extends DimensionCounts {
  dimensionId: string;
  /** answered / total. */
  coverage: number;
  /** dk / total. */
  dkRate: number;
}

export type InsufficientReason = 'coverage' | 'zeroWeight';

export type DimensionScore = DimensionBase &
  (
    | { status: 'scored'; score: number; level: Level | null }
    | { status: 'insufficient'; reason: InsufficientReason; score: null; level: null }
    | { status: 'notAsked'; score: null; level: null }
  );

export interface GridScore {
  gridId: string;
  gridVersion: string;
  /** Mean of the dimension scores that exist; null when none does. */
  score: number | null;
  level: Level | null;
  dimensions: DimensionScore[];
  items: ItemScore[];
}

export interface OverallScore {
  /** Mean of the grid scores that exist; null when none does. */
  score: number | null;
  /** Level on the default bands (grids may have their own bands, the overview cannot). */
  level: Level | null;
  /** How many grid scores went into the mean. */
  grids: number;
}

const STATUS_NAMES: readonly (AnswerStatus | 'notAsked')[] = [
  'answered',
  'dk',
  'na',
  'missing',
  'notAsked',
];

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/**
 * Scores one respondent's answers on a grid: every item, every dimension and the grid. With the
 * respondent's `role`, only what is asked of that role counts. Never throws.
 */
export function scoreGrid(grid: Grid, answers: Answers, role?: Role): GridScore {
  const compiled = compileGrid(grid);
  const levels = levelsOf(grid);
  const m = scoreMatrix(grid, [answers], [role]);
  const items: ItemScore[] = compiled.items.map((item, i) => ({
    itemId: item.id,
    dimensionId: compiled.dimensions[item.dimensionIndex]?.id ?? '',
    status: STATUS_NAMES[m.itemStatus[i] ?? STATUS_MISSING] ?? 'missing',
    value: orNull(m.itemValue[i] ?? Number.NaN),
    score: orNull(m.itemScore[i] ?? Number.NaN),
    weight: item.weight,
  }));
  const dimensions: DimensionScore[] = compiled.dimensions.map((dimension, d) => {
    const answered = m.answered[d] ?? 0;
    const dk = m.dk[d] ?? 0;
    const total = m.asked[d] ?? dimension.itemCount;
    const base: DimensionBase = {
      dimensionId: dimension.id,
      answered,
      dk,
      na: m.na[d] ?? 0,
      missing: m.missing[d] ?? 0,
      total,
      coverage: total === 0 ? 0 : answered / total,
      dkRate: total === 0 ? 0 : dk / total,
    };
    const status = m.dimensionStatus[d];
    const score = m.dimensionScore[d] ?? Number.NaN;
    if (status === DIMENSION_SCORED && !Number.isNaN(score)) {
      return { ...base, status: 'scored', score, level: levelOf(score, levels) };
    }
    if (status === DIMENSION_NOT_ASKED) {
      return { ...base, status: 'notAsked', score: null, level: null };
    }
    const reason = status === DIMENSION_ZERO_WEIGHT ? 'zeroWeight' : 'coverage';
    return { ...base, status: 'insufficient', reason, score: null, level: null };
  });
  const score = mean(
    dimensions.flatMap((dimension) => (dimension.score === null ? [] : [dimension.score])),
  );
  return {
    gridId: grid.id,
    gridVersion: grid.version,
    score,
    level: levelOf(score, levels),
    dimensions,
    items,
  };
}

/** Overall score over several grids: the mean of the grid scores that exist, on the default bands. */
export function scoreOverall(gridScores: readonly Pick<GridScore, 'score'>[]): OverallScore {
  const scores = gridScores.flatMap((gridScore) =>
    gridScore.score === null ? [] : [gridScore.score],
  );
  const score = mean(scores);
  return { score, level: levelOf(score, DEFAULT_LEVELS), grids: scores.length };
}
