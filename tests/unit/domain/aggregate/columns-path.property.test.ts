/**
 * One scoring kernel: respondents held as columns are scored and aggregated exactly
 * as the same respondents held as objects — random small campaigns, both paths, equal results.
 */
import fc from 'fast-check';
import { ROLES, type Role } from '@/domain/answers/answers';
import { aggregateColumnsSteps, aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import type { Respondent } from '@/domain/diagnostic/diagnostic';
import { toAnswerColumns } from '@/domain/scoring/answer-columns';
import { scoreColumnsSteps, scoreMatrix } from '@/domain/scoring/score-matrix';
import { runToEnd } from '@/domain/run-to-end';
import { answersArbitrary } from '../../../fixtures/aggregate-arbitraries';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

// The aggregation fixture's items, routed by role as a campaign's grids are: d-b asked only of
// representatives and management, a1 not asked of managers.
const grid = makeGrid({
  schemaVersion: 2,
  dimensions: [
    makeDimension('d-a', [
      makeItem('a1', { appliesWhen: { roles: ROLES.filter((r) => r !== 'manager') } }),
      makeItem('a2', { reverse: true }),
      makeItem('a3', { weight: 2 }),
    ]),
    makeDimension(
      'd-b',
      [makeItem('b1', { scale: 'four' }), makeItem('b2', { scale: 'bipolar' })],
      { appliesWhen: { roles: ['representative', 'management'] } },
    ),
  ],
});

/** Answers the columns can hold (whole numbers, on or off the scales, dk, na), some missing. */
const campaign = fc
  .array(fc.record({ role: fc.constantFrom<Role>(...ROLES), answers: answersArbitrary }), {
    minLength: 1,
    maxLength: 40,
  })
  .map((list) =>
    list.map((r, i): Respondent => ({
      id: `r${i}`,
      role: r.role,
      // Someone who answered nothing of the grid has no record for it.
      answers: Object.keys(r.answers).length > 0 ? { [grid.id]: r.answers } : {},
      comments: {},
      createdAt: '2026-12-07T19:00:00.000Z',
      updatedAt: '2026-12-07T19:00:00.000Z',
    })),
  );

function columnsOf(respondents: Respondent[]) {
  const columns = toAnswerColumns(respondents)!;
  // A grid nobody answered has no columns: every cell is then absent.
  const gridColumns = columns.grids.find((g) => g.gridId === grid.id) ?? {
    gridId: grid.id,
    items: [],
    codes: [],
  };
  return { gridColumns, roles: columns.roles };
}

describe('the column path and the object path', () => {
  it('give the same score matrix, cell by cell (property)', () => {
    fc.assert(
      fc.property(campaign, fc.integer({ min: 1, max: 7 }), (respondents, step) => {
        const { gridColumns, roles } = columnsOf(respondents);
        expect(runToEnd(scoreColumnsSteps(grid, gridColumns, roles, step))).toEqual(
          scoreMatrix(
            grid,
            respondents.map((r) => r.answers[grid.id] ?? {}),
            respondents.map((r) => r.role),
          ),
        );
      }),
    );
  });

  it('give the same aggregate, at any anonymity threshold (property)', () => {
    fc.assert(
      fc.property(campaign, fc.constantFrom(2, 3, 4, 5), (respondents, anonymityThreshold) => {
        const { gridColumns, roles } = columnsOf(respondents);
        const objects = aggregateGrid(
          grid,
          respondents.map((r) => ({ id: r.id, role: r.role, answers: r.answers[grid.id] ?? {} })),
          { anonymityThreshold },
        );
        expect(
          runToEnd(aggregateColumnsSteps(grid, gridColumns, roles, { anonymityThreshold })),
        ).toEqual(objects);
      }),
    );
  });

  it('scores a not-asked item as not asked even when a code is stored for it', () => {
    const [manager] = [
      {
        id: 'm',
        role: 'manager' as const,
        answers: { [grid.id]: { a1: 5, a2: 4, a3: 4 } },
        comments: {},
        createdAt: 'x',
        updatedAt: 'x',
      },
    ];
    const { gridColumns, roles } = columnsOf([manager]);
    const m = runToEnd(scoreColumnsSteps(grid, gridColumns, roles));
    // a1 is stored (5) but not asked of managers; d-b is asked of none of them.
    expect(Array.from(m.itemStatus)).toEqual([4, 0, 0, 4, 4]);
    expect(Array.from(m.dimensionStatus)).toEqual([0, 3]);
  });
});
