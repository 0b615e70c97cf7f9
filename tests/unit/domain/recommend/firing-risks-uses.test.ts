/**
 * Firing of the risks-opportunities and uses grids' recommendations on standard profiles, through
 * the real routing, scoring, aggregation and recommendation code. The two
 * grids together have half the whole diagnostic's budget: a uniformly « slightly unfavourable »
 * profile fires at most 6 recommendations, at most 2 of them high priority, no two with the same
 * title; the skills and social-dialogue grids have the other half.
 */
import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import type { RoutingContext } from '@/domain/context/applies-when';
import { routeGrid } from '@/domain/context/route-grid';
import type { Condition, Grid } from '@/domain/grid/schema';
import type { RecommendationResult } from '@/domain/recommend/recommend';
import risksSource from '../../../../questionnaires/risks-opportunities.json';
import usesSource from '../../../../questionnaires/uses.json';
import {
  MEDIUM_COMPANY,
  except,
  fire,
  load,
  neutral,
  rankTogether,
  reasonDimensions,
  respondent,
  uniform,
  type Target,
} from '../../../fixtures/grid-profiles';

const risks = load(risksSource);
const uses = load(usesSource);
const GRIDS = [risks, uses];

const SMALL_COMPANY: RoutingContext = { ...MEDIUM_COMPANY, size: '11-49', cse: 'no' };
const ROBOTICS: RoutingContext = { ...MEDIUM_COMPANY, projectKinds: ['robotics'] };
const BEFORE_DEPLOYMENT: RoutingContext = { ...MEDIUM_COMPANY, phase: 'choice' };
const CONTEXTS: [string, RoutingContext][] = [
  ['a company of 50–249 with a works council, business software in use', MEDIUM_COMPANY],
  ['a company of 11–49 without a works council', SMALL_COMPANY],
  ['a robotics project', ROBOTICS],
  ['a project being chosen', BEFORE_DEPLOYMENT],
];

/** One respondent of `role` at `target`, both grids; the fired results ranked together. */
function single(context: RoutingContext, role: 'other' | 'employee', target: Target) {
  return rankTogether(
    GRIDS.flatMap((grid) => fire(grid, context, [respondent(grid, context, role, target)])),
  );
}

/** Two mirrored respondents (see `neutral`), with `tweak` applied to both. */
function pair(context: RoutingContext, tweak: (base: Target) => Target = (base) => base) {
  return GRIDS.map((grid) => ({
    grid,
    results: fire(grid, context, [
      respondent(grid, context, 'other', tweak(neutral(false))),
      respondent(grid, context, 'other', tweak(neutral(true))),
    ]),
  }));
}

const ids = (results: RecommendationResult[]) => results.map((r) => r.recommendation.id);

function expectDistinctTitles(results: RecommendationResult[]) {
  for (const lang of ['fr', 'en'] as const) {
    const titles = results.map((r) => r.recommendation.title[lang]?.trim().toLowerCase());
    expect(
      titles.filter((t, i) => titles.indexOf(t) !== i),
      lang,
    ).toEqual([]);
  }
}

