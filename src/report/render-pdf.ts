/**
 * The PDF report, built in the browser from the report model: the sections of `sections/`
 * (cover, summary, one section per grid, legal references, evolution, workshop, action plan,
 * comments, the purpose's section and kit, method annex) written by the PDF writer
 * (`pdf-writer.ts`) on A4 pages, with a running header and footer. The only module that imports
 * jsPDF: load it with `import()`.
 *
 * Text is set in an embedded DejaVu Sans subset so every French character renders, including
 * the narrow no-break space U+202F that `toLocaleString('fr-FR')` puts in numbers.
 */
import { jsPDF } from 'jspdf';
import { newPdfDocument, PDF_FONTS } from './pdf-document';
import type { ReportModel } from '@/domain/report/report-model';
import { COLORS, Layout, type TextStyle } from './layout';
import { PAGE, PdfWriter } from './pdf-writer';
import { formatters, reportFileName, reportLocale, type Translate } from './report-text';
import { skipRtlPluginsOnOtherText } from './rtl-plugins';
import { writeReport } from './sections/report';

// Kept here for the callers and tests that read them from the renderer.
export { reasonText, reportFileName, reportLocale, slugify, type Translate } from './report-text';
export { PAGE } from './pdf-writer';

// Once, for every document: jsPDF's right-to-left plugins only where a text needs them.
skipRtlPluginsOnOtherText(jsPDF.API as unknown as Parameters<typeof skipRtlPluginsOnOtherText>[0]);

/** Renders the report model as an A4 PDF; `t` is bound to the `report` namespace and model.lang. */
export async function renderReportPdf(
  model: ReportModel,
  t: Translate,
): Promise<{ blob: Blob; fileName: string }> {
  const { doc, output } = newPdfDocument();

  const f = formatters(model.lang);
  const title = model.diagnostic.title;
  doc.setProperties({
    title,
    subject: t('meta.subject'),
    author: model.diagnostic.organisation ?? '',
    keywords: t('meta.keywords'),
    creator: t('appName'),
  });
  doc.setLanguage(reportLocale(model.lang) as Parameters<jsPDF['setLanguage']>[0]);
  const created = new Date(model.generatedAt);
  if (!Number.isNaN(created.getTime())) doc.setCreationDate(created);

  const layout = new Layout(doc, PAGE, PDF_FONTS);
  writeReport(new PdfWriter(doc, layout), model, t);

  layout.finish();

  // Running header and footer on every page but the cover ------------------------------------
  const total = doc.getNumberOfPages();
  const generated = t('footer.generated', { date: f.date(model.generatedAt) });
  const headerStyle: TextStyle = { size: 7.5, color: COLORS.muted };
  const kind = t('documentKind');
  const headerTitle = layout.fit(
    title,
    layout.width - layout.measure(kind, headerStyle) - 8,
    headerStyle,
  );
  // The page number is widest on the last page: one cut of the footer line fits every page.
  const widest = layout.measure(
    t('footer.page', { page: f.int(total), total: f.int(total) }),
    headerStyle,
  );
  const footerLeft = layout.fit(
    `${generated} · ${t('footer.local')}`,
    layout.width - widest - 6,
    headerStyle,
  );
  for (let page = 2; page <= total; page += 1) {
    doc.setPage(page);
    layout.use(headerStyle);
    doc.text(headerTitle, layout.left, 13);
    doc.text(kind, layout.right, 13, { align: 'right' });
    doc.setDrawColor(COLORS.rule);
    doc.setLineWidth(0.3);
    doc.line(layout.left, 15.5, layout.right, 15.5);
    doc.line(layout.left, PAGE.height - 15, layout.right, PAGE.height - 15);
    doc.text(footerLeft, layout.left, PAGE.height - 10.5);
    doc.text(
      t('footer.page', { page: f.int(page), total: f.int(total) }),
      layout.right,
      PAGE.height - 10.5,
      {
        align: 'right',
      },
    );
  }

  const blob = await output();
  return {
    blob,
    fileName: reportFileName(title, model.generatedAt, t('fileNameFallback')),
  };
}
