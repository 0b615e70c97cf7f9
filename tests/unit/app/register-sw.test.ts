import { RELOAD_DELAY_MS, watchForUpdates } from '@/app/register-sw';

/** A fake service-worker container and document: events are dispatched by hand. */
function setup(hadController: boolean) {
  const swTarget = new EventTarget();
  const docTarget = new EventTarget();
  const doc = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: docTarget.addEventListener.bind(docTarget),
  };
  const container = {
    controller: (hadController ? {} : null) as ServiceWorker | null,
    addEventListener: swTarget.addEventListener.bind(swTarget),
  };
  const reload = vi.fn();
  watchForUpdates(container, doc, reload);
  return {
    reload,
    update: () => swTarget.dispatchEvent(new Event('controllerchange')),
    setVisibility: (state: DocumentVisibilityState) => {
      doc.visibilityState = state;
      docTarget.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('service worker updates', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('never reloads a page the user is looking at, then reloads once it has been left', () => {
    const { reload, update, setVisibility } = setup(true);
    update();
    vi.advanceTimersByTime(60_000);
    expect(reload).not.toHaveBeenCalled();
    setVisibility('hidden');
    vi.advanceTimersByTime(RELOAD_DELAY_MS - 1);
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload when the user comes back before the last save had its time', () => {
    const { reload, update, setVisibility } = setup(true);
    update();
    setVisibility('hidden');
    vi.advanceTimersByTime(RELOAD_DELAY_MS / 2);
    setVisibility('visible');
    vi.advanceTimersByTime(RELOAD_DELAY_MS * 10);
    expect(reload).not.toHaveBeenCalled();
    setVisibility('hidden');
    vi.advanceTimersByTime(RELOAD_DELAY_MS);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads a hidden page once, even when the controller changes twice', () => {
    const { reload, update, setVisibility } = setup(true);
    setVisibility('hidden');
    update();
    update();
    vi.advanceTimersByTime(RELOAD_DELAY_MS);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('treats the first install as no update: nothing reloads', () => {
    const { reload, update, setVisibility } = setup(false);
    update();
    setVisibility('hidden');
    vi.advanceTimersByTime(RELOAD_DELAY_MS * 10);
    expect(reload).not.toHaveBeenCalled();
  });
});
