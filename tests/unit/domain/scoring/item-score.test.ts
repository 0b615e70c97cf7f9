import { answerStatus, scaleBounds } from '@/domain/scoring/item-score';
import { itemScore } from '../../../fixtures/item-score';
import { makeScale } from '../../../fixtures/make-grid';
import { Scale } from '@/domain/grid/schema';

const five = Scale.parse(makeScale('five', [1, 2, 3, 4, 5]));
const four = Scale.parse(makeScale('four', [1, 2, 3, 4]));
const bipolar = Scale.parse(makeScale('bipolar', [-2, -1, 0, 1, 2]));
const uneven = Scale.parse(makeScale('uneven', [0, 1, 10]));

describe('itemScore', () => {
  it.each([
    { scale: five, value: 1, reverse: false, expected: 0 },
    { scale: five, value: 2, reverse: false, expected: 25 },
    { scale: five, value: 3, reverse: false, expected: 50 },
    { scale: five, value: 5, reverse: false, expected: 100 },
    { scale: five, value: 4, reverse: true, expected: 25 },
    { scale: five, value: 1, reverse: true, expected: 100 },
    { scale: five, value: 5, reverse: true, expected: 0 },
    { scale: four, value: 2, reverse: false, expected: 100 / 3 },
    { scale: four, value: 3, reverse: false, expected: 200 / 3 },
    { scale: four, value: 3, reverse: true, expected: 100 / 3 },
    { scale: bipolar, value: -2, reverse: false, expected: 0 },
    { scale: bipolar, value: 0, reverse: false, expected: 50 },
    { scale: bipolar, value: 1, reverse: false, expected: 75 },
    { scale: bipolar, value: -1, reverse: true, expected: 75 },
    { scale: uneven, value: 1, reverse: false, expected: 10 }, // (1 − 0) / (10 − 0)
  ])(
    '$scale.id value $value reverse $reverse → $expected',
    ({ scale, value, reverse, expected }) => {
      expect(itemScore({ reverse }, scale, value)).toBeCloseTo(expected, 8);
    },
  );

  it.each([
    { scale: five, value: 0 },
    { scale: five, value: 6 },
    { scale: five, value: 2.5 },
    { scale: bipolar, value: 3 },
    { scale: uneven, value: 5 },
  ])('$scale.id value $value is not on the scale → no score', ({ scale, value }) => {
    expect(itemScore({ reverse: false }, scale, value)).toBeNull();
    expect(itemScore({ reverse: true }, scale, value)).toBeNull();
  });
});

describe('scaleBounds', () => {
  it.each([
    { scale: five, expected: { min: 1, max: 5 } },
    { scale: bipolar, expected: { min: -2, max: 2 } },
    { scale: uneven, expected: { min: 0, max: 10 } },
  ])('$scale.id → $expected', ({ scale, expected }) => {
    expect(scaleBounds(scale)).toEqual(expected);
  });
});

describe('answerStatus', () => {
  it.each([
    { value: 3, expected: 'answered' },
    { value: 'dk' as const, expected: 'dk' },
    { value: 'na' as const, expected: 'na' },
    { value: undefined, expected: 'missing' },
    { value: 9, expected: 'missing' },
    { value: 3.5, expected: 'missing' },
  ])('$value → $expected', ({ value, expected }) => {
    expect(answerStatus(value, five)).toBe(expected);
  });

  it('treats a number as missing when the scale is unknown', () => {
    expect(answerStatus(3, undefined)).toBe('missing');
  });
});
