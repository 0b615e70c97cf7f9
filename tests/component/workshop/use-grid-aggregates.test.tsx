import { renderHook, waitFor } from '@testing-library/react';
import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import {
  SLICED_FROM_ANSWERS,
  useGridAggregates,
} from '@/features/workshop/results/use-grid-aggregates';
import { makeDimension, makeGrid, makeItem } from '../../fixtures/make-grid';

const grid = makeGrid({ dimensions: [makeDimension('d-a', [makeItem('a1'), makeItem('a2')])] });
const other = makeGrid({
  id: 'other-grid',
  dimensions: [makeDimension('d-b', [makeItem('b1')])],
});
const grids = [grid, other];
const ITEMS = 3;

const respondents = (n: number, start = 0): Diagnostic['respondents'] =>
  Array.from({ length: n }, (_, k) => {
    const i = start + k;
    return {
      id: `r${i}`,
      role: i % 2 ? 'employee' : 'manager',
      answers: { [grid.id]: { a1: (i % 4) + 1, a2: 2 } },
      comments: {},
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
  });

/** What the domain gives for each grid, with each grid's own answers only. */
function expected(list: Diagnostic['respondents'], threshold: number) {
  return new Map(
    grids.map((g) => [
      g.id,
      aggregateGrid(
        g,
        list.map((r) => ({ id: r.id, role: r.role, answers: r.answers[g.id] ?? {} })),
        { anonymityThreshold: threshold },
      ),
    ]),
  );
}

type Props = { list: Diagnostic['respondents']; threshold: number };
const render = (initial: Props) =>
  renderHook(({ list, threshold }: Props) => useGridAggregates(grids, list, threshold), {
    initialProps: initial,
  });

describe('useGridAggregates', () => {
  it('aggregates a small diagnostic at once, each grid with its own answers', () => {
    const list = respondents(6);
    const { result } = render({ list, threshold: 3 });
    expect(result.current.pending).toBe(false);
    expect(result.current.aggregates).toEqual(expected(list, 3));
  });

  it('computes once per respondents list and threshold', () => {
    const list = respondents(6);
    const { result, rerender } = render({ list, threshold: 3 });
    const first = result.current.aggregates?.get(grid.id);
    rerender({ list, threshold: 3 });
    expect(result.current.aggregates?.get(grid.id)).toBe(first);
    rerender({ list, threshold: 4 });
    expect(result.current.aggregates?.get(grid.id)).not.toBe(first);
    expect(result.current.aggregates).toEqual(expected(list, 4));
    const more = [...list, ...respondents(1, 6)];
    rerender({ list: more, threshold: 3 });
    expect(result.current.aggregates?.get(grid.id)?.respondents).toBe(7);
  });

  it('computes a large diagnostic in slices, showing the previous results meanwhile', async () => {
    const size = Math.ceil(SLICED_FROM_ANSWERS / ITEMS) + 10;
    const list = respondents(size);
    const { result, rerender } = render({ list, threshold: 3 });
    // Nothing computed yet: no figures, and it says it is computing.
    expect(result.current).toEqual({ aggregates: null, pending: true });
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 10_000 });
    const before = result.current.aggregates;
    expect(before).toEqual(expected(list, 3));

    const more = [...list, ...respondents(20, size)];
    rerender({ list: more, threshold: 3 });
    expect(result.current.pending).toBe(true);
    expect(result.current.aggregates).toEqual(before);
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 10_000 });
    expect(result.current.aggregates).toEqual(expected(more, 3));
  });

  it('ends on the newest respondents when they change during a computation', async () => {
    const size = Math.ceil(SLICED_FROM_ANSWERS / ITEMS) + 10;
    const first = respondents(size);
    const second = [...first, ...respondents(5, size)];
    const { result, rerender } = render({ list: first, threshold: 3 });
    rerender({ list: second, threshold: 3 });
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 10_000 });
    expect(result.current.aggregates).toEqual(expected(second, 3));
    // Nothing computed later for the older list replaces them.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.aggregates).toEqual(expected(second, 3));
  });

  it('never keeps previous results showing a role the new threshold masks', async () => {
    const size = Math.ceil(SLICED_FROM_ANSWERS / ITEMS) + 10;
    // Two roles: managers, and 3 employees (visible at 3, masked at 4).
    const list = respondents(size).map(
      (r, i) => ({ ...r, role: i < 3 ? 'employee' : 'manager' }) as const,
    );
    const { result, rerender } = render({ list, threshold: 3 });
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 10_000 });
    expect(result.current.aggregates?.get(grid.id)?.roles.map((r) => r.role)).toEqual([
      'manager',
      'employee',
    ]);
    rerender({ list, threshold: 4 });
    // Not the previous results: they show the employees apart.
    expect(result.current).toEqual({ aggregates: null, pending: true });
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 10_000 });
    expect(result.current.aggregates).toEqual(expected(list, 4));
  });
});
