/**
 * The second edition (2.0.0) of the risks-opportunities and uses grids: each question on the
 * scale of its kind, facts on « Oui / En partie / Non », frequencies over a stated period, no
 * wording asked twice in the four grids, every source and legal reference resolving, French
 * typography on French texts and none on English, the English glossary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNKNOWN_CONTEXT, type RoutingContext } from '@/domain/context/applies-when';
import { routeGrid } from '@/domain/context/route-grid';
import { listGridTexts, loadGrid } from '@/domain/grid/load-grid';
import type { Grid, Item } from '@/domain/grid/schema';
import { LEGAL_REFERENCE_IDS } from '@/domain/legal/reference-ids';
import { frenchSpacingIn, frenchTypography } from '@/domain/text/french-typography';
import { isBundledGridFile } from '@/grid-library/grid-files';

const ROOT = join(__dirname, '../..');
const loadFile = (path: string): Grid => {
  const result = loadGrid(JSON.parse(readFileSync(join(ROOT, path), 'utf8')));
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.grid;
};

const MINE = ['risks-opportunities', 'uses'].map((id) => loadFile(`questionnaires/${id}.json`));
const ALL = readdirSync(join(ROOT, 'questionnaires'))
  .filter(isBundledGridFile)
  .map((file) => loadFile(`questionnaires/${file}`));
const OLD = ['risks-opportunities', 'uses'].map((id) =>
  loadFile(`tests/fixtures/grids/1.1.0/${id}.json`),
);

const items = (grid: Grid) => grid.dimensions.flatMap((d) => d.items);
/** Every wording an item can be asked in: its text, its phase wordings and its role wordings. */
const wordings = (item: Item) => [
  item.text,
  ...(item.expected ? [item.expected] : []),
  ...(item.observed ? [item.observed] : []),
  ...(item.roleWording ?? []).map((w) => w.text),
];
const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/[.!?]$/, '')
    .trim();
const cases = MINE.map((grid) => [grid.id, grid] as const);

