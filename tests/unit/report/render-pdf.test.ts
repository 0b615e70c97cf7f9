// @vitest-environment node
import type { ReportModel } from '@/domain/report/report-model';
import { reasonText, reportFileName, renderReportPdf, slugify } from '@/report/render-pdf';
import { makeReportModel } from '../../fixtures/report-model';
import { extractPdf, glyphIds, rawStreams, type PageText, type PdfText } from './pdf-text';
import { makeT } from './translate';

const NNBSP = '\u202f';
const MARGIN = 20;
const PAGE_W = 210;
const BODY_TOP = 24;
const BODY_BOTTOM = 297 - 22;
const TOL = 0.6;

type Rendered = { pdf: PdfText; fileName: string; model: ReportModel; blob: Blob };

async function render(model: ReportModel): Promise<Rendered> {
  const lang = model.lang === 'en' ? 'en' : 'fr';
  const { blob, fileName } = await renderReportPdf(model, makeT(lang));
  return { pdf: await extractPdf(blob), fileName, model, blob };
}

/** Level-1 headings (15 pt runs), wrapped lines joined. */
function sectionTitles(pdf: PdfText): string {
  return pdf.pages
    .flatMap((p) => p.runs.filter((r) => Math.abs(r.size - 15) < 0.01).map((r) => r.str))
    .join(' ');
}

