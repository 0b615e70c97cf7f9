/**
 * The workshop's completion per grid, computed in steps for a campaign of 100,000 respondents
 * (docs/campaigns.md, « Scale »): the same figures as adding up each respondent's
 * `respondentProgress`.
 */
import fc from 'fast-check';
import { ROLES } from '@/domain/answers/answers';
import type { Respondent } from '@/domain/diagnostic/diagnostic';
import { respondentProgress } from '@/domain/diagnostic/operations';
import { runToEnd } from '@/domain/run-to-end';
import { completionSteps } from '@/features/workshop/results/completion';
import { aggregateGridFixture, answersArbitrary } from '../../../fixtures/aggregate-arbitraries';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

// A grid routed by role (docs/scoring.md, « Asked or not »): a2 only for representatives, d2 not
// for them; an answer to an item a role is not asked counts neither way.
const routed = makeGrid({
  id: 'routed',
  dimensions: [
    makeDimension('d1', [
      makeItem('a1'),
      makeItem('a2', { appliesWhen: { roles: ['representative'] } }),
    ]),
    makeDimension('d2', ['b1'], { appliesWhen: { roles: ['employee', 'manager'] } }),
  ],
});
const grids = [aggregateGridFixture, makeGrid({ id: 'other' }), routed];

const respondents = fc.array(
  fc.record({
    role: fc.constantFrom(...ROLES),
    first: fc.option(answersArbitrary, { nil: undefined }),
    second: fc.option(answersArbitrary, { nil: undefined }),
    third: fc
      .subarray(['a1', 'a2', 'b1'])
      .map((ids) => Object.fromEntries(ids.map((id) => [id, 1]))),
  }),
  { maxLength: 700 },
);

type Drawn = {
  role: (typeof ROLES)[number];
  first?: unknown;
  second?: unknown;
  third: Record<string, number>;
};

function asRespondents(list: readonly Drawn[]): Respondent[] {
  return list.map((r, i) => ({
    id: `r${i}`,
    role: r.role,
    answers: {
      ...(r.first ? { [grids[0]!.id]: r.first } : {}),
      ...(r.second ? { other: r.second } : {}),
      routed: r.third,
    },
    comments: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  })) as unknown as Respondent[];
}

describe('completionSteps', () => {
  it('gives the figures of every respondent’s progress added up, pausing every 250', () => {
    fc.assert(
      fc.property(respondents, (list) => {
        const all = asRespondents(list);
        const steps = completionSteps(grids, all);
        let pauses = 0;
        let step = steps.next();
        for (; !step.done; step = steps.next()) pauses += 1;
        expect(pauses).toBe(Math.max(0, Math.ceil(all.length / 250) - 1));
        const progress = all.map((r) => respondentProgress(r, grids));
        expect(step.value).toEqual(
          grids.map((grid, g) => {
            const entries = progress.map((p) => p[g]!);
            return {
              grid,
              started: entries.filter((e) => e.answered > 0).length,
              complete: entries.filter((e) => e.total > 0 && e.answered === e.total).length,
              average:
                entries.length === 0
                  ? 0
                  : entries.reduce((sum, e) => sum + e.answered / e.total, 0) / entries.length,
            };
          }),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('counts nobody for an empty diagnostic', () => {
    expect(runToEnd(completionSteps(grids, []))).toEqual(
      grids.map((grid) => ({ grid, started: 0, complete: 0, average: 0 })),
    );
  });
});
