import { act, render as rtlRender, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { loadRadarCode, ScoreRadar } from '@/shared/charts/radar-chart';
import { makeI18n } from './make-i18n';

async function render(ui: ReactElement) {
  const i18n = await makeI18n('fr');
  return rtlRender(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}

describe('ScoreRadar', () => {
  it('should draw bars, not a radar, for fewer than three axes, and say which one has no score', async () => {
    await render(
      <ScoreRadar
        data={[
          { axis: 'Conditions de travail', score: 62 },
          { axis: 'Accompagnement', score: null },
        ]}
        mainName="Exemple"
      />,
    );
    const bars = screen.getByTestId('score-bars');
    expect(bars).toHaveTextContent('Conditions de travail');
    expect(bars).toHaveTextContent('62');
    expect(bars).toHaveTextContent('réponses insuffisantes');
    expect(bars.querySelectorAll('.score-bars__fill')).toHaveLength(1);
    expect(document.querySelector('.recharts-wrapper')).toBeNull();
  });

  it('should draw one bar per series for each axis (roles compared)', async () => {
    await render(
      <ScoreRadar
        data={[{ axis: 'A', score: 40 }]}
        series={[{ key: 'employee', name: 'Salarié·e', color: '#15803d', values: [55] }]}
        mainName="Tous"
      />,
    );
    const bars = screen.getByTestId('score-bars');
    expect(bars.querySelectorAll('.score-bars__fill')).toHaveLength(2);
    expect(bars).toHaveTextContent('Salarié·e');
  });
});

/** IntersectionObserver as the browser has it, driven by the test: `show(share)` of each box. */
class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  readonly targets: Element[] = [];
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(target: Element): void {
    this.targets.push(target);
  }
  unobserve(): void {}
  disconnect(): void {
    this.targets.length = 0;
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  static show(share: number): void {
    for (const observer of FakeIntersectionObserver.all) {
      const entries = observer.targets.map(
        (target) =>
          ({
            target,
            isIntersecting: share > 0,
            intersectionRatio: share,
          }) as IntersectionObserverEntry,
      );
      if (entries.length > 0)
        observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  }
}

const FIVE_AXES = ['A', 'B', 'C', 'D', 'E'].map((axis, i) => ({ axis, score: 20 + 15 * i }));

describe('ScoreRadar, drawn when in view', () => {
  beforeEach(() => {
    FakeIntersectionObserver.all = [];
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    // jsdom lays nothing out: the chart's box is 600 px wide.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
      width: 600,
      height: 400,
      top: 0,
      left: 0,
      right: 600,
      bottom: 400,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lays out its box at the drawing’s size at once, and draws only when a fifth of it is in view', async () => {
    await render(<ScoreRadar data={FIVE_AXES} mainName="Vue d’ensemble" />);
    const box = document.querySelector<HTMLElement>('.radar');
    expect(box).toHaveClass('radar--pending');
    const height = box?.style.height;
    expect(Number.parseFloat(height ?? '')).toBeGreaterThan(300);
    // A sliver at the foot of the screen: not yet.
    act(() => FakeIntersectionObserver.show(0.1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('.recharts-wrapper')).toBeNull();
    // A fifth of it: drawn, in the same box, at the same height.
    act(() => FakeIntersectionObserver.show(0.25));
    await waitFor(() => expect(document.querySelector('.recharts-wrapper')).not.toBeNull());
    expect(box).not.toHaveClass('radar--pending');
    expect(box?.style.height).toBe(height);
    expect(document.querySelectorAll('.recharts-polar-angle-axis-tick')).toHaveLength(5);
  });

  it('draws every chart before printing, synchronously, when its code is there', async () => {
    loadRadarCode();
    await render(
      <>
        <ScoreRadar data={FIVE_AXES} mainName="Un" />
        <ScoreRadar data={FIVE_AXES} mainName="Deux" />
      </>,
    );
    // Out of view: the code loaded (asked above), nothing drawn.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('.recharts-wrapper')).toBeNull();
    window.dispatchEvent(new Event('beforeprint'));
    // No wait: the print is laid out right after the event.
    expect(document.querySelectorAll('.recharts-wrapper')).toHaveLength(2);
  });
});
