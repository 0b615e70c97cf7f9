/**
 * Asked or not, with roles (docs/scoring.md): in a workshop, a question not asked of a role is not
 * an unanswered question, and a dimension not asked of a role is not « réponses insuffisantes ».
 */
import type { Answers, Role } from '@/domain/answers/answers';
import { UNKNOWN_CONTEXT } from '@/domain/context/applies-when';
import { routeGrid, routeGridForRoles } from '@/domain/context/route-grid';
import {
  DIAGNOSTIC_FORMAT,
  DIAGNOSTIC_FORMAT_VERSION,
  type Diagnostic,
} from '@/domain/diagnostic/diagnostic';
import { respondentProgress } from '@/domain/diagnostic/operations';
import type { Grid } from '@/domain/grid/schema';
import { buildReportModel } from '@/domain/report/build-report-model';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

const NOT_EMPLOYEES = { roles: ['management', 'manager', 'representative', 'other'] as Role[] };

const grid = makeGrid({
  schemaVersion: 2,
  dimensions: [
    makeDimension('d-all', ['a1', 'a2']),
    makeDimension('d-mixed', ['m1', makeItem('m2', { appliesWhen: NOT_EMPLOYEES })]),
    makeDimension('d-cse', ['c1', 'c2'], { appliesWhen: NOT_EMPLOYEES }),
  ],
});

const EVERYTHING: Answers = { a1: 4, a2: 'dk', m1: 3, m2: 2, c1: 5, c2: 'na' };
const EMPLOYEE: Answers = { a1: 2, a2: 3, m1: 4 };

function diagnosticOf(g: Grid, people: { role: Role; answers: Answers }[]): Diagnostic {
  return {
    format: DIAGNOSTIC_FORMAT,
    formatVersion: DIAGNOSTIC_FORMAT_VERSION,
    id: 'd1',
    title: 'Atelier',
    purpose: 'workshop',
    project: { name: 'P', kind: 'mobile-telemanagement', phase: 'deployment' },
    grids: [{ id: g.id, version: g.version, hash: 'a'.repeat(64), grid: {} }],
    respondents: people.map((p, i) => ({
      id: `r${i}`,
      role: p.role,
      answers: { [g.id]: p.answers },
      comments: {},
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    })),
    actionPlan: [],
    anonymityThreshold: 2,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
  };
}

const modelOf = (people: { role: Role; answers: Answers }[]) =>
  buildReportModel(diagnosticOf(grid, people), [{ grid, hash: 'a'.repeat(64) }], {
    lang: 'fr',
    generatedAt: '2025-01-02T00:00:00.000Z',
  });

describe('partial reasons with roles not asked everything', () => {
  it('are not shown when every respondent answered every question asked of their role', () => {
    const model = modelOf([
      { role: 'employee', answers: EMPLOYEE },
      { role: 'employee', answers: EMPLOYEE },
      { role: 'representative', answers: EVERYTHING },
      { role: 'representative', answers: EVERYTHING },
    ]);
    expect(model.partialReasons).toEqual({ unanswered: [], unscored: [] });
    expect(model.partial).toBe(false);
    const dimensions = model.grids[0]?.dimensions ?? [];
    expect(dimensions.map((d) => [d.id, d.score === null, d.coverage])).toEqual([
      ['d-all', false, 0.75], // the representatives' « don't know » on a2 is an answer, not a score
      ['d-mixed', false, 1], // employees 1 of 1 asked, representatives 2 of 2
      ['d-cse', false, 0.5], // representatives only: c1, and « not applicable » on c2
    ]);
    // Roles compared: the employees are « not asked » on d-cse, not « — ».
    const roles = model.workshop?.roles[0];
    expect(roles?.roles.map((r) => r.role)).toEqual(['employee', 'representative']);
    expect(roles?.dimensions.map((d) => d.notAsked)).toEqual([
      [false, false],
      [false, false],
      [true, false],
    ]);
  });

  it('still name a question left unanswered by someone who was asked it', () => {
    const model = modelOf([
      { role: 'employee', answers: EMPLOYEE },
      { role: 'representative', answers: { a1: 4, a2: 'dk', m1: 3, c1: 5, c2: 'na' } },
    ]);
    expect(model.partialReasons.unanswered).toEqual([
      expect.objectContaining({ itemId: 'm2', missing: 1 }),
    ]);
    expect(model.partialReasons.unscored).toEqual([]);
  });

  it('name a dimension without a score only when someone asked it has none', () => {
    const model = modelOf([
      { role: 'employee', answers: EMPLOYEE },
      { role: 'representative', answers: { a1: 3, a2: 3, m1: 3, m2: 3 } },
    ]);
    expect(model.partialReasons.unscored.map((u) => u.dimensionId)).toEqual(['d-cse']);
  });

  it('leave out, with the reason « roles », what no respondent present is asked', () => {
    const model = modelOf([
      { role: 'employee', answers: EMPLOYEE },
      { role: 'employee', answers: { ...EMPLOYEE, c1: 1, c2: 1, m2: 1 } }, // before a role change
    ]);
    expect(model.partial).toBe(false);
    expect(model.grids[0]?.dimensions.map((d) => d.id)).toEqual(['d-all', 'd-mixed']);
    expect(model.grids[0]?.leftOut.map((l) => [l.kind, l.id, l.reasons])).toEqual([
      ['item', 'm2', ['roles']],
      ['dimension', 'd-cse', ['roles']],
    ]);
    // The answers given before the role change are not in the scores (m1 4 and 4 → 75).
    expect(model.grids[0]?.dimensions[1]?.score).toBe(75);
  });

  it('keep the single-respondent report as that role’s routing', () => {
    const model = modelOf([{ role: 'employee', answers: EMPLOYEE }]);
    const routed = routeGrid(grid, UNKNOWN_CONTEXT, 'employee').grid;
    expect(model.grids[0]?.dimensions.map((d) => d.id)).toEqual(routed.dimensions.map((d) => d.id));
    expect(model.partial).toBe(false);
  });
});

describe('routeGridForRoles', () => {
  it('keeps what at least one role present is asked, in the default wording', () => {
    const routed = routeGridForRoles(grid, UNKNOWN_CONTEXT, ['employee', 'representative']);
    expect(routed.grid.dimensions.map((d) => d.items.map((i) => i.id))).toEqual([
      ['a1', 'a2'],
      ['m1', 'm2'],
      ['c1', 'c2'],
    ]);
    expect(routed.leftOut).toEqual([]);
  });

  it('is routeGrid for one role, and the context alone for nobody', () => {
    expect(routeGridForRoles(grid, UNKNOWN_CONTEXT, ['employee', 'employee'])).toEqual(
      routeGrid(grid, UNKNOWN_CONTEXT, 'employee'),
    );
    expect(routeGridForRoles(grid, UNKNOWN_CONTEXT, [])).toEqual(routeGrid(grid, UNKNOWN_CONTEXT));
  });
});

describe('respondentProgress', () => {
  it('counts only the items asked of the respondent’s role', () => {
    const respondent = diagnosticOf(grid, [{ role: 'employee', answers: EMPLOYEE }])
      .respondents[0]!;
    expect(respondentProgress(respondent, [grid])).toEqual([
      { gridId: 'test-grid', answered: 3, total: 3 },
    ]);
    expect(respondentProgress({ ...respondent, role: 'representative' }, [grid])).toEqual([
      { gridId: 'test-grid', answered: 3, total: 6 },
    ]);
  });
});
