/**
 * The text rules of the project (questionnaires/README.md, « French typography » and « English
 * glossary »), over every displayed text of the locale files, the bundled grids and the legal
 * catalogue and the kits: French is typographed in the source (`npm run fix:typography`), English
 * is not, and uses the glossary's words (« works council (CSE) » at the first mention in each text,
 * then « works council »).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acronymIssuesIn, englishFixes, forbiddenEnglishIn } from '@/domain/text/english-glossary';
import { frenchSpacingIn, frenchTypography } from '@/domain/text/french-typography';
import { listTexts, mapTexts, type TextEntry, type TextSource } from '@/domain/text/text-sources';

const ROOT = join(__dirname, '../..');
const LOCALES = join(ROOT, 'src/i18n/locales');
const GRIDS = join(ROOT, 'questionnaires');

type SourceFile = { file: string; texts: TextEntry[] };

function read(path: string, source: TextSource): SourceFile {
  const json: unknown = JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
  return { file: path, texts: listTexts(json, source) };
}

const jsonIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();

const files: SourceFile[] = [
  ...(['fr', 'en'] as const).flatMap((lang) =>
    jsonIn(join(LOCALES, lang)).map((f) =>
      read(`src/i18n/locales/${lang}/${f}`, { kind: 'locale', lang }),
    ),
  ),
  ...jsonIn(GRIDS).map((f) =>
    read(
      `questionnaires/${f}`,
      f === 'legal-references.json'
        ? { kind: 'localized', frenchKeys: ['source'] }
        : { kind: 'localized' },
    ),
  ),
];

const where = (file: string, e: TextEntry) => `${file}: ${e.path}: ${JSON.stringify(e.text)}`;

function offenders(lang: 'fr' | 'en', bad: (text: string) => boolean): string[] {
  return files.flatMap(({ file, texts }) =>
    texts.filter((e) => e.lang === lang && bad(e.text)).map((e) => where(file, e)),
  );
}

describe('the text sources', () => {
  it('should be read: the 16 namespaces in both languages, 4 grids, the legal catalogue and the kits', () => {
    const grids = files.filter((f) => f.file.startsWith('questionnaires/'));
    expect(grids.map((f) => f.file)).toContain('questionnaires/legal-references.json');
    expect(grids.map((f) => f.file)).toContain('questionnaires/kits.json');
    expect(grids.length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => f.file.includes('/locales/fr/')).length).toBeGreaterThanOrEqual(16);
    // Each grid has French and English texts, and the catalogue its French citations.
    for (const grid of grids) {
      expect(grid.texts.filter((t) => t.lang === 'fr').length, grid.file).toBeGreaterThan(20);
      expect(grid.texts.filter((t) => t.lang === 'en').length, grid.file).toBeGreaterThan(20);
    }
    const legal = grids.find((f) => f.file.endsWith('legal-references.json'));
    expect(legal?.texts.some((t) => /\.source$/.test(t.path))).toBe(true);
  });
});

describe('French texts', () => {
  it('should all be typographed: no-break spaces before : ; ? ! % and inside « », curly apostrophes', () => {
    expect(offenders('fr', (text) => frenchTypography(text) !== text)).toEqual([]);
  });

  it('should have French texts that the rule changes when written without it (the check can fail)', () => {
    const sample = files.flatMap((f) => f.texts).filter((t) => t.lang === 'fr');
    const plain = sample.map((t) => t.text.replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'"));
    expect(plain.filter((text) => frenchTypography(text) !== text).length).toBeGreaterThan(500);
  });
});

describe('English texts', () => {
  it('should have no French spacing before : ; ? ! and no guillemets', () => {
    expect(offenders('en', (text) => frenchSpacingIn(text).length > 0)).toEqual([]);
  });

  it('should not use the terms the English glossary forbids (Somewhat, telemanagement, upstream diagnostic)', () => {
    expect(offenders('en', (text) => forbiddenEnglishIn(text).length > 0)).toEqual([]);
  });

  it('should not use the terms the English glossary replaces (CHSCT, staff delegates, occupational medicine, PIA…)', () => {
    // The same check as above, over the whole glossary table (questionnaires/README.md § 8).
    const hits = files
      .flatMap((f) => f.texts)
      .filter((t) => t.lang === 'en')
      .flatMap((t) => forbiddenEnglishIn(t.text));
    expect(hits).toEqual([]);
  });

  it('should name the works council « works council (CSE) » at its first mention in each text, then « works council », never a bare « CSE » (the CSSCT alike)', () => {
    expect(offenders('en', (text) => acronymIssuesIn(text).length > 0)).toEqual([]);
  });

  it('should have English texts that the first-mention rule reads (the check can fail)', () => {
    const english = files.flatMap((f) => f.texts).filter((t) => t.lang === 'en');
    const named = english.filter(
      (t) => /works council \(CSE\)/i.test(t.text) && !/^works council \(CSE\)$/i.test(t.text),
    );
    // Items, help texts, recommendations, catalogue summaries and grants, kits, interface.
    expect(named.length).toBeGreaterThan(60);
    expect(
      english.filter((t) => /\bworks council\b(?! \(CSE)/i.test(t.text)).length,
    ).toBeGreaterThan(5);
    // Without the acronym at the first mention, each of these texts would fail.
    const stripped = named.map((t) =>
      t.text.replace(/works council \(CSE\b[^)]*\)/gi, 'works council'),
    );
    expect(stripped.filter((text) => acronymIssuesIn(text).length > 0)).toHaveLength(named.length);
  });

  it('should use the glossary’s words where the French has them', () => {
    const english = files.flatMap((f) => f.texts).filter((t) => t.lang === 'en');
    const all = english.map((t) => t.text).join('\n');
    expect(all).toMatch(/Tend to agree/);
    expect(all).toMatch(/works council \(CSE\)/);
  });
});

describe('the glossary and spacing checks themselves', () => {
  it('should catch each forbidden term and each kind of French spacing', () => {
    expect(forbiddenEnglishIn('Somewhat agree')).toEqual(['Somewhat']);
    expect(forbiddenEnglishIn('home-care telemanagement')).toEqual(['telemanagement']);
    expect(forbiddenEnglishIn('An upstream diagnosis')).toEqual(['upstream diagnos']);
    expect(forbiddenEnglishIn('the CHSCT and the staff delegates')).toEqual([
      'CHSCT',
      'staff delegates',
    ]);
    expect(forbiddenEnglishIn('occupational medicine, a PIA, a numeric tool')).toEqual([
      'occupational medicine',
      'PIA',
      'numeric tool',
    ]);
    expect(forbiddenEnglishIn('Tend to agree; remote management; early-stage diagnostic')).toEqual(
      [],
    );
    expect(frenchSpacingIn('Overall level\u00a0: 62')).toHaveLength(1);
    expect(frenchSpacingIn('Why ?')).toHaveLength(1);
  });

  it('acronymIssuesIn: should hold « works council (CSE) » at the first mention, then « works council »', () => {
    const fine = [
      'The works council (CSE) is consulted; the works council then gives its opinion.',
      'Works council (CSE) members send staff a summary.',
      'Is there a works council (CSE, comité social et économique)?',
      'The health, safety and working conditions committee (CSSCT) is a committee of the works council (CSE).',
      'No body named here.',
      // A field's name inserted by the interface in a list or in brackets.
      'works council',
    ];
    for (const text of fine) expect(acronymIssuesIn(text), text).toEqual([]);
    expect(acronymIssuesIn('To the CSE: an opinion.')).toEqual([
      '« CSE » alone: write « works council (CSE) », then « works council »',
    ]);
    expect(acronymIssuesIn('The works council meets; the works council (CSE) decides.')).toEqual([
      'first mention of the works council without « (CSE) »',
    ]);
    expect(
      acronymIssuesIn('The works council (CSE) meets; the works council (CSE) decides.'),
    ).toEqual(['« works council (CSE) » more than once: the acronym goes at the first mention']);
    expect(acronymIssuesIn('The works council (CSE) asks the CSE budget.')).toEqual([
      '« CSE » alone: write « works council (CSE) », then « works council »',
    ]);
    expect(acronymIssuesIn('Where there is one, the CSSCT meets.')).toHaveLength(1);
    expect(acronymIssuesIn('Its context (size, works council (CSE), sector).')).toEqual([
      '« works council (CSE) » inside brackets: brackets inside brackets; reword',
    ]);
    expect(acronymIssuesIn('whether there is a works council')).toHaveLength(1);
  });

  it('englishFixes: should make the mechanical English fixes and nothing else', () => {
    expect(englishFixes('Overall level : 62 ; see « La boîte noire » ?')).toBe(
      'Overall level: 62; see “La boîte noire”?',
    );
    expect(englishFixes('Somewhat agree / somewhat disagree')).toBe(
      'Tend to agree / tend to disagree',
    );
    expect(englishFixes('Telemanagement in home care, an upstream diagnosis')).toBe(
      'Remote management in home care, an early-stage diagnostic',
    );
    const plain = 'At 10:30, see https://example.org/a?b=1 — fine!';
    expect(englishFixes(plain)).toBe(plain);
  });

  it('mapTexts: should change only the texts, in their language, and keep ids and order', () => {
    const grid = {
      id: "l'id",
      title: { fr: "L'outil : oui", en: 'The tool : yes' },
      items: [{ id: 'a', text: { fr: 'Vraiment ?', en: 'Really ?' } }],
    };
    const out = mapTexts(grid, { kind: 'localized' }, ({ lang, text }) =>
      lang === 'fr' ? frenchTypography(text) : englishFixes(text),
    );
    expect(out).toEqual({
      id: "l'id",
      title: { fr: 'L’outil\u00a0: oui', en: 'The tool: yes' },
      items: [{ id: 'a', text: { fr: 'Vraiment\u202f?', en: 'Really?' } }],
    });
    expect(listTexts(grid, { kind: 'localized' }).map((t) => t.path)).toEqual([
      'title.fr',
      'title.en',
      'items[0].text.fr',
      'items[0].text.en',
    ]);
  });
});
