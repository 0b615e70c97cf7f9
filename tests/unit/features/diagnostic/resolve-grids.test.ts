import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { resolveGrids, resolveGridsInSlices } from '@/shared/diagnostic/resolve-grids';
import { makeGrid } from '../../../fixtures/make-grid';

function diagnosticWith(grids: unknown[]): Diagnostic {
  return {
    grids: grids.map((grid, i) => ({ id: `g${i}`, version: '1.0.0', grid })),
  } as unknown as Diagnostic;
}

describe('resolveGridsInSlices: the grid copies checked in short slices', () => {
  const valid = makeGrid({ id: 'first' });
  const other = makeGrid({ id: 'second' });
  const broken = { ...makeGrid({ id: 'third' }), dimensions: 'not a list' };

  it('gives what resolveGrids gives: valid grids in order, broken copies named', async () => {
    const diagnostic = diagnosticWith([valid, broken, other]);
    const sliced = await resolveGridsInSlices(diagnostic);
    const direct = resolveGrids(diagnostic);
    expect(sliced.grids.map((g) => g.grid.id)).toEqual(['first', 'second']);
    expect(sliced.broken).toEqual(['g1']);
    expect(sliced.grids.map((g) => g.grid)).toEqual(direct.grids.map((g) => g.grid));
    expect(sliced.grids.map((g) => g.hash)).toEqual(direct.grids.map((g) => g.hash));
    expect(sliced.broken).toEqual(direct.broken);
  });

  it('pauses between steps (dimension, item, recommendation) when a slice has used its time', async () => {
    let pauses = 0;
    const pause = () => {
      pauses += 1;
      return Promise.resolve();
    };
    // No time at all per slice: a pause at every step (each dimension's frame, item and
    // recommendation, then the rules).
    const resolved = await resolveGridsInSlices(diagnosticWith([valid, other]), {
      budgetMs: 0,
      pause,
    });
    const steps = (g: typeof valid) =>
      g.dimensions.reduce((n, d) => n + 1 + d.items.length, 0) + g.recommendations.length + 1;
    expect(pauses).toBe(steps(valid) + steps(other));
    expect(resolved.grids).toHaveLength(2);
  });
});
