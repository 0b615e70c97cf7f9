/**
 * A campaign's matrix (100,000 respondents) is tens of MB of arrays: in steps, each
 * array is allocated in a step of its own, and the matrix is the same.
 */
import type { Answers } from '@/domain/answers/answers';
import {
  LARGE_MATRIX_CELLS,
  SCORE_STEP_ROWS,
  scoreMatrix,
  scoreMatrixSteps,
} from '@/domain/scoring/score-matrix';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

const grid = makeGrid({
  dimensions: [0, 1, 2, 3].map((d) =>
    makeDimension(
      `d${d}`,
      Array.from({ length: 10 }, (_, i) => makeItem(`i${d}-${i}`)),
    ),
  ),
});

describe('scoreMatrixSteps on a large matrix', () => {
  it('pauses after allocating each of its eleven arrays, and scores the same', () => {
    const rows = LARGE_MATRIX_CELLS / 40;
    const answers: Answers[] = Array.from({ length: rows }, (_, r) =>
      r % 3 ? { 'i0-0': (r % 5) + 1 } : ({} as Answers),
    );
    const steps = scoreMatrixSteps(grid, answers);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBe(11 + Math.ceil(rows / SCORE_STEP_ROWS) - 1);
    // Compared array by array (toEqual on million-element arrays takes a minute).
    const whole = scoreMatrix(grid, answers);
    const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
      a.length === b.length &&
      Array.prototype.every.call(a, (x: number, i: number) => Object.is(x, b[i]));
    for (const key of Object.keys(whole) as (keyof typeof whole)[]) {
      const mine = step.value[key];
      const theirs = whole[key];
      if (typeof mine === 'number') expect(mine).toBe(theirs);
      else expect(same(mine, theirs as ArrayLike<number>), key).toBe(true);
    }
  });

  it('allocates a small matrix in one step, as before', () => {
    const answers = Array.from({ length: 2 * SCORE_STEP_ROWS }, () => ({ 'i0-0': 3 }));
    const steps = scoreMatrixSteps(grid, answers);
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBe(1);
  });
});
