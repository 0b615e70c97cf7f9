import { startTransition, useEffect, useState } from 'react';
import { aggregateMatrixSteps, type GridAggregate } from '@/domain/aggregate/aggregate-grid';
import { roleVisibilityOf } from '@/domain/aggregate/anonymity';
import type { Role } from '@/domain/answers/answers';
import { answersForGrid } from '@/domain/answers/grid-answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { Answers } from '@/domain/answers/answers';
import type { Grid } from '@/domain/grid/schema';
import { SCORE_STEP_ROWS, scoreMatrixSteps } from '@/domain/scoring/score-matrix';
import { runToEnd } from '@/domain/run-to-end';
import { runInSlices } from '@/utils/slices';

type Respondents = Diagnostic['respondents'];

/**
 * Below this many answers to look at (respondents × items of the grids), the aggregates are
 * computed during the render (a few milliseconds, no "computing" flash); above it, in slices
 * between which the page paints and answers input (10,000 respondents × 120 items take
 * hundreds of milliseconds).
 */
export const SLICED_FROM_ANSWERS = 40_000;

/** Work per slice of a sliced computation, in ms. */
const SLICE_MS = 15;

/**
 * Each grid's aggregate, remembered for the respondents list it was computed from (a new
 * diagnostic makes a new list), so that the aggregate and topics sections, and any re-render,
 * use the one computation.
 */
const remembered = new WeakMap<Respondents, WeakMap<Grid, Map<number, GridAggregate>>>();

function rememberedOf(grid: Grid, respondents: Respondents) {
  let byGrid = remembered.get(respondents);
  if (!byGrid) remembered.set(respondents, (byGrid = new WeakMap()));
  let byThreshold = byGrid.get(grid);
  if (!byThreshold) byGrid.set(grid, (byThreshold = new Map()));
  return byThreshold;
}

/** Respondents read between two steps when their answers and roles are gathered. */
const GATHER_STEP = 5000;

/**
 * Each respondent's answers to the grid and role, in steps (a campaign's 100,000 respondents
 * gathered at once were part of a step of 0.1 s).
 */
function* gatherSteps(
  grid: Grid,
  respondents: Respondents,
): Generator<void, { answers: Answers[]; roles: Role[] }, void> {
  const answers: Answers[] = [];
  const roles: Role[] = [];
  for (const [index, r] of respondents.entries()) {
    if (index > 0 && index % GATHER_STEP === 0) yield;
    answers.push(answersForGrid(r, grid.id));
    roles.push(r.role);
  }
  return { answers, roles };
}

/** Every grid's aggregate, grid after grid, remembering each; a step between small pieces. */
function* allAggregateSteps(
  grids: readonly Grid[],
  respondents: Respondents,
  threshold: number,
): Generator<void, Map<string, GridAggregate>, void> {
  const all = new Map<string, GridAggregate>();
  for (const grid of grids) {
    const known = rememberedOf(grid, respondents);
    let aggregate = known.get(threshold);
    if (!aggregate) {
      // As `aggregateGridSteps` does (each row scored on what its role is asked), each part
      // in steps.
      const { answers, roles } = yield* gatherSteps(grid, respondents);
      const matrix = yield* scoreMatrixSteps(grid, answers, SCORE_STEP_ROWS, roles);
      aggregate = yield* aggregateMatrixSteps(grid, matrix, roles, {
        anonymityThreshold: threshold,
      });
      known.set(threshold, aggregate);
    }
    all.set(grid.id, aggregate);
  }
  return all;
}

/** The aggregates when every one is already remembered, else null. */
function allRemembered(grids: readonly Grid[], respondents: Respondents, threshold: number) {
  const all = new Map<string, GridAggregate>();
  for (const grid of grids) {
    const aggregate = remembered.get(respondents)?.get(grid)?.get(threshold);
    if (!aggregate) return null;
    all.set(grid.id, aggregate);
  }
  return all;
}

export type GridAggregates = {
  /** Each grid's aggregate by grid id: the current ones, or while `pending` the last shown (or null). */
  aggregates: ReadonlyMap<string, GridAggregate> | null;
  /** True while the aggregates of the current respondents are being computed. */
  pending: boolean;
};

/**
 * The workshop's aggregates of every grid. A small diagnostic is aggregated at once; a large one
 * in slices after the render, the previous aggregates staying on screen (marked as being
 * updated) meanwhile, so confirming a 10,000-respondent import never holds the page.
 */
export function useGridAggregates(
  grids: readonly Grid[],
  respondents: Respondents,
  threshold: number,
): GridAggregates {
  // The last aggregates computed in slices: shown, marked as being updated, during the next.
  const [computed, setComputed] = useState<ReadonlyMap<string, GridAggregate> | null>(null);
  const answers = respondents.length * grids.reduce((n, g) => n + countItems(g), 0);
  const ready =
    allRemembered(grids, respondents, threshold) ??
    (answers < SLICED_FROM_ANSWERS
      ? runToEnd(allAggregateSteps(grids, respondents, threshold))
      : null);

  useEffect(() => {
    if (ready) return;
    let live = true;
    void runInSlices(allAggregateSteps(grids, respondents, threshold), {
      budgetMs: SLICE_MS,
      cancelled: () => !live,
    }).then((aggregates) => {
      // A transition: the render of every grid's tables yields between components.
      if (live && aggregates) startTransition(() => setComputed(aggregates));
    });
    return () => {
      live = false;
    };
  }, [ready, grids, respondents, threshold]);

  if (ready) return { aggregates: ready, pending: false };
  return { aggregates: stillAnonymous(computed, respondents, threshold), pending: true };
}

/**
 * The previous aggregates, if they show no role that the current respondents and threshold
 * mask (a threshold just raised, respondents deleted): else null, so that a masked role is
 * never on screen, not even while the new aggregates are computed.
 */
function stillAnonymous(
  previous: ReadonlyMap<string, GridAggregate> | null,
  respondents: Respondents,
  threshold: number,
): ReadonlyMap<string, GridAggregate> | null {
  if (!previous) return null;
  const visible = new Set(roleVisibilityOf(respondents, threshold).visible);
  for (const aggregate of previous.values()) {
    if (aggregate.roles.some((r) => !visible.has(r.role))) return null;
  }
  return previous;
}

function countItems(grid: Grid): number {
  return grid.dimensions.reduce((n, d) => n + d.items.length, 0);
}
