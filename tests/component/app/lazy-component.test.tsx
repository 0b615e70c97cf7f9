import { act, render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { lazyComponent, useLazyComponent, type LazyComponent } from '@/app/lazy-component';
import { LOADING_DELAY_MS, LoadingStatus } from '@/components/loading-status';
import { makeI18n } from '../make-i18n';

function Greeting({ name }: { name: string }) {
  return <p>Bonjour {name}</p>;
}

/** Renders the lazy component, or "waiting" while it is not there. */
function Host({ lazy, name }: { lazy: LazyComponent<{ name: string }>; name: string }) {
  const Loaded = useLazyComponent(lazy);
  // eslint-disable-next-line react-hooks/static-components
  return Loaded ? <Loaded name={name} /> : <p>waiting</p>;
}

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: String(error) };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error}</p> : this.props.children;
  }
}

/** A module import the test settles by hand. */
function deferredImport() {
  let settle: { resolve: () => void; reject: (e: Error) => void } = {
    resolve: () => {},
    reject: () => {},
  };
  const importer = vi.fn(
    () =>
      new Promise<typeof Greeting>((resolve, reject) => {
        settle = { resolve: () => resolve(Greeting), reject };
      }),
  );
  return { importer, settle: () => settle };
}

describe('lazyComponent: no wait once the code is there', () => {
  it('renders a loaded component in the first render, without a placeholder', async () => {
    const lazy = lazyComponent(() => Promise.resolve(Greeting));
    await lazy.load();
    const seen: string[] = [];
    function Spy() {
      const Loaded = useLazyComponent(lazy);
      seen.push(Loaded ? 'component' : 'placeholder');
      // eslint-disable-next-line react-hooks/static-components
      return Loaded ? <Loaded name="Ada" /> : null;
    }
    render(<Spy />);
    // Synchronously there: no effect, no promise, no second render needed.
    expect(screen.getByText('Bonjour Ada')).toBeInTheDocument();
    expect(seen).not.toContain('placeholder');
  });

  it('waits for code that is still coming, loads it once, then renders it', async () => {
    const { importer, settle } = deferredImport();
    const lazy = lazyComponent(importer);
    render(
      <>
        <Host lazy={lazy} name="Ada" />
        <Host lazy={lazy} name="Alan" />
      </>,
    );
    expect(screen.getAllByText('waiting')).toHaveLength(2);
    expect(lazy.loaded()).toBeNull();
    await act(async () => settle().resolve());
    expect(await screen.findByText('Bonjour Ada')).toBeInTheDocument();
    expect(screen.getByText('Bonjour Alan')).toBeInTheDocument();
    expect(importer).toHaveBeenCalledTimes(1);
    expect(lazy.loaded()).toBe(Greeting);
  });

  it('hands a failed import to the error boundary, and asks again next time', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { importer, settle } = deferredImport();
    const lazy = lazyComponent(importer);
    render(
      <Boundary>
        <Host lazy={lazy} name="Ada" />
      </Boundary>,
    );
    await act(async () => settle().reject(new Error('chunk blocked')));
    expect(await screen.findByRole('alert')).toHaveTextContent('chunk blocked');
    // A new attempt (the user comes back to the page) imports again and succeeds.
    const again = lazy.load();
    expect(importer).toHaveBeenCalledTimes(2);
    settle().resolve();
    await expect(again).resolves.toBe(Greeting);
  });
});

describe('LoadingStatus: silent for a short wait', () => {
  it('is an empty status first, and says "Chargement…" only after the delay', async () => {
    const i18n = await makeI18n('fr');
    vi.useFakeTimers();
    try {
      render(
        <I18nextProvider i18n={i18n}>
          <LoadingStatus what="page" />
        </I18nextProvider>,
      );
      const status = screen.getByRole('status');
      expect(status).toHaveAttribute('data-loading', 'page');
      expect(status).toHaveTextContent(/^$/);
      act(() => vi.advanceTimersByTime(LOADING_DELAY_MS - 1));
      expect(status).toHaveTextContent(/^$/);
      act(() => vi.advanceTimersByTime(1));
      expect(status).toHaveTextContent(/^Chargement…$/);
    } finally {
      vi.useRealTimers();
    }
  });
});
