import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KitCatalogue } from '@/domain/kits/schema';
import { LegalCatalogue, type LegalReference } from '@/domain/legal/schema';
import { isBundledGridFile } from '@/grid-library/grid-files';
import {
  kitLegalRefIds,
  lawMentionsIn,
  stringsOf,
  unbackedMentions,
  type CitingText,
  type LawMention,
} from './legal-mentions';

const ROOT = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const catalogue = LegalCatalogue.parse(JSON.parse(read('questionnaires/legal-references.json')));

type RawRecommendation = Record<string, unknown> & { id: string; legalRefs?: string[] };
type RawGrid = Record<string, unknown> & { id: string; recommendations?: RawRecommendation[] };

const gridFiles = readdirSync(join(ROOT, 'questionnaires')).filter(isBundledGridFile);
const rawGrids = gridFiles.map((file) => ({
  file,
  grid: JSON.parse(read(`questionnaires/${file}`)) as RawGrid,
}));

/** Keys of a recommendation that hold no wording. */
const NOT_WORDING = [
  'id',
  'condition',
  'legalRefs',
  'sources',
  'audiences',
  'priority',
  'appliesWhen',
];

/**
 * A grid's texts: each recommendation's wording with the ids it carries; everything else
 * (dimensions, items, scales, the grid's description) with none. The grid's bibliography
 * (`sources`) names documents, not the law, and is left out.
 */
function gridTexts(file: string, grid: RawGrid): CitingText[] {
  const recommendations = grid.recommendations ?? [];
  const rest = Object.fromEntries(
    Object.entries(grid).filter(([k]) => k !== 'recommendations' && k !== 'sources'),
  );
  return [
    ...recommendations.flatMap((rec, i) => {
      const wording = Object.fromEntries(
        Object.entries(rec).filter(([k]) => !NOT_WORDING.includes(k)),
      );
      return stringsOf(wording).map(({ path, text }) => ({
        where: `${file} recommendations[${i}] (${rec.id}).${path}`,
        text,
        legalRefs: rec.legalRefs ?? [],
      }));
    }),
    ...stringsOf(rest).map(({ path, text }) => ({
      where: `${file} ${path}`,
      text,
      legalRefs: null,
    })),
  ];
}

/** A kit's texts, each with the ids of the nearest element that carries `legalRefs`, if any. */
function kitTexts(
  value: unknown,
  path = 'kits.json',
  carrier: string[] | null = null,
): CitingText[] {
  if (typeof value === 'string') return [{ where: path, text: value, legalRefs: carrier }];
  if (Array.isArray(value)) return value.flatMap((v, i) => kitTexts(v, `${path}[${i}]`, carrier));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const own = Array.isArray(record.legalRefs) ? (record.legalRefs as string[]) : carrier;
    return Object.entries(record)
      .filter(([k]) => k !== 'legalRefs' && k !== 'id' && k !== 'dimensions')
      .flatMap(([k, v]) => kitTexts(v, `${path}.${k}`, own));
  }
  return [];
}

function localeTexts(): CitingText[] {
  return (['fr', 'en'] as const).flatMap((lang) => {
    const dir = `src/i18n/locales/${lang}`;
    return readdirSync(join(ROOT, dir)).flatMap((file) =>
      stringsOf(JSON.parse(read(`${dir}/${file}`))).map(({ path, text }) => ({
        where: `${dir}/${file} ${path}`,
        text,
        legalRefs: null,
      })),
    );
  });
}

const rawKits: unknown = JSON.parse(read('questionnaires/kits.json'));

