import { mapInSlices } from '@/utils/map-in-slices';
import { runInSlices, yieldToEventLoop } from '@/utils/slices';

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

describe('runInSlices', () => {
  function* counting(n: number, log: string[]): Generator<void, string, void> {
    try {
      for (let i = 0; i < n; i += 1) {
        log.push(`step ${i}`);
        yield;
      }
      return 'done';
    } finally {
      log.push('closed');
    }
  }

  it('runs steps until the budget is spent, pauses, and resolves to the return value', async () => {
    const log: string[] = [];
    let clock = 0;
    const result = await runInSlices(counting(5, log), {
      budgetMs: 2,
      now: () => clock++,
      pause: async () => {
        log.push('pause');
      },
    });
    expect(result).toBe('done');
    // The clock moves by 1 at each reading: a slice holds two steps.
    expect(log).toEqual([
      'step 0',
      'step 1',
      'pause',
      'step 2',
      'step 3',
      'pause',
      'step 4',
      'closed',
    ]);
  });

  it('stops at a pause when cancelled, closing the generator', async () => {
    const log: string[] = [];
    let clock = 0;
    const result = await runInSlices(counting(10, log), {
      budgetMs: 0,
      now: () => clock++,
      pause: async () => {
        log.push('pause');
      },
      cancelled: () => log.includes('step 1'),
    });
    expect(result).toBeUndefined();
    expect(log).toEqual(['step 0', 'pause', 'step 1', 'pause', 'closed']);
  });
});
