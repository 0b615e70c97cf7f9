import fc from 'fast-check';
import { ROLES, type Answers, type Role } from '@/domain/answers/answers';
import { aggregateGrid, aggregateGridSteps } from '@/domain/aggregate/aggregate-grid';
import { SCORE_STEP_ROWS, scoreMatrix, scoreMatrixSteps } from '@/domain/scoring/score-matrix';
import { runToEnd } from '@/domain/run-to-end';
import {
  aggregateGridFixture,
  respondentsArbitrary as respondentsOf,
} from '../../../fixtures/aggregate-arbitraries';

const grid = aggregateGridFixture;
const respondentsArbitrary = respondentsOf(40, 'r-');

/** Counts the pauses of a generator run to its end. */
function countSteps<T>(steps: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
    pauses += 1;
  }
}

describe('scoring and aggregating in steps', () => {
  it('scores the same matrix whatever the number of rows per step', () => {
    fc.assert(
      fc.property(respondentsArbitrary, fc.integer({ min: 1, max: 9 }), (list, rowsPerStep) => {
        const answersList = list.map((r) => r.answers);
        const { value, pauses } = countSteps(scoreMatrixSteps(grid, answersList, rowsPerStep));
        expect(value).toEqual(scoreMatrix(grid, answersList));
        expect(pauses).toBe(Math.max(0, Math.ceil(list.length / rowsPerStep) - 1));
      }),
    );
  });

  it('gives the same aggregate when two aggregations are run step by step, interleaved', () => {
    fc.assert(
      fc.property(
        respondentsArbitrary,
        respondentsArbitrary,
        fc.constantFrom(undefined, 2, 3),
        (first, second, anonymityThreshold) => {
          // A page aggregating grid after grid, and a newer import starting before the older one
          // ends: no state may be shared between two runs.
          const a = aggregateGridSteps(grid, first, { anonymityThreshold });
          const b = aggregateGridSteps(grid, second, { anonymityThreshold });
          let doneA: ReturnType<typeof a.next> | undefined;
          let doneB: ReturnType<typeof b.next> | undefined;
          while (!doneA?.done || !doneB?.done) {
            if (!doneA?.done) doneA = a.next();
            if (!doneB?.done) doneB = b.next();
          }
          expect(doneA.value).toEqual(aggregateGrid(grid, first, { anonymityThreshold }));
          expect(doneB.value).toEqual(aggregateGrid(grid, second, { anonymityThreshold }));
        },
      ),
    );
  });

  it('pauses every few hundred respondents and between dimensions and items', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      id: `r-${i}`,
      role: ROLES[i % ROLES.length] as Role,
      answers: { a1: 1 + (i % 5), a2: 3, b1: 2 } as Answers,
    }));
    const { value, pauses } = countSteps(aggregateGridSteps(grid, many));
    expect(value).toEqual(aggregateGrid(grid, many));
    // Scoring: a pause every SCORE_STEP_ROWS rows; aggregating: one per dimension and per item,
    // for everyone and for each of the five visible roles; reliability: one per dimension.
    const scoring = Math.ceil(many.length / SCORE_STEP_ROWS) - 1;
    const perGroup = grid.dimensions.length + 5;
    const reliability = grid.dimensions.length;
    expect(pauses).toBe(scoring + perGroup * (1 + ROLES.length) + reliability);
  });

  it('runs steps to the end and returns the value', () => {
    function* steps(): Generator<void, string, void> {
      yield;
      yield;
      return 'done';
    }
    expect(runToEnd(steps())).toBe('done');
  });
});
