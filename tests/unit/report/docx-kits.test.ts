// @vitest-environment node
/**
 * The kits in the Word report: the representatives' kit of a negotiation and the
 * deployment kit of an early-stage diagnostic, with the same texts, selection by context, legal
 * elements (verified date, « not legal advice ») and figures as the PDF, read back from the XML.
 */
import type { ReportModel } from '@/domain/report/report-model';
import { renderReportPdf } from '@/report/render-pdf';
import { KIT_CONTEXT, makeKitReportModel } from '../../fixtures/report-kits';
import { type Docx, renderDocx } from './docx-xml';
import { extractPdf } from './pdf-text';
import { makeT } from './translate';

/** Spaces as both files write them: pdfjs reads U+202F and U+00A0 as spaces, lines joined by one. */
const flat = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The PDF's body text, page after page, without the running header and footer. */
async function pdfBody(model: ReportModel): Promise<string> {
  const { blob } = await renderReportPdf(model, makeT(model.lang === 'en' ? 'en' : 'fr'));
  const pdf = await extractPdf(blob);
  return flat(
    pdf.pages
      .map((page) =>
        page.runs
          .filter((run) => page.number === 1 || (run.y > 16 && run.y < 282))
          .map((run) => run.str)
          .join(' '),
      )
      .join(' '),
  );
}

/** Paragraph texts and table cells from the Heading 1 `from` up to the next Heading 1. */
function part(docx: Docx, from: string): { paragraphs: string[]; headings: string[] } {
  const start = docx.paragraphs.findIndex((p) => p.style === 'Heading1' && p.text === from);
  expect(start, `« ${from} » is a Heading 1`).toBeGreaterThanOrEqual(0);
  const rest = docx.paragraphs.slice(start + 1);
  const end = rest.findIndex((p) => p.style === 'Heading1');
  const inPart = end < 0 ? rest : rest.slice(0, end);
  return {
    paragraphs: inPart.map((p) => p.text).filter((text) => text.trim() !== ''),
    headings: inPart.filter((p) => p.style.startsWith('Heading')).map((p) => p.text),
  };
}

const all = (docx: Docx): string => docx.paragraphs.map((p) => p.text).join('\n');

