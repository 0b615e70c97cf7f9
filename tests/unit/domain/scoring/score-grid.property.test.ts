import fc from 'fast-check';
import type { Answers, AnswerValue } from '@/domain/answers/answers';
import type { Grid } from '@/domain/grid/schema';
import { scoreGrid } from '@/domain/scoring/score-grid';
import { makeDimension, makeGrid, makeItem, makeScale } from '../../../fixtures/make-grid';

interface ItemShape {
  reverse: boolean;
  weight: number;
  scale: 0 | 1;
}

const scalePoints = fc
  .uniqueArray(fc.integer({ min: -10, max: 10 }), { minLength: 2, maxLength: 7 })
  .map((values) => [...values].sort((a, b) => a - b));

const itemShape = fc.record({
  reverse: fc.boolean(),
  weight: fc.constantFrom(0, 0.5, 1, 2, 3),
  scale: fc.constantFrom<0 | 1>(0, 1),
});

const gridArbitrary = fc
  .record({
    scales: fc.tuple(scalePoints, scalePoints),
    dimensions: fc.array(fc.array(itemShape, { minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 3,
    }),
    minCoverage: fc.constantFrom(0, 0.25, 0.5, 1),
  })
  .map(({ scales, dimensions, minCoverage }) => ({
    scales,
    shapes: dimensions,
    grid: buildGrid(scales, dimensions, minCoverage),
  }));

function buildGrid(
  scales: [number[], number[]],
  dimensions: ItemShape[][],
  minCoverage: number,
  flip = false,
): Grid {
  return makeGrid({
    minCoverage,
    scales: [makeScale('s0', scales[0]), makeScale('s1', scales[1])],
    dimensions: dimensions.map((items, d) =>
      makeDimension(
        `d${d}`,
        items.map((shape, n) =>
          makeItem(`d${d}-i${n}`, {
            scale: `s${shape.scale}`,
            reverse: flip ? !shape.reverse : shape.reverse,
            weight: shape.weight,
          }),
        ),
      ),
    ),
  });
}

/** For each item: a point of its scale, dk, na, a number off the scale, or no answer. */
function answersFor(scales: [number[], number[]], shapes: ItemShape[][]) {
  const entries = shapes.flatMap((items, d) =>
    items.map((shape, n) => {
      const points = scales[shape.scale];
      return fc.tuple(
        fc.constant(`d${d}-i${n}`),
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...points) },
          { weight: 1, arbitrary: fc.constantFrom<AnswerValue>('dk', 'na') },
          { weight: 1, arbitrary: fc.constantFrom(11, -11, 0.5) },
          { weight: 1, arbitrary: fc.constant(undefined) },
        ),
      );
    }),
  );
  return fc.tuple(...entries).map((pairs) => {
    const answers: Answers = {};
    for (const [id, value] of pairs) if (value !== undefined) answers[id] = value;
    return answers;
  });
}

const gridWithAnswers = gridArbitrary.chain((generated) =>
  fc.tuple(fc.constant(generated), answersFor(generated.scales, generated.shapes)),
);

function inRange(score: number | null): boolean {
  return score === null || (score >= 0 && score <= 100);
}

describe('scoreGrid properties', () => {
  it('keeps every score in [0, 100]', () => {
    fc.assert(
      fc.property(gridWithAnswers, ([{ grid }, answers]) => {
        const result = scoreGrid(grid, answers);
        expect(result.items.every((item) => inRange(item.score))).toBe(true);
        expect(result.dimensions.every((dimension) => inRange(dimension.score))).toBe(true);
        expect(inRange(result.score)).toBe(true);
      }),
    );
  });

  it('mirrors scores when items are reversed (s ↔ 100 − s)', () => {
    fc.assert(
      fc.property(gridWithAnswers, ([{ scales, shapes, grid }, answers]) => {
        const flipped = buildGrid(scales, shapes, grid.minCoverage, true);
        const a = scoreGrid(grid, answers);
        const b = scoreGrid(flipped, answers);
        a.items.forEach((item, index) => {
          const other = b.items[index]?.score ?? null;
          if (item.score === null) expect(other).toBeNull();
          else expect(other).toBeCloseTo(100 - item.score, 9);
        });
        a.dimensions.forEach((dimension, index) => {
          const other = b.dimensions[index]?.score ?? null;
          if (dimension.score === null) expect(other).toBeNull();
          else expect(other).toBeCloseTo(100 - dimension.score, 9);
        });
      }),
    );
  });

  it('never changes a dimension score when dk/na answers are added to unanswered items', () => {
    fc.assert(
      fc.property(
        gridWithAnswers.chain(([generated, answers]) =>
          fc.tuple(
            fc.constant(generated.grid),
            fc.constant(answers),
            fc.array(fc.constantFrom<AnswerValue>('dk', 'na'), { minLength: 30, maxLength: 30 }),
          ),
        ),
        ([grid, answers, fill]) => {
          const filled: Answers = { ...answers };
          let k = 0;
          for (const dimension of grid.dimensions) {
            for (const item of dimension.items) {
              if (!(item.id in filled)) filled[item.id] = fill[k % fill.length] ?? 'dk';
              k += 1;
            }
          }
          const before = scoreGrid(grid, answers);
          const after = scoreGrid(grid, filled);
          expect(after.dimensions.map((d) => d.score)).toEqual(
            before.dimensions.map((d) => d.score),
          );
          expect(after.dimensions.map((d) => d.status)).toEqual(
            before.dimensions.map((d) => d.status),
          );
          expect(after.score).toBe(before.score);
        },
      ),
    );
  });

  it('never throws on malformed answers', () => {
    fc.assert(
      fc.property(gridArbitrary, fc.dictionary(fc.string(), fc.anything()), ({ grid }, garbage) => {
        const result = scoreGrid(grid, garbage as Answers);
        expect(result.dimensions).toHaveLength(grid.dimensions.length);
      }),
    );
  });
});
