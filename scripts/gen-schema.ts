/**
 * Writes the grid JSON Schema, generated from the zod schema, to `questionnaires/grid.schema.json`
 * (for editors: `"$schema": "./grid.schema.json"`) and `public/grid.schema.json` (served with the
 * app, for authors of custom grids); the legal catalogue's JSON Schema to
 * `questionnaires/legal-references.schema.json`; and the catalogue's ids to
 * `src/domain/legal/reference-ids.ts` (what grid validation checks `legalRefs` against, without
 * loading the catalogue). Run: `npm run gen:schema`. Never edit the output by hand;
 * `tests/contract/schema-up-to-date.test.ts` fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  Condition,
  Dimension,
  Grid,
  HexColor,
  Id,
  Item,
  LanguageCode,
  Level,
  LocalizedText,
  Recommendation,
  Scale,
  ScalePoint,
  Source,
} from '@/domain/grid/schema';
import {
  BilingualText,
  IsoDay,
  LegalAppliesWhen,
  LegalCatalogue,
  LegalRefId,
  LegalReference,
} from '@/domain/legal/schema';

/** Identifier of the schema (a name, not an address: nothing is fetched from it). */
export const GRID_SCHEMA_ID = 'urn:qvt-numerique:grid-schema:1';

/** Files the schema is written to, relative to the repository root. */
export const GRID_SCHEMA_FILES = ['questionnaires/grid.schema.json', 'public/grid.schema.json'];

type Meta = { id?: string; title?: string; description?: string };

/** Editor tooltips, French then English (grid authors work in both). */
function describe(registry: z.core.$ZodRegistry<Meta>): void {
  const add = (schema: z.core.$ZodType, meta: Meta): void => {
    registry.add(schema, meta);
  };
  add(Id, {
    id: 'Id',
    description:
      'Identifiant : minuscules sans accent, chiffres et tirets (ex. "ro-autonomie-1"). — Id: lowercase letters, digits and dashes.',
  });
  add(LanguageCode, {
    id: 'LanguageCode',
    description: 'Code de langue ISO 639-1 (ex. "fr"). — ISO 639-1 language code (e.g. "en").',
  });
  add(LocalizedText, {
    id: 'LocalizedText',
    description:
      'Texte par langue, la langue par défaut de la grille obligatoire (ex. {"fr": "…", "en": "…"}). — Text per language; the grid’s default language is required.',
  });
  add(HexColor, { id: 'HexColor', description: 'Couleur #RRVVBB. — Colour as #RRGGBB.' });
  add(ScalePoint, {
    id: 'ScalePoint',
    description: 'Un point de réponse : valeur et libellé. — One answer option: value and label.',
  });
  add(Scale, {
    id: 'Scale',
    description:
      'Échelle de réponse ; valeurs strictement croissantes. « Ne sait pas » et « non concerné » sont des options, jamais des valeurs. — Answer scale; values strictly ascend. "Don’t know" and "not applicable" are flags, never values.',
  });
  add(Level, {
    id: 'Level',
    description:
      'Niveau de score : seuil bas sur 0–100 ; le premier commence à 0, les seuils croissent. — Score band: lower bound on 0–100; the first starts at 0, bounds ascend.',
  });
  add(Item, {
    id: 'Item',
    description:
      'Un énoncé à évaluer, avec son échelle (id). — A statement to rate, with its scale (id).',
  });
  add(Item.shape.reverse, {
    description:
      'Vrai quand être d’accord (valeur haute) est défavorable à la QVT : le score est inversé. — True when agreeing (a high value) is unfavourable: the score is reversed.',
  });
  add(Item.shape.weight, {
    description:
      'Poids dans la moyenne de la dimension (défaut 1). — Weight in the dimension mean.',
  });
  add(Dimension, {
    id: 'Dimension',
    description: 'Un axe du radar et ses items. — One radar axis and its items.',
  });
  add(Condition, {
    id: 'Condition',
    description:
      'Quand afficher la recommandation : données typées (dimension, item, dontKnowRate, spread, roleGap, all, any, not). — When the recommendation applies: typed data.',
  });
  add(Recommendation, {
    id: 'Recommendation',
    description:
      'Recommandation affichée quand sa condition est remplie. — Recommendation shown when its condition holds.',
  });
  add(Recommendation.shape.legalRefs, {
    description:
      'Références du catalogue juridique (questionnaires/legal-references.json) sur lesquelles repose la recommandation. — Legal catalogue ids the recommendation rests on.',
  });
  add(Source, {
    id: 'Source',
    description:
      'Source citée par les items et recommandations (id). — Source cited by items and recommendations (id).',
  });
  add(Grid.shape.minCoverage, {
    description:
      'Part des items d’une dimension à renseigner pour qu’elle ait un score (défaut 0,5). — Share of a dimension’s items to answer for it to get a score (default 0.5).',
  });
  add(Grid.shape.levels, {
    description:
      'Niveaux de score ; à défaut : critique < 25, fragile < 50, en progrès < 75, favorable. — Score bands; default: critical < 25, fragile < 50, progressing < 75, favourable.',
  });
}