describe.each(cases)('%s, second edition', (_id, grid) => {
  it('is version 2.0.0 of format 2', () => {
    expect(grid.version).toBe('2.0.0');
    expect(grid.schemaVersion).toBe(2);
  });

  it('gives every scale and every item a kind, the item’s being its scale’s', () => {
    const scales = new Map(grid.scales.map((s) => [s.id, s]));
    for (const scale of grid.scales) expect(scale.kind, scale.id).toBeDefined();
    for (const item of items(grid)) {
      expect(item.kind, item.id).toBeDefined();
      expect(item.kind, item.id).toBe(scales.get(item.scale)?.kind);
    }
  });

  it('asks facts on « Oui / En partie / Non » with « Je ne sais pas »', () => {
    const facts = grid.scales.filter((s) => s.kind === 'fact');
    expect(facts.length).toBe(1);
    for (const scale of facts) {
      expect(scale.points.map((p) => [p.value, p.label.fr, p.label.en])).toEqual([
        [1, 'Non', 'No'],
        [2, 'En partie', 'Partly'],
        [3, 'Oui', 'Yes'],
      ]);
      expect(scale.allowDontKnow).toBe(true);
    }
    const factItems = items(grid).filter((i) => i.kind === 'fact');
    expect(factItems.length).toBeGreaterThanOrEqual(3);
    for (const item of factItems) expect(item.reverse, item.id).toBe(false);
  });

  it('states a recall period in every wording of a frequency item', () => {
    for (const item of items(grid).filter((i) => i.kind === 'frequency')) {
      for (const text of wordings(item)) {
        expect(text.fr, item.id).toMatch(/^Au cours des (trois|six|douze) derniers mois, /);
        expect(text.en, item.id).toMatch(/^Over the past (three|six|twelve) months, /);
      }
    }
  });

  it('keeps the bipolar risk/opportunity scale for effects, each item saying its two poles', () => {
    for (const item of items(grid).filter((i) => i.kind === 'effect'))
      expect(item.poles, item.id).toBeDefined();
    for (const item of items(grid).filter((i) => i.kind !== 'effect'))
      expect(item.poles, item.id).toBeUndefined();
  });

  it('asks no wording twice, French or English', () => {
    for (const lang of ['fr', 'en'] as const) {
      const texts = items(grid).map((i) => normalise(i.text[lang] ?? ''));
      expect(
        texts.filter((t, i) => texts.indexOf(t) !== i),
        lang,
      ).toEqual([]);
    }
  });

  it('resolves every source and every legal reference', () => {
    const sources = new Set(grid.sources.map((s) => s.id));
    const cited = [
      ...items(grid).flatMap((i) => i.sources),
      ...grid.recommendations.flatMap((r) => r.sources),
    ];
    expect(cited.filter((id) => !sources.has(id))).toEqual([]);
    // Every source listed is cited (no dead entries).
    expect([...sources].filter((id) => !cited.includes(id))).toEqual([]);
    for (const item of items(grid)) expect(item.sources.length, item.id).toBeGreaterThan(0);
    const legal = grid.recommendations.flatMap((r) => r.legalRefs ?? []);
    expect(legal.filter((id) => !LEGAL_REFERENCE_IDS.includes(id))).toEqual([]);
  });

  it('writes no article number in recommendation texts: legal hooks go through legalRefs', () => {
    for (const rec of grid.recommendations) {
      const texts = [
        rec.title,
        rec.body,
        ...rec.actions,
        ...(rec.negotiation ? [rec.negotiation] : []),
      ];
      for (const text of texts) {
        expect(text.fr, rec.id).not.toMatch(/\b[LRD]\s?\d{4}-\d+|article \d/i);
        expect(text.en, rec.id).not.toMatch(/\b[LRD]\s?\d{4}-\d+|article \d/i);
      }
    }
  });

  it('applies French typography to every French text, and none to English', () => {
    for (const { path, text } of listGridTexts(grid)) {
      const where = path.join('.');
      expect(frenchTypography(text.fr ?? ''), where).toBe(text.fr);
      expect(text.fr, where).not.toMatch(/'/);
      expect(frenchSpacingIn(text.en ?? ''), where).toEqual([]);
      expect(text.en, where).not.toMatch(/[\u00a0\u202f’]/);
    }
  });

  it('follows the English glossary', () => {
    for (const { path, text } of listGridTexts(grid)) {
      const en = text.en ?? '';
      const where = path.join('.');
      expect(en, where).not.toMatch(
        /somewhat|telemanagement|upstream diagnos|staff representatives/i,
      );
      if (/works council|\bCSE\b/.test(en)) {
        // « works council (CSE) » at first mention, then « works council ».
        expect(en, where).toMatch(/^[^]*?[Ww]orks council \(CSE\)/);
        expect(en.indexOf('(CSE)'), where).toBe(en.search(/[Ww]orks council/) + 14);
        expect(en.match(/\bCSE\b/g)?.length, where).toBe(1);
      }
    }
    for (const scale of grid.scales.filter((s) => s.kind === 'agreement'))
      expect(scale.points.map((p) => p.label.en)).toEqual([
        'Strongly disagree',
        'Tend to disagree',
        'Tend to agree',
        'Strongly agree',
      ]);
  });

  it('has 6–8 dimensions of at least 3 items, for every role, once the tool is deployed', () => {
    expect(grid.dimensions.length).toBeGreaterThanOrEqual(6);
    expect(grid.dimensions.length).toBeLessThanOrEqual(8);
    const deployed: RoutingContext = {
      ...UNKNOWN_CONTEXT,
      phase: 'in-use',
      projectKinds: ['other'],
    };
    for (const role of ['management', 'manager', 'employee', 'representative', 'other'] as const) {
      const routed = routeGrid(grid, deployed, role).grid;
      expect(routed.dimensions.length, role).toBe(grid.dimensions.length);
      for (const d of routed.dimensions)
        expect(d.items.length, `${role}: ${d.id}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('never gives an id of 1.1.0 to a different scale or direction', () => {
    const old = OLD.find((g) => g.id === grid.id) as Grid;
    const before = new Map(items(old).map((i) => [i.id, i]));
    const scalePoints = (g: Grid, id: string) =>
      g.scales.find((s) => s.id === id)?.points.map((p) => p.value);
    for (const item of items(grid)) {
      const then = before.get(item.id);
      if (!then) continue;
      expect(scalePoints(grid, item.scale), item.id).toEqual(scalePoints(old, then.scale));
      expect(item.reverse, item.id).toBe(then.reverse);
    }
  });
});

describe('the four grids together', () => {
  it('ask no wording twice across files, French or English', () => {
    for (const lang of ['fr', 'en'] as const) {
      const seen = new Map<string, string>();
      const duplicates: string[] = [];
      for (const grid of ALL)
        for (const item of items(grid)) {
          const key = normalise(item.text[lang] ?? '');
          const other = seen.get(key);
          if (other) duplicates.push(`${other} = ${item.id}`);
          else seen.set(key, item.id);
        }
      expect(duplicates, lang).toEqual([]);
    }
  });

  it('give no two recommendations of these two grids the title of another recommendation', () => {
    const mine = new Set(MINE.flatMap((g) => g.recommendations.map((r) => r.id)));
    for (const lang of ['fr', 'en'] as const) {
      const all = ALL.flatMap((g) =>
        g.recommendations.map((r) => ({ id: r.id, title: normalise(r.title[lang] ?? '') })),
      );
      for (const rec of all.filter((r) => mine.has(r.id))) {
        const same = all.filter((r) => r.title === rec.title && r.id !== rec.id);
        expect(
          same.map((r) => r.id),
          `${rec.id} (${lang})`,
        ).toEqual([]);
      }
    }
  });

  it('ask each data and workload question once: the 1.1.0 duplicates are gone from risks-opportunities', () => {
    const risks = MINE[0] as Grid;
    const ids = new Set(items(risks).map((i) => i.id));
    for (const merged of [
      'ro-controle-2',
      'ro-controle-5',
      'ro-contenu-2',
      'ro-charge-2',
      'ro-charge-3',
    ])
      expect(ids.has(merged), merged).toBe(false);
    const uses = MINE[1] as Grid;
    const usesIds = new Set(items(uses).map((i) => i.id));
    for (const kept of ['us-donnees-1', 'us-reporting-1', 'us-messagerie-1'])
      expect(usesIds.has(kept), kept).toBe(true);
  });
});
