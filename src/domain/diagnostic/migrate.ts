/**
 * Moving a diagnostic to a newer version of one of its grids.
 *
 * Answers are never re-scored silently against different questions: an answer follows the
 * migration only when its item is kept (same id, same scale point values, same `reverse`).
 * Answers to removed or changed items are moved aside (`Respondent.setAside`) under
 * `<grid id>@<old version>`, so nothing is lost and a backup keeps them; added items start
 * unanswered. Pure: the date comes from the caller. What authors see: docs/writing-a-grid.md,
 * « Versions and migration ».
 */
import type { AnswerValue, Answers } from '@/domain/answers/answers';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import type { Diagnostic, Respondent } from './diagnostic';
import type { LoadedGrid } from './operations';

/** Why an item present in both versions cannot keep its answers. */
export type MigrationChangeKind = 'scale' | 'reverse';

/** An item and the dimension it sits in (in the version it is listed from). */
export type MigrationItem = { itemId: string; dimensionId: string };

export type GridMigrationPlan = {
  gridId: string;
  from: string;
  to: string;
  /** Same id, same scale point values, same `reverse`: answers carry over (new grid's order). */
  kept: MigrationItem[];
  /** Only in the old version: answers set aside (old grid's order). */
  removed: MigrationItem[];
  /** Only in the new version: unanswered (new grid's order). */
  added: MigrationItem[];
  /** In both, but the answer would not mean the same: answers set aside (new grid's order). */
  changed: (MigrationItem & { changes: MigrationChangeKind[] })[];
};

type Located = { dimensionId: string; reverse: boolean; points: number[] | null };

function locate(grid: Grid): Map<string, Located> {
  const scales = new Map(grid.scales.map((scale) => [scale.id, scale]));
  const located = new Map<string, Located>();
  for (const dimension of grid.dimensions) {
    for (const item of dimension.items) {
      located.set(item.id, {
        dimensionId: dimension.id,
        reverse: item.reverse,
        points: scales.get(item.scale)?.points.map((point) => point.value) ?? null,
      });
    }
  }
  return located;
}

function samePoints(a: number[] | null, b: number[] | null): boolean {
  if (a === null || b === null || a.length !== b.length) return false;
  return a.every((value, i) => value === b[i]);
}

/**
 * What moving from `oldGrid` to `newGrid` does to each item. Scale points compare by their
 * values (a wording change of a point label keeps answers); a weight change or a move to another
 * dimension keeps answers too (the answer to the question is still the same answer).
 */
export function planGridMigration(oldGrid: Grid, newGrid: Grid): GridMigrationPlan {
  const before = locate(oldGrid);
  const after = locate(newGrid);
  const plan: GridMigrationPlan = {
    gridId: newGrid.id,
    from: oldGrid.version,
    to: newGrid.version,
    kept: [],
    removed: [],
    added: [],
    changed: [],
  };
  for (const [itemId, now] of after) {
    const then = before.get(itemId);
    const entry = { itemId, dimensionId: now.dimensionId };
    if (then === undefined) {
      plan.added.push(entry);
      continue;
    }
    const changes: MigrationChangeKind[] = [];
    if (!samePoints(then.points, now.points)) changes.push('scale');
    if (then.reverse !== now.reverse) changes.push('reverse');
    if (changes.length === 0) plan.kept.push(entry);
    else plan.changed.push({ ...entry, changes });
  }
  for (const [itemId, then] of before) {
    if (!after.has(itemId)) plan.removed.push({ itemId, dimensionId: then.dimensionId });
  }
  return plan;
}

/** The key answers of `gridId` at `version` are set aside under, e.g. `uses@1.0.0`. */
export function setAsideKey(gridId: string, version: string): string {
  return `${gridId}@${version}`;
}

/** How many answers (over all respondents) a migration keeps and sets aside. */
export function migrationImpact(
  diagnostic: Diagnostic,
  plan: GridMigrationPlan,
): { kept: number; setAside: number } {
  const kept = new Set(plan.kept.map((entry) => entry.itemId));
  let keptCount = 0;
  let setAside = 0;
  for (const respondent of diagnostic.respondents) {
    const answers = ownRecord(respondent.answers, plan.gridId);
    for (const itemId of Object.keys(answers)) {
      if (kept.has(itemId)) keptCount += 1;
      else setAside += 1;
    }
  }
  return { kept: keptCount, setAside };
}

/**
 * The diagnostic moved to `next` (a version of its grid `gridId`): the grid copy is replaced,
 * answers to kept items stay, every other answer of that grid goes to `setAside`. Returns the
 * diagnostic unchanged when it has no grid `gridId`, when `next` is another grid, or when its
 * own copy of the grid no longer loads (nothing could then be planned safely).
 */
export function migrateDiagnostic(
  diagnostic: Diagnostic,
  gridId: string,
  next: LoadedGrid,
  now: string,
): Diagnostic {
  const index = diagnostic.grids.findIndex((snapshot) => snapshot.id === gridId);
  const snapshot = diagnostic.grids[index];
  if (snapshot === undefined || next.grid.id !== gridId) return diagnostic;
  const current = loadGrid(snapshot.grid);
  if (!current.ok) return diagnostic;
  const plan = planGridMigration(current.grid, next.grid);
  const kept = new Set(plan.kept.map((entry) => entry.itemId));
  const asideKey = setAsideKey(gridId, current.grid.version);

  const respondents = diagnostic.respondents.map((respondent): Respondent => {
    if (!Object.hasOwn(respondent.answers, gridId)) return respondent;
    const answers = ownRecord(respondent.answers, gridId);
    const stay: Answers = {};
    const moved: Record<string, AnswerValue> = {};
    for (const [itemId, value] of Object.entries(answers)) {
      if (kept.has(itemId)) stay[itemId] = value;
      else moved[itemId] = value;
    }
    const updated: Respondent = {
      ...respondent,
      answers: { ...respondent.answers, [gridId]: stay },
    };
    if (Object.keys(moved).length === 0) return updated;
    const aside = respondent.setAside ?? {};
    return {
      ...updated,
      setAside: { ...aside, [asideKey]: { ...ownRecord(aside, asideKey), ...moved } },
      updatedAt: now,
    };
  });

  const grids = diagnostic.grids.map((s, i) =>
    i === index
      ? { id: gridId, version: next.grid.version, hash: next.hash, grid: next.source ?? next.grid }
      : s,
  );
  return { ...diagnostic, grids, respondents, updatedAt: now };
}

function ownRecord<T>(record: Record<string, Record<string, T>>, key: string): Record<string, T> {
  return Object.hasOwn(record, key) ? (record[key] as Record<string, T>) : {};
}