describe('risks-opportunities and uses: firing on standard profiles', () => {
  it.each(CONTEXTS)('all neutral fires nothing (%s)', (_name, context) => {
    const fired = pair(context).flatMap((g) => g.results);
    expect(ids(fired)).toEqual([]);
  });

  it.each(CONTEXTS)(
    'all favourable and all slightly favourable fire nothing (%s)',
    (_n, context) => {
      for (const role of ['other', 'employee'] as const) {
        expect(ids(single(context, role, uniform(100, 'high')))).toEqual([]);
        expect(ids(single(context, role, uniform(62.5, 'high')))).toEqual([]);
      }
    },
  );

  it.each(CONTEXTS)(
    'all slightly unfavourable fires at most 6, at most 2 high, no two alike (%s)',
    (_name, context) => {
      for (const role of ['other', 'employee'] as const) {
        // Every item at the point nearest 37.5, the middle of the « fragile » band.
        const fired = single(context, role, uniform(37.5));
        expect(fired.length, ids(fired).join(', ')).toBeGreaterThan(0);
        expect(fired.length, ids(fired).join(', ')).toBeLessThanOrEqual(6);
        const high = fired.filter((r) => r.recommendation.priority === 'high');
        expect(high.length, ids(high).join(', ')).toBeLessThanOrEqual(2);
        expectDistinctTitles(fired);
      }
    },
  );

  it('all slightly unfavourable fires the same named set in a company with a works council', () => {
    // The figures the report gives for this profile: if a condition changes, this list says so.
    expect(ids(single(MEDIUM_COMPANY, 'other', uniform(37.5))).sort()).toEqual(
      ['ro-rec-espaces-discussion', 'ro-rec-gepp', 'us-rec-deconnexion', 'us-rec-regles'].sort(),
    );
  });

  it('all unfavourable fires many recommendations, every one with a reason', () => {
    const fired = single(ROBOTICS, 'other', uniform(0));
    expect(fired.length).toBeGreaterThan(15);
    for (const result of fired)
      expect(result.reasons.length, result.recommendation.id).toBeGreaterThan(0);
    expectDistinctTitles(fired);
  });

  describe('one weak dimension fires what concerns it first', () => {
    const cases = GRIDS.flatMap((grid) => grid.dimensions.map((d) => [d.id, grid.id] as const));
    it.each(cases)('%s (%s)', (dimensionId) => {
      const context = ROBOTICS; // the robotics items are asked too
      const byGrid = pair(context, (base) => except(base, dimensionId, 0));
      const all = rankTogether(byGrid.flatMap((g) => g.results));
      expect(all.length, `${dimensionId} fires something`).toBeGreaterThan(0);
      const gridOf = (r: RecommendationResult): Grid =>
        byGrid.find((g) => g.results.includes(r))?.grid as Grid;
      const first = all[0] as RecommendationResult;
      expect([...reasonDimensions(gridOf(first), first)], first.recommendation.id).toContain(
        dimensionId,
      );
      // Nothing fires for a reason elsewhere: the other dimensions are neutral.
      for (const result of all) {
        const about = reasonDimensions(gridOf(result), result);
        expect(about.has(dimensionId), `${result.recommendation.id}: ${[...about]}`).toBe(true);
      }
      expectDistinctTitles(all);
    });
  });

  it('ro-rec-robotique does not fire on general physical strain', () => {
    // Physical strain at its worst, everything else neutral, in a robotics project.
    const strain: (base: Target) => Target = (base) => (item, index, dimension) =>
      item.id === 'ro-sante-1' ? { score: 0, tie: 'low' } : base(item, index, dimension);
    const fired = pair(ROBOTICS, strain).flatMap((g) => g.results);
    expect(ids(fired)).not.toContain('ro-rec-robotique');
    // It fires on the robot's own items.
    const robot: (base: Target) => Target = (base) => (item, index, dimension) =>
      item.id === 'ro-sante-2' ? { score: 0, tie: 'low' } : base(item, index, dimension);
    expect(ids(pair(ROBOTICS, robot).flatMap((g) => g.results))).toContain('ro-rec-robotique');
  });

  it('us-rec-cahier-des-charges fires on the fit with real work, not on any weak dimension', () => {
    for (const d of uses.dimensions.filter((x) => x.id !== 'us-adequation')) {
      const fired = pair(MEDIUM_COMPANY, (base) => except(base, d.id, 0)).flatMap((g) => g.results);
      expect(ids(fired), d.id).not.toContain('us-rec-cahier-des-charges');
    }
    const fit = pair(MEDIUM_COMPANY, (base) => except(base, 'us-adequation', 0)).flatMap(
      (g) => g.results,
    );
    const cahier = fit.find((r) => r.recommendation.id === 'us-rec-cahier-des-charges');
    expect(cahier?.checklist?.length).toBeGreaterThan(0);
  });

  it('fear for jobs leads to employment and skills planning', () => {
    const fear: (base: Target) => Target = (base) => (item, index, dimension) =>
      item.id === 'ro-sante-4' ? { score: 25, tie: 'low' } : base(item, index, dimension);
    const fired = pair(MEDIUM_COMPANY, fear).flatMap((g) => g.results);
    expect(ids(fired)).toEqual(['ro-rec-gepp']);
    expect(fired[0]?.recommendation.legalRefs).toContain('ct-l2242-20');
  });
});

