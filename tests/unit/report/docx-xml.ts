/**
 * Reads a rendered .docx back for the renderer tests: its parts, its paragraphs with their
 * style, its tables as rows of cell texts, and the charts it asked to draw (recorded, drawn as a
 * 1×1 PNG: the canvas drawing is the browser's, tested in e2e).
 */
import { strFromU8, unzipSync } from 'fflate';
import type { ReportModel } from '@/domain/report/report-model';
import type { ChartSpec } from '@/report/chart-image';
import { renderReportDocx } from '@/report/render-docx';
import { makeT } from './translate';

/** A 1×1 PNG: the charts' drawing is a canvas's in the browser (e2e); here the data is recorded. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

export type Docx = {
  files: Record<string, Uint8Array>;
  xml: string;
  /** Paragraphs' text, with their style id (Heading1, Title…) or '' for body text. */
  paragraphs: { style: string; text: string }[];
  /** Every table, as rows of cell texts. */
  tables: string[][][];
  charts: ChartSpec[];
  fileName: string;
  blob: Blob;
};

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? '')).join('');

export async function renderDocx(model: ReportModel): Promise<Docx> {
  const charts: ChartSpec[] = [];
  const { blob, fileName } = await renderReportDocx(model, makeT(model.lang as 'fr' | 'en'), {
    chartImage: (spec) => {
      charts.push(spec);
      return Promise.resolve({ data: PNG, width: 600, height: 460 });
    },
  });
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map(
    (m) => {
      const body = m[1] ?? m[2] ?? '';
      return { style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '', text: textOf(body) };
    },
  );
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1] ?? '')),
    ),
  );
  return { files, xml, paragraphs, tables, charts, fileName, blob };
}
