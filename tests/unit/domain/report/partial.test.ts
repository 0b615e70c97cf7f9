/** « Diagnostic partiel » only when it is true, with the reason stated. */
import type { Answers } from '@/domain/answers/answers';
import {
  DIAGNOSTIC_FORMAT,
  DIAGNOSTIC_FORMAT_VERSION,
  type Diagnostic,
} from '@/domain/diagnostic/diagnostic';
import type { Grid } from '@/domain/grid/schema';
import { buildReportModel } from '@/domain/report/build-report-model';
import { makeDimension, makeGrid } from '../../../fixtures/make-grid';

const grid = makeGrid({
  dimensions: [makeDimension('d-a', ['a1', 'a2']), makeDimension('d-b', ['b1', 'b2'])],
});

function modelOf(g: Grid, people: Answers[]) {
  const diagnostic: Diagnostic = {
    format: DIAGNOSTIC_FORMAT,
    formatVersion: DIAGNOSTIC_FORMAT_VERSION,
    id: 'd1',
    title: 'Partiel ?',
    purpose: 'upstream',
    project: { name: 'P', kind: 'mobile-telemanagement', phase: 'deployment' },
    grids: [{ id: g.id, version: g.version, hash: 'a'.repeat(64), grid: {} }],
    respondents: people.map((answers, i) => ({
      id: `r${i}`,
      role: 'employee',
      answers: { [g.id]: answers },
      comments: {},
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    })),
    actionPlan: [],
    anonymityThreshold: 3,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
  };
  return buildReportModel(diagnostic, [{ grid: g, hash: 'a'.repeat(64) }], {
    lang: 'fr',
    generatedAt: '2025-01-02T00:00:00.000Z',
  });
}

describe('partial diagnostic', () => {
  it('is not partial when every question has an answer (« je ne sais pas » included) and every dimension a score', () => {
    const model = modelOf(grid, [{ a1: 3, a2: 'dk', b1: 2, b2: 'na' }]);
    expect(model.grids[0]?.dimensions.every((d) => d.score !== null)).toBe(true);
    expect(model.partial).toBe(false);
    expect(model.partialReasons).toEqual({ unanswered: [], unscored: [] });
  });

  it('names the questions left unanswered, with how many answers are missing', () => {
    const model = modelOf(grid, [
      { a1: 3, a2: 4, b1: 2 },
      { a1: 3, a2: 4, b1: 2, b2: 5 },
    ]);
    expect(model.partial).toBe(true);
    expect(model.partialReasons.unanswered).toEqual([
      { gridId: 'test-grid', grid: 'Test grid', itemId: 'b2', item: 'Item b2', missing: 1 },
    ]);
    expect(model.partialReasons.unscored).toEqual([]);
  });

  it('names the dimensions without a score, with the reason', () => {
    const model = modelOf(grid, [{ a1: 3, a2: 4, b1: 'dk', b2: 'dk' }]);
    expect(model.partial).toBe(true);
    expect(model.partialReasons.unanswered).toEqual([]);
    expect(model.partialReasons.unscored).toEqual([
      {
        gridId: 'test-grid',
        grid: 'Test grid',
        dimensionId: 'd-b',
        dimension: 'Dimension d-b',
        reason: 'coverage',
      },
    ]);
  });

  it('stays partial with nobody, with nothing to name', () => {
    const model = modelOf(grid, []);
    expect(model.partial).toBe(true);
    expect(model.partialReasons).toEqual({ unanswered: [], unscored: [] });
  });
});
