type SchedulerWithYield = { yield?: () => Promise<void> };

/**
 * Lets the browser paint and handle input before the next piece of a long job: `scheduler.yield()`
 * where the browser has it (the job keeps its place at the front of the queue), else a new task.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
