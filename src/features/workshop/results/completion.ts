import { useEffect, useState } from 'react';
import type { Role } from '@/domain/answers/answers';
import { isAskedOf } from '@/domain/context/asked-of';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { Grid } from '@/domain/grid/schema';
import { runToEnd } from '@/domain/run-to-end';
import { runInSlices } from '@/utils/slices';
import { SLICED_FROM_ANSWERS } from './use-grid-aggregates';

type Respondents = Diagnostic['respondents'];

/** One grid's completion over the respondents (« don't know » and « not applicable » count). */
export type GridCompletion = {
  grid: Grid;
  /** Respondents who answered at least one of its items. */
  started: number;
  /** Respondents who answered all of them. */
  complete: number;
  /** Mean share of its items answered, in [0, 1]. */
  average: number;
};

/** Respondents looked at between two steps (about a millisecond of work for 150 items). */
const STEP_ROWS = 250;

/**
 * Every grid's completion, a step every `STEP_ROWS` respondents: the same figures as
 * `respondentProgress` per respondent, added up, without an object per respondent and grid
 * (100,000 respondents of a campaign took 0.4–0.8 s in one task).
 */
export function* completionSteps(
  grids: readonly Grid[],
  respondents: Respondents,
): Generator<void, GridCompletion[], void> {
  // The items asked of each role, per grid, as `respondentProgress` counts them (docs/scoring.md,
  // « Asked or not »): an item a role is not asked is neither answered nor missing for it.
  const askedOf = grids.map(() => new Map<Role, string[]>());
  const itemsOf = (g: number, role: Role): string[] => {
    let ids = askedOf[g]!.get(role);
    if (!ids) {
      ids = grids[g]!.dimensions.filter((d) => isAskedOf(d.appliesWhen, role)).flatMap((d) =>
        d.items.filter((i) => isAskedOf(i.appliesWhen, role)).map((i) => i.id),
      );
      askedOf[g]!.set(role, ids);
    }
    return ids;
  };
  const started = new Array<number>(grids.length).fill(0);
  const complete = new Array<number>(grids.length).fill(0);
  const shares = new Array<number>(grids.length).fill(0);
  const has = Object.prototype.hasOwnProperty;
  for (let r = 0; r < respondents.length; r += 1) {
    if (r > 0 && r % STEP_ROWS === 0) yield;
    const respondent = respondents[r]!;
    for (let g = 0; g < grids.length; g += 1) {
      const ids = itemsOf(g, respondent.role);
      const answers = respondent.answers[grids[g]!.id] ?? {};
      let answered = 0;
      for (const id of ids) if (has.call(answers, id)) answered += 1;
      if (answered > 0) started[g]! += 1;
      if (ids.length > 0 && answered === ids.length) complete[g]! += 1;
      if (ids.length > 0) shares[g]! += answered / ids.length;
    }
  }
  return grids.map((grid, g) => ({
    grid,
    started: started[g]!,
    complete: complete[g]!,
    average: respondents.length === 0 ? 0 : shares[g]! / respondents.length,
  }));
}

/** Completions remembered per respondents list and grids list (a new diagnostic: a new list). */
const remembered = new WeakMap<Respondents, WeakMap<readonly Grid[], GridCompletion[]>>();

/**
 * The completion of every grid: computed during the render for a small diagnostic, in slices
 * after it for a large one (null meanwhile), remembered for the same respondents and grids.
 */
export function useCompletion(
  grids: readonly Grid[],
  respondents: Respondents,
): GridCompletion[] | null {
  const known = remembered.get(respondents)?.get(grids);
  const answers =
    respondents.length *
    grids.reduce((n, g) => n + g.dimensions.reduce((m, d) => m + d.items.length, 0), 0);
  const now =
    known ?? (answers < SLICED_FROM_ANSWERS ? runToEnd(completionSteps(grids, respondents)) : null);
  const [computed, setComputed] = useState<{
    of: readonly [Respondents, readonly Grid[]];
    completion: GridCompletion[];
  } | null>(null);
  useEffect(() => {
    if (now) return;
    let live = true;
    void runInSlices(completionSteps(grids, respondents), {
      budgetMs: 15,
      cancelled: () => !live,
    }).then((completion) => {
      if (!live || !completion) return;
      let byGrids = remembered.get(respondents);
      if (!byGrids) remembered.set(respondents, (byGrids = new WeakMap()));
      byGrids.set(grids, completion);
      setComputed({ of: [respondents, grids], completion });
    });
    return () => {
      live = false;
    };
  }, [now, grids, respondents]);
  if (now) return now;
  return computed && computed.of[0] === respondents && computed.of[1] === grids
    ? computed.completion
    : null;
}
