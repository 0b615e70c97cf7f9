/**
 * Long work on the main thread, cut into slices with a pause between them, so that the page
 * paints and answers input meanwhile (no task much longer than a slice).
 */

type Scheduler = { yield?: () => Promise<void> };

/**
 * Lets the browser run what is waiting (input, painting) before going on: `scheduler.yield()`
 * where the browser has it, else a message to ourselves (a new task, without the 4 ms clamp of
 * nested `setTimeout`).
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined')
    return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs a generator's steps until it returns, `budgetMs` of steps at a time, pausing between
 * slices; resolves to what it returns, or to `undefined` when `cancelled()` says so at a pause
 * (the generator is then closed).
 */
export async function runInSlices<T>(
  steps: Generator<void, T, void>,
  {
    budgetMs = 30,
    pause = yieldToEventLoop,
    now = () => performance.now(),
    cancelled = () => false,
  }: {
    budgetMs?: number;
    pause?: () => Promise<void>;
    now?: () => number;
    cancelled?: () => boolean;
  } = {},
): Promise<T | undefined> {
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStart < budgetMs) continue;
    await pause();
    if (cancelled()) {
      steps.return(undefined as never);
      return undefined;
    }
    sliceStart = now();
  }
}
