/**
 * A new A4 PDF with the report's fonts (DejaVu Sans, regular and bold, so that every French
 * character renders), and its output, deflated natively when the browser can: what the report
 * (`render-pdf.ts`) and the paper questionnaire (`render-paper.ts`) both start and end with.
 */
import { jsPDF } from 'jspdf';
import { canDeflateNatively, deflatePdf } from './deflate-pdf';
import { DEJAVU_SANS } from './fonts/dejavu-sans';
import { DEJAVU_SANS_BOLD } from './fonts/dejavu-sans-bold';
import type { FontFamilies } from './layout';

export const PDF_FONTS: FontFamilies = { sans: 'DejaVuSans', mono: 'courier' };

export type PdfDocument = { doc: jsPDF; output: () => Promise<Blob> };

export function newPdfDocument(): PdfDocument {
  // Streams are deflated natively at the end when the browser can; else by jsPDF (fflate).
  const native = canDeflateNatively();
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: !native });
  doc.addFileToVFS('DejaVuSans.ttf', DEJAVU_SANS);
  doc.addFont('DejaVuSans.ttf', PDF_FONTS.sans, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', DEJAVU_SANS_BOLD);
  doc.addFont('DejaVuSans-Bold.ttf', PDF_FONTS.sans, 'bold');
  doc.setFont(PDF_FONTS.sans, 'normal');
  return {
    doc,
    output: async () => {
      const packed = native ? await deflatePdf(doc.output()) : null;
      return packed
        ? new Blob([packed as BlobPart], { type: 'application/pdf' })
        : doc.output('blob');
    },
  };
}
