import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { gridAggregateOf } from '@/features/workshop/grid-aggregates';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

const grid = makeGrid({ dimensions: [makeDimension('d-a', [makeItem('a1'), makeItem('a2')])] });
const other = makeGrid({
  id: 'other-grid',
  dimensions: [makeDimension('d-b', [makeItem('b1')])],
});

const respondents = (n: number): Diagnostic['respondents'] =>
  Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    role: i % 2 ? 'employee' : 'manager',
    answers: { [grid.id]: { a1: (i % 4) + 1, a2: 2 } },
    comments: {},
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  }));

describe('gridAggregateOf', () => {
  it('gives the aggregate of the grid, with the grid’s answers only', () => {
    const list = respondents(6);
    expect(gridAggregateOf(grid, list, 3)).toEqual(
      aggregateGrid(
        grid,
        list.map((r) => ({ id: r.id, role: r.role, answers: r.answers[grid.id] ?? {} })),
        { anonymityThreshold: 3 },
      ),
    );
    expect(gridAggregateOf(other, list, 3)).toEqual(
      aggregateGrid(
        other,
        list.map((r) => ({ id: r.id, role: r.role, answers: {} })),
        { anonymityThreshold: 3 },
      ),
    );
  });

  it('computes a grid once per respondents list and threshold', () => {
    const list = respondents(6);
    const first = gridAggregateOf(grid, list, 3);
    expect(gridAggregateOf(grid, list, 3)).toBe(first);
    // Another threshold, or another list (a new diagnostic), is computed again.
    const stricter = gridAggregateOf(grid, list, 4);
    expect(stricter).not.toBe(first);
    expect(stricter).toEqual(
      aggregateGrid(
        grid,
        list.map((r) => ({ id: r.id, role: r.role, answers: r.answers[grid.id] ?? {} })),
        { anonymityThreshold: 4 },
      ),
    );
    const more = [...list, ...respondents(1)];
    expect(gridAggregateOf(grid, more, 3)).not.toBe(first);
    expect(gridAggregateOf(grid, more, 3).respondents).toBe(7);
  });
});
