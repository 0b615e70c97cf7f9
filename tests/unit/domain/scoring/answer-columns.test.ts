/**
 * The column store of a campaign's answers: lossless for what it accepts, refuses
 * what it would lose, and its check on reading rejects anything it did not write.
 */
import fc from 'fast-check';
import { ROLES, type AnswerValue, type Role } from '@/domain/answers/answers';
import type { Respondent } from '@/domain/diagnostic/diagnostic';
import {
  AnswersBuilder,
  answersBuilderFor,
  KEPT_BUILDERS,
  MAX_TEMPLATES,
  type AnswerColumns,
  CODE_ABSENT,
  CODE_DK,
  CODE_NA,
  checkAnswerColumns,
  codeOf,
  fromAnswerColumns,
  toAnswerColumns,
} from '@/domain/scoring/answer-columns';

const NOW = '2026-12-07T19:00:00.000Z';

const answer = fc.oneof(
  fc.integer({ min: -100, max: 100 }) as fc.Arbitrary<AnswerValue>,
  fc.constantFrom<AnswerValue>('dk', 'na'),
);
const itemId = fc.constantFrom('a1', 'a2', 'b1', 'constructor', 'toString', 'x y');
const gridAnswers = fc.dictionary(itemId, answer, { minKeys: 1, maxKeys: 5 });
const respondentArbitrary: fc.Arbitrary<Respondent> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s !== '__proto__'),
  role: fc.constantFrom<Role>(...ROLES),
  answers: fc.dictionary(fc.constantFrom('g1', 'g2', 'hasOwnProperty'), gridAnswers, {
    maxKeys: 3,
  }),
  comments: fc.constant({}),
  createdAt: fc.constantFrom(NOW, '2026-12-06T08:00:00.000Z'),
  updatedAt: fc.constantFrom(NOW, '2026-12-07T20:00:00.000Z'),
});

function someone(extra: Partial<Respondent> = {}): Respondent {
  return {
    id: 'r1',
    role: 'employee',
    answers: { g1: { a1: 3, a2: 'dk' } },
    comments: {},
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  };
}

describe('answer columns', () => {
  it('gives back exactly the respondents it was given (property)', () => {
    fc.assert(
      fc.property(fc.array(respondentArbitrary, { maxLength: 30 }), (respondents) => {
        const columns = toAnswerColumns(respondents);
        expect(columns).not.toBeNull();
        // As IndexedDB stores it: a structured copy, checked on the way back.
        const read = checkAnswerColumns(structuredClone(columns));
        expect(typeof read).not.toBe('string');
        expect(fromAnswerColumns(read as AnswerColumns)).toEqual(respondents);
      }),
    );
  });

  it('holds each answer as a code of one byte, one array per item', () => {
    const columns = toAnswerColumns([
      someone(),
      someone({ id: 'r2', role: 'manager', answers: { g1: { a2: 'na', b1: -2 } } }),
    ])!;
    expect(columns.grids).toEqual([
      {
        gridId: 'g1',
        items: ['a1', 'a2', 'b1'],
        codes: [
          Int8Array.of(3, CODE_ABSENT),
          Int8Array.of(CODE_DK, CODE_NA),
          Int8Array.of(CODE_ABSENT, -2),
        ],
      },
    ]);
    expect(Array.from(columns.roles, (r) => ROLES[r])).toEqual(['employee', 'manager']);
    expect(columns.dates).toEqual([NOW]);
  });

  it.each([
    ['a comment', someone({ comments: { g1: { d: 'Trop de réunions' } } })],
    ['a pseudonym', someone({ pseudonym: 'Camille' })],
    ['answers set aside by a migration', someone({ setAside: { 'g1@1.0.0': { old: 2 } } })],
    ['a value that is not a whole number', someone({ answers: { g1: { a1: 2.5 } } })],
    ['a value off the codes', someone({ answers: { g1: { a1: 101 } } })],
    ['an empty answers record', someone({ answers: { g1: {} } })],
  ])('refuses respondents with %s (they are kept as objects)', (_what, r) => {
    expect(toAnswerColumns([someone({ id: 'r0' }), r])).toBeNull();
  });

  it('codes only what it can give back', () => {
    expect([3, 'dk', 'na', undefined, 0, -100, 100].map((v) => codeOf(v as AnswerValue))).toEqual([
      3,
      CODE_DK,
      CODE_NA,
      CODE_ABSENT,
      0,
      -100,
      100,
    ]);
    expect([101, -101, 1.5, Number.NaN].map((v) => codeOf(v))).toEqual([null, null, null, null]);
  });

  const good = () => toAnswerColumns([someone(), someone({ id: 'r2' })])!;
  it.each<[string, (c: AnswerColumns) => unknown, string]>([
    ['not an object', () => 'columns', 'not an object'],
    ['an id too long', (c) => ({ ...c, ids: ['r1', 'x'.repeat(81)] }), 'ids: not a list of ids'],
    ['an empty id', (c) => ({ ...c, ids: ['r1', ''] }), 'ids: not a list of ids'],
    ['roles as a plain list', (c) => ({ ...c, roles: [2, 2] }), 'roles: not one per respondent'],
    ['a role out of range', (c) => ({ ...c, roles: Uint8Array.of(2, 9) }), 'roles: unknown role 9'],
    [
      'a date index out of range',
      (c) => ({ ...c, updatedAt: Uint32Array.of(0, 4) }),
      'updatedAt: no date 4',
    ],
    [
      'a column of the wrong length',
      (c) => ({ ...c, grids: [{ ...c.grids[0]!, codes: [Int8Array.of(3), Int8Array.of(3, 3)] }] }),
      'grids.0.codes.0: not one code per respondent',
    ],
    [
      'a code that means nothing',
      (c) => ({
        ...c,
        grids: [{ ...c.grids[0]!, codes: [Int8Array.of(3, 120), c.grids[0]!.codes[1]] }],
      }),
      'grids.0.codes.0: code 120',
    ],
    [
      'an item that would change a prototype',
      (c) => ({ ...c, grids: [{ ...c.grids[0]!, items: ['__proto__', 'a2'] }] }),
      'grids.0.items: not a list of ids',
    ],
  ])('rejects stored columns with %s, saying where', (_what, damage, detail) => {
    expect(checkAnswerColumns(damage(good()))).toBe(detail);
  });
});

