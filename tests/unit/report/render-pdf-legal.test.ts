// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNKNOWN_CONTEXT, type RoutingContext } from '@/domain/context/applies-when';
import { LegalCatalogue } from '@/domain/legal/schema';
import { buildLegalReport } from '@/domain/report/build-report-model';
import type { ReportModel } from '@/domain/report/report-model';
import { renderReportPdf } from '@/report/render-pdf';
import { makeGrid } from '../../fixtures/make-grid';
import { makeReportModel } from '../../fixtures/report-model';
import { extractPdf } from './pdf-text';
import { makeT } from './translate';

const bundled = LegalCatalogue.parse(
  JSON.parse(
    readFileSync(join(__dirname, '../../../questionnaires/legal-references.json'), 'utf8'),
  ),
);
/** The bundled catalogue, every entry verified, with one marked not verified to show how it reads. */
const catalogue: LegalCatalogue = {
  ...bundled,
  references: bundled.references.map((r) =>
    r.id === 'cass-ap-2023-12-22'
      ? {
          id: r.id,
          citation: r.citation,
          summary: r.summary,
          grants: r.grants,
          source: r.source,
          unverified: {
            checkedOn: '2026-12-07',
            reason: { fr: 'Texte officiel non atteint.', en: 'Official text not reached.' },
          },
        }
      : r,
  ),
};
const REFS = [
  'ct-l2312-8',
  'ct-l2315-94',
  'ct-l2312-5',
  'ct-l1222-4',
  'ct-l2242-17',
  'cass-ap-2023-12-22',
];

/** The fixture report, its first recommendation citing REFS, the legal section for `context`. */
function withLegal(lang: 'fr' | 'en', context: RoutingContext): ReportModel {
  const base = makeReportModel({ lang, workshop: null, evolution: null });
  const first = base.recommendations[0];
  if (!first) throw new Error('the fixture needs a recommendation');
  const grid = makeGrid({ id: first.gridId });
  grid.recommendations = [
    {
      id: first.id,
      title: { fr: first.title },
      body: { fr: first.body },
      actions: [{ fr: 'x' }],
      audiences: first.audiences,
      priority: first.priority,
      sources: [],
      legalRefs: REFS,
      condition: { type: 'dimension', dimension: 'd-a', op: 'below', value: 50 },
    },
  ];
  const legal = buildLegalReport(catalogue, [grid], [first], context, lang);
  const cited = legal.references.map((r) => r.id);
  const mark = (recs: ReportModel['recommendations']) =>
    recs.map((r) =>
      r.id === first.id && r.gridId === first.gridId ? { ...r, legalRefs: cited } : r,
    );
  return {
    ...base,
    recommendations: mark(base.recommendations),
    grids: base.grids.map((g) => ({ ...g, recommendations: mark(g.recommendations) })),
    legal,
  };
}

async function text(model: ReportModel): Promise<string> {
  const { blob } = await renderReportPdf(model, makeT(model.lang === 'en' ? 'en' : 'fr'));
  return (await extractPdf(blob)).text.replace(/\s+/g, ' ');
}

describe('the PDF’s legal references', { timeout: 60_000 }, () => {
  it('lists, for a 20-employee company, only what applies, with the verified date and the disclaimer', async () => {
    const small: RoutingContext = {
      ...UNKNOWN_CONTEXT,
      size: '11-49',
      cse: 'no',
      unionDelegates: 'no',
    };
    const pdf = await text(withLegal('fr', small));
    expect(pdf).toContain('Références juridiques');
    expect(pdf).toContain('Code du travail, art. L2312-5');
    expect(pdf).toContain('Code du travail, art. L1222-4');
    expect(pdf).toContain(
      'État du droit vérifié au 7 décembre 2026 ; ce n’est pas un conseil juridique.',
    );
    // The method annex says what it left out, and why.
    expect(pdf).toContain('Écartées pour ce contexte');
    expect(pdf).toMatch(
      /Code du travail, art\. L2312-8 \(taille de l’entreprise, présence d’un CSE\)/,
    );
    expect(pdf).toMatch(/Code du travail, art\. L2242-17 \(délégués syndicaux\)/);
    // Not kept anywhere else than in that list.
    expect(pdf.split('art. L2315-94, 2°').length - 1).toBe(1);
    // An unverified reference says so.
    expect(pdf).toContain('Texte officiel non vérifié (recherché le 7 décembre 2026)');
  });

  it('shows what a reference depends on when the context does not know it', async () => {
    const pdf = await text(withLegal('fr', { ...UNKNOWN_CONTEXT, size: '250-999' }));
    expect(pdf).toContain('Code du travail, art. L2315-94, 2°');
    expect(pdf).toMatch(/S’applique si : un CSE existe/);
    expect(pdf).toMatch(/S’applique si : des délégués syndicaux sont désignés/);
  });

  it('speaks English in an English report', async () => {
    const pdf = await text(withLegal('en', { ...UNKNOWN_CONTEXT, size: '250-999', cse: 'yes' }));
    expect(pdf).toContain('Legal references');
    expect(pdf).toContain('French Labour Code, art. L2312-8');
    expect(pdf).toContain('Law as verified on 7 December 2026; this is not legal advice.');
  });
});
