/**
 * Long computations written as generators that `yield` between steps, so that the page can run
 * them a few steps at a time (`runInSlices` in `src/utils/slices.ts`) while Node, the PDF and the
 * tests run them in one go here.
 */

/** Runs the steps to the end and returns what the generator returns. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
