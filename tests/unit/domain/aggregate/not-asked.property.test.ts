/**
 * docs/scoring.md, « Asked or not »: adding respondents of a role who is not asked a dimension
 * never changes that dimension's aggregate (score, statistics, coverage, « don't know » rate,
 * insufficient count, its items' distributions), whatever they answered to it.
 */
import fc from 'fast-check';
import { ROLES, type Role } from '@/domain/answers/answers';
import { aggregateGrid, type DimensionAggregate } from '@/domain/aggregate/aggregate-grid';
import { answersArbitrary } from '../../../fixtures/aggregate-arbitraries';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

// The fixture's items (answersArbitrary covers a1–a3, b1, b2), with d-b asked only of some roles
// and a1 not asked of managers.
const roleSets = fc.subarray([...ROLES], { minLength: 1, maxLength: ROLES.length - 1 });

function gridFor(dRoles: Role[]) {
  return makeGrid({
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
        { appliesWhen: { roles: dRoles } },
      ),
    ],
  });
}

const people = (max: number) =>
  fc.array(fc.record({ role: fc.constantFrom<Role>(...ROLES), answers: answersArbitrary }), {
    maxLength: max,
  });

/** A dimension's figures, without the size of the group it was computed in. */
const figures = ({ respondents: _respondents, ...rest }: DimensionAggregate) => rest;

describe('respondents not asked a dimension', () => {
  it('never change its aggregate, nor its items', () => {
    fc.assert(
      fc.property(
        roleSets,
        people(12),
        fc.array(answersArbitrary, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (dRoles, base, extraAnswers, pick) => {
          const grid = gridFor(dRoles);
          const outsiders = ROLES.filter((r) => !dRoles.includes(r));
          const before = base.map((r, i) => ({ id: `p${i}`, ...r }));
          const added = extraAnswers.map((answers, i) => ({
            id: `x${i}`,
            role: outsiders[(pick + i) % outsiders.length] as Role,
            answers,
          }));
          const a0 = aggregateGrid(grid, before);
          const a1 = aggregateGrid(grid, [...before, ...added]);
          const d0 = a0.dimensions.find((d) => d.dimensionId === 'd-b');
          const d1 = a1.dimensions.find((d) => d.dimensionId === 'd-b');
          expect(d1 && figures(d1)).toEqual(d0 && figures(d0));
          for (const id of ['b1', 'b2']) {
            expect(a1.items.find((i) => i.itemId === id)).toEqual(
              a0.items.find((i) => i.itemId === id),
            );
          }
        },
      ),
    );
  });

  it('are the same as respondents who answered nothing of it (their other answers still count)', () => {
    fc.assert(
      fc.property(roleSets, people(12), (dRoles, list) => {
        const grid = gridFor(dRoles);
        const respondents = list.map((r, i) => ({ id: `p${i}`, ...r }));
        // The answers of people not asked d-b, with d-b's items removed, make the same aggregate
        // of d-b: what they answered there is kept but never counted.
        const stripped = respondents.map((r) =>
          dRoles.includes(r.role)
            ? r
            : {
                ...r,
                answers: Object.fromEntries(
                  Object.entries(r.answers).filter(([k]) => k[0] !== 'b'),
                ),
              },
        );
        const a = aggregateGrid(grid, respondents);
        const b = aggregateGrid(grid, stripped);
        expect(a.dimensions[1]).toEqual(b.dimensions[1]);
        expect(a.items.slice(3)).toEqual(b.items.slice(3));
        // And a manager's answer to a1 is never in a1's distribution.
        const managers = respondents.filter((r) => r.role === 'manager').length;
        expect(a.items[0]?.asked).toBe(respondents.length - managers);
      }),
    );
  });
});
