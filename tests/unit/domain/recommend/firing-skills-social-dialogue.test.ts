/**
 * Firing of the skills and social-dialogue grids' recommendations (2.0.0) on standard profiles,
 * through the app's own path: the diagnostic's context and each respondent's role route the
 * grids, then scoring, aggregation and recommendation build the report model
 * (`buildReportModel`), exactly as the results page and the PDF do.
 *
 * Budget of these two grids (risks-opportunities and uses have the same, so a whole diagnostic
 * stays within its limit of 12 and 4 high, firing-whole-diagnostic.test.ts): a uniformly « slightly
 * unfavourable » profile fires at most 6 recommendations, at most 2 of them high priority, no two
 * with the same title in French or in English; a neutral or a favourable profile fires none; one
 * weak dimension fires what concerns it first.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '@/domain/answers/answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { type ContextInput, type LoadedGrid } from '@/domain/diagnostic/operations';
import type { Condition, Grid } from '@/domain/grid/schema';
import type { EvaluationContext } from '@/domain/recommend/context';
import { evaluateCondition } from '@/domain/recommend/evaluate';
import { buildReportModel } from '@/domain/report/build-report-model';
import { profileAnswers, type Profile } from '../../../fixtures/answer-profiles';
import {
  FIRING_CONTEXTS,
  firingDiagnostic,
  loadBundled,
  type FiringRespondents,
} from '../../../fixtures/firing-setup';

const GRIDS = [loadBundled('skills'), loadBundled('social-dialogue')];
const CONTEXTS: Record<string, ContextInput> = FIRING_CONTEXTS;

type Respondents = FiringRespondents;

const diagnosticOf = (context: ContextInput, respondents: Respondents, grids = GRIDS): Diagnostic =>
  firingDiagnostic(grids, context, respondents);

const everyone = (grids: LoadedGrid[], profile: Profile, overrides: Record<string, Profile> = {}) =>
  Object.fromEntries(grids.map(({ grid }) => [grid.id, profileAnswers(grid, profile, overrides)]));

/** The recommendations fired for the two grids, in the report's order, with their grid. */
function fired(diagnostic: Diagnostic, grids = GRIDS) {
  const model = buildReportModel(diagnostic, grids, { lang: 'fr', generatedAt: 't' });
  return model.grids.flatMap((g) => g.recommendations.map((r) => ({ ...r, gridId: g.id })));
}

const recommendationsById = new Map(
  GRIDS.flatMap(({ grid }) => grid.recommendations.map((r) => [r.id, r] as const)),
);

/** Dimensions and items a condition reads (the reason it fires for). */
function targets(condition: Condition): string[] {
  switch (condition.type) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap(targets);
    case 'not':
      return targets(condition.condition);
    case 'item':
      return [condition.item];
    default:
      return [condition.dimension];
  }
}

const SINGLE_ROLES: Role[] = ['management', 'manager', 'employee', 'representative'];
const GROUP: Role[] = [
  'management',
  'management',
  'management',
  'manager',
  'manager',
  'manager',
  'employee',
  'employee',
  'employee',
  'representative',
  'representative',
  'representative',
];

/** The standard set-ups: each role answering alone, and a group of all four roles. */
const setups = (profile: Profile): [string, Respondents][] => [
  ...SINGLE_ROLES.map((role): [string, Respondents] => [
    role,
    [{ role, answers: everyone(GRIDS, profile) }],
  ]),
  ['group of 12', GROUP.map((role) => ({ role, answers: everyone(GRIDS, profile) }))],
];

const cases = (profile: Profile) =>
  Object.entries(CONTEXTS).flatMap(([name, context]) =>
    setups(profile).map(([who, respondents]) => [name, who, context, respondents] as const),
  );

describe('skills and social-dialogue: a uniformly slightly unfavourable profile', () => {
  it.each(cases('slightlyUnfavourable'))(
    '%s context, %s: at most 6 recommendations, at most 2 high, no two with the same title',
    (_name, _who, context, respondents) => {
      const recs = fired(diagnosticOf(context, respondents));
      expect(recs.length).toBeGreaterThan(0);
      expect(recs.length).toBeLessThanOrEqual(6);
      expect(recs.filter((r) => r.priority === 'high').length).toBeLessThanOrEqual(2);
      for (const lang of ['fr', 'en'] as const) {
        const titles = recs.map((r) => recommendationsById.get(r.id)!.title[lang]);
        expect(new Set(titles).size, lang).toBe(titles.length);
      }
    },
  );

  it('fires, in a large company with a CSE and union delegates, what a fragile profile calls for first', () => {
    const recs = fired(
      diagnosticOf(CONTEXTS.large!, [
        { role: 'representative', answers: everyone(GRIDS, 'slightlyUnfavourable') },
      ]),
    );
    expect(recs.map((r) => r.id).sort()).toEqual(
      [
        'sd-rec-co-conception',
        'sd-rec-negociation-qvct',
        'sk-rec-managers-changement',
        'sk-rec-plan-formation-metiers',
      ].sort(),
    );
  });
});

describe.each(['neutral', 'favourable'] as const)(
  'skills and social-dialogue: a uniformly %s profile',
  (profile) => {
    it.each(cases(profile))(
      '%s context, %s: fires nothing',
      (_name, _who, context, respondents) => {
        expect(fired(diagnosticOf(context, respondents)).map((r) => r.id)).toEqual([]);
      },
    );
  },
);