function expectInOrder(haystack: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

/** Every run inside the horizontal margins, in the body, the running header or the footer. */
function outOfBounds(pages: PageText[]): string[] {
  const bad: string[] = [];
  for (const page of pages) {
    for (const run of page.runs) {
      const inside = run.x >= MARGIN - TOL && run.x + run.width <= PAGE_W - MARGIN + TOL;
      const inBody = run.y >= BODY_TOP - TOL && run.y <= BODY_BOTTOM + TOL;
      const inHeader = run.y >= 11 && run.y <= 14;
      const inFooter = run.y >= 284 && run.y <= 288;
      const vertical =
        page.number === 1 ? run.y >= 15 && run.y <= 285 : inBody || inHeader || inFooter;
      if (!inside || !vertical) {
        bad.push(
          `p${page.number} x=${run.x.toFixed(1)} w=${run.width.toFixed(1)} y=${run.y.toFixed(1)} "${run.str.slice(0, 40)}"`,
        );
      }
    }
  }
  return bad;
}

/** Strings of the runs right of the first run that starts the label, on the same baseline. */
function rowsOf(pdf: PdfText, label: string, size = 8.5): string[][] {
  const rows: string[][] = [];
  for (const page of pdf.pages) {
    for (const run of page.runs) {
      if (Math.abs(run.size - size) > 0.01 || run.str.length < 6 || !label.startsWith(run.str))
        continue;
      rows.push(
        page.runs
          .filter((r) => Math.abs(r.y - run.y) < 0.3 && r.x > run.x + 0.1)
          .sort((a, b) => a.x - b.x)
          .map((r) => r.str),
      );
    }
  }
  return rows;
}

describe('renderReportPdf with the fixture model', () => {
  let fr: Rendered;
  let en: Rendered;

  beforeAll(async () => {
    fr = await render(makeReportModel({ lang: 'fr' }));
    en = await render(makeReportModel({ lang: 'en' }));
  }, 60_000);

  it('should put the section titles in order (fr)', () => {
    const titles = fr.model.grids.map((g) => g.title);
    expectInOrder(sectionTitles(fr.pdf), [
      'Synthèse',
      ...titles,
      'Plan d’action',
      'Commentaires',
      'Points à négocier',
      'Annexe : méthode',
    ]);
    expectInOrder(fr.pdf.text, [
      'Synthèse',
      'Résultats partiels',
      titles[0] ?? '?',
      'Radar des dimensions',
    ]);
  });

  it('should put the section titles in order (en)', () => {
    expectInOrder(sectionTitles(en.pdf), [
      'Summary',
      ...en.model.grids.map((g) => g.title),
      'Action plan',
      'Comments',
      'Points for negotiation',
      'Annex: method',
    ]);
    expect(en.pdf.text).toContain('Partial results');
  });

  it.each([
    // grid index, rounded scores by hand from FIXTURE_SCORES ('—' = no score); 49.6 is « Fragile »,
    // so it is not shown as 50, the bound of « En progrès » (docs/scoring.md)
    [0, ['62', '39', '32', '45', '71', '56', '48', '27']],
    [1, ['35', '59', '23', '41', '—', '67', '49,6', '76']],
    [2, ['81', '64', '53', '48', '70', '33', '58', '45']],
    [3, ['30', '18', '54', '38', '62', '42', '51', '85']],
  ])('grid %i: the score table should show the model scores rounded', (gi, expected) => {
    const grid = fr.model.grids[gi];
    expect(grid?.dimensions).toHaveLength(8);
    grid?.dimensions.forEach((d, i) => {
      const firstCells = rowsOf(fr.pdf, d.label).map((row) => row[0]);
      expect(firstCells, d.label).toContain(expected[i]);
    });
  });

  it('should show a full score row with the numbers formatted for the language', () => {
    // pdfjs extracts U+202F and U+00A0 as plain spaces; the glyph itself is checked below.
    const label = fr.model.grids[0]?.dimensions[0]?.label ?? '?';
    // score 62.4, level « En progrès », coverage 0.78, don't know 0, n 1187
    expect(rowsOf(fr.pdf, label)).toContainEqual(['62', 'En progrès', '78 %', '0 %', '1 187']);
    const labelEn = en.model.grids[0]?.dimensions[0]?.label ?? '?';
    expect(rowsOf(en.pdf, labelEn)).toContainEqual(['62', 'Progressing', '78%', '0%', '1,187']);
  });

  it('should mark the dimension without a score as insufficient, never as 0', () => {
    const dim = fr.model.grids[1]?.dimensions[4];
    expect(dim?.score).toBeNull();
    const rows = rowsOf(fr.pdf, dim?.label ?? '?');
    expect(rows.map((r) => r[0])).toContain('—');
    expect(rows.map((r) => r[0])).not.toContain('0');
    expect(fr.pdf.text).toContain('réponses insuffisantes');
    expect(en.pdf.text).toContain('insufficient answers');
  });

  it('should keep accents, œ and French quotes intact', () => {
    for (const word of [
      'Cœur d’Armor',
      'manœuvre',
      'ça nous décourage',
      '« pointer »',
      'télégestion',
      'à',
      'è',
      'É',
    ]) {
      expect(fr.pdf.text).toContain(word);
    }
  });

  it('should draw the U+202F glyph in numbers, not the " /" artefact of standard fonts', async () => {
    const streams = await rawStreams(fr.blob);
    const glyphs = glyphIds(streams);
    const nnbsp = glyphs.get(0x202f);
    expect(nnbsp, 'U+202F is in the embedded font and its ToUnicode map').toMatch(/^[0-9a-f]{4}$/);
    // "1 234" (respondents on the cover) drawn as the glyphs 1, U+202F, 2, 3, 4.
    const run = ['1', '\u202f', '2', '3', '4']
      .map((c) => glyphs.get(c.codePointAt(0) ?? 0))
      .join('');
    expect(run).toHaveLength(20);
    expect(streams.some((s) => s.toLowerCase().includes(run))).toBe(true);
    expect(fr.pdf.text).toContain('1 234');
    expect(fr.pdf.text).not.toMatch(/1 ?\/234/);
    expect(fr.pdf.text).not.toMatch(/1 ?\/187/);
    expect(en.pdf.text).toContain('1,234');
  });

  it('should explain why a recommendation fired, with its figures', () => {
    // First recommendation of the summary: its reason is the weakest dimension of its grid.
    expect(fr.pdf.text).toMatch(/Pourquoi : [^:]+ : \d+\/100, sous 50/);
    expect(en.pdf.text).toMatch(/Why: [^:]+: \d+\/100, below 50/);
  });

  it('should have a sane page count, the metadata, the language and the file name', () => {
    expect(fr.pdf.pages.length).toBeGreaterThanOrEqual(8);
    expect(fr.pdf.pages.length).toBeLessThanOrEqual(40);
    expect(fr.pdf.pages[0]?.width).toBeCloseTo(210, 0);
    expect(fr.pdf.pages[0]?.height).toBeCloseTo(297, 0);
    expect(fr.pdf.info.Title).toBe(
      'Diagnostic QVT et numérique — déploiement de la télégestion « Planéo » à l’association Cœur d’Armor',
    );
    expect(fr.pdf.info.Language).toBe('fr-FR');
    expect(en.pdf.info.Language).toBe('en-GB');
    expect(fr.pdf.info.Creator).toBe('Autodiagnostic QVT et numérique');
    expect(fr.fileName).toBe(
      'diagnostic-qvt-et-numerique-deploiement-de-la-telegestion-2025-03-14.pdf',
    );
    expect(en.fileName).toBe(
      'quality-of-working-life-and-digital-diagnostic-rolling-out-2025-03-14.pdf',
    );
  });

  it('should put a footer « Page n / N » and the local-generation line on every page but the cover', () => {
    const total = fr.pdf.pages.length;
    expect(fr.pdf.pages[0]?.runs.some((r) => r.str.startsWith('Page '))).toBe(false);
    for (const page of fr.pdf.pages.slice(1)) {
      const strings = page.runs.map((r) => r.str);
      expect(strings).toContain(`Page ${page.number} / ${total}`);
      expect(strings.some((s) => s.includes('rien n’a été envoyé sur Internet'))).toBe(true);
      expect(strings.some((s) => s.startsWith('Généré le 14 mars 2025'))).toBe(true);
    }
    expect(en.pdf.text).toContain('Generated on this device — nothing was sent over the Internet');
  });

  it('should show the full 64-character hash of each grid', () => {
    for (const grid of fr.model.grids) {
      expect(grid.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(fr.pdf.text).toContain(grid.hash);
    }
  });

  it('should keep every text run inside the page margins', () => {
    expect(outOfBounds(fr.pdf.pages)).toEqual([]);
    expect(outOfBounds(en.pdf.pages)).toEqual([]);
  });
});

describe('renderReportPdf, purpose sections and empty parts', () => {
  it('upstream: should have "Next steps" with the first action of a high-priority recommendation', async () => {
    const model = makeReportModel({ lang: 'en' });
    model.diagnostic = { ...model.diagnostic, purpose: 'upstream' };
    const { pdf } = await render(model);
    const titles = sectionTitles(pdf);
    expect(titles).toContain('Next steps');
    expect(titles).not.toContain('Points for negotiation');
    const firstHigh = model.recommendations.find((r) => r.priority === 'high');
    const firstWords = (firstHigh?.actions[0] ?? '?').split(' ').slice(0, 5).join(' ');
    expect(pdf.text).toContain(firstWords);
    expect(pdf.text).toContain('The action plan of this report');
  });

  it('workshop: should list visible roles with counts and the masked count, never masked roles', async () => {
    const model = makeReportModel({ lang: 'fr' });
    model.diagnostic = { ...model.diagnostic, purpose: 'workshop' };
    const { pdf } = await render(model);
    expect(sectionTitles(pdf)).toContain('Participation');
    expect(rowsOf(pdf, 'Salarié·e')).toContainEqual(['1 012']);
    expect(pdf.text).toContain('Répondants dont le rôle n’est pas présenté à part : 15');
    expect(pdf.text).toContain('moins de 3 répondants n’est jamais présenté à part');
    // "other" is masked in the fixture: it must not appear as a role row.
    expect(rowsOf(pdf, 'Autre')).toEqual([]);
  });

  it('should say the action plan is empty, and drop the partial notice when not partial', async () => {
    const { pdf } = await render(
      makeReportModel({ lang: 'fr', actionPlan: [], comments: [], partial: false }),
    );
    expect(pdf.text).toContain('Le plan d’action est vide');
    expect(pdf.text).toContain('Aucun commentaire n’a été saisi.');
    expect(pdf.text).not.toContain('Résultats partiels');
  });
});

describe('renderReportPdf, workshop and evolution sections', () => {
  let fr: Rendered;
  let en: Rendered;
  beforeAll(async () => {
    fr = await render(makeReportModel({ lang: 'fr' }));
    en = await render(makeReportModel({ lang: 'en' }));
  }, 60_000);

  it('should put evolution, participation, roles compared and topics between the grids and the plan', () => {
    expectInOrder(sectionTitles(fr.pdf), [
      fr.model.grids[3]?.title ?? '?',
      'Évolution depuis le diagnostic de départ',
      'Participation',
      'Rôles comparés',
      'Sujets à discuter',
      'Plan d’action',
    ]);
    expectInOrder(sectionTitles(en.pdf), [
      'Change since the starting diagnostic',
      'Participation',
      'Roles compared',
      'Topics for discussion',
      'Action plan',
    ]);
  });

  it('should show each visible role with its count in the header, and never the masked one', () => {
    const pages = fr.pdf.pages.filter((p) => p.runs.some((r) => r.str === 'Rôles comparés'));
    expect(pages).toHaveLength(1);
    const rolesText = fr.pdf.text.slice(
      fr.pdf.text.indexOf('Rôles comparés'),
      fr.pdf.text.indexOf('Sujets à discuter'),
    );
    for (const header of ['Direction', 'Encadrement', 'Salarié·e', 'Représentant·e']) {
      expect(rolesText).toContain(header);
    }
    expect(rolesText).toContain('(n = 1 012)');
    expect(rolesText).toContain('comptés seulement dans « Tous » : 15');
    // "other" is masked in the fixture: its label appears nowhere in the workshop sections.
    const workshopText = fr.pdf.text.slice(
      fr.pdf.text.indexOf('Participation'),
      fr.pdf.text.indexOf('Plan d’action'),
    );
    expect(workshopText).not.toMatch(/\bAutre\b/);
    // A role mean, rounded: management on the first dimension, 62.4 + 14.6 = 77.
    const label = fr.model.grids[0]?.dimensions[0]?.label ?? '?';
    expect(rowsOf(fr.pdf, label, 8)).toContainEqual(['62', '77', '69', '54', '59']);
  });

  it('should list the topics with their figures, role gaps and answer counts', () => {
    // Spreads in whole points, as on the workshop page (docs/scoring.md).
    expect(fr.pdf.text).toContain('écart-type de 31 points (moyenne 62, n = 1 187)');
    expect(fr.pdf.text).toMatch(/Direction 72, Salarié·e 38, soit 34 points d’écart/);
    expect(en.pdf.text).toMatch(/Senior management 72, Employee 38, a gap of 34 points/);
    expect(fr.pdf.text).toContain('Sans réponse');
  });

  it('should give each dimension’s α after the topics, with the item that lowers it and the caution', () => {
    expectInOrder(sectionTitles(fr.pdf), ['Sujets à discuter', 'Cohérence interne des dimensions']);
    expectInOrder(sectionTitles(en.pdf), [
      'Topics for discussion',
      'Internal consistency of the dimensions',
    ]);
    const label = (di: number) => fr.model.grids[0]?.dimensions[di]?.label ?? '?';
    // Fixture: grid 0, dimension 0 → α 0.62 with 1,100 complete cases; dimension 2 → too few.
    expect(fr.pdf.text).toContain(`${label(0)} : α = 0,62 (1 100 réponses complètes)`);
    expect(fr.pdf.text).toContain(`${label(2)} : moins de 30 réponses complètes, α non calculé`);
    expect(fr.pdf.text).toMatch(/fait baisser l’α : « [^»]+ » \(α sans elle : 0,81\)/);
    expect(fr.pdf.text).toContain('ce seuil est une convention');
    expect(en.pdf.text).toContain('α = 0.62 (1,100 complete responses)');
  });

  it('should show T0, T1 and the signed change per dimension, and the questions left out', () => {
    const label = fr.model.grids[0]?.dimensions[0]?.label ?? '?';
    // T0 = 62.4 − 12.25 = 50.15 → 50; T1 62; change +12 (U+2212 for decreases).
    expect(rowsOf(fr.pdf, label)).toContainEqual(['50', '62', '+12', '5']);
    expect(fr.pdf.text).toContain('−12');
    // T1 is the bundled grid's current version (the fixture reads the real grids).
    expect(fr.pdf.text).toContain(
      `Version 0.9.0 à T0, version ${fr.model.grids[0]?.version ?? '?'} à T1.`,
    );
    expect(fr.pdf.text).toContain('Retirée depuis T0 — Ancienne question retirée depuis T0');
    expect(fr.pdf.text).toContain('Modifiée (échelle, sens de lecture)');
    expect(en.pdf.text).toContain('Changed (scale, direction)');
  });

  it('should keep every text run of the new sections inside the margins', () => {
    expect(outOfBounds(fr.pdf.pages)).toEqual([]);
    expect(outOfBounds(en.pdf.pages)).toEqual([]);
  });

  it('should drop all four sections when the model has neither workshop nor evolution', async () => {
    const { pdf } = await render(makeReportModel({ lang: 'fr', workshop: null, evolution: null }));
    const titles = sectionTitles(pdf);
    for (const title of [
      'Évolution',
      'Participation',
      'Rôles comparés',
      'Sujets à discuter',
      'Cohérence interne',
    ]) {
      expect(titles).not.toContain(title);
    }
  });
});

describe('renderReportPdf with extreme texts', () => {
  const word = 'Déconnexion œuvre « réelle » ça ';
  const long = (n: number): string =>
    word
      .repeat(Math.ceil(n / word.length))
      .slice(0, n)
      .trim();

  function extremeModel(): ReportModel {
    const model = makeReportModel({ lang: 'fr' });
    const grid = model.grids[0];
    const rec = grid?.recommendations[0];
    if (!grid || !rec) throw new Error('fixture changed');
    model.diagnostic = {
      ...model.diagnostic,
      title: `Titre ${long(294)}`,
      organisation: long(300),
      project: { ...model.diagnostic.project, name: long(300) },
    };
    const dim = grid.dimensions[2];
    if (dim) dim.label = long(200);
    grid.description = long(2000);
    rec.title = long(300);
    rec.body = long(5000);
    rec.actions = [long(1500), `Voir ${'x'.repeat(150)} fin`, long(40)];
    rec.negotiation = long(1200);
    rec.sources = [
      {
        id: 'u',
        label: long(250),
        url: `https://example.org/${'chemin-'.repeat(30)}fin`,
        type: 'law',
      },
    ];
    model.actionPlan = Array.from({ length: 60 }, (_, i) => ({
      id: `x${i}`,
      title: `Action n°${i + 1} ${long(280)}`,
      owner: long(i % 2 === 0 ? 300 : 20),
      deadline: i % 2 === 0 ? '2026-12-31' : '',
      status: 'doing' as const,
      indicator: long(i % 3 === 0 ? 300 : 60),
    }));
    model.comments = [
      { gridId: grid.id, dimensionId: 'd', dimension: long(200), comments: [long(5000), 'court'] },
    ];
    return model;
  }

  let result: Rendered;
  beforeAll(async () => {
    result = await render(extremeModel());
  }, 60_000);

  it('should render every part without throwing', () => {
    expect(result.pdf.pages.length).toBeGreaterThan(10);
    expect(result.pdf.text).toContain('Action n°60');
    expect(result.fileName).toMatch(/^titre-deconnexion-oeuvre-reelle-ca[a-z-]*-2025-03-14\.pdf$/);
    expect(result.fileName.length).toBeLessThanOrEqual(60 + '-2025-03-14.pdf'.length);
  });

  it('should keep every text run inside the page margins', () => {
    expect(outOfBounds(result.pdf.pages)).toEqual([]);
  });

  it('should truncate the running header title with an ellipsis', () => {
    const header = result.pdf.pages[1]?.runs.find((r) => r.y < 16 && r.str.startsWith('Titre'));
    expect(header?.str.endsWith('…')).toBe(true);
  });

  it('should repeat the action plan header row on every page the table spans', () => {
    const planPages = result.pdf.pages.filter((p) =>
      p.runs.some((r) => r.str.startsWith('Action n°')),
    );
    expect(planPages.length).toBeGreaterThan(3);
    for (const page of planPages) {
      expect(
        page.runs.map((r) => r.str),
        `page ${page.number}`,
      ).toContain('Responsable');
    }
  });
});

describe('report formatting helpers', () => {
  const t = makeT('fr');
  const tEn = makeT('en');

  it.each([
    ['Diagnostic QVT — Cœur d’Armor : « Planéo » 2025', 'diagnostic-qvt-coeur-d-armor-planeo-2025'],
    ['  Été   à   Noël  ', 'ete-a-noel'],
    ['!!!', ''],
    [
      'un deux trois quatre cinq six sept huit neuf dix onze douze treize',
      'un-deux-trois-quatre-cinq-six-sept-huit-neuf-dix-onze-douze',
    ],
  ])('slugify(%j) → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('should fall back to the fallback name when the title has no letter', () => {
    expect(reportFileName('???', '2025-03-14T10:30:00.000Z', 'rapport-diagnostic')).toBe(
      'rapport-diagnostic-2025-03-14.pdf',
    );
  });

  it.each([
    [
      {
        kind: 'dimension',
        target: 'Droit à la déconnexion',
        op: 'below',
        threshold: 50,
        observed: 31.6,
        n: 1,
        bounds: [0, 25, 50, 75],
      },
      'Droit à la déconnexion : 32/100, sous 50',
      'Droit à la déconnexion: 32/100, below 50',
    ],
    [
      // Rounding to 50 would make the reason false: one decimal more (docs/scoring.md).
      {
        kind: 'dimension',
        target: 'Charge',
        op: 'below',
        threshold: 50,
        observed: 49.7,
        n: 3,
        bounds: [0, 25, 50, 75],
      },
      'Charge : 49,7/100, sous 50',
      'Charge: 49.7/100, below 50',
    ],
    [
      {
        kind: 'dontKnowRate',
        target: 'Charge',
        op: 'above',
        threshold: 0.3,
        observed: 0.4167,
        n: 12,
        bounds: [0.3],
      },
      `Charge : 42${NNBSP}% de « je ne sais pas », au-dessus de 30${NNBSP}%`,
      'Charge: 42% “don’t know” answers, above 30%',
    ],
    [
      {
        kind: 'item',
        target: 'Je peux me déconnecter',
        op: 'atMost',
        threshold: 2,
        observed: 1.75,
        n: 4,
        bounds: [2],
        thresholdLabel: 'Plutôt pas d’accord',
      },
      '« Je peux me déconnecter » : réponse moyenne 1,8 (4 réponses), au plus 2 (« Plutôt pas d’accord »)',
      '“Je peux me déconnecter”: mean answer 1.8 (4 answers), at most 2 (“Plutôt pas d’accord”)',
    ],
    [
      {
        kind: 'item',
        target: 'Je peux me déconnecter',
        op: 'atMost',
        threshold: -1,
        observed: -2,
        n: 1,
        bounds: [-1],
        observedLabel: 'Pas du tout d’accord',
        thresholdLabel: 'Plutôt pas d’accord',
      },
      '« Je peux me déconnecter » : réponse « Pas du tout d’accord », au plus « Plutôt pas d’accord »',
      '“Je peux me déconnecter”: answer “Pas du tout d’accord”, at most “Plutôt pas d’accord”',
    ],
    [
      {
        kind: 'roleGap',
        target: 'Autonomie',
        op: 'above',
        threshold: 20,
        observed: 27.4,
        n: 9,
        bounds: [20],
      },
      'Autonomie : écart de 27 points entre rôles, au-dessus de 20',
      'Autonomie: gap of 27 points between roles, above 20',
    ],
    [
      {
        kind: 'dimension',
        target: 'Charge',
        op: 'below',
        threshold: 50,
        observed: 42,
        n: 5,
        bounds: [25, 50, 75],
        role: 'employee',
      },
      'Charge, Salarié·e : 42/100, sous 50',
      'Charge, Employee: 42/100, below 50',
    ],
    [
      {
        kind: 'dimension',
        target: 'Charge',
        op: 'atLeast',
        threshold: 50,
        observed: 49.96,
        n: 3,
        bounds: [25, 50, 75],
        role: 'representative',
      },
      // Not « 50 », and never « au moins 50 » of 49,96: the display rule holds with a role too.
      'Charge, Représentant·e du personnel : 49,96/100, au moins 50',
      'Charge, Employee representative: 49.96/100, at least 50',
    ],
  ] as const)('reasonText(%o)', (reason, expectedFr, expectedEn) => {
    // ICU puts U+202F or U+00A0 before % depending on its version.
    const spaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(spaces(reasonText({ ...reason }, t, 'fr'))).toBe(spaces(expectedFr));
    expect(reasonText({ ...reason }, tEn, 'en')).toBe(expectedEn);
  });
});

describe('the PDF and the comments of a masked role', () => {
  it('never prints the comment of a role under the threshold', async () => {
    const { buildReportModel } = await import('@/domain/report/build-report-model');
    const { makeGrid } = await import('../../fixtures/make-grid');
    const grid = makeGrid();
    const respondent = (i: number, role: 'employee' | 'representative', comment: string) => ({
      id: `r${i}`,
      role,
      answers: { [grid.id]: { a1: 4, a2: 4, b1: 2, b2: 2 } },
      comments: { [grid.id]: { 'd-a': comment } },
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    const model = buildReportModel(
      {
        format: 'qvt-numerique/diagnostic',
        formatVersion: 1,
        id: 'd1',
        title: 'Atelier',
        purpose: 'workshop',
        project: { name: 'Outil', kind: 'other', phase: 'choice' },
        grids: [{ id: grid.id, version: grid.version, hash: 'a'.repeat(64), grid: {} }],
        respondents: [
          respondent(0, 'employee', 'Visible un'),
          respondent(1, 'employee', 'Visible deux'),
          respondent(2, 'employee', 'Visible trois'),
          respondent(3, 'representative', 'Secret du délégué'),
        ],
        actionPlan: [],
        anonymityThreshold: 3,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      },
      [{ grid, hash: 'a'.repeat(64) }],
      { lang: 'fr', generatedAt: '2025-03-14T10:30:00.000Z' },
    );
    const { pdf } = await render(model);
    expect(pdf.text).toContain('Visible deux');
    expect(pdf.text).not.toContain('Secret du délégué');
    expect(pdf.text).not.toMatch(/[Rr]eprésentant/);
  }, 30_000);
});

describe('renderReportPdf charts: an overview of all grids, bars below three axes', () => {
  const text = (r: Rendered) =>
    r.pdf.pages.map((p) => p.runs.map((x) => x.str).join(' ')).join('\n');

  it('should draw the overview radar of all grids in the summary, in French and English', async () => {
    const fr = await render(makeReportModel({ lang: 'fr' }));
    const summary = fr.pdf.pages[1]!.runs.map((r) => r.str).join(' ');
    expect(summary).toContain('Vue d’ensemble des grilles');
    // Every grid's title is an axis label of the overview (wrapped: its first word at least).
    for (const g of fr.model.grids) expect(summary).toContain(g.title.split(' ')[0]!);
    const en = await render(makeReportModel({ lang: 'en' }));
    expect(text(en)).toContain('All grids at a glance');
  }, 60_000);

  it('should label the overview radar as the grid table does, never rounded across a bound', async () => {
    const base = makeReportModel({ lang: 'fr' });
    const grids = base.grids.map((g, i) => (i === 0 ? { ...g, score: 49.9 } : g));
    const r = await render({ ...base, grids });
    const summary = r.pdf.pages[1]!.runs.map((run) => run.str).join(' ');
    // The grid table writes « 49,9 » without « /100 »: this is the radar's label.
    expect(summary).toContain('49,9/100');
  }, 60_000);

  it('should draw bars, not a radar, for a grid of two dimensions and for two grids', async () => {
    const base = makeReportModel({ lang: 'fr' });
    const grids = base.grids
      .slice(0, 2)
      .map((g) => ({ ...g, dimensions: g.dimensions.slice(0, 2) }));
    const r = await render({ ...base, grids });
    const all = text(r);
    expect(all).toContain('Scores des grilles');
    expect(all).toContain('Scores des dimensions');
    expect(all).not.toContain('Radar des dimensions');
    expect(all).not.toContain('Vue d’ensemble des grilles');
  }, 60_000);
});

describe('renderReportPdf: a grid starts where its title, score and radar fit together', () => {
  /** The page of the first 15 pt run (a level-1 title) starting with `title`'s first words. */
  const pageOfTitle = (pdf: PdfText, title: string) =>
    pdf.pages.find((p) =>
      p.runs.some((r) => Math.abs(r.size - 15) < 0.01 && title.startsWith(r.str.slice(0, 12))),
    )?.number;

  it('never leaves a grid’s title and score at the foot of a page with its radar on the next', async () => {
    const base = makeReportModel({ lang: 'fr' });
    // Longer and longer descriptions push each following grid's start down the page.
    for (const lines of [0, 3, 6, 9, 12, 15, 18, 21]) {
      const description = Array.from(
        { length: lines },
        (_, i) =>
          `Ligne ${i + 1} d’une description assez longue pour occuper toute une ligne du rapport.`,
      ).join(' ');
      const grids = base.grids.map((g) => ({ ...g, description }));
      const { pdf } = await render({ ...base, grids });
      for (const grid of grids.filter((g) => g.dimensions.length >= 3)) {
        const titlePage = pageOfTitle(pdf, grid.title);
        expect(titlePage, `${grid.title} (${lines} lines)`).toBeDefined();
        const radarPage = pdf.pages.find(
          (p) =>
            p.number >= titlePage! && p.runs.some((r) => r.str.startsWith('Radar des dimensions')),
        )?.number;
        expect(radarPage, `${grid.title}, description of ${lines} lines`).toBe(titlePage);
      }
    }
  }, 120_000);
});
