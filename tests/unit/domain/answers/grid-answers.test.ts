/** One helper for « a respondent's answers for one grid », one for « which roles are visible ». */
import fc from 'fast-check';
import { ROLES, type Answers, type Role } from '@/domain/answers/answers';
import { answersForGrid, respondentsForGrid } from '@/domain/answers/grid-answers';
import {
  countRoles,
  decideRoleVisibility,
  effectiveThreshold,
  roleVisibilityOf,
} from '@/domain/aggregate/anonymity';

describe('answersForGrid', () => {
  it('reads the grid’s own answers, and an empty record when there are none', () => {
    const respondent = { answers: { 'grid-a': { a1: 3 } as Answers } };
    expect(answersForGrid(respondent, 'grid-a')).toEqual({ a1: 3 });
    expect(answersForGrid(respondent, 'grid-b')).toEqual({});
  });

  it('never reads an inherited property (a grid id such as `constructor`)', () => {
    const respondent = { answers: {} as Record<string, Answers> };
    expect(answersForGrid(respondent, 'constructor')).toEqual({});
    expect(answersForGrid(respondent, '__proto__')).toEqual({});
    const own = { answers: JSON.parse('{"constructor": {"c1": "dk"}}') as Record<string, Answers> };
    expect(answersForGrid(own, 'constructor')).toEqual({ c1: 'dk' });
  });

  it('gives the aggregation’s respondents in order, with id and role', () => {
    expect(
      respondentsForGrid(
        [
          { id: 'r1', role: 'employee', answers: { g: { x: 1 } } },
          { id: 'r2', role: 'manager', answers: {} },
        ],
        'g',
      ),
    ).toEqual([
      { id: 'r1', role: 'employee', answers: { x: 1 } },
      { id: 'r2', role: 'manager', answers: {} },
    ]);
  });
});

describe('roleVisibilityOf', () => {
  it('is the anonymity rule on the respondents’ role counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Role>(...ROLES), { maxLength: 30 }),
        fc.option(fc.integer({ min: -1, max: 8 }), { nil: undefined }),
        (roles, threshold) => {
          const respondents = roles.map((role) => ({ role }));
          const result = roleVisibilityOf(respondents, threshold);
          const expected = decideRoleVisibility(
            countRoles(respondents),
            effectiveThreshold(threshold),
          );
          expect(result.visible).toEqual(expected.visible);
          expect(result.maskedRespondents).toBe(expected.maskedRespondents);
          expect(result.threshold).toBe(effectiveThreshold(threshold));
          expect([...result.counts.values()].reduce((a, b) => a + b, 0)).toBe(roles.length);
        },
      ),
    );
  });

  it('masks a role of two beside six employees, with the default threshold', () => {
    const respondents = [
      ...Array.from({ length: 6 }, () => ({ role: 'employee' as const })),
      { role: 'representative' as const },
      { role: 'representative' as const },
      { role: 'manager' as const },
    ];
    expect(roleVisibilityOf(respondents, undefined)).toMatchObject({
      visible: ['employee'],
      maskedRespondents: 3,
      threshold: 3,
    });
  });
});
