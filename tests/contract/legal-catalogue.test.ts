import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { loadGrid } from '@/domain/grid/load-grid';
import { parseValidGrid } from '@/domain/grid/grid-rules';
import type { Grid } from '@/domain/grid/schema';
import { LegalCatalogue } from '@/domain/legal/schema';
import { LEGAL_REFERENCE_IDS } from '@/domain/legal/reference-ids';
import { isBundledGridFile } from '@/grid-library/grid-files';
import {
  LEGAL_CATALOGUE_FILE,
  LEGAL_IDS_FILE,
  LEGAL_SCHEMA_FILE,
  renderLegalIds,
  renderLegalJsonSchema,
} from '../../scripts/gen-schema';

/** Ids used twice in a catalogue (the shape cannot say it). */
function duplicateLegalRefIds(catalogue: LegalCatalogue): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { id } of catalogue.references) {
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  }
  return [...duplicates];
}

const ROOT = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const catalogueText = read(LEGAL_CATALOGUE_FILE);
const raw = JSON.parse(catalogueText) as { references: Record<string, unknown>[] };
const catalogue = LegalCatalogue.parse(raw);

const grids: Grid[] = readdirSync(join(ROOT, 'questionnaires'))
  .filter(isBundledGridFile)
  .map((file) => {
    const result = loadGrid(JSON.parse(read(`questionnaires/${file}`)));
    if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors.slice(0, 3))}`);
    return result.grid;
  });
const citedIds = new Set(grids.flatMap((g) => g.recommendations.flatMap((r) => r.legalRefs ?? [])));

describe('the legal catalogue (questionnaires/legal-references.json)', () => {
  it('parses with its zod schema and has unique ids', () => {
    expect(catalogue.references.length).toBeGreaterThanOrEqual(20);
    expect(duplicateLegalRefIds(catalogue)).toEqual([]);
  });

  it('dates and sources every entry: verified on a day, or explicitly not verified with why', () => {
    for (const ref of catalogue.references) {
      expect(ref.source.length, ref.id).toBeGreaterThan(20);
      const dated = ref.verifiedOn ?? ref.unverified?.checkedOn;
      expect(dated, ref.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(`${dated}T00:00:00Z`)), ref.id).toBe(false);
      if (ref.unverified) {
        expect(ref.verifiedOn, ref.id).toBeUndefined();
        expect(ref.unverified.reason.fr.length, ref.id).toBeGreaterThan(20);
        expect(ref.unverified.reason.en.length, ref.id).toBeGreaterThan(20);
      }
    }
  });

  it('says in French and in English what each reference is, says and gives', () => {
    for (const ref of catalogue.references) {
      for (const text of [ref.citation, ref.summary, ref.grants]) {
        expect(text.fr.trim(), ref.id).not.toBe('');
        expect(text.en.trim(), ref.id).not.toBe('');
        expect(text.fr, ref.id).not.toBe(text.en);
      }
    }
  });

  it('never cites the 2019 « irrecevable » ruling as the state of the law', () => {
    expect(catalogueText).not.toMatch(/irrecevable|inadmissible/i);
    for (const grid of grids) expect(JSON.stringify(grid)).not.toMatch(/irrecevable|inadmissible/i);
  });

  it('is written in characters the PDF font carries (Latin, Latin-1, Latin Extended-A, punctuation)', () => {
    // scripts/build-pdf-font.mjs subsets DejaVu Sans to these ranges: a character outside would
    // silently vanish from the PDF.
    const inFont = (c: number) =>
      (c >= 0x20 && c <= 0x7e) ||
      (c >= 0xa0 && c <= 0x17f) ||
      (c >= 0x2000 && c <= 0x206f) ||
      c === 0x20ac;
    const outside = [...catalogueText.replace(/\s/g, ' ')].filter(
      (ch) => !inFont(ch.codePointAt(0) ?? 0),
    );
    expect([...new Set(outside)]).toEqual([]);
  });

  it('knows every reference a bundled grid cites, and every entry is cited by some grid', () => {
    const known = new Set(catalogue.references.map((r) => r.id));
    expect([...citedIds].filter((id) => !known.has(id))).toEqual([]);
    expect(catalogue.references.map((r) => r.id).filter((id) => !citedIds.has(id))).toEqual([]);
  });

  it('keeps the CSE consultation levers to companies of 50 and more with a CSE', () => {
    const byId = new Map(catalogue.references.map((r) => [r.id, r]));
    for (const id of ['ct-l2312-8', 'ct-l2312-38', 'ct-l2315-94', 'ct-l2315-80', 'ct-r2312-6']) {
      expect(byId.get(id)?.appliesWhen, id).toEqual({
        sizeBands: ['50-249', '250-999', '1000+'],
        cse: true,
      });
    }
    expect(byId.get('ct-l2242-17')?.appliesWhen).toEqual({ unionDelegates: true });
    expect(byId.get('ct-l2312-5')?.appliesWhen).toEqual({ sizeBands: ['11-49'] });
    for (const id of ['ct-l1222-4', 'ct-l1121-1', 'rgpd-art-13', 'rgpd-art-35', 'ct-l2281-1']) {
      expect(byId.get(id)?.appliesWhen, id).toBeUndefined();
    }
    // The AI Act's duties concern AI systems.
    expect(byId.get('ue-2024-1689-art-26-7')?.appliesWhen).toEqual({ projectKinds: ['ai'] });
  });
});

describe('the legal catalogue JSON Schema and ids, generated by npm run gen:schema', () => {
  it(`${LEGAL_SCHEMA_FILE} equals a fresh generation`, () => {
    expect(read(LEGAL_SCHEMA_FILE), 'stale: run `npm run gen:schema`').toBe(
      renderLegalJsonSchema(),
    );
  });

  it(`${LEGAL_IDS_FILE} lists the catalogue's ids`, () => {
    expect(read(LEGAL_IDS_FILE), 'stale: run `npm run gen:schema`').toBe(
      renderLegalIds(catalogueText),
    );
    expect([...LEGAL_REFERENCE_IDS]).toEqual(catalogue.references.map((r) => r.id));
  });

  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(read(LEGAL_SCHEMA_FILE)) as object);
  const first = raw.references[0] as Record<string, unknown>;
  const withEntry = (entry: Record<string, unknown>) => ({ ...raw, references: [entry] });

  it('accepts the catalogue, as zod does', () => {
    expect(validate(raw)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it.each([
    [
      'an entry both verified and not',
      { ...first, unverified: { checkedOn: '2026-12-07', reason: { fr: 'x', en: 'y' } } },
    ],
    ['an entry neither verified nor marked unverified', { ...first, verifiedOn: undefined }],
    ['a summary without English', { ...first, summary: { fr: 'Résumé' } }],
    ['a blank citation', { ...first, citation: { fr: ' ', en: 'x' } }],
    ['a malformed day', { ...first, verifiedOn: '07/12/2026' }],
    [
      'a role condition (meaningless for the law)',
      { ...first, appliesWhen: { roles: ['employee'] } },
    ],
    ['an unknown key', { ...first, url: 'https://example.org' }],
  ])('rejects %s, as zod does', (_name, entry) => {
    const input = JSON.parse(JSON.stringify(withEntry(entry))) as unknown;
    expect(validate(input)).toBe(false);
    expect(LegalCatalogue.safeParse(input).success).toBe(false);
  });
});

describe('grids citing the catalogue', () => {
  const minimal = JSON.parse(read('tests/fixtures/grids/minimal.json')) as {
    recommendations?: Record<string, unknown>[];
  };
  const withRefs = (legalRefs: string[]) => {
    const grid = JSON.parse(JSON.stringify(minimal)) as typeof minimal;
    const rec = grid.recommendations?.[0];
    if (!rec) throw new Error('the minimal fixture needs a recommendation');
    rec.legalRefs = legalRefs;
    return grid;
  };

  it('accepts known ids', () => {
    const result = loadGrid(withRefs(['ct-l2312-8', 'ct-l1222-4']));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('reports an unknown id with its path, in loadGrid and in the quick check alike', () => {
    const input = withRefs(['ct-l2312-8', 'ct-l9999-1']);
    const result = loadGrid(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        code: 'unknown_legal_ref',
        path: 'recommendations[0].legalRefs[1]',
        params: { id: 'ct-l9999-1' },
      },
    ]);
    expect(parseValidGrid(input)).toBeNull();
  });
});
