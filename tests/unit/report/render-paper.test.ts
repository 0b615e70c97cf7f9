// @vitest-environment node
import { routeGrid } from '@/domain/context/route-grid';
import { UNKNOWN_CONTEXT } from '@/domain/context/applies-when';
import { loadGrid } from '@/domain/grid/load-grid';
import { paperSequence } from '@/domain/room/paper-sequence';
import { renderPaperPdf } from '@/report/render-paper';
import en from '@/i18n/locales/en/room.json';
import fr from '@/i18n/locales/fr/room.json';
import socialDialogue from '../../../questionnaires/social-dialogue.json';
import { extractPdf } from './pdf-text';

type Tree = { [key: string]: string | Tree };
function makeT(lang: 'fr' | 'en') {
  const tree = (lang === 'fr' ? fr : en) as Tree;
  return (key: string, params: Record<string, unknown> = {}) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    // A missing key fails the test: the PDF would print the key itself.
    if (typeof node !== 'string') throw new Error(`missing room translation: ${lang} « ${key} »`);
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

const loaded = loadGrid(socialDialogue);
if (!loaded.ok) throw new Error('bundled grid invalid');
const grid = routeGrid(loaded.grid, UNKNOWN_CONTEXT, 'employee').grid;

describe('renderPaperPdf', { timeout: 60_000 }, () => {
  it('prints each copy on A4 with its code on every page, every item with its boxes (FR)', async () => {
    const { blob, fileName, pages } = await renderPaperPdf(
      {
        diagnosticTitle: 'Atelier logistique',
        grids: [grid],
        roleLabel: 'Salarié·e',
        codes: ['7K2Q-9XM6', '0000-0000'],
        lang: 'fr',
        threshold: 3,
        printedAt: '2026-12-07T10:00:00.000Z',
      },
      makeT('fr'),
    );
    expect(fileName).toBe('questionnaire-papier-atelier-logistique-salarie-e-2026-12-07.pdf');
    const pdf = await extractPdf(blob);
    expect(pdf.pages).toHaveLength(pages);
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(210, 0);
      expect(page.height).toBeCloseTo(297, 0);
    }
    // Two copies, the same number of pages each; each page has its copy's code.
    const codes = pdf.pages.map(
      (p) => /Code (\S{4}-\S{4})/.exec(p.runs.map((r) => r.str).join(' '))?.[1],
    );
    const half = pages / 2;
    expect(codes).toEqual([...Array(half).fill('7K2Q-9XM6'), ...Array(half).fill('0000-0000')]);
    const first = pdf.pages
      .slice(0, half)
      .map((p) => p.runs.map((r) => r.str).join(' '))
      .join('\n');
    const questions = paperSequence([grid]);
    expect(first).toContain(`${questions.length} affirmations.`);
    for (const q of questions) expect(first).toContain(`${q.number}.`);
    expect(first).toContain('N’écrivez pas votre nom');
    expect(first).toContain('[1]');
    expect(first).toContain('[0]');
    expect(first).toContain('[/]');
    expect(first).toContain('Je ne sais pas');
    expect(first).toContain(`Page 1 sur ${half} · exemplaire 7K2Q-9XM6`);
    // Nothing is drawn outside the page's margins.
    for (const page of pdf.pages) {
      for (const run of page.runs) {
        expect(run.x).toBeGreaterThanOrEqual(14);
        expect(run.x + run.width).toBeLessThanOrEqual(196);
      }
    }
  });

  it('speaks English when asked', async () => {
    const { blob } = await renderPaperPdf(
      {
        diagnosticTitle: 'Logistics workshop',
        grids: [grid],
        roleLabel: 'Employee',
        codes: ['7K2Q-9XM6'],
        lang: 'en',
        threshold: 4,
        printedAt: '2026-12-07T10:00:00.000Z',
      },
      makeT('en'),
    );
    const { text } = await extractPdf(blob);
    expect(text).toContain('Questionnaire for: Employee');
    expect(text).toContain('at least 4 people of that role');
    expect(text).toContain('Not applicable');
    expect(text).not.toContain('Je ne sais pas');
  });
});