describe('a management majority does not hide the employees', () => {
  /** Conditions of `grid` with every role condition taken out (what the group mean alone says). */
  function withoutRoles(grid: Grid): Grid {
    const strip = (c: Condition): Condition | null => {
      if (c.type === 'dimension' && c.role !== undefined) return null;
      if (c.type === 'any' || c.type === 'all') {
        const kept = c.conditions.map(strip).filter((x): x is Condition => x !== null);
        return kept.length === 0 ? null : { ...c, conditions: kept };
      }
      return c;
    };
    return {
      ...grid,
      recommendations: grid.recommendations.flatMap((r) => {
        const condition = strip(r.condition);
        return condition === null ? [] : [{ ...r, condition }];
      }),
    };
  }

  // Six from management answer favourably; three employees answer unfavourably on workload.
  const split = (grid: Grid, dimensionId: string) => [
    ...Array.from({ length: 6 }, () =>
      respondent(grid, MEDIUM_COMPANY, 'management', uniform(100, 'high')),
    ),
    ...Array.from({ length: 3 }, () =>
      respondent(grid, MEDIUM_COMPANY, 'employee', except(uniform(50, 'high'), dimensionId, 0)),
    ),
  ];

  const ROLE_CASES: [string, Grid, string][] = [
    ['ro-charge', risks, 'ro-rec-mesurer-charge'],
    ['ro-controle', risks, 'ro-rec-encadrer-controle'],
    ['us-messagerie', uses, 'us-rec-deconnexion'],
    ['us-donnees', uses, 'us-rec-controle'],
  ];

  it.each(ROLE_CASES)('the group mean alone misses the employees on %s', (d, grid, recId) => {
    const fired = fire(withoutRoles(grid), MEDIUM_COMPANY, split(grid, d));
    expect(ids(fired)).not.toContain(recId);
  });

  it.each(ROLE_CASES)(
    'the employees’ own score on %s is what the role condition reads, and it is below its threshold',
    (d, grid, recId) => {
      const routed = routeGrid(grid, MEDIUM_COMPANY).grid;
      const people = split(grid, d).map((r, i) => ({ id: `r${i}`, ...r }));
      const aggregate = aggregateGrid(routed, people, { anonymityThreshold: 3 });
      const group = aggregate.dimensions.find((x) => x.dimensionId === d)?.score ?? null;
      const employees = aggregate.roles
        .find((r) => r.role === 'employee')
        ?.dimensions.find((x) => x.dimensionId === d)?.score;
      const rec = grid.recommendations.find((r) => r.id === recId)!;
      const leaves = (c: Condition): Condition[] =>
        c.type === 'any' || c.type === 'all' ? c.conditions.flatMap(leaves) : [c];
      const roleLeaf = leaves(rec.condition).find(
        (c) => c.type === 'dimension' && c.dimension === d && c.role === 'employee',
      );
      expect(roleLeaf, recId).toBeDefined();
      const threshold = roleLeaf?.type === 'dimension' ? roleLeaf.value : NaN;
      expect(group).toBeGreaterThanOrEqual(threshold); // the group mean hides them…
      expect(employees).toBeLessThan(threshold); // …their own score does not.
    },
  );

  it('every recommendation that reads a role reads the employees, beside a group condition', () => {
    const roleRecs = GRIDS.flatMap((g) => g.recommendations).filter((r) =>
      JSON.stringify(r.condition).includes('"role"'),
    );
    expect(roleRecs.length).toBeGreaterThanOrEqual(10);
    for (const r of roleRecs) {
      expect(JSON.stringify(r.condition), r.id).toContain('"role":"employee"');
      expect(withoutRoles({ ...risks, recommendations: [r] }).recommendations, r.id).toHaveLength(
        1,
      );
    }
  });
});
