/**
 * The editable report: the same report model as the PDF (`render-pdf.ts`), as a Word document
 * (.docx, Office Open XML) that consultants and representatives can edit. The same sections
 * (`sections/`), in the same order, with the same words and figures, written by the Word writer
 * (`docx-writer.ts`): headings as Word's « Titre 1/2/3 » styles, tables as Word tables, radars
 * and bars as PNG images drawn from the same chart data (`chart-image.ts`), law with its
 * verified date and « not legal advice », the kit of the diagnostic's purpose. The only module
 * that imports `docx`: load it with `import()` when the user asks for the file.
 */
import { Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ReportModel } from '@/domain/report/report-model';
import { chartPng, type ChartSpec, type PngImage } from './chart-image';
import { DocxWriter, halfPoints, hex } from './docx-writer';
import { BODY_SIZE, COLORS } from './layout';
import { colonOf, formatters, reportFileName, reportLocale, type Translate } from './report-text';
import { writeReport } from './sections/report';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type DocxOptions = {
  /** Draws a chart as a PNG; the browser's canvas by default (tests pass their own). */
  chartImage?: (spec: ChartSpec) => Promise<PngImage>;
};

const FONT = 'Calibri';

/** Renders the report model as a .docx; `t` is bound to the `report` namespace and model.lang. */
export async function renderReportDocx(
  model: ReportModel,
  t: Translate,
  options: DocxOptions = {},
): Promise<{ blob: Blob; fileName: string }> {
  const f = formatters(model.lang);
  const writer = new DocxWriter(options.chartImage ?? chartPng, colonOf(model.lang));
  writeReport(writer, model, t);
  const body = await writer.body();

  // Running header and footer on every page but the cover.
  const d = model.diagnostic;
  const small = { size: 15, color: hex(COLORS.muted) };
  const headerLine = new Paragraph({
    children: [new TextRun({ text: `${d.title} · ${t('documentKind')}`, ...small })],
  });
  // « Page {{page}} sur {{total}} » with Word's fields in the places of the figures.
  const pageText = t('footer.page', { page: '\uE000', total: '\uE001' });
  const pageRuns = pageText
    .split(/(\uE000|\uE001)/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '\uE000'
        ? new TextRun({ children: [PageNumber.CURRENT], size: 15 })
        : part === '\uE001'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 15 })
          : new TextRun({ text: part, ...small }),
    );
  const footerLine = new Paragraph({
    children: [
      new TextRun({
        text: `${t('footer.generated', { date: f.date(model.generatedAt) })} · ${t('footer.local')}   `,
        ...small,
      }),
      ...pageRuns,
    ],
  });
  const doc = new Document({
    title: d.title,
    subject: t('meta.subject'),
    creator: t('appName'),
    keywords: t('meta.keywords'),
    description: t('documentKind'),
    styles: {
      default: {
        document: {
          run: {
            font: FONT,
            size: halfPoints(BODY_SIZE),
            color: hex(COLORS.text),
            language: { value: reportLocale(model.lang) },
          },
        },
        heading1: { run: { color: hex(COLORS.accent), size: 32, bold: true } },
        heading2: { run: { color: hex(COLORS.accent), size: 26, bold: true } },
        heading3: { run: { color: hex(COLORS.text), size: 22, bold: true } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1360, bottom: 1247, left: 1134, right: 1134 },
          },
        },
        headers: { default: new Header({ children: [headerLine] }) },
        footers: { default: new Footer({ children: [footerLine] }) },
        children: body,
      },
    ],
  });
  const blob = await Packer.toBlob(doc);
  return {
    blob: blob.type === DOCX_TYPE ? blob : new Blob([blob], { type: DOCX_TYPE }),
    fileName: reportFileName(d.title, model.generatedAt, t('fileNameFallback'), 'docx'),
  };
}
