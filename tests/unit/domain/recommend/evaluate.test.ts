import type { Condition } from '@/domain/grid/schema';
import type { EvaluationContext } from '@/domain/recommend/context';
import { evaluateCondition } from '@/domain/recommend/evaluate';

// A context written by hand: d-a has a score, d-b is insufficient (no score, all dk).
const ctx: EvaluationContext = {
  source: 'aggregate',
  dimensions: new Map([
    ['d-a', { score: 40, dkRate: 0.25, spread: 12, roleGap: 30 }],
    ['d-b', { score: null, dkRate: 1, spread: null, roleGap: null }],
  ]),
  items: new Map([
    ['i1', { value: 2, score: 25, range: { min: 1, max: 5 } }],
    ['i2', { value: null, score: null, range: { min: 1, max: 5 } }],
    ['i3', { value: 0.5, score: 50, range: null }],
  ]),
};

const dim = (dimension: string, op: 'below' | 'atLeast', value: number): Condition => ({
  type: 'dimension',
  dimension,
  op,
  value,
});
const item = (id: string, op: 'atMost' | 'atLeast', value: number): Condition => ({
  type: 'item',
  item: id,
  op,
  value,
});

const reason = (
  kind: string,
  targetId: string,
  op: string,
  threshold: number,
  observed: number,
  distance: number,
) => ({ kind, targetId, op, threshold, observed, distance: expect.closeTo(distance, 9) });

describe('evaluateCondition: leaves', () => {
  it.each<{ name: string; condition: Condition; truth: string; reasons: unknown[] }>([
    {
      name: 'dimension below: 40 < 50, 10 points',
      condition: dim('d-a', 'below', 50),
      truth: 'true',
      reasons: [reason('dimension', 'd-a', 'below', 50, 40, 10)],
    },
    {
      name: 'dimension below is strict: 40 < 40 is false',
      condition: dim('d-a', 'below', 40),
      truth: 'false',
      reasons: [],
    },
    {
      name: 'dimension atLeast at the bound: 40 ≥ 40, distance 0',
      condition: dim('d-a', 'atLeast', 40),
      truth: 'true',
      reasons: [reason('dimension', 'd-a', 'atLeast', 40, 40, 0)],
    },
    {
      name: 'dimension atLeast: 40 ≥ 30, 10 points',
      condition: dim('d-a', 'atLeast', 30),
      truth: 'true',
      reasons: [reason('dimension', 'd-a', 'atLeast', 30, 40, 10)],
    },
    {
      name: 'dimension without a score is unknown, not 0',
      condition: dim('d-b', 'below', 50),
      truth: 'unknown',
      reasons: [],
    },
    {
      name: 'unknown dimension id is unknown',
      condition: dim('nope', 'below', 50),
      truth: 'unknown',
      reasons: [],
    },
    {
      name: 'item atMost at the bound: 2 ≤ 2',
      condition: item('i1', 'atMost', 2),
      truth: 'true',
      reasons: [reason('item', 'i1', 'atMost', 2, 2, 0)],
    },
    {
      name: 'item atMost: 2 ≤ 3, one point of a 1–5 scale = 25 points',
      condition: item('i1', 'atMost', 3),
      truth: 'true',
      reasons: [reason('item', 'i1', 'atMost', 3, 2, 25)],
    },
    {
      name: 'item atLeast: 2 ≥ 3 is false',
      condition: item('i1', 'atLeast', 3),
      truth: 'false',
      reasons: [],
    },
    {
      name: 'unanswered item is unknown',
      condition: item('i2', 'atMost', 5),
      truth: 'unknown',
      reasons: [],
    },
    {
      name: 'item on an unknown scale: raw distance',
      condition: item('i3', 'atLeast', 0.25),
      truth: 'true',
      reasons: [reason('item', 'i3', 'atLeast', 0.25, 0.5, 0.25)],
    },
    {
      name: "don't-know rate above: 0.25 > 0.2, 5 percentage points",
      condition: { type: 'dontKnowRate', dimension: 'd-a', above: 0.2 },
      truth: 'true',
      reasons: [reason('dontKnowRate', 'd-a', 'above', 0.2, 0.25, 5)],
    },
    {
      name: "don't-know rate of an insufficient dimension is known",
      condition: { type: 'dontKnowRate', dimension: 'd-b', above: 0.9 },
      truth: 'true',
      reasons: [reason('dontKnowRate', 'd-b', 'above', 0.9, 1, 10)],
    },
    {
      name: "don't-know rate above is strict",
      condition: { type: 'dontKnowRate', dimension: 'd-a', above: 0.25 },
      truth: 'false',
      reasons: [],
    },
    {
      name: 'spread above: 12 > 10',
      condition: { type: 'spread', dimension: 'd-a', above: 10 },
      truth: 'true',
      reasons: [reason('spread', 'd-a', 'above', 10, 12, 2)],
    },
    {
      name: 'null spread is unknown',
      condition: { type: 'spread', dimension: 'd-b', above: 0 },
      truth: 'unknown',
      reasons: [],
    },
    {
      name: 'role gap above is strict: 30 > 30 is false',
      condition: { type: 'roleGap', dimension: 'd-a', above: 30 },
      truth: 'false',
      reasons: [],
    },
    {
      name: 'role gap above: 30 > 20',
      condition: { type: 'roleGap', dimension: 'd-a', above: 20 },
      truth: 'true',
      reasons: [reason('roleGap', 'd-a', 'above', 20, 30, 10)],
    },
    {
      name: 'null role gap is unknown',
      condition: { type: 'roleGap', dimension: 'd-b', above: 0 },
      truth: 'unknown',
      reasons: [],
    },
  ])('$name', ({ condition, truth, reasons }) => {
    const result = evaluateCondition(condition, ctx);
    expect(result.truth).toBe(truth);
    expect(result.fired).toBe(truth === 'true');
    expect(result.reasons).toEqual(reasons);
  });
});

