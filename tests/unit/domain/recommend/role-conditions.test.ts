/**
 * Role conditions (docs/scoring.md, « Conditions of recommendations »): a `dimension` condition
 * with a `role` reads that role's own score: in an aggregate, only a role shown apart under the
 * anonymity rule (unknown when masked, absent or withheld); for one respondent, their own score
 * when they have that role (unknown otherwise).
 */
import fc from 'fast-check';
import { ROLES, type Answers, type Role } from '@/domain/answers/answers';
import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import {
  DIAGNOSTIC_FORMAT,
  DIAGNOSTIC_FORMAT_VERSION,
  type Diagnostic,
} from '@/domain/diagnostic/diagnostic';
import type { Condition, Grid } from '@/domain/grid/schema';
import { contextFromAggregate } from '@/domain/recommend/context';
import { contextFromScore } from '../../../fixtures/context-from-score';
import { evaluateCondition } from '@/domain/recommend/evaluate';
import { buildReportModel } from '@/domain/report/build-report-model';
import { scoreGrid } from '@/domain/scoring/score-grid';
import { answersArbitrary } from '../../../fixtures/aggregate-arbitraries';
import {
  makeDimension,
  makeGrid,
  makeItem,
  makeRecommendation,
  makeRespondent,
} from '../../../fixtures/make-grid';

const belowFor = (role: Role | undefined, value = 50): Condition => ({
  type: 'dimension',
  dimension: 'd-a',
  op: 'below',
  value,
  ...(role === undefined ? {} : { role }),
});

const grid = makeGrid({ schemaVersion: 2 });
// a1, a2 on 1–5: (1, 2) → 12.5; (5, 5) → 100; (3, 3) → 50.
const LOW: Answers = { a1: 1, a2: 2, b1: 3, b2: 3 };
const HIGH: Answers = { a1: 5, a2: 5, b1: 3, b2: 3 };
const people = (role: Role, count: number, answers: Answers) =>
  Array.from({ length: count }, (_, i) => makeRespondent(`${role}-${i}`, role, answers));

const evaluateOn = (respondents: ReturnType<typeof people>, condition: Condition, threshold = 3) =>
  evaluateCondition(
    condition,
    contextFromAggregate(grid, aggregateGrid(grid, respondents, { anonymityThreshold: threshold })),
  );

describe('a dimension condition with a role, on an aggregate', () => {
  const workshop = [...people('employee', 3, LOW), ...people('management', 5, HIGH)];

  it('reads the visible role’s own mean, where the group’s mean hides it', () => {
    // Group: (3 × 12.5 + 5 × 100) / 8 = 67.2: « below 50 » on the group does not fire.
    expect(evaluateOn(workshop, belowFor(undefined)).fired).toBe(false);
    const scoped = evaluateOn(workshop, belowFor('employee'));
    expect(scoped.fired).toBe(true);
    expect(scoped.reasons).toEqual([
      {
        kind: 'dimension',
        targetId: 'd-a',
        op: 'below',
        threshold: 50,
        observed: 12.5,
        role: 'employee',
        n: 3,
        distance: 37.5,
      },
    ]);
    expect(evaluateOn(workshop, belowFor('management')).truth).toBe('false');
  });

  it('is unknown for a role masked by the anonymity rule, and never fires, even under `not`', () => {
    const small = [...people('employee', 2, LOW), ...people('management', 5, HIGH)];
    expect(evaluateOn(small, belowFor('employee'))).toEqual({
      fired: false,
      truth: 'unknown',
      reasons: [],
    });
    const negated: Condition = { type: 'not', condition: belowFor('employee', 0) };
    expect(evaluateOn(small, negated).truth).toBe('unknown');
    // Secondary suppression: 3 employees, 2 representatives (masked, 2 < 3), so the smallest
    // visible role is masked too; the employees' score is then unknown.
    const secondary = [
      ...people('employee', 3, LOW),
      ...people('representative', 2, LOW),
      ...people('management', 5, HIGH),
    ];
    expect(evaluateOn(secondary, belowFor('employee')).truth).toBe('unknown');
  });

  it('is unknown for an absent role', () => {
    expect(evaluateOn(workshop, belowFor('representative')).truth).toBe('unknown');
  });

  it('is unknown when the visible role’s figure is withheld (too few scores in it)', () => {
    // 3 employees, 2 of them without a score on d-a: 1 score < threshold 3, withheld.
    const withheld = [
      makeRespondent('e1', 'employee', LOW),
      makeRespondent('e2', 'employee', { b1: 3 }),
      makeRespondent('e3', 'employee', { b1: 3 }),
      ...people('management', 5, HIGH),
    ];
    expect(evaluateOn(withheld, belowFor('employee')).truth).toBe('unknown');
  });
});

