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
/** Every earlier edition kept as a fixture, by grid id. */
const EARLIER = readdirSync(join(ROOT, 'tests/fixtures/grids'))
  .filter((dir) => /^\d+\.\d+\.\d+$/.test(dir))
  .flatMap((dir) =>
    readdirSync(join(ROOT, 'tests/fixtures/grids', dir)).map((file) =>
      loadFile(`tests/fixtures/grids/${dir}/${file}`),
    ),
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
  it('is the bundled version (risks-opportunities 3.0.0, uses 2.0.1) of format 2', () => {
    expect(grid.version).toBe({ 'risks-opportunities': '3.0.0', uses: '2.0.1' }[grid.id]);
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

  it('never gives an id of an earlier edition (1.1.0, 2.0.0) to a different scale or direction', () => {
    const scalePoints = (g: Grid, id: string) =>
      g.scales.find((s) => s.id === id)?.points.map((p) => p.value);
    const earlier = EARLIER.filter((g) => g.id === grid.id);
    expect(earlier.map((g) => g.version)).toContain('1.1.0');
    for (const old of earlier) {
      const before = new Map(items(old).map((i) => [i.id, i]));
      for (const item of items(grid)) {
        const then = before.get(item.id);
        if (!then) continue;
        const where = `${item.id} (${old.version})`;
        expect(scalePoints(grid, item.scale), where).toEqual(scalePoints(old, then.scale));
        expect(item.reverse, where).toBe(then.reverse);
      }
    }
  });
});

/**
 * Agreement items worded as a past event (« a été… », « ont participé… ») that are kept on the
 * agreement scale because the wording judges how it was done, not whether it happened. Any other
 * such wording is a fact, asked on « Oui / En partie / Non » (questionnaires/README.md § 2.4).
 */
const JUDGED_EVENTS: Record<string, string> = {
  'ro-inclusion-3': 'judges the design: « pensé pour tous ses utilisateurs »',
  'ro-sens-4': 'judges how: « ouvertement »',
  'us-appropriation-1':
    'judges how the training was built: « à partir de leurs propres situations »',
  'us-appropriation-3': 'how far comments were acted upon, a matter of degree',
  'us-regles-3': 'judges how: « et pas seulement fixées par la hiérarchie »',
  'sk-metiers-3': 'judges the horizon: « sur plusieurs années, pas seulement pour le déploiement »',
  'sk-management-1': 'how well managers were prepared, a matter of degree',
  'sk-projet-dialogue-6': 'judges the mandate: « clair »',
  'sd-co-conception-1': 'involvement is a matter of degree (informed, consulted, co-designing)',
  'sd-co-conception-2': 'involvement is a matter of degree (informed, consulted, co-designing)',
  'sd-co-conception-6': 'involvement is a matter of degree (informed, consulted, co-designing)',
  'sd-diagnostic-4': 'how well the workings were explained, a matter of degree',
  'sd-moyens-3':
    'whether the works council could rely on an expert, not only whether it appointed one',
  'sd-confiance-1': 'judges how: « ouvertement »',
};
const PAST_EVENT =
  /(?<!\p{L})(a|ont) (été|pu|participé|contribué|travaillé|dressé|conduit|donné)(?!\p{L})/u;

describe('the four grids together', () => {
  it('ask a past event on the fact scale, unless the wording judges how it was done', () => {
    const agreementEvents = ALL.flatMap((grid) => items(grid))
      .filter((item) => item.kind === 'agreement' && PAST_EVENT.test(item.text.fr ?? ''))
      .map((item) => item.id);
    expect(agreementEvents.filter((id) => !(id in JUDGED_EVENTS))).toEqual([]);
    // The list names only such items (an item moved to the fact scale leaves it).
    expect(Object.keys(JUDGED_EVENTS).filter((id) => !agreementEvents.includes(id))).toEqual([]);
  });

  it('ask one symptom per item: eye strain and awkward postures apart (ro-sante-3 asked both)', () => {
    const risks = MINE[0] as Grid;
    const byId = new Map(items(risks).map((i) => [i.id, i]));
    expect(byId.has('ro-sante-3')).toBe(false);
    expect(byId.get('ro-sante-9')?.text.fr).toMatch(/fatigue visuelle\.$/);
    expect(byId.get('ro-sante-9')?.text.fr).not.toMatch(/posture/);
    expect(byId.get('ro-sante-10')?.text.fr).toMatch(/postures pénibles\.$/);
    expect(byId.get('ro-sante-10')?.text.fr).not.toMatch(/visuel/);
    for (const id of ['ro-sante-9', 'ro-sante-10']) {
      expect(byId.get(id)?.reverse, id).toBe(true);
      expect(byId.get(id)?.specification, id).toBeDefined();
      expect(byId.get(id)?.expected?.fr, id).toBeDefined();
    }
  });

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
