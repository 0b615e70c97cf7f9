import { Answers, AnswerValue, Role, ROLES } from '@/domain/answers/answers';
import {
  type AnswerProblem,
  answersValidator,
  isAnswerValue,
  validateAnswers,
} from '@/domain/answers/validate-answers';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

describe('AnswerValue', () => {
  it.each([
    { value: 3, ok: true },
    { value: -2, ok: true },
    { value: 2.5, ok: true }, // a number: whether it is on the scale is checked against the grid
    { value: 'dk', ok: true },
    { value: 'na', ok: true },
    { value: 'DK', ok: false },
    { value: '3', ok: false },
    { value: null, ok: false },
    { value: Number.NaN, ok: false },
    { value: Number.POSITIVE_INFINITY, ok: false },
    { value: Number.NEGATIVE_INFINITY, ok: false },
    { value: '', ok: false },
    { value: undefined, ok: false },
    { value: true, ok: false },
    { value: {}, ok: false },
    { value: [3], ok: false },
  ])('$value → valid: $ok', ({ value, ok }) => {
    expect(AnswerValue.safeParse(value).success).toBe(ok);
    // The fast check the import uses agrees with the schema.
    expect(isAnswerValue(value)).toBe(ok);
  });

  it('parses an answers record', () => {
    expect(Answers.parse({ a1: 3, a2: 'dk', a3: 'na' })).toEqual({ a1: 3, a2: 'dk', a3: 'na' });
    expect(Answers.safeParse({ a1: 'yes' }).success).toBe(false);
  });
});

describe('Role', () => {
  it('lists the five roles in display order', () => {
    expect(ROLES).toEqual(['management', 'manager', 'employee', 'representative', 'other']);
  });

  it.each([
    { value: 'representative', ok: true },
    { value: 'other', ok: true },
    { value: 'union', ok: false },
    { value: 'Manager', ok: false },
  ])('$value → valid: $ok', ({ value, ok }) => {
    expect(Role.safeParse(value).success).toBe(ok);
  });
});

describe('validateAnswers', () => {
  const grid = makeGrid({
    dimensions: [
      makeDimension('d-a', [
        makeItem('a1'), // five: 1–5, dk and na allowed
        makeItem('a2', { scale: 'bipolar' }), // na not allowed
        makeItem('a3', { scale: 'yesno' }), // dk not allowed
        makeItem('a4', { scale: 'missing-scale' }), // a grid error: unknown scale
      ]),
    ],
  });

  const cases: { answers: Answers; expected: AnswerProblem[] }[] = [
    { answers: {}, expected: [] },
    { answers: { a1: 5, a2: -2, a3: 0 }, expected: [] },
    { answers: { a1: 'dk', a2: 'dk', a3: 'na' }, expected: [] },
    { answers: { a1: 6 }, expected: [{ code: 'notOnScale', itemId: 'a1', value: 6 }] },
    { answers: { a1: 2.5 }, expected: [{ code: 'notOnScale', itemId: 'a1', value: 2.5 }] },
    {
      answers: { a2: 'na' },
      expected: [{ code: 'notApplicableNotAllowed', itemId: 'a2', value: 'na' }],
    },
    {
      answers: { a3: 'dk' },
      expected: [{ code: 'dontKnowNotAllowed', itemId: 'a3', value: 'dk' }],
    },
    { answers: { zz: 1 }, expected: [{ code: 'unknownItem', itemId: 'zz', value: 1 }] },
    { answers: { a4: 1 }, expected: [{ code: 'unknownScale', itemId: 'a4', value: 1 }] },
    {
      answers: { a1: 'maybe' } as unknown as Answers,
      expected: [{ code: 'invalidValue', itemId: 'a1', value: 'maybe' }],
    },
    {
      answers: { a1: 0, a2: 3, zz: 'dk' },
      expected: [
        { code: 'notOnScale', itemId: 'a1', value: 0 },
        { code: 'notOnScale', itemId: 'a2', value: 3 },
        { code: 'unknownItem', itemId: 'zz', value: 'dk' },
      ],
    },
  ];

  it.each(cases)('$answers', ({ answers, expected }) => {
    expect(validateAnswers(grid, answers)).toEqual(expected);
  });

  it('answersValidator gives what validateAnswers gives, for every case, one grid built once', () => {
    const validate = answersValidator(grid);
    for (const { answers, expected } of cases) expect(validate(answers)).toEqual(expected);
    // Answers with a null value (a hand-edited file) are invalid, not thrown on.
    expect(validate({ a1: null } as unknown as Answers)).toEqual([
      { code: 'invalidValue', itemId: 'a1', value: null },
    ]);
  });
});