describe('AnswersBuilder', () => {
  const items = ['a1', 'a2', 'constructor', 'b1'];
  const value = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom<AnswerValue>('dk', 'na'));
  const rows = fc.array(
    fc.array(fc.option(value, { nil: undefined }), { minLength: 4, maxLength: 4 }),
    {
      maxLength: 30,
    },
  );

  /** The same answers built key by key, as before. */
  function plain(list: readonly (AnswerValue | undefined)[], ids = items) {
    const answers: Record<string, AnswerValue> = {};
    list.forEach((v, i) => {
      if (v !== undefined)
        Object.defineProperty(answers, ids[i]!, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    });
    return answers;
  }

  function built(builder: AnswersBuilder, list: readonly (AnswerValue | undefined)[]) {
    const present = list.flatMap((v, i) => (v === undefined ? [] : [i]));
    return builder.build(
      present,
      present.map((i) => list[i]!),
    );
  }

  it('builds the same answers as key by key, keys in item order (property)', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const builder = new AnswersBuilder(items);
        for (const row of list) {
          const answers = built(builder, row);
          expect(answers).toEqual(plain(row));
          expect(Object.keys(answers)).toEqual(Object.keys(plain(row)));
          // Each object its own: changing one never changes another built from the same template.
          answers.a1 = 99;
        }
      }),
    );
  });

  it('builds the same answers past its templates, when the sets answered are many', () => {
    const many = Array.from({ length: 9 }, (_, i) => `i${i}`);
    const builder = new AnswersBuilder(many);
    // All 511 non-empty sets of 9 items, each twice: templates for the first MAX_TEMPLATES, then
    // key by key.
    expect(MAX_TEMPLATES).toBeLessThan(511);
    for (let round = 0; round < 2; round += 1)
      for (let mask = 1; mask < 512; mask += 1) {
        const row = many.map((_, i) =>
          (mask >> i) & 1 ? (((i % 5) + 1) as AnswerValue) : undefined,
        );
        expect(built(builder, row)).toEqual(plain(row, many));
      }
  });

  it('is one builder per list of items, shared by every part rebuilt (answersBuilderFor)', () => {
    const first = answersBuilderFor(['a1', 'a2']);
    expect(answersBuilderFor(['a1', 'a2'])).toBe(first);
    expect(answersBuilderFor(['a2', 'a1'])).not.toBe(first);
    expect(answersBuilderFor(['a1', 'a2']).build([1], ['dk'])).toEqual({ a2: 'dk' });
    // Only the last lists are kept: after many others, the first is made anew (and still right).
    for (let n = 0; n < KEPT_BUILDERS; n += 1) answersBuilderFor([`x${n}`]);
    const again = answersBuilderFor(['a1', 'a2']);
    expect(again).not.toBe(first);
    expect(again.build([0, 1], [3, 'na'])).toEqual({ a1: 3, a2: 'na' });
  });

  it('keeps an item named __proto__ as an own key, never as the prototype', () => {
    const builder = new AnswersBuilder(['__proto__', 'a1']);
    const answers = builder.build([0, 1], [3, 'dk']);
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
    expect(Object.entries(answers)).toEqual([
      ['__proto__', 3],
      ['a1', 'dk'],
    ]);
  });
});
