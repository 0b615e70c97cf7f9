/**
 * A diagnostic answered on an earlier risks-opportunities or uses grid, moved to the bundled
 * edition (risks-opportunities 3.0.0, uses 2.0.1): from 1.1.0, and from risks-opportunities 2.0.0
 * (where `ro-sante-3` asked two symptoms in one item and `ro-sens-8` a fact on the agreement scale).
 * The app finds the old version in the diagnostic's own grid copy and the new one in the library
 * (`newerVersionOf`); answers to kept items (same id, same scale values, same direction) follow,
 * every other answer is set aside under `<grid>@<old version>`, nothing is lost, and no old answer
 * is carried onto a question whose meaning changed (those have new ids).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostic } from '@/domain/diagnostic/diagnostic';
import {
  migrateDiagnostic,
  migrationImpact,
  planGridMigration,
  setAsideKey,
} from '@/domain/diagnostic/migrate';
import {
  addRespondent,
  createDiagnostic,
  setAnswer,
  type LoadedGrid,
} from '@/domain/diagnostic/operations';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import { scoreGrid } from '@/domain/scoring/score-grid';
import { newerVersionOf, type LibraryGrid } from '@/shared/grids/use-grid-library';

const ROOT = join(__dirname, '../../../..');
function loaded(path: string): LoadedGrid {
  const source: unknown = JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
  const result = loadGrid(source);
  if (!result.ok) throw new Error(path);
  return { grid: result.grid, hash: result.hash, source };
}
const itemIds = (grid: Grid) => grid.dimensions.flatMap((d) => d.items.map((i) => i.id));

/** Items whose question changed meaning, scale or wording beyond a recall period: new ids. */
const REPLACED: Record<string, Record<string, string[]>> = {
  'risks-opportunities': {
    'ro-contenu-1': ['ro-contenu-5', 'ro-contenu-6'],
    'ro-autonomie-1': ['ro-autonomie-6', 'ro-autonomie-7'],
    'ro-collectif-1': ['ro-collectif-6'],
    'ro-controle-1': ['ro-controle-6', 'ro-controle-7'],
    'ro-sens-1': ['ro-sens-6'],
    'ro-sens-2': ['ro-sens-7'],
    'ro-sens-3': ['ro-sens-9'],
    'ro-sante-5': ['ro-sante-6'],
    'ro-sante-3': ['ro-sante-9', 'ro-sante-10'],
  },
  uses: {
    'us-adequation-4': ['us-adequation-5'],
    'us-appropriation-4': ['us-appropriation-6'],
    'us-messagerie-2': ['us-messagerie-6', 'us-messagerie-7'],
    'us-messagerie-5': ['us-messagerie-8'],
    'us-mobilite-1': ['us-mobilite-6'],
    'us-mobilite-3': ['us-mobilite-7'],
    'us-mobilite-4': ['us-mobilite-8'],
    'us-donnees-2': ['us-donnees-6', 'us-donnees-7'],
    'us-donnees-4': ['us-donnees-8'],
    'us-donnees-5': ['us-donnees-9'],
    'us-reporting-2': ['us-reporting-5'],
    'us-reporting-3': ['us-reporting-6'],
  },
};

/** From risks-opportunities 2.0.0 to 3.0.0: the two items of the third edition. */
const REPLACED_IN_3: Record<string, string[]> = {
  'ro-sante-3': ['ro-sante-9', 'ro-sante-10'],
  'ro-sens-8': ['ro-sens-9'],
};

const EDITIONS = [
  {
    id: 'risks-opportunities',
    from: '1.1.0',
    to: '3.0.0',
    replaced: REPLACED['risks-opportunities']!,
  },
  { id: 'uses', from: '1.1.0', to: '2.0.1', replaced: REPLACED.uses! },
  { id: 'risks-opportunities', from: '2.0.0', to: '3.0.0', replaced: REPLACED_IN_3 },
];

