import { mapInSlices, yieldToEventLoop } from '@/utils/slices';

describe('mapInSlices', () => {
  it('maps every item in order, pausing between slices and only between them', async () => {
    const events: string[] = [];
    const result = await mapInSlices(
      [1, 2, 3, 4, 5],
      2,
      async (n, i) => {
        events.push(`map ${n}`);
        await Promise.resolve();
        return n * 10 + i;
      },
      async () => {
        events.push('pause');
      },
    );
    expect(result).toEqual([10, 21, 32, 43, 54]);
    expect(events).toEqual(['map 1', 'map 2', 'pause', 'map 3', 'map 4', 'pause', 'map 5']);
  });

  it('does not pause for an empty list or a single slice', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses += 1;
    };
    expect(await mapInSlices([], 3, (n: number) => n, pause)).toEqual([]);
    expect(await mapInSlices([1, 2, 3], 3, (n) => n, pause)).toEqual([1, 2, 3]);
    expect(pauses).toBe(0);
  });

  it('rejects when one item fails, and maps no later slice', async () => {
    const seen: number[] = [];
    const run = mapInSlices(
      [1, 2, 3, 4],
      2,
      (n) => {
        seen.push(n);
        if (n === 2) throw new Error('bad file');
        return n;
      },
      async () => {},
    );
    await expect(run).rejects.toThrow('bad file');
    expect(seen).toEqual([1, 2]);
  });
});

describe('yieldToEventLoop', () => {
  it('resolves in a later task, after microtasks queued after it', async () => {
    const order: string[] = [];
    const done = yieldToEventLoop().then(() => order.push('yielded'));
    void Promise.resolve().then(() => order.push('microtask'));
    await done;
    expect(order).toEqual(['microtask', 'yielded']);
  });
});
