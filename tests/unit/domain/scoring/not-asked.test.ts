/**
 * The per-respondent « not asked » status (docs/scoring.md, « Asked or not »).
 * A grid routes some items and a dimension by role; an employee and a CSE member (role
 * `representative`) answer it; each is scored on what their own role is asked.
 */
import type { Role } from '@/domain/answers/answers';
import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import { scoreGrid } from '@/domain/scoring/score-grid';
import {
  DIMENSION_NOT_ASKED,
  DIMENSION_SCORED,
  scoreMatrix,
  STATUS_ANSWERED,
  STATUS_MISSING,
  STATUS_NOT_ASKED,
} from '@/domain/scoring/score-matrix';
import { makeDimension, makeGrid, makeItem, makeRespondent } from '../../../fixtures/make-grid';

const NOT_EMPLOYEES = { roles: ['management', 'manager', 'representative', 'other'] as Role[] };

// d-all: asked of everyone. d-mixed: m1 of everyone, m2 and m3 not of employees.
// d-cse: not asked of employees at all (its own condition). Scale 1–5 → 0, 25, 50, 75, 100.
const grid = makeGrid({
  schemaVersion: 2,
  minCoverage: 0.6,
  dimensions: [
    makeDimension('d-all', ['a1', 'a2']),
    makeDimension('d-mixed', [
      'm1',
      makeItem('m2', { appliesWhen: NOT_EMPLOYEES }),
      makeItem('m3', { appliesWhen: NOT_EMPLOYEES }),
    ]),
    makeDimension('d-cse', ['c1', 'c2'], { appliesWhen: NOT_EMPLOYEES }),
  ],
});

const employee = makeRespondent('e', 'employee', { a1: 5, a2: 3, m1: 4 });
const cseMember = makeRespondent('c', 'representative', {
  a1: 1,
  a2: 1,
  m1: 2,
  m2: 2,
  m3: 'dk',
  c1: 1,
  c2: 3,
});

describe('scoring kernel: items and dimensions not asked of a role', () => {
  const m = scoreMatrix(
    grid,
    [employee.answers, cseMember.answers],
    ['employee', 'representative'],
  );

  it('marks the items an employee is not asked as not asked, never as missing', () => {
    const status = (row: number, item: number) => m.itemStatus[row * m.itemCount + item];
    // Items in order: a1 a2 m1 m2 m3 c1 c2.
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => status(0, i))).toEqual([
      STATUS_ANSWERED,
      STATUS_ANSWERED,
      STATUS_ANSWERED,
      STATUS_NOT_ASKED,
      STATUS_NOT_ASKED,
      STATUS_NOT_ASKED,
      STATUS_NOT_ASKED,
    ]);
    expect(status(1, 3)).toBe(STATUS_ANSWERED);
    expect(status(1, 4)).not.toBe(STATUS_NOT_ASKED);
  });

  it('counts, per dimension, only the items asked of each respondent', () => {
    const cell = (row: number, d: number) => row * m.dimensionCount + d;
    // Employee on d-mixed: 1 item asked, 1 answered, nothing missing.
    expect(m.asked[cell(0, 1)]).toBe(1);
    expect(m.answered[cell(0, 1)]).toBe(1);
    expect(m.missing[cell(0, 1)]).toBe(0);
    expect(m.dimensionScore[cell(0, 1)]).toBe(75);
    expect(m.dimensionStatus[cell(0, 1)]).toBe(DIMENSION_SCORED);
    // Employee on d-cse: nothing asked, neither a score nor a missing score.
    expect(m.asked[cell(0, 2)]).toBe(0);
    expect(m.missing[cell(0, 2)]).toBe(0);
    expect(m.dimensionStatus[cell(0, 2)]).toBe(DIMENSION_NOT_ASKED);
    expect(Number.isNaN(m.dimensionScore[cell(0, 2)])).toBe(true);
    // CSE member on d-mixed: 3 asked, 2 answered (2/3 ≥ 0.6), mean of 25 and 25.
    expect(m.asked[cell(1, 1)]).toBe(3);
    expect(m.dk[cell(1, 1)]).toBe(1);
    expect(m.dimensionScore[cell(1, 1)]).toBe(25);
  });

  it('decides « insufficient » on the asked items only', () => {
    // The same employee with m1 unanswered: 0 of 1 asked item → insufficient (not « not asked »).
    const lone = scoreGrid(grid, { a1: 5, a2: 3 }, 'employee');
    const mixed = lone.dimensions.find((d) => d.dimensionId === 'd-mixed');
    expect(mixed).toMatchObject({ status: 'insufficient', total: 1, answered: 0, missing: 1 });
    // A CSE member with 1 of 3 answered: 1/3 < 0.6 → insufficient.
    const few = scoreGrid(grid, { m1: 4 }, 'representative');
    expect(few.dimensions.find((d) => d.dimensionId === 'd-mixed')).toMatchObject({
      status: 'insufficient',
      total: 3,
      coverage: 1 / 3,
    });
    // The employee: 1 of 1 → coverage 1, scored.
    const whole = scoreGrid(grid, employee.answers, 'employee');
    expect(whole.dimensions.map((d) => [d.dimensionId, d.status, d.score])).toEqual([
      ['d-all', 'scored', 75],
      ['d-mixed', 'scored', 75],
      ['d-cse', 'notAsked', null],
    ]);
    // The grid score is the mean of the scores that exist: d-cse is not a missing score.
    expect(whole.score).toBe(75);
  });

  it('ignores an answer given to an item not asked of the role (kept, not counted)', () => {
    // An employee who answered m2, m3, c1, c2 as a representative before their role changed.
    const answers = { ...cseMember.answers };
    const asEmployee = scoreGrid(grid, answers, 'employee');
    expect(asEmployee.items.filter((i) => i.status === 'notAsked').map((i) => i.itemId)).toEqual([
      'm2',
      'm3',
      'c1',
      'c2',
    ]);
    expect(asEmployee.items.find((i) => i.itemId === 'm2')).toMatchObject({
      score: null,
      value: null,
    });
    expect(asEmployee.dimensions.find((d) => d.dimensionId === 'd-mixed')?.score).toBe(25);
    expect(asEmployee.dimensions.find((d) => d.dimensionId === 'd-cse')?.status).toBe('notAsked');
    // Back to their former role, the same stored answers count again.
    const asRepresentative = scoreGrid(grid, answers, 'representative');
    expect(asRepresentative.dimensions.find((d) => d.dimensionId === 'd-cse')?.score).toBe(25);
  });

  it('scores everything, as before, without a role', () => {
    const m0 = scoreMatrix(grid, [employee.answers]);
    expect(m0.itemStatus[3]).toBe(STATUS_MISSING);
    expect(m0.dimensionStatus[2]).not.toBe(DIMENSION_NOT_ASKED);
    expect(scoreGrid(grid, employee.answers).dimensions[1]?.total).toBe(3);
  });
});

