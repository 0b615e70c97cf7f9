import { act, renderHook, waitFor } from '@testing-library/react';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { SAVE_DELAY_MS, useDiagnostic } from '@/shared/diagnostic/use-diagnostic';

const STORED = {
  id: 'd1',
  title: 'Avant',
  updatedAt: '2026-01-01T00:00:00.000Z',
  respondents: [],
  actionPlan: [],
  anonymityThreshold: 3,
  grids: [],
} as unknown as Diagnostic;

/** Each save stays in flight until the test settles it, as a write the page may lose. */
const saves: { diagnostic: Diagnostic; settle: () => void }[] = [];
vi.mock('@/storage/diagnostics-store', () => ({
  getDiagnostic: () => Promise.resolve({ ok: true, diagnostic: STORED }),
  saveDiagnostic: (diagnostic: Diagnostic) =>
    new Promise((resolve) => saves.push({ diagnostic, settle: () => resolve({ ok: true }) })),
}));
vi.mock('@/shared/diagnostic/resolve-grids', () => ({
  resolveGrids: () => ({ grids: [], broken: [] }),
  resolveGridsInSlices: () => Promise.resolve({ grids: [], broken: [] }),
}));

const JOURNAL = 'qvt:journal:d1';

async function loaded() {
  const hook = renderHook(() => useDiagnostic('d1'));
  await waitFor(() => expect(hook.result.current.status).toBe('ready'));
  const ready = hook.result.current;
  if (ready.status !== 'ready') throw new Error('not ready');
  return { hook, update: ready.update };
}

describe('useDiagnostic: nothing is lost when the page goes away', () => {
  beforeEach(() => {
    saves.length = 0;
    localStorage.clear();
  });

  it('keeps a journal when the page hides while the last save is still being written', async () => {
    const { update } = await loaded();
    vi.useFakeTimers();
    try {
      act(() => update((d, now) => ({ ...d, title: 'Après', updatedAt: now })));
      // The grouped save starts: the change is no longer "pending", but not on disk either.
      await act(async () => {
        vi.advanceTimersByTime(SAVE_DELAY_MS);
      });
      expect(saves).toHaveLength(1);
      expect(localStorage.getItem(JOURNAL)).toBeNull();
      window.dispatchEvent(new Event('pagehide'));
      const journal = JSON.parse(localStorage.getItem(JOURNAL) ?? 'null') as {
        updatedAt: string;
      } | null;
      expect(journal?.updatedAt).toBe(saves[0]?.diagnostic.updatedAt);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes no journal when everything is already saved', async () => {
    const { update } = await loaded();
    vi.useFakeTimers();
    try {
      act(() => update((d, now) => ({ ...d, title: 'Après', updatedAt: now })));
      await act(async () => {
        vi.advanceTimersByTime(SAVE_DELAY_MS);
      });
      await act(async () => {
        saves[0]?.settle();
        await Promise.resolve();
      });
      window.dispatchEvent(new Event('pagehide'));
      expect(localStorage.getItem(JOURNAL)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes the journal for a change still waiting for its grouped save', async () => {
    const { update } = await loaded();
    act(() => update((d, now) => ({ ...d, title: 'Après', updatedAt: now })));
    expect(saves).toHaveLength(0);
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(JOURNAL)).not.toBeNull();
  });
});
