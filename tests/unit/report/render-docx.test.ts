// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import { UNKNOWN_CONTEXT } from '@/domain/context/applies-when';
import { LegalCatalogue } from '@/domain/legal/schema';
import { buildLegalReport } from '@/domain/report/build-report-model';
import { drawChart, type ChartContext } from '@/report/chart-image';
import { DOCX_TYPE, renderReportDocx } from '@/report/render-docx';
import { renderReportPdf } from '@/report/render-pdf';
import { makeGrid } from '../../fixtures/make-grid';
import { makeReportModel } from '../../fixtures/report-model';
import { type Docx, renderDocx } from './docx-xml';
import { extractPdf, type PdfText } from './pdf-text';
import { makeT } from './translate';

/** Strings right of the PDF run that starts `label`, on its baseline (one list per such row). */
function pdfRows(pdf: PdfText, label: string): string[][] {
  const rows: string[][] = [];
  for (const page of pdf.pages)
    for (const run of page.runs) {
      if (run.str.length < 6 || !label.startsWith(run.str) || Math.abs(run.size - 8.5) > 0.01)
        continue;
      rows.push(
        page.runs
          .filter((r) => Math.abs(r.y - run.y) < 0.3 && r.x > run.x + 0.1)
          .sort((a, b) => a.x - b.x)
          .map((r) => r.str),
      );
    }
  return rows;
}

const headings = (docx: Docx, style: string): string[] =>
  docx.paragraphs.filter((p) => p.style === style).map((p) => p.text);

describe('renderReportDocx', { timeout: 60_000 }, () => {
  let fr: Docx;
  let en: Docx;
  let frPdf: PdfText;
  let enPdf: PdfText;
  const frModel = makeReportModel({ lang: 'fr' });
  const enModel = makeReportModel({ lang: 'en' });

  beforeAll(async () => {
    [fr, en] = await Promise.all([renderDocx(frModel), renderDocx(enModel)]);
    frPdf = await extractPdf((await renderReportPdf(frModel, makeT('fr'))).blob);
    enPdf = await extractPdf((await renderReportPdf(enModel, makeT('en'))).blob);
  }, 90_000);

  it('is a Word document: its parts, type and file name', () => {
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/styles.xml',
      'word/_rels/document.xml.rels',
      'docProps/core.xml',
    ])
      expect(Object.keys(fr.files), part).toContain(part);
    expect(fr.blob.type).toBe(DOCX_TYPE);
    expect(fr.fileName).toMatch(/^diagnostic-qvt-et-numerique-.*-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(strFromU8(fr.files['docProps/core.xml'] ?? new Uint8Array())).toContain(
      'Diagnostic QVT et numérique — déploiement de la télégestion « Planéo »',
    );
  });

  it('puts the PDF’s sections as Heading 1, in the PDF’s order, French and English', () => {
    const grids = frModel.grids.map((g) => g.title);
    expect(headings(fr, 'Heading1')).toEqual([
      'Synthèse',
      ...grids,
      ...headings(fr, 'Heading1').slice(grids.length + 1, -4),
      'Plan d’action',
      'Commentaires',
      'Points à négocier',
      'Annexe\u00a0: méthode',
    ]);
    expect(headings(en, 'Heading1').slice(-4)).toEqual([
      'Action plan',
      'Comments',
      'Points for negotiation',
      'Annex: method',
    ]);
    // The PDF holds every one of them too.
    for (const title of headings(fr, 'Heading1'))
      expect(frPdf.text.replace(/\s+/g, ' ')).toContain(title.slice(0, 20).replace(/\s+/g, ' '));
    // Heading 2 and 3 below them; the styles exist, so Word's navigation pane lists them.
    expect(headings(fr, 'Heading2')).toContain('Radar des dimensions');
    expect(headings(fr, 'Heading3').length).toBeGreaterThan(3);
    const styles = strFromU8(fr.files['word/styles.xml'] ?? new Uint8Array());
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Title'])
      expect(styles).toContain(`w:styleId="${id}"`);
    expect(styles).toContain('w:val="fr-FR"');
    expect(strFromU8(en.files['word/styles.xml'] ?? new Uint8Array())).toContain('w:val="en-GB"');
  });

  it.each([
    ['fr', () => [frModel, fr, frPdf] as const],
    ['en', () => [enModel, en, enPdf] as const],
  ])('shows each dimension’s row as the PDF’s score table does (%s)', (_lang, get) => {
    const [model, docx, pdf] = get();
    let checked = 0;
    for (const grid of model.grids) {
      // The grid's score table: its header, then one row per dimension.
      const table = docx.tables.find(
        (t) => t.length === grid.dimensions.length + 1 && t[1]?.[0] === grid.dimensions[0]?.label,
      );
      expect(table, grid.title).toBeDefined();
      grid.dimensions.forEach((dim, i) => {
        const [label, ...cells] = table?.[i + 1] ?? [];
        expect(label).toBe(dim.label);
        // The level's colour square is a character in Word, a drawn square in the PDF.
        const row = cells.map((cell) => cell.replace(/^■ /, ''));
        const same = (a: string, b: string): boolean =>
          a.replace(/\s/g, ' ') === b.replace(/\s/g, ' ');
        // Score, coverage, « don't know » and n alike; the PDF may wrap the level on two lines.
        const found = pdfRows(pdf, dim.label).some(
          (r) =>
            r.length === row.length &&
            row.every((cell, k) =>
              k === 1 ? cell.startsWith(r[k] ?? '\u0000') : same(cell, r[k] ?? ''),
            ),
        );
        expect(found, `${dim.label}: ${row.join(' | ')}`).toBe(true);
        checked += 1;
      });
    }
    expect(checked).toBe(32);
  });

  it('keeps the display rule: 49,6 stays 49,6 beside « Fragile », a missing score is no 0', () => {
    const table = fr.tables.find((t) => t[1]?.[0] === frModel.grids[1]?.dimensions[0]?.label);
    expect(table?.map((row) => row[1])).toEqual([
      'Score /100',
      '35',
      '59',
      '23',
      '41',
      '—',
      '67',
      '49,6',
      '76',
    ]);
    expect(table?.[5]?.[2]).toBe('Réponses insuffisantes');
  });

  it('draws a radar per grid and the overview from the same figures, as PNG images', () => {
    // The overview of all grids, then one radar per grid (8 dimensions each).
    expect(fr.charts.map((c) => c.kind)).toEqual(['radar', 'radar', 'radar', 'radar', 'radar']);
    expect(fr.charts[0]?.axes.map((a) => a.label)).toEqual(frModel.grids.map((g) => g.title));
    const second = fr.charts[2];
    expect(second?.axes.map((a) => a.value)).toEqual([
      '35/100',
      '59/100',
      '23/100',
      '41/100',
      'réponses insuffisantes',
      '67/100',
      '49,6/100',
      '76/100',
    ]);
    expect(second?.axes[4]?.score).toBeNull();
    expect(en.charts[2]?.axes[4]?.value).toBe('insufficient answers');
    const media = Object.keys(fr.files).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media.length).toBeGreaterThanOrEqual(1);
    expect(fr.xml.match(/<pic:pic/g)?.length).toBe(5);
    expect(fr.xml).toContain('descr="Radar des dimensions — ');
    expect(strFromU8(fr.files['[Content_Types].xml'] ?? new Uint8Array())).toContain('png');
  });

  it('draws bars for a grid of fewer than three dimensions', async () => {
    const model = makeReportModel({ lang: 'fr' });
    const grid = model.grids[0];
    if (!grid) throw new Error('fixture');
    const docx = await renderDocx({
      ...model,
      grids: [{ ...grid, dimensions: grid.dimensions.slice(0, 2) }],
    });
    expect(docx.charts.map((c) => [c.kind, c.axes.length])).toEqual([
      ['bars', 1],
      ['bars', 2],
    ]);
    expect(headings(docx, 'Heading2')).toContain('Scores par dimension');
  });

  it('writes tables as Word tables with a repeated header row', () => {
    expect(fr.xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(10);
    expect(fr.xml).toContain('<w:tblHeader');
    // The action plan, with its columns.
    expect(fr.tables.some((t) => t[0]?.[0] === 'Action' && t[0]?.length === 5)).toBe(true);
  });

  it('fails, rather than leave a radar out, when a chart cannot be drawn', async () => {
    await expect(
      renderReportDocx(frModel, makeT('fr'), {
        chartImage: () => Promise.reject(new Error('canvas refused')),
      }),
    ).rejects.toThrow('canvas refused');
  });
});

