import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { resolveGrids, resolveGridsInSlices } from '@/features/diagnostic/resolve-grids';
import { makeGrid } from '../../../fixtures/make-grid';

function diagnosticWith(grids: unknown[]): Diagnostic {
  return {
    grids: grids.map((grid, i) => ({ id: `g${i}`, version: '1.0.0', grid })),
  } as unknown as Diagnostic;
}

describe('resolveGridsInSlices: the grid copies checked one per task', () => {
  const valid = makeGrid({ id: 'first' });
  const other = makeGrid({ id: 'second' });
  const broken = { ...makeGrid({ id: 'third' }), dimensions: 'not a list' };

  it('gives what resolveGrids gives: valid grids in order, broken copies named', async () => {
    const diagnostic = diagnosticWith([valid, broken, other]);
    const sliced = await resolveGridsInSlices(diagnostic);
    const direct = resolveGrids(diagnostic);
    expect(sliced.grids.map((g) => g.grid.id)).toEqual(['first', 'second']);
    expect(sliced.broken).toEqual(['g1']);
    expect(sliced.grids.map((g) => g.hash)).toEqual(direct.grids.map((g) => g.hash));
    expect(sliced.broken).toEqual(direct.broken);
  });

  it('pauses before each grid, so other work runs between two grids', async () => {
    const events: string[] = [];
    const pause = () => {
      events.push('pause');
      return Promise.resolve();
    };
    const resolved = await resolveGridsInSlices(diagnosticWith([valid, broken, other]), pause);
    expect(events).toEqual(['pause', 'pause', 'pause']);
    expect(resolved.grids).toHaveLength(2);
  });
});