/** The grid JSON Schema (draft 2020-12) as an object, generated from the zod `Grid`. */
export function buildGridJsonSchema(): Record<string, unknown> {
  const registry = z.registry<Meta>();
  describe(registry);
  const textValue = LocalizedText._zod.def.valueType;
  const url = Source.shape.url._zod.def.innerType;
  const schema = z.toJSONSchema(Grid, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: registry,
    override: (ctx) => {
      // zod trims texts before checking they are not empty.
      if (ctx.zodSchema === textValue) ctx.jsonSchema.pattern = '\\S';
      // zod's url check is case-insensitive on the scheme and requires a parseable URL.
      if (ctx.zodSchema === url) {
        ctx.jsonSchema.pattern = '^[hH][tT][tT][pP][sS]?://';
        ctx.jsonSchema.format = 'uri';
      }
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: GRID_SCHEMA_ID,
    title: 'Grille de diagnostic QVT et numérique — QWL and digital diagnostic grid',
    description:
      'Format des grilles de l’autodiagnostic QVT et numérique. — Format of the grids of the QWL and digital self-diagnostic.',
    ...rest,
  };
}

/** The schema file's text: pretty-printed JSON with a final newline. */
export function renderGridJsonSchema(): string {
  return `${JSON.stringify(buildGridJsonSchema(), null, 2)}\n`;
}

/** Identifier of the legal catalogue's schema. */
export const LEGAL_SCHEMA_ID = 'urn:qvt-numerique:legal-references-schema:1';
export const LEGAL_SCHEMA_FILE = 'questionnaires/legal-references.schema.json';
export const LEGAL_CATALOGUE_FILE = 'questionnaires/legal-references.json';
export const LEGAL_IDS_FILE = 'src/domain/legal/reference-ids.ts';

/** The legal catalogue JSON Schema (draft 2020-12), generated from the zod `LegalCatalogue`. */
export function buildLegalJsonSchema(): Record<string, unknown> {
  const registry = z.registry<Meta>();
  registry.add(LegalRefId, {
    id: 'LegalRefId',
    description: 'Identifiant permanent : minuscules, chiffres, tirets. — Permanent id.',
  });
  registry.add(BilingualText, {
    id: 'BilingualText',
    description: 'Texte en français et en anglais. — Text in French and English.',
  });
  registry.add(IsoDay, { id: 'IsoDay', description: 'Jour AAAA-MM-JJ. — Day YYYY-MM-DD.' });
  registry.add(LegalAppliesWhen, {
    id: 'LegalAppliesWhen',
    description:
      'Quand la référence s’applique : tranches de taille, CSE, délégués syndicaux… (ET entre champs, OU dans une liste). — When it applies.',
  });
  registry.add(LegalReference, {
    id: 'LegalReference',
    description:
      'Une référence : citation, résumé, ce qu’elle donne à qui, quand elle s’applique, vérifiée (verifiedOn) ou non (unverified), source officielle. — One reference.',
  });
  const text = BilingualText.shape.fr;
  const schema = z.toJSONSchema(LegalCatalogue, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: registry,
    override: (ctx) => {
      if (ctx.zodSchema === text) ctx.jsonSchema.pattern = '\\S';
      // Exactly one of verifiedOn / unverified (zod checks it with a refinement).
      if (ctx.zodSchema === LegalReference) {
        ctx.jsonSchema.oneOf = [
          { properties: { verifiedOn: true }, required: ['verifiedOn'] },
          { properties: { unverified: true }, required: ['unverified'] },
        ];
      }
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: LEGAL_SCHEMA_ID,
    title: 'Catalogue juridique daté — Dated legal catalogue',
    description:
      'Références juridiques citées par les grilles, datées et sourcées. — Legal references cited by the grids, dated and sourced.',
    ...rest,
  };
}

export function renderLegalJsonSchema(): string {
  return `${JSON.stringify(buildLegalJsonSchema(), null, 2)}\n`;
}

/** `reference-ids.ts` from the catalogue's text. Throws when the catalogue is invalid. */
export function renderLegalIds(catalogueText: string): string {
  const catalogue = LegalCatalogue.parse(JSON.parse(catalogueText));
  const ids = catalogue.references.map((r) => `  '${r.id}',`).join('\n');
  return `/**
 * The ids of the legal catalogue (\`questionnaires/legal-references.json\`), generated by
 * \`npm run gen:schema\`: grid validation checks \`legalRefs\` against them without loading the
 * catalogue itself (the answer page validates grids). Never edit by hand.
 */
export const LEGAL_REFERENCE_IDS: readonly string[] = [
${ids}
];
`;
}

function main(): void {
  const text = renderGridJsonSchema();
  for (const file of GRID_SCHEMA_FILES) {
    writeFileSync(fileURLToPath(new URL(`../${file}`, import.meta.url)), text);
    console.log(`wrote ${file}`);
  }
  const at = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));
  writeFileSync(at(LEGAL_SCHEMA_FILE), renderLegalJsonSchema());
  console.log(`wrote ${LEGAL_SCHEMA_FILE}`);
  writeFileSync(at(LEGAL_IDS_FILE), renderLegalIds(readFileSync(at(LEGAL_CATALOGUE_FILE), 'utf8')));
  console.log(`wrote ${LEGAL_IDS_FILE}`);
}

// Imported by the contract test (under vitest) without writing anything.
if (!process.env.VITEST) main();
