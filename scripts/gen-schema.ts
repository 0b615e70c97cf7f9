/**
 * Writes the grid JSON Schema, generated from the zod schema, to `questionnaires/grid.schema.json`
 * (for editors: `"$schema": "./grid.schema.json"`) and `public/grid.schema.json` (served with the
 * app, for authors of custom grids). Run: `npm run gen:schema`. Never edit the output by hand;
 * `tests/contract/schema-up-to-date.test.ts` fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppliesWhen } from '@/domain/context/applies-when';
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
  add(AppliesWhen, {
    id: 'AppliesWhen',
    description:
      'Version 2 : quand l’élément s’applique, selon le contexte du diagnostic (projectKinds, phases, sizeBands, cse, unionDelegates, sectors) et le rôle du répondant (roles). Tous les champs donnés doivent être vrais ; dans une liste, une valeur suffit. Un champ du contexte inconnu (« je ne sais pas ») garde l’élément. — Format version 2: when the element applies, by the diagnostic’s context and the respondent’s role. All given fields must hold; within a list, any value matches; an unknown context field keeps the element.',
  });
  add(Recommendation, {
    id: 'Recommendation',
    description:
      'Recommandation affichée quand sa condition est remplie. — Recommendation shown when its condition holds.',
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

function main(): void {
  const text = renderGridJsonSchema();
  for (const file of GRID_SCHEMA_FILES) {
    writeFileSync(fileURLToPath(new URL(`../${file}`, import.meta.url)), text);
    console.log(`wrote ${file}`);
  }
}

// Imported by the contract test (under vitest) without writing anything.
if (!process.env.VITEST) main();