describe('every legal statement of the grids, kits and interface rests on the dated catalogue', () => {
  it('reads the law a text names', () => {
    const mentions = (text: string): LawMention[] => lawMentionsIn(text);
    expect(mentions('Consulter le CSE (art. L2312-8) puis R. 4121-1')).toEqual([
      { kind: 'code', article: 'L2312-8' },
      { kind: 'code', article: 'R4121-1' },
    ]);
    expect(mentions('article 22 du RGPD')).toEqual([{ kind: 'gdpr', article: '22' }]);
    expect(mentions('the GDPR applies')).toEqual([{ kind: 'gdpr', article: null }]);
    expect(mentions('AI Act, Article 26(7)')).toEqual([{ kind: 'ai-act', article: '26' }]);
    expect(mentions('le règlement (UE) 2024/1689')).toEqual([{ kind: 'ai-act', article: null }]);
    expect(mentions('Le numérique change le travail ; 2024 ; 80 %')).toEqual([]);
  });

  it('finds the texts it checks (a broken collector would pass everything)', () => {
    const grid = rawGrids.flatMap(({ file, grid }) => gridTexts(file, grid));
    expect(grid.filter((t) => t.legalRefs !== null).length).toBeGreaterThan(200);
    expect(grid.filter((t) => t.legalRefs === null).length).toBeGreaterThan(500);
    const kits = kitTexts(rawKits);
    expect(
      kits.filter((t) => t.legalRefs !== null && t.legalRefs.length > 0).length,
    ).toBeGreaterThan(10);
    expect(localeTexts().length).toBeGreaterThan(500);
  });

  it('grid recommendations cite a catalogue entry for every law they name; other grid texts name none', () => {
    const texts = rawGrids.flatMap(({ file, grid }) => gridTexts(file, grid));
    expect(unbackedMentions(texts, catalogue.references)).toEqual([]);
  });

  it('kit elements cite a catalogue entry for every law they name; others name none', () => {
    expect(unbackedMentions(kitTexts(rawKits), catalogue.references)).toEqual([]);
  });

  it('interface texts (locale files) name no article: the law is shown from the catalogue', () => {
    expect(unbackedMentions(localeTexts(), catalogue.references)).toEqual([]);
  });

  it('every entry a grid or kit cites is verified against the official text, on a day', () => {
    const cited = new Set([
      ...rawGrids.flatMap(({ grid }) =>
        (grid.recommendations ?? []).flatMap((r) => r.legalRefs ?? []),
      ),
      ...kitLegalRefIds(KitCatalogue.parse(rawKits)),
    ]);
    const notVerified = catalogue.references
      .filter((r) => cited.has(r.id) && r.verifiedOn === undefined)
      .map((r) => r.id);
    expect(cited.size).toBeGreaterThan(25);
    expect(notVerified).toEqual([]);
  });

  describe('fails where it must', () => {
    const entry = (id: string, citation: string): LegalReference => ({
      id,
      citation: { fr: citation, en: citation },
      summary: { fr: 'Résumé.', en: 'Summary.' },
      grants: { fr: 'À chacun.', en: 'To all.' },
      verifiedOn: '2026-12-07',
      source: 'Légifrance, texte lu le 7 décembre 2026.',
    });
    const entries = [
      entry('ct-l2312-8', 'Code du travail, art. L2312-8'),
      entry('ct-l2315-36', 'Code du travail, art. L2315-36 à L2315-38'),
      entry('ct-l2281-1', 'Code du travail, art. L2281-1 et suivants'),
      entry('rgpd-art-13', 'RGPD, art. 13'),
      entry('ue-2024-1689-art-26-7', 'AI Act, art. 26, § 7'),
    ];
    const at = (text: string, legalRefs: string[] | null): CitingText[] => [
      { where: 'x', text, legalRefs },
    ];

    it('a recommendation naming an article it does not cite', () => {
      expect(
        unbackedMentions(at('Consulter le CSE (art. L2312-38).', ['ct-l2312-8']), entries),
      ).toEqual(['x: cites no entry for Code du travail L2312-38']);
      expect(unbackedMentions(at('Consulter le CSE (art. L2312-8).', []), entries)).toHaveLength(1);
      expect(
        unbackedMentions(at('Consulter le CSE (art. L2312-8).', ['ct-l2312-8']), entries),
      ).toEqual([]);
    });

    it('ranges and « et suivants » cover the articles inside them, not those outside', () => {
      expect(unbackedMentions(at('La CSSCT (L2315-37).', ['ct-l2315-36']), entries)).toEqual([]);
      expect(unbackedMentions(at('L2315-39', ['ct-l2315-36']), entries)).toHaveLength(1);
      expect(unbackedMentions(at('art. L2281-5', ['ct-l2281-1']), entries)).toEqual([]);
      expect(unbackedMentions(at('art. L2282-1', ['ct-l2281-1']), entries)).toHaveLength(1);
    });

    it('a GDPR or AI Act article without its own entry', () => {
      expect(unbackedMentions(at('article 22 du RGPD', ['rgpd-art-13']), entries)).toEqual([
        'x: cites no entry for GDPR art. 22',
      ]);
      expect(unbackedMentions(at('the GDPR', ['rgpd-art-13']), entries)).toEqual([]);
      expect(unbackedMentions(at('AI Act, art. 4', ['ue-2024-1689-art-26-7']), entries)).toEqual([
        'x: cites no entry for AI Act art. 4',
      ]);
      expect(
        unbackedMentions(at('AI Act, art. 26(7)', ['ue-2024-1689-art-26-7']), entries),
      ).toEqual([]);
    });

    it('a text that can cite nothing (an item, a locale string) naming the law', () => {
      expect(unbackedMentions(at('Le CSE a été consulté (L2312-8).', null), entries)).toEqual([
        'x: names the law but cannot cite Code du travail L2312-8',
      ]);
      expect(unbackedMentions(at('Le CSE a été consulté.', null), entries)).toEqual([]);
    });
  });
});
