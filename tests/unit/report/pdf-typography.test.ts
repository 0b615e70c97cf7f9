// @vitest-environment node
/**
 * French typography in the PDF: the embedded DejaVu subset (`npm run gen:font`) has a glyph for
 * every character of every displayed text (a character outside the subset prints as nothing), and
 * a typographed French report draws its no-break spaces, curly apostrophes and guillemets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishFixes } from '@/domain/text/english-glossary';
import { frenchTypography } from '@/domain/text/french-typography';
import { listTexts, type TextSource } from '@/domain/text/text-sources';
import { DEJAVU_SANS } from '@/report/fonts/dejavu-sans';
import { DEJAVU_SANS_BOLD } from '@/report/fonts/dejavu-sans-bold';
import type { LegalReport } from '@/domain/report/report-model';
import { renderReportPdf } from '@/report/render-pdf';
import { makeReportModel } from '../../fixtures/report-model';
import { extractPdf, glyphIds, rawStreams, type PdfText } from './pdf-text';
import { makeT } from './translate';

const ROOT = join(__dirname, '../../..');

/** Code point → glyph id of a TrueType font's Unicode cmap (format 4 subtable, BMP). */
function cmapOf(base64: string): (codePoint: number) => number {
  const font = Buffer.from(base64, 'base64');
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i += 1) {
    const record = 12 + 16 * i;
    if (font.toString('latin1', record, record + 4) === 'cmap')
      cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error('no cmap table');
  let sub = -1;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i += 1) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const at = cmap + font.readUInt32BE(record + 4);
    if ((platform === 3 && encoding === 1) || platform === 0) {
      if (font.readUInt16BE(at) === 4) sub = at;
    }
  }
  if (sub < 0) throw new Error('no format 4 Unicode cmap');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (c) => {
    for (let s = 0; s < segments; s += 1) {
      if (c > font.readUInt16BE(ends + 2 * s)) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (c < start) return 0;
      const delta = font.readInt16BE(deltas + 2 * s);
      const offsetAt = rangeOffsets + 2 * s;
      const offset = font.readUInt16BE(offsetAt);
      if (offset === 0) return (c + delta) & 0xffff;
      const glyph = font.readUInt16BE(offsetAt + offset + 2 * (c - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function displayedTexts(): string[] {
  const texts: string[] = [];
  const read = (path: string, source: TextSource) =>
    texts.push(
      ...listTexts(JSON.parse(readFileSync(join(ROOT, path), 'utf8')), source).map((t) => t.text),
    );
  for (const lang of ['fr', 'en'] as const) {
    const dir = `src/i18n/locales/${lang}`;
    for (const f of readdirSync(join(ROOT, dir))) read(`${dir}/${f}`, { kind: 'locale', lang });
  }
  for (const f of readdirSync(join(ROOT, 'questionnaires'))) {
    if (!f.endsWith('.json') || f.endsWith('.schema.json')) continue;
    read(`questionnaires/${f}`, { kind: 'localized', frenchKeys: ['source'] });
  }
  return texts;
}

/** The model with every text (not ids: a text has a space) given the English spacing and quotes. */
function englishTexts<T>(value: T): T {
  if (typeof value === 'string') return (value.includes(' ') ? englishFixes(value) : value) as T;
  if (Array.isArray(value)) return value.map(englishTexts) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, englishTexts(v)])) as T;
}

const TYPOGRAPHY = ['\u00a0', '\u202f', '’', '«', '»', '…', '–', '—', '“', '”', 'œ', 'Œ', 'É', 'ç'];

describe('the PDF fonts', () => {
  const fonts = [
    ['DejaVu Sans', cmapOf(DEJAVU_SANS)],
    ['DejaVu Sans Bold', cmapOf(DEJAVU_SANS_BOLD)],
  ] as const;

  it.each(fonts)('%s: should have a glyph for each character of French typography', (_, glyph) => {
    expect(TYPOGRAPHY.filter((c) => glyph(c.codePointAt(0) ?? 0) === 0)).toEqual([]);
    // The parser itself: a character the subset leaves out has no glyph.
    expect(glyph(0x4e2d)).toBe(0); // 中
  });

  it.each(fonts)(
    '%s: should have a glyph for every character of every displayed text (FR and EN)',
    (_, glyph) => {
      const chars = new Set([...displayedTexts().join('')]);
      expect(chars.size).toBeGreaterThan(80);
      const missing = [...chars].filter((c) => c !== '\n' && glyph(c.codePointAt(0) ?? 0) === 0);
      expect(missing.map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16)} ${c}`)).toEqual([]);
    },
  );
});

const CITED = {
  fr: 'Organiser l’information-consultation du CSE avant le déploiement',
  en: 'Hold the works council information-consultation before roll-out',
};

/** A legal section of one reference, cited by one recommendation titled `title`. */
function legalCitedBy(title: string): LegalReport {
  return {
    references: [
      {
        id: 'ct-l2312-8',
        citation: 'Code du travail, art. L2312-8',
        summary: 'Le CSE est informé et consulté.',
        grants: 'Une information-consultation.',
        source: 'Légifrance, Code du travail, art. L2312-8.',
        verifiedOn: '2026-12-07',
        unverified: null,
        dependsOn: {},
        citedBy: [{ gridId: 'social-dialogue', id: 'sd-rec-x', title }],
      },
    ],
    excluded: [],
  };
}

describe('a typographed French report', () => {
  const NOTE = frenchTypography("« L'outil » : ça marche ; vraiment ? Oui ! À 20 %");
  let fr: { blob: Blob; pdf: PdfText };
  let en: PdfText;

  beforeAll(async () => {
    const model = makeReportModel({ lang: 'fr' });
    model.diagnostic.title = NOTE;
    model.legal = legalCitedBy(CITED.fr);
    const { blob } = await renderReportPdf(model, makeT('fr'));
    fr = { blob, pdf: await extractPdf(blob) };
    // The fixture's user texts (comments, plan) are French: made English, so that any French
    // spacing left in the English PDF comes from the renderer itself.
    const english = englishTexts(makeReportModel({ lang: 'en' }));
    english.legal = legalCitedBy(CITED.en);
    en = await extractPdf((await renderReportPdf(english, makeT('en'))).blob);
  }, 60_000);

  it('should draw every character of a typographed string, spaces included', async () => {
    const streams = await rawStreams(fr.blob);
    const glyphs = glyphIds(streams);
    const missing = [...NOTE].filter(
      (c) => !/^[0-9a-f]{4}$/.test(glyphs.get(c.codePointAt(0) ?? 0) ?? ''),
    );
    expect(missing).toEqual([]);
    // Drawn as one run of glyphs, the no-break spaces included.
    const run = [...'ça marche\u202f; vraiment\u202f?']
      .map((c) => glyphs.get(c.codePointAt(0) ?? 0))
      .join('');
    expect(run).toHaveLength(4 * 22);
    expect(streams.some((s) => s.toLowerCase().includes(run))).toBe(true);
    // pdfjs gives the no-break spaces back as plain spaces.
    expect(fr.pdf.text).toContain('« L’outil » : ça marche ; vraiment ? Oui ! À 20 %');
  });

  it('should never start a French line with « : ; ? ! » », and say « Pourquoi : » with its space', () => {
    const runs = fr.pdf.pages.flatMap((p) => p.runs.map((r) => r.str));
    expect(runs.filter((s) => /^[:;?!»]/.test(s.trim()))).toEqual([]);
    expect(fr.pdf.text).toMatch(/Pourquoi\s:/);
  });

  it('should quote a cited recommendation in « » with no-break spaces in French, “ ” in English', async () => {
    expect(fr.pdf.text).toContain(`« ${CITED.fr} »`);
    const glyphs = glyphIds(await rawStreams(fr.blob));
    const open = ['«', '\u00a0', 'O'].map((c) => glyphs.get(c.codePointAt(0) ?? 0)).join('');
    expect((await rawStreams(fr.blob)).some((s) => s.toLowerCase().includes(open))).toBe(true);
    expect(en.text).toContain(`“${CITED.en}”`);
  });

  it('should have no space before a colon or semicolon and no guillemets in the English report', () => {
    const runs = en.pages.flatMap((p) => p.runs.map((r) => r.str));
    expect(runs.filter((s) => /\S\s+[:;?!](\s|$)/.test(s) || /[«»]/.test(s))).toEqual([]);
    expect(en.text).toMatch(/Why:/);
  });
});