describe('a dimension condition with a role, for one respondent', () => {
  it('reads their own score when they have that role, else is unknown', () => {
    const one = [makeRespondent('e', 'employee', LOW)];
    const aggregate = aggregateGrid(grid, one, { anonymityThreshold: 3 });
    expect(
      evaluateCondition(belowFor('employee'), contextFromAggregate(grid, aggregate, 'employee')),
    ).toMatchObject({ fired: true, reasons: [{ observed: 12.5, role: 'employee', n: 1 }] });
    expect(
      evaluateCondition(belowFor('manager'), contextFromAggregate(grid, aggregate, 'employee'))
        .truth,
    ).toBe('unknown');
    // Without the respondent's role, the role is masked (one person): unknown.
    expect(
      evaluateCondition(belowFor('employee'), contextFromAggregate(grid, aggregate)).truth,
    ).toBe('unknown');
    // The same from their scores.
    const score = scoreGrid(grid, LOW, 'employee');
    expect(
      evaluateCondition(belowFor('employee'), contextFromScore(grid, score, LOW, 'employee')),
    ).toMatchObject({ fired: true, reasons: [{ observed: 12.5, role: 'employee' }] });
    expect(
      evaluateCondition(belowFor('manager'), contextFromScore(grid, score, LOW, 'employee')).truth,
    ).toBe('unknown');
  });
});

// The report: every role on every dimension, with conditions that fire whenever a score exists.
const reportGrid: Grid = makeGrid({
  schemaVersion: 2,
  dimensions: [
    makeDimension('d-a', ['a1', makeItem('a2', { reverse: true }), makeItem('a3', { weight: 2 })]),
    makeDimension('d-b', [makeItem('b1', { scale: 'four' }), makeItem('b2', { scale: 'bipolar' })]),
  ],
  recommendations: ROLES.flatMap((role) =>
    ['d-a', 'd-b'].map((dimension) =>
      makeRecommendation(`rec-${role}-${dimension}`, 'high', ['company'], {
        type: 'dimension',
        dimension,
        op: 'atLeast',
        value: 0,
        role,
      }),
    ),
  ),
});

function diagnosticOf(
  respondents: { role: Role; answers: Answers }[],
  threshold: number,
): Diagnostic {
  return {
    format: DIAGNOSTIC_FORMAT,
    formatVersion: DIAGNOSTIC_FORMAT_VERSION,
    id: 'd1',
    title: 'Atelier',
    purpose: 'workshop',
    project: { name: 'P', kind: 'other', phase: 'in-use' },
    grids: [{ id: reportGrid.id, version: reportGrid.version, hash: 'a'.repeat(64), grid: {} }],
    respondents: respondents.map((r, i) => ({
      id: `r${i}`,
      role: r.role,
      answers: { [reportGrid.id]: r.answers },
      comments: {},
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    })),
    actionPlan: [],
    anonymityThreshold: threshold,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
  };
}

describe('role reasons in the report', () => {
  it('never name a masked role, and show a visible role’s own shown mean', () => {
    let reasonsSeen = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.constantFrom<Role>(...ROLES), answers: answersArbitrary }), {
          minLength: 2,
          maxLength: 14,
        }),
        fc.integer({ min: 2, max: 4 }),
        (respondents, threshold) => {
          const model = buildReportModel(
            diagnosticOf(respondents, threshold),
            [{ grid: reportGrid, hash: 'a'.repeat(64) }],
            { lang: 'fr', generatedAt: '2025-01-02T00:00:00.000Z' },
          );
          const visible = new Set(model.participation.roles.map((r) => r.role));
          const compared = model.workshop?.roles[0];
          for (const rec of model.recommendations) {
            const role = rec.id.split('-')[1] as Role;
            for (const reason of rec.reasons) {
              expect(reason.role).toBe(role);
              expect(visible.has(role)).toBe(true);
              const r = compared?.roles.findIndex((c) => c.role === role) ?? -1;
              const d = compared?.dimensions.find((c) => c.label === reason.target);
              expect(reason.observed).toBe(d?.byRole[r]);
              reasonsSeen += 1;
            }
          }
          // A masked role's recommendation never fires, so its score is never in a reason.
          const fired = new Set(model.recommendations.map((rec) => rec.id.split('-')[1]));
          for (const role of ROLES) if (!visible.has(role)) expect(fired.has(role)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
    expect(reasonsSeen).toBeGreaterThan(0);
  });

  it('fire for the one respondent’s own role only', () => {
    const model = buildReportModel(
      diagnosticOf([{ role: 'employee', answers: { a1: 2, a2: 2, a3: 2, b1: 2, b2: 0 } }], 3),
      [{ grid: reportGrid, hash: 'a'.repeat(64) }],
      { lang: 'fr', generatedAt: '2025-01-02T00:00:00.000Z' },
    );
    expect(model.recommendations.map((r) => r.id).sort()).toEqual([
      'rec-employee-d-a',
      'rec-employee-d-b',
    ]);
    expect(model.recommendations[0]?.reasons[0]).toMatchObject({ role: 'employee', n: 1 });
  });
});
