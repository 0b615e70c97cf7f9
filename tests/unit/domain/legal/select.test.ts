import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  SECTORS,
  UNKNOWN,
  UNKNOWN_CONTEXT,
  type RoutingContext,
} from '@/domain/context/applies-when';
import {
  DIAGNOSTIC_FORMAT,
  DIAGNOSTIC_FORMAT_VERSION,
  PROJECT_KINDS,
  PROJECT_PHASES,
  SIZE_BANDS,
  type Diagnostic,
} from '@/domain/diagnostic/diagnostic';
import { LegalCatalogue } from '@/domain/legal/schema';
import { applicableRefIds, selectLegalReferences } from '@/domain/legal/select';
import { buildReportModel } from '@/domain/report/build-report-model';
import { makeGrid, makeRecommendation } from '../../../fixtures/make-grid';

const catalogue = LegalCatalogue.parse(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../questionnaires/legal-references.json'), 'utf8'),
  ),
);
const ALL = catalogue.references.map((r) => r.id);
const citingAll = [{ id: 'rec', gridId: 'g', legalRefs: ALL }];

const SMALL_NO_CSE: RoutingContext = {
  projectKinds: ['mobile-telemanagement'],
  phase: 'idea',
  size: '11-49',
  cse: 'no',
  unionDelegates: 'no',
  sector: 'health-social',
};
const LARGE_WITH_CSE_AND_DS: RoutingContext = {
  projectKinds: ['robotics'],
  phase: 'choice',
  size: '250-999',
  cse: 'yes',
  unionDelegates: 'yes',
  sector: 'industry',
};

const selectedIds = (context: RoutingContext) =>
  selectLegalReferences(catalogue, citingAll, context).references.map((r) => r.reference.id);

describe('selectLegalReferences on the real catalogue', () => {
  it('gives a 20-employee company without CSE the small-company levers, not the CSE consultation, expert or negotiation', () => {
    const ids = selectedIds(SMALL_NO_CSE);
    for (const id of ['ct-l2312-8', 'ct-l2312-38', 'ct-l2315-94', 'ct-l2315-80', 'ct-r2312-6']) {
      expect(ids).not.toContain(id);
    }
    expect(ids).not.toContain('ct-l2242-17');
    expect(ids).not.toContain('ct-l2312-59'); // the alert right belongs to CSE members
    for (const id of ['ct-l2312-5', 'ct-l1222-4', 'ct-l1121-1', 'rgpd-art-13', 'rgpd-art-35']) {
      expect(ids).toContain(id);
    }
    expect(ids).toContain('ct-l2281-1');
    expect(ids).toContain('ct-l1222-9');
  });

  it('says why a reference is left out', () => {
    const { excluded } = selectLegalReferences(catalogue, citingAll, SMALL_NO_CSE);
    const why = new Map(excluded.map((e) => [e.reference.id, e.failed]));
    expect(why.get('ct-l2312-8')).toEqual(['sizeBands', 'cse']);
    expect(why.get('ct-l2242-17')).toEqual(['unionDelegates']);
  });

  it('gives a 300-employee company with CSE and union delegates L2312-8, L2315-94 and L2242-17, surely', () => {
    const { references } = selectLegalReferences(catalogue, citingAll, LARGE_WITH_CSE_AND_DS);
    const byId = new Map(references.map((r) => [r.reference.id, r]));
    for (const id of ['ct-l2312-8', 'ct-l2315-94', 'ct-l2315-80', 'ct-l2242-17', 'ct-l2242-20']) {
      expect(byId.get(id)?.dependsOn, id).toEqual({});
    }
    expect(byId.has('ct-l2312-5')).toBe(false);
  });

  it('keeps what an unknown context may allow, with what it depends on', () => {
    const { references, excluded } = selectLegalReferences(catalogue, citingAll, UNKNOWN_CONTEXT);
    expect(excluded).toEqual([]);
    const byId = new Map(references.map((r) => [r.reference.id, r.dependsOn]));
    expect(byId.get('ct-l2312-8')).toEqual({
      sizeBands: ['50-249', '250-999', '1000+'],
      cse: true,
    });
    expect(byId.get('ct-l2242-17')).toEqual({ unionDelegates: true });
    expect(byId.get('ct-l1222-4')).toEqual({});
  });

  it('narrows « depends on » to the fields the context does not know', () => {
    const sizeOnly: RoutingContext = { ...UNKNOWN_CONTEXT, size: '250-999' };
    const { references } = selectLegalReferences(catalogue, citingAll, sizeOnly);
    const byId = new Map(references.map((r) => [r.reference.id, r.dependsOn]));
    expect(byId.get('ct-l2312-8')).toEqual({ cse: true });
  });

  it('selects only references cited by the recommendations given, with who cites them', () => {
    const { references, excluded } = selectLegalReferences(
      catalogue,
      [
        { id: 'r1', gridId: 'g1', legalRefs: ['ct-l1222-4', 'ct-l2312-8'] },
        { id: 'r2', gridId: 'g2', legalRefs: ['ct-l1222-4', 'not-in-catalogue'] },
      ],
      SMALL_NO_CSE,
    );
    expect(references.map((r) => [r.reference.id, r.citedBy])).toEqual([
      [
        'ct-l1222-4',
        [
          { gridId: 'g1', id: 'r1' },
          { gridId: 'g2', id: 'r2' },
        ],
      ],
    ]);
    expect(excluded.map((e) => e.reference.id)).toEqual(['ct-l2312-8']);
  });

  it('filters one recommendation’s references in their order', () => {
    expect(
      applicableRefIds(catalogue, ['ct-l2312-8', 'ct-l1121-1', 'ct-l2312-5'], SMALL_NO_CSE),
    ).toEqual(['ct-l1121-1', 'ct-l2312-5']);
  });
});