describe('skills and social-dialogue: one weak dimension', () => {
  const weakCases = GRIDS.flatMap(({ grid }) =>
    ['unknown', 'large', 'small'].flatMap((name) =>
      grid.dimensions.map((d) => [grid.id, d.id, name] as const),
    ),
  );

  it.each(weakCases)(
    '%s, %s weak (%s context): fires first what concerns it',
    (gridId, dimensionId, contextName) => {
      const grid = GRIDS.find((g) => g.grid.id === gridId)!.grid;
      const dimension = grid.dimensions.find((d) => d.id === dimensionId)!;
      const answers = {
        ...everyone(GRIDS, 'favourable'),
        [gridId]: profileAnswers(grid, 'favourable', { [dimensionId]: 'unfavourable' }),
      };
      const diagnostic = diagnosticOf(CONTEXTS[contextName]!, [
        { role: 'representative', answers },
      ]);
      const model = buildReportModel(diagnostic, GRIDS, { lang: 'fr', generatedAt: 't' });
      const report = model.grids.find((g) => g.id === gridId)!;
      const asked = report.dimensions.some((d) => d.id === dimensionId);
      if (!asked) {
        // The context leaves the dimension out (a CSE consultation under 50 employees):
        // nothing may fire about it.
        expect(report.leftOut.length).toBeGreaterThan(0);
        expect(fired(diagnostic).map((r) => r.id)).toEqual([]);
        return;
      }
      const recs = fired(diagnostic);
      expect(recs.length, 'something fires').toBeGreaterThan(0);
      const concerns = new Set([dimensionId, ...dimension.items.map((i) => i.id)]);
      for (const rec of recs) {
        const read = targets(recommendationsById.get(rec.id)!.condition);
        expect(
          read.some((t) => concerns.has(t)),
          `${rec.id} fires for ${dimensionId}`,
        ).toBe(true);
      }
    },
  );
});

/**
 * Whether this build evaluates role conditions: a role whose own score is 10 against a group at
 * 90, read through the real evaluation (an unknown truth means role conditions are not read yet).
 */
function roleConditionsEvaluated(): boolean {
  const own = { score: 10, n: 3, dkRate: 0 };
  const ctx = {
    source: 'aggregate',
    dimensions: new Map([
      [
        'd',
        {
          score: 90,
          dkRate: 0,
          spread: null,
          roleGap: null,
          roles: new Map([['employee', own]]),
          roleScores: new Map([['employee', own]]),
        },
      ],
    ]),
    items: new Map(),
  } as unknown as EvaluationContext;
  const probe: Condition = {
    type: 'dimension',
    dimension: 'd',
    op: 'below',
    value: 50,
    role: 'employee',
  };
  return evaluateCondition(probe, ctx).truth !== 'unknown';
}

/** The grid with every `role` taken off its dimension conditions. */
function withoutRoleConditions(loaded: LoadedGrid): LoadedGrid {
  const strip = (c: Condition): Condition => {
    switch (c.type) {
      case 'all':
      case 'any':
        return { ...c, conditions: c.conditions.map(strip) };
      case 'not':
        return { ...c, condition: strip(c.condition) };
      case 'dimension': {
        const rest = { ...c };
        delete rest.role;
        return rest;
      }
      default:
        return c;
    }
  };
  const grid: Grid = {
    ...loaded.grid,
    recommendations: loaded.grid.recommendations.map((r) => ({
      ...r,
      condition: strip(r.condition),
    })),
  };
  return { grid, hash: loaded.hash, source: grid };
}

describe('skills and social-dialogue: a management majority does not hide employees', () => {
  // 7 management respondents answer favourably, 3 employees (the anonymity threshold) answer
  // unfavourably: every group mean is 70, so only a condition on the employees' own score sees
  // them.
  const split = (grids: LoadedGrid[]) =>
    diagnosticOf(CONTEXTS.large!, [
      ...Array.from({ length: 7 }, () => ({
        role: 'management' as const,
        answers: everyone(grids, 'favourable'),
      })),
      ...Array.from({ length: 3 }, () => ({
        role: 'employee' as const,
        answers: everyone(grids, 'unfavourable'),
      })),
    ]);
  const caughtByRole = [
    'sd-rec-co-conception',
    'sd-rec-espaces-discussion',
    'sd-rec-mediation',
    'sd-rec-suivi',
    'sk-rec-eloignes-numerique',
    'sk-rec-former-aux-usages',
    'sk-rec-managers-changement',
    'sk-rec-plan-formation-metiers',
    'sk-rec-securite-donnees',
  ];

  it('gives each of these recommendations a condition on the employees’ own score', () => {
    for (const id of caughtByRole) {
      const condition = JSON.stringify(recommendationsById.get(id)!.condition);
      expect(condition, id).toContain('"role":"employee"');
    }
  });

  it('does not fire them on the group means alone', () => {
    const stripped = GRIDS.map(withoutRoleConditions);
    const ids = fired(split(stripped), stripped).map((r) => r.id);
    for (const id of caughtByRole) expect(ids, id).not.toContain(id);
  });

  it('fires them through the employees’ own scores, once role conditions are evaluated', () => {
    const ids = fired(split(GRIDS)).map((r) => r.id);
    if (roleConditionsEvaluated()) for (const id of caughtByRole) expect(ids, id).toContain(id);
    // Without the evaluation of role conditions, the schema's contract holds:
    // a role condition is unknown and never reads the group's score in the role's place.
    else for (const id of caughtByRole) expect(ids, id).not.toContain(id);
  });
});
