// @vitest-environment node
import { jsPDF } from 'jspdf';
import type { ReportModel } from '@/domain/report/report-model';
import { renderReportPdf } from '@/report/render-pdf';
import {
  needsRtlPlugins,
  restoreRtlPlugins,
  skipRtlPluginsOnOtherText,
} from '@/report/rtl-plugins';
import { makeReportModel } from '../../fixtures/report-model';
import { makeT } from './translate';

type Api = Parameters<typeof skipRtlPluginsOnOtherText>[0];
const api = jsPDF.API as unknown as Api;

/** The PDF as text, without its random file identifier (the only part that differs per run). */
async function pdfOf(model: ReportModel): Promise<string> {
  const { blob } = await renderReportPdf(model, makeT(model.lang === 'en' ? 'en' : 'fr'));
  const text = new TextDecoder('latin1').decode(await blob.arrayBuffer());
  expect(text).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
  return text.replace(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/, '/ID');
}

/** The fixture model with right-to-left comments (Hebrew, Arabic with an RLM, Arabic digits). */
function withRtlComments(): ReportModel {
  const model = makeReportModel({ lang: 'fr' });
  const [first] = model.comments;
  if (!first) throw new Error('the fixture model has comments');
  first.comments = [...first.comments, 'שלום עולם (בדיקה)', 'مرحبا بالعالم \u200f١٢٣', 'لا إله'];
  return model;
}

describe('jsPDF right-to-left plugins run only where a text needs them', () => {
  it('should find both plugins in jsPDF, wrapped once however often it is called', () => {
    // render-pdf.ts has wrapped them on import; wrapping again changes nothing.
    expect(skipRtlPluginsOnOtherText(api)).toBe(2);
    const before = [...(api.events ?? [])].map((e) => e[1]);
    expect(skipRtlPluginsOnOtherText(api)).toBe(2);
    expect([...(api.events ?? [])].map((e) => e[1])).toEqual(before);
  });

  it.each([
    ['French text', 'Qualité de vie au travail : « œuvre » 1\u202f000 €', false],
    ['encoded glyph ids', '<00410042>', false],
    ['an array of lines', ['ligne un', ['ligne deux', 0, 0]], false],
    ['Hebrew', 'שלום', true],
    ['Arabic', 'مرحبا', true],
    ['Arabic presentation forms', '\ufefb', true],
    ['a right-to-left mark', 'abc\u200f', true],
    ['a right-to-left override', '\u202eabc', true],
    ['an array with one Arabic line', ['ligne', ['مرحبا', 0, 0]], true],
  ])('%s: needs the plugins = %s', (_, text, expected) => {
    expect(needsRtlPlugins({ text, options: { align: 'left' } })).toBe(expected);
  });

  it('should run the plugins when a call sets a bidi option, whatever the text', () => {
    expect(needsRtlPlugins({ text: 'abc', options: { isInputRtl: true } })).toBe(true);
    expect(needsRtlPlugins({ text: 'abc', options: { isOutputVisual: false } })).toBe(true);
  });

  it('should still shape Arabic text (the wrapped shaper is called)', () => {
    const shaper = api.events?.find((e) => e[0] === 'preProcessText')?.[1] as (p: {
      text: string;
    }) => void;
    const payload = { text: 'مرحبا' };
    shaper.call({}, payload);
    // Contextual forms (U+FE70–U+FEFF) replace the base letters.
    expect(payload.text).not.toBe('مرحبا');
    expect(payload.text).toMatch(/[\ufe70-\ufeff]/);
  });

  it('should give the same PDF, byte for byte, as jsPDF with its plugins run on every text', async () => {
    const models = [
      makeReportModel({ lang: 'fr' }),
      makeReportModel({ lang: 'en' }),
      withRtlComments(),
    ];
    const guarded = [];
    for (const model of models) guarded.push(await pdfOf(model));
    const wrappedHandlers = (api.events ?? []).map((e) => e[1]);
    restoreRtlPlugins(api);
    try {
      const changed = (api.events ?? []).filter((e, i) => e[1] !== wrappedHandlers[i]);
      expect(changed.map((e) => e[0]).sort()).toEqual(['postProcessText', 'preProcessText']);
      for (const [i, model] of models.entries()) {
        const plain = await pdfOf(model);
        expect(plain.length, `model ${i}`).toBe(guarded[i]?.length);
        expect(plain === guarded[i], `model ${i}`).toBe(true);
      }
    } finally {
      skipRtlPluginsOnOtherText(api);
    }
  }, 60_000);
});