describe('evaluateCondition: combinations (three-valued logic)', () => {
  const yes = dim('d-a', 'below', 50); // true, distance 10
  const no = dim('d-a', 'below', 30); // false
  const unknown = dim('d-b', 'below', 50); // unknown
  const yes2 = item('i1', 'atMost', 3); // true, distance 25

  it.each<{ name: string; condition: Condition; truth: string; reasonIds: string[] }>([
    {
      name: 'all true',
      condition: { type: 'all', conditions: [yes, yes2] },
      truth: 'true',
      reasonIds: ['d-a', 'i1'],
    },
    {
      name: 'all with unknown',
      condition: { type: 'all', conditions: [yes, unknown] },
      truth: 'unknown',
      reasonIds: [],
    },
    {
      name: 'all: false beats unknown',
      condition: { type: 'all', conditions: [unknown, no] },
      truth: 'false',
      reasonIds: [],
    },
    {
      name: 'any: true beats unknown, only true reasons',
      condition: { type: 'any', conditions: [unknown, yes, no] },
      truth: 'true',
      reasonIds: ['d-a'],
    },
    {
      name: 'any: both true',
      condition: { type: 'any', conditions: [yes2, yes] },
      truth: 'true',
      reasonIds: ['i1', 'd-a'],
    },
    {
      name: 'any: unknown and false',
      condition: { type: 'any', conditions: [unknown, no] },
      truth: 'unknown',
      reasonIds: [],
    },
    {
      name: 'any: all false',
      condition: { type: 'any', conditions: [no, item('i1', 'atLeast', 3)] },
      truth: 'false',
      reasonIds: [],
    },
    {
      name: 'not false fires without reasons',
      condition: { type: 'not', condition: no },
      truth: 'true',
      reasonIds: [],
    },
    { name: 'not true', condition: { type: 'not', condition: yes }, truth: 'false', reasonIds: [] },
    {
      name: 'not unknown stays unknown',
      condition: { type: 'not', condition: unknown },
      truth: 'unknown',
      reasonIds: [],
    },
    {
      name: 'not of (unknown or false) stays unknown',
      condition: { type: 'not', condition: { type: 'any', conditions: [unknown, no] } },
      truth: 'unknown',
      reasonIds: [],
    },
    {
      name: 'not of (false and unknown) is true',
      condition: { type: 'not', condition: { type: 'all', conditions: [no, unknown] } },
      truth: 'true',
      reasonIds: [],
    },
    {
      name: 'double not: true, reasons not reported',
      condition: { type: 'not', condition: { type: 'not', condition: yes } },
      truth: 'true',
      reasonIds: [],
    },
    {
      name: 'all with a not inside: reasons of the other leaves only',
      condition: { type: 'all', conditions: [yes, { type: 'not', condition: no }] },
      truth: 'true',
      reasonIds: ['d-a'],
    },
    {
      name: 'nested any in all',
      condition: { type: 'all', conditions: [yes2, { type: 'any', conditions: [no, yes] }] },
      truth: 'true',
      reasonIds: ['i1', 'd-a'],
    },
  ])('$name', ({ condition, truth, reasonIds }) => {
    const result = evaluateCondition(condition, ctx);
    expect(result.truth).toBe(truth);
    expect(result.fired).toBe(truth === 'true');
    expect(result.reasons.map((r) => r.targetId)).toEqual(reasonIds);
  });
});