describe('the Word report’s kits', { timeout: 90_000 }, () => {
  it.each(['fr', 'en'] as const)(
    'holds the representatives’ kit of a negotiation, as the PDF does (%s)',
    async (lang) => {
      const model = makeKitReportModel(lang, 'negotiation');
      const kit = model.kits?.representatives;
      if (!kit) throw new Error('the fixture has a representatives’ kit');
      const t = makeT(lang);
      const docx = await renderDocx(model);
      const kitPart = part(docx, t('kits:pdf.representatives'));
      expect(kitPart.headings).toEqual(
        expect.arrayContaining([
          t('kits:pdf.documents'),
          t('kits:pdf.deadlines'),
          t('kits:pdf.expert'),
          t('kits:pdf.questions'),
          t('kits:pdf.clauses'),
          t('kits:pdf.indicators'),
          t('kits:pdf.actions'),
          ...kit.clauses.map((c) => c.title),
        ]),
      );
      const text = kitPart.paragraphs.join('\n');
      expect(kit.documents.length).toBeGreaterThan(0);
      for (const doc of kit.documents) expect(text).toContain(doc.detail);
      kit.questions.forEach((q, i) => expect(text).toContain(`${i + 1}. ${q.text}`));
      for (const i of kit.indicators) expect(text).toContain(`${i.title} — ${i.detail}`);
      // Legal elements with their verified date and « not legal advice ».
      expect(text).toContain(
        lang === 'fr' ? '\u202f; ce n’est pas un conseil juridique' : '; this is not legal advice',
      );
      expect(text).toMatch(lang === 'fr' ? /État du droit vérifié au \d+/ : /verified on \d+/);
      // The action lines proposed, as a table with the PDF's columns.
      const actionTable = docx.tables.find((table) =>
        kit.actions.every((a) => table.some((row) => row[0] === a.title)),
      );
      expect(actionTable?.[0]).toEqual([
        t('actionPlan.action'),
        t('actionPlan.owner'),
        t('actionPlan.deadline'),
        t('actionPlan.status'),
      ]);
    },
  );

  it.each(['fr', 'en'] as const)(
    'holds the deployment kit of an early-stage diagnostic: situations, checklist, pilot (%s)',
    async (lang) => {
      const model = makeKitReportModel(lang, 'upstream');
      const kit = model.kits?.deployment;
      if (!kit) throw new Error('the fixture has a deployment kit');
      const t = makeT(lang);
      const docx = await renderDocx(model);
      const kitPart = part(docx, t('kits:pdf.deployment'));
      expect(kitPart.headings).toEqual(
        expect.arrayContaining([
          t('kits:pdf.situations'),
          '1. Planning des tournées',
          `2. ${t('kits:deployment.situation', { n: 2 })}`,
          t('kits:pdf.checklist'),
          t('kits:pdf.pilot'),
        ]),
      );
      const text = kitPart.paragraphs.join('\n');
      expect(text).toContain('Aucune notification après 19 h');
      expect(text).toContain('Deux équipes de 12 personnes');
      expect(text).toContain(lang === 'fr' ? '11 janvier 2027' : '11 January 2027');
      for (const line of kit.checklist)
        if (line.source === 'situation') expect(text).toContain(line.text);
      expect(all(docx)).not.toContain(t('kits:pdf.representatives'));
    },
  );

  it('selects by context as the PDF: no consultation time limits nor expert without a CSE', async () => {
    const t = makeT('fr');
    const withCse = await renderDocx(makeKitReportModel('fr', 'negotiation'));
    expect(part(withCse, t('kits:pdf.representatives')).headings).toContain(
      t('kits:pdf.deadlines'),
    );
    // A company of 11–49 without a CSE: the kit built for that context has neither part.
    const small = makeKitReportModel('fr', 'negotiation', {
      ...KIT_CONTEXT,
      size: '11-49',
      cse: 'no',
    });
    expect(small.kits?.representatives?.deadlines).toBeNull();
    const docx = await renderDocx(small);
    const headings = part(docx, t('kits:pdf.representatives')).headings;
    expect(headings).not.toContain(t('kits:pdf.deadlines'));
    expect(headings).not.toContain(t('kits:pdf.expert'));
    expect(headings).toContain(t('kits:pdf.questions'));
  });

  it.each(['fr', 'en'] as const)(
    'holds the same numbers as the PDF: dimension scores, recommendation titles, kit lines (%s)',
    async (lang) => {
      const model = makeKitReportModel(lang, 'negotiation');
      const [docx, pdf] = await Promise.all([renderDocx(model), pdfBody(model)]);
      const t = makeT(lang);
      // Every grid's score table: each row of the Word table is a row of the PDF's, in order.
      for (const grid of model.grids) {
        const table = docx.tables.find(
          (rows) =>
            rows.length === grid.dimensions.length + 1 &&
            rows[1]?.[0] === grid.dimensions[0]?.label,
        );
        expect(table, grid.title).toBeDefined();
        // The PDF draws the level's swatch where the Word report writes « ■ ».
        for (const row of table?.slice(1) ?? []) {
          const line = flat(row.join(' ').replace(/■ /g, ''));
          expect(pdf.includes(line), `${grid.title}: ${line}`).toBe(true);
        }
      }
      // The recommendation titles, as Heading 3 in the Word report.
      const h3 = docx.paragraphs.filter((p) => p.style === 'Heading3').map((p) => p.text);
      for (const rec of model.recommendations) {
        expect(h3).toContain(rec.title);
        expect(pdf.includes(flat(rec.title)), rec.title).toBe(true);
      }
      // Every line of the kit, word for word in the PDF.
      const kitPart = part(docx, t('kits:pdf.representatives'));
      expect(kitPart.paragraphs.length).toBeGreaterThan(20);
      for (const line of kitPart.paragraphs) expect(pdf.includes(flat(line)), line).toBe(true);
    },
  );
});
