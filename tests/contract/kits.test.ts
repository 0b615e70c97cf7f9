import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGrid } from '@/domain/grid/load-grid';
import { LegalCatalogue } from '@/domain/legal/schema';
import { KitCatalogue } from '@/domain/kits/schema';
import { frenchTypography } from '@/domain/text/french-typography';
import { isBundledGridFile } from '@/grid-library/grid-files';
import { kitLegalRefIds } from './legal-mentions';

/** Every dimension id the kits' triggers and questions name. */
function kitDimensionIds(kits: KitCatalogue): string[] {
  const r = kits.representatives;
  const triggers = [
    ...r.documents.map((d) => d.when),
    ...r.clauses.map((c) => c.when),
    ...r.indicators.map((i) => i.when),
  ];
  return [
    ...new Set([
      ...triggers.flatMap((w) => w.dimensions ?? []),
      ...r.questions.flatMap((q) => q.dimensions),
    ]),
  ];
}

const ROOT = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const raw: unknown = JSON.parse(read('questionnaires/kits.json'));
const catalogue = LegalCatalogue.parse(JSON.parse(read('questionnaires/legal-references.json')));
const grids = readdirSync(join(ROOT, 'questionnaires'))
  .filter(isBundledGridFile)
  .map((file) => {
    const result = loadGrid(JSON.parse(read(`questionnaires/${file}`)));
    if (!result.ok) throw new Error(file);
    return result.grid;
  });

/** Every `{ fr, en }` pair of a JSON value, with its path. */
function texts(value: unknown, path = ''): { path: string; fr: string; en: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.fr === 'string' && typeof record.en === 'string')
      return [{ path, fr: record.fr, en: record.en }];
    return Object.entries(record).flatMap(([k, v]) => texts(v, `${path}.${k}`));
  }
  return [];
}

describe('the kits content (questionnaires/kits.json)', () => {
  it('parses with its zod schema', () => {
    const parsed = KitCatalogue.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('is not taken for a grid', () => {
    expect(isBundledGridFile('kits.json')).toBe(false);
  });

  it('cites only ids of the legal catalogue', () => {
    const kits = KitCatalogue.parse(raw);
    const known = new Set(catalogue.references.map((r) => r.id));
    const cited = kitLegalRefIds(kits);
    expect(cited.length).toBeGreaterThan(10);
    expect(cited.filter((id) => !known.has(id))).toEqual([]);
  });

  it('names only dimensions of the bundled grids, and has a question for every one of them', () => {
    const kits = KitCatalogue.parse(raw);
    const dimensions = new Set(grids.flatMap((g) => g.dimensions.map((d) => d.id)));
    expect(kitDimensionIds(kits).filter((id) => !dimensions.has(id))).toEqual([]);
    const asked = new Set(kits.representatives.questions.flatMap((q) => q.dimensions));
    expect([...dimensions].filter((id) => !asked.has(id))).toEqual([]);
  });

  it('has ids unique within each list', () => {
    const kits = KitCatalogue.parse(raw);
    const r = kits.representatives;
    for (const list of [
      r.documents,
      r.questions,
      r.clauses,
      r.indicators,
      r.actions,
      kits.deployment.actions,
    ]) {
      const ids = list.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('writes French with French typography, and both languages with the same placeholders', () => {
    const all = texts(raw);
    expect(all.length).toBeGreaterThan(100);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const { path, fr, en } of all) {
      expect({ path, fr: frenchTypography(fr) }).toEqual({ path, fr });
      expect({ path, en: placeholders(en) }).toEqual({ path, en: placeholders(fr) });
      expect(en).not.toMatch(/[\u00a0\u202f’]\s*[:;?!]/);
    }
  });
});
