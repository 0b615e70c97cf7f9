// @vitest-environment node
import { whenPageIdle } from '@/shared/report-download/pdf-preload';

/** A window with only what whenPageIdle uses; `idle` false leaves out requestIdleCallback. */
function fakeWindow(idle: boolean) {
  const listeners = new Map<string, () => void>();
  const timers: (() => void)[] = [];
  const idles: (() => void)[] = [];
  const win = {
    addEventListener: vi.fn((type: string, listener: () => void) => listeners.set(type, listener)),
    removeEventListener: vi.fn((type: string) => listeners.delete(type)),
    setTimeout: vi.fn((fn: () => void) => timers.push(fn)),
    clearTimeout: vi.fn(),
    ...(idle
      ? {
          requestIdleCallback: vi.fn((fn: () => void) => idles.push(fn)),
          cancelIdleCallback: vi.fn(),
        }
      : {}),
  };
  return { win: win as unknown as Parameters<typeof whenPageIdle>[1], listeners, timers, idles };
}

describe('whenPageIdle', () => {
  it('should wait for the page to load, then for the browser to be idle', () => {
    const { win, listeners, idles } = fakeWindow(true);
    const run = vi.fn();
    whenPageIdle(run, win, { readyState: 'interactive' });
    expect(idles).toHaveLength(0);
    listeners.get('load')?.();
    expect(idles).toHaveLength(1);
    expect(run).not.toHaveBeenCalled();
    idles[0]?.();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('should fall back on a timer in browsers without requestIdleCallback', () => {
    const { win, timers } = fakeWindow(false);
    const run = vi.fn();
    whenPageIdle(run, win, { readyState: 'complete' });
    expect(timers).toHaveLength(1);
    timers[0]?.();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('should stop waiting for the load event when cancelled', () => {
    const { win, listeners } = fakeWindow(true);
    const cancel = whenPageIdle(vi.fn(), win, { readyState: 'loading' });
    expect(listeners.has('load')).toBe(true);
    cancel();
    expect(listeners.has('load')).toBe(false);
  });
});
