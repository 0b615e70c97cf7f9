/**
 * The whole diagnostic — the four bundled grids together, as a user usually answers them —
 * through the app's own path (`buildReportModel`: the context and each respondent's role route
 * the grids, then scoring, aggregation and recommendation), on standard profiles. The
 * limit: a uniformly « slightly unfavourable » profile fires at most 12 recommendations, at most
 * 4 of them high priority, and no two with the same title (French or English); a favourable
 * profile fires none. Each pair of grids keeps half of it (firing-risks-uses and
 * firing-skills-social-dialogue), so this file checks they add up in every context and set-up.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '@/domain/answers/answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { type ContextInput } from '@/domain/diagnostic/operations';
import { buildReportModel } from '@/domain/report/build-report-model';
import { profileAnswers, type Profile } from '../../../fixtures/answer-profiles';
import { FIRING_CONTEXTS, firingDiagnostic, loadBundled } from '../../../fixtures/firing-setup';

const GRIDS = ['risks-opportunities', 'uses', 'skills', 'social-dialogue'].map(loadBundled);

function diagnosticOf(context: ContextInput, roles: Role[], profile: Profile): Diagnostic {
  const answers = Object.fromEntries(
    GRIDS.map(({ grid }) => [grid.id, profileAnswers(grid, profile)]),
  );
  return firingDiagnostic(
    GRIDS,
    context,
    roles.map((role) => ({ role, answers })),
  );
}

function fired(diagnostic: Diagnostic) {
  const model = buildReportModel(diagnostic, GRIDS, { lang: 'fr', generatedAt: 't' });
  return model.grids.flatMap((g) => g.recommendations);
}

const titles = new Map(
  GRIDS.flatMap(({ grid }) => grid.recommendations.map((r) => [r.id, r.title] as const)),
);

const SETUPS: Record<string, Role[]> = {
  'an employee alone': ['employee'],
  'a manager alone': ['manager'],
  'a representative alone': ['representative'],
  'management alone': ['management'],
  'a group of twelve': (['management', 'manager', 'employee', 'representative'] as Role[]).flatMap(
    (role) => [role, role, role],
  ),
};

const cases = Object.entries(FIRING_CONTEXTS).flatMap(([context, input]) =>
  Object.entries(SETUPS).map(([who, roles]) => [context, who, input, roles] as const),
);

describe('the whole diagnostic (four grids), a uniformly slightly unfavourable profile', () => {
  it.each(cases)(
    '%s, %s: at most 12 recommendations, at most 4 high, no two with the same title',
    (_context, _who, input, roles) => {
      const recs = fired(diagnosticOf(input, roles, 'slightlyUnfavourable'));
      expect(recs.length).toBeGreaterThan(0);
      expect(recs.length).toBeLessThanOrEqual(12);
      expect(recs.filter((r) => r.priority === 'high').length).toBeLessThanOrEqual(4);
      for (const lang of ['fr', 'en'] as const) {
        const shown = recs.map((r) => titles.get(r.id)![lang]);
        expect(new Set(shown).size, lang).toBe(shown.length);
      }
    },
  );
});

// A favourable profile fires nothing anywhere. (« Neutral » is checked grid by grid, with two
// mirrored respondents whose mean is the middle of each scale: one person's « neutral » on a
// four-point scale is a real answer — « Plutôt d'accord » to fearing for one's job fires the
// employment and skills planning recommendation, and rightly so.)
describe('the whole diagnostic, a uniformly favourable profile', () => {
  it.each(cases)('%s, %s: fires nothing', (_context, _who, input, roles) => {
    expect(fired(diagnosticOf(input, roles, 'favourable')).map((r) => r.id)).toEqual([]);
  });
});