const known = <T>(values: readonly T[]) => fc.constantFrom<T | typeof UNKNOWN>(...values, UNKNOWN);
const contextArbitrary: fc.Arbitrary<RoutingContext> = fc.record({
  projectKinds: fc.subarray([...PROJECT_KINDS]),
  phase: known(PROJECT_PHASES),
  size: known(SIZE_BANDS),
  cse: known(['yes', 'no'] as const),
  unionDelegates: known(['yes', 'no'] as const),
  sector: known(SECTORS),
});

describe('selectLegalReferences, for any context', () => {
  it('splits the cited references into kept and left out, never contradicting the context', () => {
    fc.assert(
      fc.property(contextArbitrary, fc.subarray(ALL), (context, cited) => {
        const { references, excluded } = selectLegalReferences(
          catalogue,
          [{ id: 'r', gridId: 'g', legalRefs: cited }],
          context,
        );
        const kept = references.map((r) => r.reference.id);
        const out = excluded.map((e) => e.reference.id);
        expect([...kept, ...out].sort()).toEqual([...cited].sort());
        for (const e of excluded) expect(e.failed.length).toBeGreaterThan(0);
        for (const r of references) {
          const when = r.reference.appliesWhen ?? {};
          if (when.cse !== undefined && context.cse !== UNKNOWN) {
            expect(when.cse).toBe(context.cse === 'yes');
          }
          if (when.sizeBands && context.size !== UNKNOWN) {
            expect(when.sizeBands).toContain(context.size);
          }
          // What it depends on is only what the context does not know.
          if ('size' in r.dependsOn || 'sizeBands' in r.dependsOn)
            expect(context.size).toBe(UNKNOWN);
          if ('cse' in r.dependsOn) expect(context.cse).toBe(UNKNOWN);
          if ('unionDelegates' in r.dependsOn) expect(context.unionDelegates).toBe(UNKNOWN);
        }
      }),
    );
  });
});

