/**
 * The results page draws its first screen (head, overview, grids) from the model built without
 * the legal catalogue and the kits, then the rest and the PDF from the whole model, once they
 * have come (src/features/results/use-report-catalogues.ts). Both must show the same figures:
 * the catalogues add the legal section, the kits and each recommendation's references, and
 * nothing else. Checked on the four bundled grids, every purpose and standard contexts, with
 * answers that fire recommendations.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/domain/answers/answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { kitsOf } from '@/domain/kits/kits';
import { KitCatalogue } from '@/domain/kits/schema';
import { LegalCatalogue } from '@/domain/legal/schema';
import { buildReportModel } from '@/domain/report/build-report-model';
import type { ReportModel } from '@/domain/report/report-model';
import { profileAnswers, type Profile } from '../../../fixtures/answer-profiles';
import { FIRING_CONTEXTS, firingDiagnostic, loadBundled } from '../../../fixtures/firing-setup';

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const catalogues = {
  legalCatalogue: LegalCatalogue.parse(json('questionnaires/legal-references.json')),
  kits: KitCatalogue.parse(json('questionnaires/kits.json')),
};
const GRIDS = ['risks-opportunities', 'uses', 'skills', 'social-dialogue'].map(loadBundled);
const ROLES: Role[] = ['employee', 'employee', 'manager', 'representative', 'hr'];
const PROFILES: Profile[] = ['unfavourable', 'slightlyUnfavourable', 'neutral', 'favourable'];

function diagnostic(
  purpose: Diagnostic['purpose'],
  context: keyof typeof FIRING_CONTEXTS,
): Diagnostic {
  const base = firingDiagnostic(
    GRIDS,
    FIRING_CONTEXTS[context],
    ROLES.map((role, i) => ({
      role,
      answers: Object.fromEntries(
        GRIDS.map(({ grid }) => [grid.id, profileAnswers(grid, PROFILES[i % PROFILES.length]!)]),
      ),
    })),
  );
  return { ...base, purpose };
}

/** Everything of the model but what the catalogues add. */
function figures(model: ReportModel) {
  return {
    participation: model.participation,
    overall: model.overall,
    partial: model.partial,
    partialReasons: model.partialReasons,
    grids: model.grids.map((g) => ({
      ...g,
      recommendations: g.recommendations.map((r) => ({ ...r, legalRefs: [] })),
    })),
    strengths: model.strengths,
    weaknesses: model.weaknesses,
    comments: model.comments,
    recommendations: model.recommendations.map((r) => ({ ...r, legalRefs: [] })),
  };
}

describe('the report model without and with the catalogues', () => {
  const cases = (['negotiation', 'upstream', 'workshop'] as const).flatMap((purpose) =>
    (['unknown', 'large', 'small'] as const).map((context) => [purpose, context] as const),
  );

  it.each(cases)(
    '%s, %s context: the same figures, scores and recommendations',
    (purpose, context) => {
      const d = diagnostic(purpose, context);
      const options = { lang: 'fr', generatedAt: d.updatedAt };
      const head = buildReportModel(d, GRIDS, options);
      const whole = buildReportModel(d, GRIDS, { ...options, ...catalogues });
      // The answers fire recommendations: the comparison is not of empty lists.
      expect(whole.recommendations.length).toBeGreaterThan(0);
      expect(figures(head)).toEqual(figures(whole));
      // What the catalogues add: the legal section, and the kit the purpose has (kitsOf, which the
      // page's table of contents reads before the catalogues come).
      expect(head.legal).toBeNull();
      expect(whole.legal).not.toBeNull();
      expect(head.kits).toBeUndefined();
      expect({
        representatives: Boolean(whole.kits?.representatives),
        deployment: Boolean(whole.kits?.deployment),
      }).toEqual(kitsOf(purpose));
    },
  );
});