describe('aggregate of an employee and a CSE member', () => {
  const people = [
    employee,
    makeRespondent('e2', 'employee', { a1: 3, a2: 3, m1: 2 }),
    makeRespondent('e3', 'employee', { a1: 1, a2: 'dk', m1: 'dk' }),
    cseMember,
    makeRespondent('c2', 'representative', { a1: 5, a2: 5, m1: 5, m2: 5, m3: 5, c1: 5, c2: 5 }),
    makeRespondent('c3', 'representative', { a1: 3, m1: 3, m2: 3, c1: 'dk' }),
  ];
  const aggregate = aggregateGrid(grid, people, { anonymityThreshold: 3 });
  const dim = (id: string) => aggregate.dimensions.find((d) => d.dimensionId === id);
  const item = (id: string) => aggregate.items.find((i) => i.itemId === id);

  it('counts the items of a dimension asked of each respondent, summed (coverage, dk rate)', () => {
    // d-mixed: employees 1 item each (3), representatives 3 each (9): 12 cells.
    // Answered: e 1, e2 1, e3 0 (dk), c 2, c2 3, c3 2 → 9/12; dk: e3 1, c 1 → 2/12.
    expect(dim('d-mixed')).toMatchObject({ respondents: 6, asked: 6 });
    expect(dim('d-mixed')?.coverage).toBeCloseTo(9 / 12, 9);
    expect(dim('d-mixed')?.dkRate).toBeCloseTo(2 / 12, 9);
    // e3 has 0 of 1 answered: insufficient; everyone else is scored.
    expect(dim('d-mixed')?.insufficient).toBe(1);
    expect(dim('d-mixed')?.stats?.n).toBe(5);
  });

  it('reads a dimension not asked of employees on the representatives alone', () => {
    // d-cse: c 25 (1→0, 3→50), c2 100, c3 1 of 2 answered (dk) → 0.5 < 0.6 insufficient.
    expect(dim('d-cse')).toMatchObject({ respondents: 6, asked: 3, insufficient: 1 });
    expect(dim('d-cse')?.score).toBeCloseTo(62.5, 9);
    expect(dim('d-cse')?.coverage).toBeCloseTo(4 / 6, 9);
    expect(dim('d-cse')?.dkRate).toBeCloseTo(1 / 6, 9);
  });

  it('leaves not-asked respondents out of an item’s distribution and missing answers', () => {
    expect(item('m2')?.asked).toBe(3);
    expect(item('m2')?.distribution.missing).toBe(0);
    expect(item('m3')?.distribution.missing).toBe(1); // c3 was asked m3 and left it
    expect(item('c2')?.distribution.missing).toBe(1); // c3 again
  });

  it('shows a role not asked a dimension as not asked, never as insufficient', () => {
    const employees = aggregate.roles.find((r) => r.role === 'employee');
    const cse = employees?.dimensions.find((d) => d.dimensionId === 'd-cse');
    expect(cse).toMatchObject({ asked: 0, insufficient: 0, score: null, coverage: null });
    expect(cse?.dkRate).toBeNull();
    // No gap between roles on a dimension only one of them was asked.
    expect(aggregate.divergence.roleGaps.some((g) => g.dimensionId === 'd-cse')).toBe(false);
  });
});