describe('the .docx legal references', { timeout: 60_000 }, () => {
  it('shows the references that apply, with the verified date and « not legal advice »', async () => {
    const catalogue = LegalCatalogue.parse(
      JSON.parse(
        readFileSync(join(__dirname, '../../../questionnaires/legal-references.json'), 'utf8'),
      ),
    );
    for (const lang of ['fr', 'en'] as const) {
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
          legalRefs: ['ct-l2312-5', 'ct-l1222-4'],
          condition: { type: 'dimension', dimension: 'd-a', op: 'below', value: 50 },
        },
      ];
      const context = { ...UNKNOWN_CONTEXT, size: '11-49' as const, cse: 'no' as const };
      const legal = buildLegalReport(catalogue, [grid], [first], context, lang);
      expect(legal.references.length).toBeGreaterThan(0);
      const docx = await renderDocx({ ...base, legal });
      const all = docx.paragraphs.map((p) => p.text).join('\n');
      expect(headings(docx, 'Heading1')).toContain(
        lang === 'fr' ? 'Références juridiques' : 'Legal references',
      );
      expect(all).toContain('Code du travail, art. L1222-4');
      expect(all).toContain(
        lang === 'fr'
          ? 'État du droit vérifié au 7 décembre 2026\u202f; ce n’est pas un conseil juridique.'
          : 'not legal advice',
      );
    }
  });
});

describe('drawChart', () => {
  it('writes every axis label and value, the gap in its colour, on a recording context', () => {
    const texts: { text: string; color: unknown }[] = [];
    const ctx = {
      beginPath() {},
      moveTo() {},
      lineTo() {},
      closePath() {},
      stroke() {},
      fill() {},
      arc() {},
      fillRect() {},
      strokeRect() {},
      setLineDash() {},
      measureText: (text: string) => ({ width: text.length * 7 }),
      fillText(text: string) {
        texts.push({ text, color: ctx.fillStyle });
      },
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
      font: '',
      textAlign: 'left',
      textBaseline: 'top',
    } as unknown as ChartContext;
    drawChart(ctx, {
      kind: 'radar',
      axes: [
        { label: 'Charge de travail', score: 62, value: '62/100' },
        { label: 'Autonomie', score: null, value: 'réponses insuffisantes' },
        { label: 'Droit à la déconnexion', score: 49.6, value: '49,6/100' },
      ],
      ticks: ['25', '50', '75', '100'],
    });
    const written = texts.map((t) => t.text);
    for (const text of ['Charge de travail', '62/100', 'Autonomie', '49,6/100', '100'])
      expect(written.join(' ')).toContain(text);
    const gap = texts.filter((t) => 'réponses insuffisantes'.includes(t.text));
    expect(gap.map((t) => t.text).join(' ')).toBe('réponses insuffisantes');
    expect(gap.every((t) => t.color === '#b45309')).toBe(true);
  });
});
