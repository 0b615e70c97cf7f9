import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGrid, listGridTexts } from '@/domain/grid/load-grid';
import type { Condition, Grid } from '@/domain/grid/schema';
import { isBundledGridFile } from '@/grid-library/grid-files';

const DIR = join(__dirname, '../../questionnaires');
const files = readdirSync(DIR).filter(isBundledGridFile);

const grids: { file: string; grid: Grid }[] = files.map((file) => {
  const result = loadGrid(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return { file, grid: result.grid };
});

function dimensionsOf(condition: Condition, grid: Grid): string[] {
  switch (condition.type) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap((c) => dimensionsOf(c, grid));
    case 'not':
      return dimensionsOf(condition.condition, grid);
    case 'item':
      return grid.dimensions
        .filter((d) => d.items.some((i) => i.id === condition.item))
        .map((d) => d.id);
    default:
      return [condition.dimension];
  }
}

describe('the bundled grids', () => {
  it('should be the four grids of the product', () => {
    expect(grids.map((g) => g.grid.family).sort()).toEqual(
      ['risks-opportunities', 'skills', 'social-dialogue', 'uses'].sort(),
    );
  });

  it('should hold at least 100 items and 40 recommendations together', () => {
    const items = grids.flatMap((g) => g.grid.dimensions.flatMap((d) => d.items));
    const recs = grids.flatMap((g) => g.grid.recommendations);
    expect(items.length).toBeGreaterThanOrEqual(100);
    expect(recs.length).toBeGreaterThanOrEqual(40);
  });

  it('should use item and recommendation ids unique across all grids', () => {
    const ids = grids.flatMap((g) => [
      ...g.grid.dimensions.flatMap((d) => [d.id, ...d.items.map((i) => i.id)]),
      ...g.grid.recommendations.map((r) => r.id),
    ]);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it.each(grids.map((g) => [g.file, g.grid] as const))(
    '%s: every text should exist in French and English',
    (_file, grid) => {
      const missing = listGridTexts(grid)
        .filter(({ text }) => !text.fr?.trim() || !text.en?.trim())
        .map(({ path }) => path.join('.'));
      expect(missing).toEqual([]);
      expect(grid.languages).toEqual({ default: 'fr', available: ['fr', 'en'] });
    },
  );

  it.each(grids.map((g) => [g.file, g.grid] as const))(
    '%s: 6–8 dimensions of 3–7 items, each reachable by a recommendation',
    (_file, grid) => {
      expect(grid.dimensions.length).toBeGreaterThanOrEqual(6);
      expect(grid.dimensions.length).toBeLessThanOrEqual(8);
      const targeted = new Set(
        grid.recommendations.flatMap((r) => dimensionsOf(r.condition, grid)),
      );
      for (const dimension of grid.dimensions) {
        expect(dimension.items.length, dimension.id).toBeGreaterThanOrEqual(3);
        expect(dimension.items.length, dimension.id).toBeLessThanOrEqual(7);
        expect(targeted.has(dimension.id), `${dimension.id} is reachable`).toBe(true);
      }
    },
  );

  it.each(grids.map((g) => [g.file, g.grid] as const))(
    '%s: every cited source should exist, and recommendations have 2–4 actions',
    (_file, grid) => {
      const sources = new Set(grid.sources.map((s) => s.id));
      const cited = [
        ...grid.dimensions.flatMap((d) => d.items.flatMap((i) => i.sources)),
        ...grid.recommendations.flatMap((r) => r.sources),
      ];
      expect(cited.filter((id) => !sources.has(id))).toEqual([]);
      for (const rec of grid.recommendations) {
        expect(rec.actions.length, rec.id).toBeGreaterThanOrEqual(2);
        expect(rec.actions.length, rec.id).toBeLessThanOrEqual(4);
        expect(rec.sources.length, rec.id).toBeGreaterThan(0);
      }
    },
  );

  it('should give union recommendations on a negotiation topic their legal hook', () => {
    const legal = grids.flatMap((g) =>
      g.grid.recommendations
        .filter((r) => r.negotiation)
        .map((r) => ({
          id: r.id,
          text: r.negotiation?.fr ?? '',
          legalRefs: r.legalRefs ?? [],
          audiences: r.audiences,
        })),
    );
    expect(legal.length).toBeGreaterThanOrEqual(8);
    for (const rec of legal) {
      expect(rec.audiences, rec.id).toContain('union');
      // The hook is a reference of the dated legal catalogue (shown when it applies), or an
      // agreement named in the text; article numbers are no longer written into the texts.
      if (rec.legalRefs.length === 0) expect(rec.text, rec.id).toMatch(/accord national|ANI/i);
      expect(rec.text, rec.id).not.toMatch(/\bL\s?\d{4}-\d+/);
    }
  });

  it('should have a vendor-specification checklist fed by items of the uses grid', () => {
    const uses = grids.find((g) => g.grid.id === 'uses')?.grid;
    expect(uses?.recommendations.some((r) => r.checklist)).toBe(true);
    const specs = uses?.dimensions.flatMap((d) => d.items.filter((i) => i.specification)) ?? [];
    expect(specs.length).toBeGreaterThanOrEqual(8);
  });
});
