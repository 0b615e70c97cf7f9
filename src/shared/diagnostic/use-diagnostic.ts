import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { getDiagnostic, saveDiagnostic, type StorageFailure } from '@/storage/diagnostics-store';
import { applyJournal, clearJournal, writeJournal } from '@/storage/journal';
import { nowIso } from '@/utils/id';
import { resolveGrids, resolveGridsInSlices, type ResolvedGrids } from './resolve-grids';

/** Saves are grouped: at most one write per SAVE_DELAY_MS, well within the half-second promise. */
export const SAVE_DELAY_MS = 300;

export type SaveState =
  { status: 'saved' | 'pending' } | { status: 'failed'; failure: StorageFailure };

export type DiagnosticSession =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'notFound' }
  | { status: 'invalid'; detail: string }
  | { status: 'error'; failure: StorageFailure }
  | {
      status: 'ready';
      diagnostic: Diagnostic;
      resolved: ResolvedGrids;
      save: SaveState;
      update: (change: (diagnostic: Diagnostic, now: string) => Diagnostic) => void;
      flush: () => Promise<void>;
    };

type Opened =
  | { status: 'notFound' }
  | { status: 'invalid'; detail: string }
  | { status: 'error'; failure: StorageFailure }
  | { status: 'ready'; diagnostic: Diagnostic; resolved: ResolvedGrids; journalApplied: boolean };

/**
 * Reads a diagnostic from storage, applies its journal (changes written while the page was going
 * away win if they are newer) and checks its grid copies in short slices: opening a diagnostic
 * blocks nothing for long.
 */
async function openDiagnostic(id: string): Promise<Opened> {
  const result = await getDiagnostic(id);
  if (!result.ok) {
    if (result.reason === 'notFound') return { status: 'notFound' };
    if (result.reason === 'invalid') return { status: 'invalid', detail: result.detail };
    return { status: 'error', failure: result };
  }
  const { diagnostic, applied } = applyJournal(result.diagnostic);
  const resolved = await resolveGridsInSlices(diagnostic);
  return { status: 'ready', diagnostic, resolved, journalApplied: applied };
}

/** Diagnostics being opened ahead of their page (`preopenDiagnostic`), each taken once. */
const preopened = new Map<string, Promise<Opened>>();

/**
 * Starts opening a diagnostic before its page renders (main.tsx, for the address the app opens
 * on): storage is read and the grids checked while the app renders its first screen, and the
 * page's `useDiagnostic` takes the result (once; a later visit reads storage again).
 */
export function preopenDiagnostic(id: string): void {
  if (!preopened.has(id)) preopened.set(id, openDiagnostic(id));
}

function takePreopened(id: string): Promise<Opened> | undefined {
  const pending = preopened.get(id);
  preopened.delete(id);
  return pending;
}

/**
 * Loads a diagnostic and keeps it saved: every change is written within SAVE_DELAY_MS, and
 * pending changes are flushed when the page is hidden or the component unmounts. When storage
 * fails the diagnostic stays in memory and `save.status` says so.
 */
export function useDiagnostic(id: string | undefined): DiagnosticSession {
  type Loaded =
    | Exclude<Opened, { status: 'ready' }>
    | { status: 'ready'; diagnostic: Diagnostic; resolved: ResolvedGrids };
  // The loaded state remembers which id it belongs to: another id means "still loading".
  const [loadedState, setLoaded] = useState<{ id: string; value: Loaded } | null>(null);
  const [save, setSave] = useState<SaveState>({ status: 'saved' });
  const latest = useRef<Diagnostic | null>(null);
  const latestResolved = useRef<ResolvedGrids | null>(null);
  const timer = useRef<number | null>(null);
  const dirty = useRef(false);
  /** Writes started and not yet finished: a page going away may cut them. */
  const saving = useRef(0);

  useEffect(() => {
    let alive = true;
    if (!id) return;
    void (takePreopened(id) ?? openDiagnostic(id)).then((opened) => {
      if (!alive) return;
      if (opened.status !== 'ready') return setLoaded({ id, value: opened });
      const { diagnostic, resolved, journalApplied } = opened;
      latest.current = diagnostic;
      latestResolved.current = resolved;
      // Rendered as a transition (in slices, input and paint in between).
      startTransition(() => setLoaded({ id, value: { status: 'ready', diagnostic, resolved } }));
      if (journalApplied)
        void saveDiagnostic(diagnostic).then((saved) => {
          if (saved.ok) clearJournal(diagnostic.id);
        });
    });
    return () => {
      alive = false;
    };
  }, [id]);

  const flush = useCallback(async () => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    if (!dirty.current || !latest.current) return;
    dirty.current = false;
    saving.current += 1;
    const result = await saveDiagnostic(latest.current).finally(() => {
      saving.current -= 1;
    });
    if (result.ok)
      setSave((s) => (dirty.current || s.status === 'saved' ? s : { status: 'saved' }));
    else setSave({ status: 'failed', failure: result });
  }, []);

  const update = useCallback(
    (change: (diagnostic: Diagnostic, now: string) => Diagnostic) => {
      const current = latest.current;
      const currentResolved = latestResolved.current;
      if (!current || !currentResolved) return;
      const next = change(current, nowIso());
      if (next === current) return;
      // Grids change only on migration; answers changing must not re-check the grids.
      const resolved = next.grids === current.grids ? currentResolved : resolveGrids(next);
      latest.current = next;
      latestResolved.current = resolved;
      dirty.current = true;
      setLoaded({ id: next.id, value: { status: 'ready', diagnostic: next, resolved } });
      setSave((s) => (s.status === 'failed' ? s : { status: 'pending' }));
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    // The page may be going away: write the journal synchronously, then start the real save.
    const secure = () => {
      // Also while a write is under way: the browser may abort it as the page unloads.
      if ((dirty.current || saving.current > 0) && latest.current) writeJournal(latest.current);
      void flush();
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') secure();
    };
    const onPageHide = () => secure();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  const loaded: Loaded | { status: 'loading' | 'missing' } = !id
    ? { status: 'missing' }
    : loadedState && loadedState.id === id
      ? loadedState.value
      : { status: 'loading' };
  if (loaded.status !== 'ready') return loaded;
  const { diagnostic, resolved } = loaded;
  return { status: 'ready', diagnostic, resolved, save, update, flush };
}
