import { aggregateGrid, type GridAggregate } from '@/domain/aggregate/aggregate-grid';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { Grid } from '@/domain/grid/schema';

type Respondents = Diagnostic['respondents'];

/**
 * Each grid's aggregate, remembered for the respondents list it was computed from (a new
 * diagnostic makes a new list): the aggregate and topics sections of the workshop page each
 * compute the grid they show, so a large import's render is cut grid by grid and can yield
 * between them, yet every grid is scored once.
 */
const remembered = new WeakMap<Respondents, WeakMap<Grid, Map<number, GridAggregate>>>();

export function gridAggregateOf(
  grid: Grid,
  respondents: Respondents,
  anonymityThreshold: number,
): GridAggregate {
  let byGrid = remembered.get(respondents);
  if (!byGrid) remembered.set(respondents, (byGrid = new WeakMap()));
  let byThreshold = byGrid.get(grid);
  if (!byThreshold) byGrid.set(grid, (byThreshold = new Map()));
  const known = byThreshold.get(anonymityThreshold);
  if (known) return known;
  const aggregate = aggregateGrid(
    grid,
    respondents.map((r) => ({
      id: r.id,
      role: r.role,
      answers: Object.prototype.hasOwnProperty.call(r.answers, grid.id)
        ? (r.answers[grid.id] ?? {})
        : {},
    })),
    { anonymityThreshold },
  );
  byThreshold.set(anonymityThreshold, aggregate);
  return aggregate;
}