describe.each(EDITIONS)('$id $from → $to', ({ id, from, to, replaced }) => {
  const old = loaded(`tests/fixtures/grids/${from}/${id}.json`);
  const next = loaded(`questionnaires/${id}.json`);
  const plan = planGridMigration(old.grid, next.grid);

  it(`is offered: the library’s bundled ${to} is newer than the diagnostic’s ${from} copy`, () => {
    const library: LibraryGrid[] = [{ kind: 'bundled', key: id, loaded: next }];
    expect(old.grid.version).toBe(from);
    expect(newerVersionOf(library, id, from)?.loaded.grid.version).toBe(to);
    expect(newerVersionOf(library, id, to)).toBeNull();
  });

  it('keeps no answer on a changed scale or direction, and sets aside every replaced item', () => {
    expect(plan.from).toBe(from);
    expect(plan.to).toBe(to);
    expect(plan.changed).toEqual([]);
    const removed = plan.removed.map((r) => r.itemId);
    for (const [oldId, newIds] of Object.entries(replaced)) {
      expect(removed, oldId).toContain(oldId);
      for (const newId of newIds)
        expect(
          plan.added.map((a) => a.itemId),
          newId,
        ).toContain(newId);
    }
    // Every item of either version is in exactly one list.
    const listed = [...plan.kept, ...plan.removed, ...plan.added].map((e) => e.itemId);
    expect(new Set(listed).size).toBe(listed.length);
    expect(new Set(listed)).toEqual(new Set([...itemIds(old.grid), ...itemIds(next.grid)]));
    expect(plan.kept.length).toBeGreaterThanOrEqual(20);
  });

  it('moves a stored diagnostic with three respondents: kept answers stay, the others are set aside', () => {
    let diagnostic = createDiagnostic(
      {
        title: `Answered on ${from}`,
        purpose: 'workshop',
        project: { name: 'Outil', kind: 'business-software', phase: 'in-use' },
        grids: [old],
      },
      { id: 'd', now: 't0' },
    );
    const roles = ['management', 'employee', 'representative'] as const;
    roles.forEach((role, r) => {
      diagnostic = addRespondent(diagnostic, { id: `r${r}`, role }, 't0');
      const scales = new Map(old.grid.scales.map((s) => [s.id, s]));
      old.grid.dimensions
        .flatMap((d) => d.items)
        .forEach((item, i) => {
          const points = scales.get(item.scale)?.points ?? [];
          const value = (i + r) % 9 === 0 ? 'dk' : points[(i + r) % points.length]!.value;
          diagnostic = setAnswer(
            diagnostic,
            { respondentId: `r${r}`, gridId: id, itemId: item.id },
            value,
            't0',
          );
        });
    });
    // As stored and read back.
    const stored = Diagnostic.parse(JSON.parse(JSON.stringify(diagnostic)));
    const impact = migrationImpact(stored, plan);
    const migrated = Diagnostic.parse(
      JSON.parse(JSON.stringify(migrateDiagnostic(stored, id, next, 't1'))),
    );

    expect(migrated.grids[0]).toMatchObject({ id, version: to, hash: next.hash });
    const kept = new Set(plan.kept.map((k) => k.itemId));
    const aside = setAsideKey(id, from);
    expect(aside).toBe(`${id}@${from}`);
    let keptCount = 0;
    let asideCount = 0;
    for (const [r, before] of stored.respondents.entries()) {
      const after = migrated.respondents[r]!;
      const oldAnswers = before.answers[id]!;
      const newAnswers = after.answers[id]!;
      const setAside = after.setAside?.[aside] ?? {};
      // Nothing lost: every old answer is kept or set aside, with its value.
      for (const [itemId, value] of Object.entries(oldAnswers)) {
        if (kept.has(itemId)) expect(newAnswers[itemId], itemId).toEqual(value);
        else expect(setAside[itemId], itemId).toEqual(value);
      }
      // No answer to a new or replaced question.
      for (const itemId of Object.keys(newAnswers)) expect(kept.has(itemId), itemId).toBe(true);
      keptCount += Object.keys(newAnswers).length;
      asideCount += Object.keys(setAside).length;
      // The migrated answers score on the new grid: kept items count, new ones are unanswered.
      const score = scoreGrid(next.grid, newAnswers);
      expect(score.dimensions.some((d) => d.answered > 0)).toBe(true);
    }
    expect({ kept: keptCount, setAside: asideCount }).toEqual(impact);
    expect(asideCount).toBeGreaterThan(0);
  });

  it('moved again to the same version changes nothing', () => {
    const diagnostic = createDiagnostic(
      {
        title: 'x',
        purpose: 'upstream',
        project: { name: '', kind: 'other', phase: 'idea' },
        grids: [next],
      },
      { id: 'd2', now: 't0' },
    );
    const plan2 = planGridMigration(next.grid, next.grid);
    expect(plan2.removed).toEqual([]);
    expect(plan2.added).toEqual([]);
    expect(migrateDiagnostic(diagnostic, 'another-grid', next, 't1')).toBe(diagnostic);
  });
});

describe('risks-opportunities 2.0.0 → 3.0.0: one idea per item', () => {
  const old = loaded('tests/fixtures/grids/2.0.0/risks-opportunities.json');
  const next = loaded('questionnaires/risks-opportunities.json');
  const plan = planGridMigration(old.grid, next.grid);

  it('sets aside only the double-barrelled ro-sante-3 and the fact asked on agreement, ro-sens-8', () => {
    expect(plan.removed.map((r) => r.itemId)).toEqual(['ro-sante-3', 'ro-sens-8']);
    expect(plan.added.map((a) => a.itemId).sort()).toEqual([
      'ro-sante-10',
      'ro-sante-9',
      'ro-sens-9',
    ]);
    expect(plan.kept).toHaveLength(itemIds(old.grid).length - 2);
  });

  it('keeps the answers to ro-sante-8 (customer ratings), moved next to ro-controle-3', () => {
    expect(plan.kept).toContainEqual({ itemId: 'ro-sante-8', dimensionId: 'ro-controle' });
    const controle = next.grid.dimensions.find((d) => d.id === 'ro-controle')!;
    const ids = controle.items.map((i) => i.id);
    expect(ids.indexOf('ro-sante-8')).toBe(ids.indexOf('ro-controle-3') + 1);
  });
});
