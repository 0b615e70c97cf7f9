import { renderHook, waitFor } from '@testing-library/react';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { preopenDiagnostic, useDiagnostic } from '@/shared/diagnostic/use-diagnostic';

const STORED = {
  id: 'd1',
  title: 'Ouvert d’avance',
  updatedAt: '2026-01-01T00:00:00.000Z',
  respondents: [],
  actionPlan: [],
  anonymityThreshold: 3,
  grids: [],
} as unknown as Diagnostic;

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/storage/diagnostics-store', () => ({
  getDiagnostic: (id: string) => {
    reads.count += 1;
    return Promise.resolve(
      id === 'd1' ? { ok: true, diagnostic: STORED } : { ok: false, reason: 'notFound' },
    );
  },
  saveDiagnostic: () => Promise.resolve({ ok: true }),
}));
vi.mock('@/shared/diagnostic/resolve-grids', () => ({
  resolveGrids: () => ({ grids: [], broken: [] }),
  resolveGridsInSlices: () => Promise.resolve({ grids: [], broken: [] }),
}));

describe('preopenDiagnostic: the diagnostic read before its page renders', () => {
  beforeEach(() => {
    reads.count = 0;
  });

  it('is taken by the page: storage is read once, and read again on a later visit', async () => {
    preopenDiagnostic('d1');
    preopenDiagnostic('d1');
    expect(reads.count).toBe(1);
    const page = renderHook(() => useDiagnostic('d1'));
    await waitFor(() => expect(page.result.current.status).toBe('ready'));
    expect(reads.count).toBe(1);
    const ready = page.result.current;
    expect(ready.status === 'ready' && ready.diagnostic.title).toBe('Ouvert d’avance');
    page.unmount();

    // Taken once: the next visit reads what storage holds then.
    const again = renderHook(() => useDiagnostic('d1'));
    await waitFor(() => expect(again.result.current.status).toBe('ready'));
    expect(reads.count).toBe(2);
  });

  it('gives the page the same answer as reading it then, a missing diagnostic included', async () => {
    preopenDiagnostic('gone');
    const page = renderHook(() => useDiagnostic('gone'));
    await waitFor(() => expect(page.result.current.status).toBe('notFound'));
    expect(reads.count).toBe(1);
  });

  it('is not taken by the page of another diagnostic', async () => {
    preopenDiagnostic('gone');
    const page = renderHook(() => useDiagnostic('d1'));
    await waitFor(() => expect(page.result.current.status).toBe('ready'));
    expect(reads.count).toBe(2);
  });
});
