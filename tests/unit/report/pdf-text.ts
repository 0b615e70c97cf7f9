/** Text extraction from a rendered PDF with pdfjs-dist (no worker), for renderer tests. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdfjs needs the metrics of the 14 standard fonts (the report uses Courier for hashes). */
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

const PT = 72 / 25.4;

/** One text run: position of its baseline start from the page's top-left, in mm; size in pt. */
export type TextRun = { str: string; x: number; y: number; width: number; size: number };
export type PageText = { number: number; width: number; height: number; runs: TextRun[] };
export type PdfText = {
  pages: PageText[];
  info: Record<string, unknown>;
  /** All text, runs joined by spaces, pages by newlines. */
  text: string;
};

/** Loads a PDF blob and returns its text runs page by page, and its document info. */
export async function extractPdf(blob: Blob): Promise<PdfText> {
  const data = new Uint8Array(await blob.arrayBuffer());
  const pdf = await getDocument({
    data,
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  const pages: PageText[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const [, , w = 0, h = 0] = page.view;
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a = 0, , , , e = 0, f = 0] = item.transform as number[];
      runs.push({ str: item.str, x: e / PT, y: (h - f) / PT, width: item.width / PT, size: a });
    }
    pages.push({ number: n, width: w / PT, height: h / PT, runs });
  }
  const meta = await pdf.getMetadata();
  await pdf.destroy();
  return {
    pages,
    info: meta.info as Record<string, unknown>,
    text: pages.map((p) => p.runs.map((r) => r.str).join(' ')).join('\n'),
  };
}

/**
 * The decompressed streams of a PDF (content streams, ToUnicode CMaps…), as latin1 strings.
 * pdfjs normalises U+202F to a plain space when it extracts text, so checking that the glyph
 * of U+202F is really drawn needs the raw streams.
 */
export async function rawStreams(blob: Blob): Promise<string[]> {
  const { inflateSync } = await import('node:zlib');
  const bytes = Buffer.from(await blob.arrayBuffer());
  const text = bytes.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const chunk = bytes.subarray(start, end);
    try {
      out.push(inflateSync(chunk).toString('latin1'));
    } catch {
      out.push(chunk.toString('latin1'));
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}

/** Glyph id (4 hex digits) of each Unicode code point, read from the ToUnicode CMaps. */
export function glyphIds(streams: string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const s of streams) {
    for (const block of s.match(/beginbfchar[\s\S]*?endbfchar/g) ?? []) {
      for (const m of block.matchAll(/<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4})>/g)) {
        map.set(parseInt(m[2] ?? '0', 16), (m[1] ?? '').toLowerCase());
      }
    }
  }
  return map;
}
