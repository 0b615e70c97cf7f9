import { describe, expect, it } from 'vitest';
import {
  AppliesWhen,
  UNKNOWN_CONTEXT,
  evaluateAppliesWhen,
  type RoutingContext,
} from '@/domain/context/applies-when';

const homeCare: RoutingContext = {
  projectKinds: ['mobile-telemanagement'],
  phase: 'idea',
  size: '11-49',
  cse: 'yes',
  unionDelegates: 'no',
  sector: 'health-social',
};

describe('evaluateAppliesWhen', () => {
  it('applies with no condition', () => {
    expect(evaluateAppliesWhen(undefined, homeCare)).toEqual({
      applies: true,
      uncertain: [],
      failed: [],
    });
  });

  it('fails on each contradicted field and names it', () => {
    const result = evaluateAppliesWhen(
      { projectKinds: ['robotics'], sizeBands: ['50-249', '250-999', '1000+'], cse: true },
      homeCare,
    );
    expect(result.applies).toBe(false);
    expect(result.failed).toEqual(['projectKinds', 'sizeBands']);
  });

  it('matches any of several project kinds', () => {
    const context = { ...homeCare, projectKinds: ['ai', 'mobile-telemanagement'] as const };
    expect(evaluateAppliesWhen({ projectKinds: ['mobile-telemanagement'] }, context).applies).toBe(
      true,
    );
  });

  it('reads cse and unionDelegates as presence flags', () => {
    expect(evaluateAppliesWhen({ unionDelegates: true }, homeCare).failed).toEqual([
      'unionDelegates',
    ]);
    expect(evaluateAppliesWhen({ unionDelegates: false }, homeCare).applies).toBe(true);
    expect(evaluateAppliesWhen({ cse: false }, homeCare).failed).toEqual(['cse']);
  });

  it('keeps an element whose condition the context does not know, and says which field', () => {
    const result = evaluateAppliesWhen(
      { sizeBands: ['50-249'], cse: true, projectKinds: ['ai'] },
      UNKNOWN_CONTEXT,
    );
    expect(result).toEqual({
      applies: true,
      uncertain: ['projectKinds', 'sizeBands', 'cse'],
      failed: [],
    });
  });

  it('reads roles only when a role is given', () => {
    const when = { roles: ['representative'] as const } satisfies AppliesWhen;
    expect(evaluateAppliesWhen(when, homeCare).applies).toBe(true);
    expect(evaluateAppliesWhen(when, homeCare, 'employee').failed).toEqual(['roles']);
    expect(evaluateAppliesWhen(when, homeCare, 'representative').applies).toBe(true);
  });
});

describe('AppliesWhen schema', () => {
  it('refuses unknown fields, empty lists and unknown values', () => {
    expect(AppliesWhen.safeParse({ size: ['50-249'] }).success).toBe(false);
    expect(AppliesWhen.safeParse({ phases: [] }).success).toBe(false);
    expect(AppliesWhen.safeParse({ phases: ['later'] }).success).toBe(false);
    expect(AppliesWhen.safeParse({ phases: ['idea'], cse: true }).success).toBe(true);
  });
});