describe('the report model’s legal section', () => {
  const grid = makeGrid({
    recommendations: [
      makeRecommendation(
        'rec-cse',
        'high',
        ['union'],
        { type: 'dimension', dimension: 'd-a', op: 'below', value: 100 },
        { legalRefs: ['ct-l2312-8', 'ct-l2315-94', 'ct-l2312-5', 'ct-l1222-4'] },
      ),
      makeRecommendation(
        'rec-silent',
        'low',
        ['company'],
        { type: 'dimension', dimension: 'd-a', op: 'atLeast', value: 100 },
        { legalRefs: ['rgpd-art-35'] },
      ),
    ],
  });
  const diagnostic = (size: Diagnostic['size']): Diagnostic => ({
    format: DIAGNOSTIC_FORMAT,
    formatVersion: DIAGNOSTIC_FORMAT_VERSION,
    id: 'd1',
    title: 'Télégestion',
    purpose: 'negotiation',
    project: { name: 'Planéo', kind: 'mobile-telemanagement', phase: 'idea' },
    size,
    grids: [{ id: grid.id, version: grid.version, hash: 'a'.repeat(64), grid: {} }],
    respondents: [
      {
        id: 'r0',
        role: 'employee',
        answers: { [grid.id]: { a1: 1, a2: 1, b1: 1, b2: 1 } },
        comments: {},
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      },
    ],
    actionPlan: [],
    anonymityThreshold: 3,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
  });
  const build = (size: Diagnostic['size'], lang = 'fr') =>
    buildReportModel(diagnostic(size), [{ grid, hash: 'a'.repeat(64) }], {
      lang,
      generatedAt: '2025-03-14T10:30:00.000Z',
      legalCatalogue: catalogue,
    });

  it('lists only the references of the recommendations shown that apply to a 20-employee company', () => {
    const model = build('11-49');
    expect(model.recommendations.map((r) => r.id)).toEqual(['rec-cse']);
    expect(model.recommendations[0]?.legalRefs).toEqual(['ct-l2312-5', 'ct-l1222-4']);
    expect(model.legal?.references.map((r) => r.id)).toEqual(['ct-l2312-5', 'ct-l1222-4']);
    expect(model.legal?.excluded.map((e) => [e.id, e.failed])).toEqual([
      ['ct-l2312-8', ['sizeBands']],
      ['ct-l2315-94', ['sizeBands']],
    ]);
    // rgpd-art-35 is cited only by a recommendation that did not fire.
    expect(model.legal?.references.some((r) => r.id === 'rgpd-art-35')).toBe(false);
  });

  it('keeps the CSE levers for a 300-employee company, depending on whether it has a CSE', () => {
    const legal = build('250-999').legal;
    const l2312 = legal?.references.find((r) => r.id === 'ct-l2312-8');
    expect(l2312?.dependsOn).toEqual({ cse: true });
    expect(l2312?.verifiedOn).toBe('2026-12-07');
    expect(l2312?.citedBy).toEqual([
      { gridId: 'test-grid', id: 'rec-cse', title: 'Title rec-cse' },
    ]);
    expect(legal?.references.map((r) => r.id)).not.toContain('ct-l2312-5');
  });

  it('writes the references in the report’s language', () => {
    const fr = build('250-999', 'fr').legal?.references[0];
    const en = build('250-999', 'en').legal?.references[0];
    expect(fr?.citation).toBe('Code du travail, art. L2312-8');
    expect(en?.citation).toBe('French Labour Code, art. L2312-8');
    expect(en?.summary).toMatch(/works council/);
  });

  it('has no legal section without the catalogue', () => {
    const model = buildReportModel(diagnostic('11-49'), [{ grid, hash: 'a'.repeat(64) }], {
      lang: 'fr',
      generatedAt: '2025-03-14T10:30:00.000Z',
    });
    expect(model.legal).toBeNull();
    expect(model.recommendations[0]?.legalRefs).toEqual([]);
  });
});
