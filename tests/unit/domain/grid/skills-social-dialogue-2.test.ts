/**
 * The second edition of the skills and social-dialogue grids, now at 3.0.0: contract rules on
 * their items and references, and the move of a diagnostic answered on 1.1.0 or 2.0.0 (3.0.0 asks
 * on the fact scale what 2.0.0 asked as agreement, and splits `sd-moyens-5`, which asked two things).
 *
 * A diagnostic keeps its own copy of each grid (`resolveGrids` reads it back), and the results
 * page offers the newest library version with the same id (`newerVersionOf`); the move is
 * `migrateDiagnostic`. Answers follow only items kept with the same id, scale values and
 * direction; an item whose meaning changed has a new id, so its old answers are set aside, never
 * read as answers to another question.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { migrateDiagnostic, planGridMigration } from '@/domain/diagnostic/migrate';
import { addRespondent, createDiagnostic, setAnswer } from '@/domain/diagnostic/operations';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Condition, Grid, Item } from '@/domain/grid/schema';
import { LEGAL_REFERENCE_IDS } from '@/domain/legal/reference-ids';
import { frenchTypography } from '@/domain/text/french-typography';
import { resolveGrids } from '@/shared/diagnostic/resolve-grids';
import { newerVersionOf, type LibraryGrid } from '@/shared/grids/use-grid-library';

const NAMES = ['skills', 'social-dialogue'] as const;
const sourceOf = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const loaded = (source: unknown) => {
  const result = loadGrid(source);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return { ...result, source };
};
const current = (name: string) => loaded(sourceOf(`questionnaires/${name}.json`));
const edition = (name: string, version: string) =>
  loaded(sourceOf(`tests/fixtures/grids/${version}/${name}.json`));
/** The bundled version of both grids. */
const CURRENT = '3.0.0';
const itemsOf = (grid: Grid): Item[] => grid.dimensions.flatMap((d) => d.items);
/** Wording compared without typography (apostrophes, no-break spaces), which changes no meaning. */
const plain = (text: string) => text.replace(/[’']/g, "'").replace(/[\u00a0\u202f ]+/g, ' ');

function conditionIds(condition: Condition): string[] {
  switch (condition.type) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap(conditionIds);
    case 'not':
      return conditionIds(condition.condition);
    case 'item':
      return [condition.item];
    default:
      return [condition.dimension];
  }
}

describe.each(NAMES)(`%s ${CURRENT}: the grid`, (name) => {
  const { grid } = current(name);
  const scales = new Map(grid.scales.map((s) => [s.id, s]));

  it('is the current edition, in 6–8 dimensions of at least 3 items', () => {
    expect(grid.version).toBe(CURRENT);
    expect(grid.dimensions.length).toBeGreaterThanOrEqual(6);
    expect(grid.dimensions.length).toBeLessThanOrEqual(8);
    for (const d of grid.dimensions) expect(d.items.length, d.id).toBeGreaterThanOrEqual(3);
  });

  it('gives every scale and every item a kind, the item’s equal to its scale’s', () => {
    for (const scale of grid.scales) expect(scale.kind, scale.id).toBeDefined();
    for (const item of itemsOf(grid)) {
      expect(item.kind, item.id).toBeDefined();
      expect(item.kind, item.id).toBe(scales.get(item.scale)?.kind);
    }
  });

  it('puts facts on a Oui / En partie / Non scale with « Je ne sais pas »', () => {
    const facts = grid.scales.filter((s) => s.kind === 'fact');
    expect(facts.length).toBeGreaterThan(0);
    for (const scale of facts) {
      expect(scale.points.map((p) => [p.value, p.label.fr, p.label.en])).toEqual([
        [1, 'Non', 'No'],
        [2, 'En partie', 'Partly'],
        [3, 'Oui', 'Yes'],
      ]);
      expect(scale.allowDontKnow).toBe(true);
    }
  });

  it('says the recall period of every frequency item', () => {
    for (const item of itemsOf(grid).filter((i) => i.kind === 'frequency'))
      expect(item.text.fr, item.id).toMatch(/au cours des|depuis|ces (deux|trois|six|douze)/i);
  });

  it('uses the glossary’s « Tend to » labels on agreement scales', () => {
    for (const scale of grid.scales.filter((s) => s.kind === 'agreement')) {
      const labels = scale.points.map((p) => p.label.en);
      expect(labels).toContain('Tend to agree');
      expect(labels).toContain('Tend to disagree');
      expect(labels.join(' ')).not.toMatch(/Somewhat/);
    }
  });

  it('resolves every source id and every legal reference id', () => {
    const sources = new Set(grid.sources.map((s) => s.id));
    const cited = [
      ...itemsOf(grid).flatMap((i) => i.sources),
      ...grid.recommendations.flatMap((r) => r.sources),
    ];
    expect(cited.filter((id) => !sources.has(id))).toEqual([]);
    const known = new Set<string>(LEGAL_REFERENCE_IDS);
    const refs = grid.recommendations.flatMap((r) => r.legalRefs ?? []);
    expect(refs.filter((id) => !known.has(id))).toEqual([]);
    // Legal hooks go through the catalogue: no article number written into a text.
    for (const rec of grid.recommendations)
      for (const text of [rec.title, rec.body, rec.negotiation, ...rec.actions])
        for (const lang of ['fr', 'en'] as const)
          expect(text?.[lang] ?? '', rec.id).not.toMatch(/\bL\s?\d{4}-\d+|\bR\s?\d{4}-\d+/);
  });

  it('has French texts already typeset, and no French spacing in English', () => {
    const walk = (node: unknown, path: string, out: string[]) => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`, out));
      else if (node && typeof node === 'object')
        for (const [key, value] of Object.entries(node)) {
          if (key === 'fr' && typeof value === 'string' && frenchTypography(value) !== value)
            out.push(path);
          else if (
            key === 'en' &&
            typeof value === 'string' &&
            /[«»]|\S[ \u00a0\u202f]+[:;?!]/.test(value)
          )
            out.push(`${path} (en)`);
          else walk(value, `${path}.${key}`, out);
        }
    };
    const wrong: string[] = [];
    walk(sourceOf(`questionnaires/${name}.json`), name, wrong);
    expect(wrong).toEqual([]);
  });

  it('fires every recommendation for a reason of its own: no two share a condition', () => {
    const conditions = grid.recommendations.map((r) =>
      JSON.stringify([r.condition, r.appliesWhen]),
    );
    expect(new Set(conditions).size).toBe(conditions.length);
    const itemIds = new Set(itemsOf(grid).map((i) => i.id));
    const dimensionIds = new Set(grid.dimensions.map((d) => d.id));
    for (const rec of grid.recommendations)
      for (const id of conditionIds(rec.condition))
        expect(itemIds.has(id) || dimensionIds.has(id), `${rec.id} reads ${id}`).toBe(true);
  });
});

describe('the second edition’s content', () => {
  const skills = current('skills').grid;
  const sd = current('social-dialogue').grid;
  const rec = (grid: Grid, id: string) => grid.recommendations.find((r) => r.id === id);

  it('no longer asks disconnection as an individual skill, and frames it as a right', () => {
    const skillItems = itemsOf(skills).map((i) => i.id);
    expect(skillItems).not.toContain('sk-securite-bienetre-4');
    expect(skillItems).not.toContain('sk-securite-bienetre-5');
    expect(rec(skills, 'sk-rec-deconnexion-competence')).toBeUndefined();
    const duty = rec(skills, 'sk-rec-deconnexion-encadrement');
    expect(duty?.legalRefs).toEqual(expect.arrayContaining(['ct-l2242-17', 'ct-l3121-65']));
    expect(duty?.body.fr).toMatch(/droit des salariés et une obligation de l’employeur/);
    expect(duty?.body.fr).not.toMatch(/compétence soutenue/);
  });

  it('asks the representatives’ training once, in the social-dialogue grid', () => {
    expect(itemsOf(skills).map((i) => i.id)).not.toContain('sk-projet-dialogue-4');
    expect(itemsOf(sd).map((i) => i.id)).toContain('sd-moyens-6');
    expect(itemsOf(sd).map((i) => i.id)).not.toContain('sd-diagnostic-3');
  });

  it('promotes no vendor’s or union’s own course or certification', () => {
    const texts = [skills, sd].flatMap((g) =>
      g.recommendations.flatMap((r) => [r.body, ...r.actions].map((t) => `${t.fr} ${t.en}`)),
    );
    for (const text of texts) {
      expect(text).not.toMatch(/formation de trois jours|three-day (course|training)/i);
      expect(text).not.toMatch(/certification Pix|Pix certification/i);
    }
  });

  it('covers the added themes with sourced items', () => {
    const byId = new Map([...itemsOf(skills), ...itemsOf(sd)].map((i) => [i.id, i]));
    const themes: [string, RegExp][] = [
      ['sd-negociation-8', /gains de productivité/],
      ['sd-diagnostic-7', /service de prévention et de santé au travail/],
      ['sd-suivi-6', /CSSCT/],
      ['sd-info-consultation-8', /intérimaires/],
      ['sd-suivi-7', /intérimaires/],
      ['sk-politique-7', /intérimaires/],
      ['sk-politique-8', /appui extérieur/],
    ];
    for (const [id, wording] of themes) {
      const item = byId.get(id);
      expect(item?.text.fr, id).toMatch(wording);
      expect(item?.sources.length, id).toBeGreaterThan(0);
    }
    expect(byId.get('sk-politique-8')?.appliesWhen?.sizeBands).toEqual(['1-10', '11-49']);
  });

  it('does not ask employees about procedures they cannot know', () => {
    const routedAway = (grid: Grid, id: string) => {
      const dimension = grid.dimensions.find((d) => d.items.some((i) => i.id === id))!;
      const roles =
        dimension.items.find((i) => i.id === id)!.appliesWhen?.roles ??
        dimension.appliesWhen?.roles;
      return roles !== undefined && !roles.includes('employee');
    };
    for (const id of [
      'sd-info-consultation-5',
      'sd-info-consultation-6',
      'sd-info-consultation-7',
      'sd-info-consultation-8',
      'sd-negociation-3',
      'sd-negociation-7',
      'sd-negociation-8',
      'sd-diagnostic-8',
      'sd-diagnostic-4',
      'sd-diagnostic-5',
      'sd-suivi-5',
      'sd-suivi-6',
      'sd-moyens-6',
      'sd-moyens-2',
    ])
      expect(routedAway(sd, id), id).toBe(true);
    expect(routedAway(skills, 'sk-projet-dialogue-6')).toBe(true);
  });
});

describe.each(NAMES)(`%s: a diagnostic answered on 1.1.0 moves to ${CURRENT}`, (name) => {
  const old = edition(name, '1.1.0');
  const next = current(name);
  const plan = planGridMigration(old.grid, next.grid);

  it('keeps only items asked in the same words, on the same scale, in the same direction', () => {
    expect(old.grid.version).toBe('1.1.0');
    expect(plan.changed).toEqual([]);
    const before = new Map(itemsOf(old.grid).map((i) => [i.id, i]));
    for (const { itemId } of plan.kept) {
      const now = itemsOf(next.grid).find((i) => i.id === itemId)!;
      expect(plain(now.text.fr ?? ''), itemId).toBe(plain(before.get(itemId)!.text.fr ?? ''));
    }
    expect(plan.removed.length).toBeGreaterThan(0);
    expect(plan.added.length).toBeGreaterThan(0);
  });

  it('finds the newer bundled version for the stored copy, then keeps and sets aside answers', () => {
    let diagnostic = createDiagnostic(
      {
        title: 'sur 1.1.0',
        purpose: 'workshop',
        project: { name: 'outil', kind: 'business-software', phase: 'in-use' },
        grids: [{ grid: old.grid, hash: old.hash, source: old.source }],
      },
      { id: 'd', now: 't0' },
    );
    diagnostic = addRespondent(diagnostic, { id: 'r', role: 'representative' }, 't0');
    const oldIds = itemsOf(old.grid).map((i) => i.id);
    oldIds.forEach((itemId, i) => {
      diagnostic = setAnswer(
        diagnostic,
        { respondentId: 'r', gridId: name, itemId },
        i % 6 === 0 ? 'dk' : (i % 3) + 1,
        't0',
      );
    });
    const stored = Diagnostic.parse(JSON.parse(JSON.stringify(diagnostic)));

    // The app reads the diagnostic's own copy, and offers the library's newer version.
    const resolved = resolveGrids(stored);
    expect(resolved.broken).toEqual([]);
    expect(resolved.grids[0]!.grid.version).toBe('1.1.0');
    const library: LibraryGrid[] = [
      {
        kind: 'bundled',
        key: name,
        loaded: { grid: next.grid, hash: next.hash, source: next.source },
      },
    ];
    const offer = newerVersionOf(library, name, resolved.grids[0]!.grid.version);
    expect(offer?.loaded.grid.version).toBe(CURRENT);

    const migrated = migrateDiagnostic(stored, name, offer!.loaded, 't1');
    expect(migrated.grids[0]!.version).toBe(CURRENT);
    const answers = stored.respondents[0]!.answers[name]!;
    const kept = migrated.respondents[0]!.answers[name]!;
    const aside = migrated.respondents[0]!.setAside?.[`${name}@1.1.0`] ?? {};
    const keptIds = new Set(plan.kept.map((k) => k.itemId));
    expect(Object.keys(kept).sort()).toEqual(oldIds.filter((id) => keptIds.has(id)).sort());
    expect(Object.keys(aside).sort()).toEqual(oldIds.filter((id) => !keptIds.has(id)).sort());
    // Nothing lost, nothing changed.
    expect({ ...kept, ...aside }).toEqual(answers);
    // Its copy now loads as the current version, and a new question starts unanswered.
    expect(resolveGrids(migrated).grids[0]!.grid.version).toBe(CURRENT);
    for (const { itemId } of plan.added) expect(kept[itemId], itemId).toBeUndefined();
  });
});

/** What 3.0.0 asks under a new id: facts on « Oui / En partie / Non », and one idea per item. */
const REPLACED_IN_3: Record<(typeof NAMES)[number], Record<string, string[]>> = {
  skills: { 'sk-metiers-1': ['sk-metiers-7'], 'sk-metiers-2': ['sk-metiers-8'] },
  'social-dialogue': {
    'sd-co-conception-7': ['sd-co-conception-9'],
    'sd-co-conception-8': ['sd-co-conception-10'],
    'sd-expression-3': ['sd-expression-5'],
    'sd-diagnostic-1': ['sd-diagnostic-8'],
    'sd-moyens-1': ['sd-moyens-6'],
    'sd-moyens-5': ['sd-moyens-7', 'sd-moyens-8'],
  },
};

describe.each(NAMES)(`%s: a diagnostic answered on 2.0.0 moves to ${CURRENT}`, (name) => {
  const old = edition(name, '2.0.0');
  const next = current(name);
  const plan = planGridMigration(old.grid, next.grid);
  const replaced = REPLACED_IN_3[name];

  it('sets aside only the items asked anew, and keeps every other answer', () => {
    expect(old.grid.version).toBe('2.0.0');
    expect(plan.changed).toEqual([]);
    expect(plan.removed.map((r) => r.itemId).sort()).toEqual(Object.keys(replaced).sort());
    expect(plan.added.map((a) => a.itemId).sort()).toEqual(Object.values(replaced).flat().sort());
    expect(plan.kept).toHaveLength(itemsOf(old.grid).length - Object.keys(replaced).length);
  });

  it('asks the replaced facts on the fact scale, in the same words', () => {
    const before = new Map(itemsOf(old.grid).map((i) => [i.id, i]));
    const now = new Map(itemsOf(next.grid).map((i) => [i.id, i]));
    for (const [oldId, newIds] of Object.entries(replaced)) {
      if (newIds.length !== 1) continue;
      const item = now.get(newIds[0]!)!;
      expect(before.get(oldId)!.kind, oldId).toBe('agreement');
      expect(item.kind, item.id).toBe('fact');
      expect(item.text, item.id).toEqual(before.get(oldId)!.text);
    }
  });

  it('asks informing employees and gathering their views apart (sd-moyens-5 asked both)', () => {
    if (name !== 'social-dialogue') return;
    const now = new Map(itemsOf(next.grid).map((i) => [i.id, i]));
    expect(now.get('sd-moyens-7')?.text.fr).toMatch(/pour informer les salariés\.$/);
    expect(now.get('sd-moyens-8')?.text.fr).toMatch(/pour recueillir l’avis des salariés\.$/);
  });

  it('moves a stored answer sheet: kept answers stay, the replaced ones are set aside', () => {
    let diagnostic = createDiagnostic(
      {
        title: 'sur 2.0.0',
        purpose: 'workshop',
        project: { name: 'outil', kind: 'business-software', phase: 'in-use' },
        grids: [{ grid: old.grid, hash: old.hash, source: old.source }],
      },
      { id: 'd', now: 't0' },
    );
    diagnostic = addRespondent(diagnostic, { id: 'r', role: 'representative' }, 't0');
    const oldIds = itemsOf(old.grid).map((i) => i.id);
    oldIds.forEach((itemId, i) => {
      diagnostic = setAnswer(
        diagnostic,
        { respondentId: 'r', gridId: name, itemId },
        (i % 3) + 1,
        't0',
      );
    });
    const migrated = migrateDiagnostic(diagnostic, name, next, 't1');
    const answers = diagnostic.respondents[0]!.answers[name]!;
    const kept = migrated.respondents[0]!.answers[name]!;
    const aside = migrated.respondents[0]!.setAside?.[`${name}@2.0.0`] ?? {};
    expect(Object.keys(aside).sort()).toEqual(Object.keys(replaced).sort());
    expect({ ...kept, ...aside }).toEqual(answers);
  });
});
