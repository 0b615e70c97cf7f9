import { act, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { useDrawnInTurn } from '@/shared/charts/draw-in-turn';

/** A stand-in chart: shows what it has drawn, and logs each drawing. */
function Chart({ name, value, log }: { name: string; value: object; log: string[] }) {
  const drawn = useDrawnInTurn(value);
  useEffect(() => {
    if (drawn) log.push(`${name}:${JSON.stringify(drawn)}`);
  }, [name, drawn, log]);
  return <p data-testid={name}>{drawn ? JSON.stringify(drawn) : 'waiting'}</p>;
}

const values = { a: { v: 1 }, b: { v: 2 }, c: { v: 3 } };

describe('useDrawnInTurn', () => {
  it('draws one chart at a time, in the order they came, with a pause between them', async () => {
    const log: string[] = [];
    render(
      <>
        <Chart name="a" value={values.a} log={log} />
        <Chart name="b" value={values.b} log={log} />
        <Chart name="c" value={values.c} log={log} />
      </>,
    );
    // The first chart draws at once; the others wait for the pause after it.
    expect(screen.getByTestId('a').textContent).toBe('{"v":1}');
    expect(screen.getByTestId('b').textContent).toBe('waiting');
    expect(screen.getByTestId('c').textContent).toBe('waiting');
    // (The log is written after each commit: wait for it, not for the text.)
    await waitFor(() => expect(log).toEqual(['a:{"v":1}', 'b:{"v":2}', 'c:{"v":3}']));
    expect(screen.getByTestId('c').textContent).toBe('{"v":3}');
  });

  it('keeps the previous drawing until the new data’s turn, and redraws equal data too', async () => {
    const log: string[] = [];
    const { rerender } = render(<Chart name="a" value={values.a} log={log} />);
    await waitFor(() => expect(log).toEqual(['a:{"v":1}']));
    rerender(<Chart name="a" value={{ v: 1 }} log={log} />);
    rerender(<Chart name="a" value={values.b} log={log} />);
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('{"v":2}'));
    // A chart added afterwards still gets its turn: no turn was left held.
    render(<Chart name="later" value={values.c} log={log} />);
    await waitFor(() => expect(screen.getByTestId('later').textContent).toBe('{"v":3}'));
  });

  it('does not hold the others when a chart leaves before its turn', async () => {
    const log: string[] = [];
    render(<Chart name="first" value={values.a} log={log} />);
    const gone = render(<Chart name="gone" value={values.b} log={log} />);
    render(<Chart name="last" value={values.c} log={log} />);
    expect(screen.getByTestId('gone').textContent).toBe('waiting');
    act(() => gone.unmount());
    await waitFor(() => expect(log).toEqual(['first:{"v":1}', 'last:{"v":3}']));
  });
});
