/**
 * The grid format: the single definition of a diagnostic grid file.
 *
 * Objects are strict (an unknown key such as `revers` is an error). Cross-references
 * (scale, dimension, item and source ids) are checked after parsing by `checkGridReferences`
 * in `load-grid.ts`, so that every error carries its JSON path.
 */
import { z } from 'zod';

export const GRID_SCHEMA_VERSION = 1;

/** An id authors can read and type: lowercase letters, digits and dashes. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'id' })
  .max(80);

/** A two-letter language code (ISO 639-1). */
export const LanguageCode = z.string().regex(/^[a-z]{2}$/, { message: 'language' });

/**
 * A text in several languages, e.g. `{ "fr": "Autonomie", "en": "Autonomy" }`.
 * The grid's default language is required in every text (checked in `load-grid.ts`);
 * other languages are optional and fall back to the default.
 */
export const LocalizedText = z.record(LanguageCode, z.string().trim().min(1));
export type LocalizedText = z.infer<typeof LocalizedText>;

export const GridFamily = z.enum([
  'risks-opportunities',
  'uses',
  'skills',
  'social-dialogue',
  'custom',
]);
export type GridFamily = z.infer<typeof GridFamily>;

export const ScalePoint = z.strictObject({
  value: z.number().finite(),
  label: LocalizedText,
});
export type ScalePoint = z.infer<typeof ScalePoint>;

export const Scale = z.strictObject({
  id: Id,
  /** Optional wording of the scale as a whole (e.g. "Degree of agreement"). */
  label: LocalizedText.optional(),
  /** Ordered from least to most in `value`; values must ascend strictly. */
  points: z.array(ScalePoint).min(2),
  /** Offer "don't know" (stored as `"dk"`, never a number). */
  allowDontKnow: z.boolean().default(true),
  /** Offer "not applicable" (stored as `"na"`, never a number). */
  allowNotApplicable: z.boolean().default(true),
});
export type Scale = z.infer<typeof Scale>;

export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'color' });

export const Level = z.strictObject({
  id: Id,
  /** Lower bound on the 0–100 score; the first level starts at 0, bounds ascend. */
  min: z.number().min(0).max(100),
  label: LocalizedText,
  color: HexColor,
});
export type Level = z.infer<typeof Level>;

export const Item = z.strictObject({
  id: Id,
  text: LocalizedText,
  help: LocalizedText.optional(),
  /** For bipolar items: what the lowest and highest points of the scale mean for this item. */
  poles: z.strictObject({ low: LocalizedText, high: LocalizedText }).optional(),
  scale: Id,
  /** True when agreeing (a high value) is unfavourable to quality of working life. */
  reverse: z.boolean().default(false),
  weight: z.number().finite().min(0).default(1),
  /** A requirement for the vendor's specification (cahier des charges) when this item scores low. */
  specification: LocalizedText.optional(),
  sources: z.array(Id).default([]),
});
export type Item = z.infer<typeof Item>;

export const Dimension = z.strictObject({
  id: Id,
  label: LocalizedText,
  description: LocalizedText,
  items: z.array(Item).min(1),
});
export type Dimension = z.infer<typeof Dimension>;

export type Condition =
  | { type: 'dimension'; dimension: string; op: 'below' | 'atLeast'; value: number }
  | { type: 'item'; item: string; op: 'atMost' | 'atLeast'; value: number }
  | { type: 'dontKnowRate'; dimension: string; above: number }
  | { type: 'spread'; dimension: string; above: number }
  | { type: 'roleGap'; dimension: string; above: number }
  | { type: 'all'; conditions: Condition[] }
  | { type: 'any'; conditions: Condition[] }
  | { type: 'not'; condition: Condition };

/** Conditions are typed data, never strings to evaluate. */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('dimension'),
      dimension: Id,
      op: z.enum(['below', 'atLeast']),
      value: z.number().min(0).max(100),
    }),
    z.strictObject({
      type: z.literal('item'),
      item: Id,
      op: z.enum(['atMost', 'atLeast']),
      value: z.number().finite(),
    }),
    z.strictObject({
      type: z.literal('dontKnowRate'),
      dimension: Id,
      above: z.number().min(0).max(1),
    }),
    z.strictObject({
      type: z.literal('spread'),
      dimension: Id,
      above: z.number().min(0).max(100),
    }),
    z.strictObject({
      type: z.literal('roleGap'),
      dimension: Id,
      above: z.number().min(0).max(100),
    }),
    z.strictObject({ type: z.literal('all'), conditions: z.array(Condition).min(1) }),
    z.strictObject({ type: z.literal('any'), conditions: z.array(Condition).min(1) }),
    z.strictObject({ type: z.literal('not'), condition: Condition }),
  ]),
);

export const Audience = z.enum(['company', 'union', 'consultant']);
export type Audience = z.infer<typeof Audience>;

export const Priority = z.enum(['high', 'medium', 'low']);
export type Priority = z.infer<typeof Priority>;

export const Recommendation = z.strictObject({
  id: Id,
  title: LocalizedText,
  /** Why this matters, in a few sentences. */
  body: LocalizedText,
  /** Concrete actions someone can start next week. */
  actions: z.array(LocalizedText).min(1),
  audiences: z.array(Audience).min(1),
  priority: Priority,
  sources: z.array(Id).default([]),
  /** For union audiences: the point to negotiate and its legal hook, in one sentence. */
  negotiation: LocalizedText.optional(),
  /**
   * When set, the recommendation lists the `specification` lines of the grid's items
   * scoring below `maxScore`: a checklist for the vendor's specification.
   */
  checklist: z.strictObject({ maxScore: z.number().min(0).max(100) }).optional(),
  condition: Condition,
});
export type Recommendation = z.infer<typeof Recommendation>;

export const SourceType = z.enum(['law', 'agreement', 'method', 'study', 'report', 'guide']);

export const Source = z.strictObject({
  id: Id,
  label: LocalizedText,
  url: z
    .string()
    .url()
    .regex(/^https?:\/\//i, { message: 'url' })
    .optional(),
  type: SourceType.optional(),
});
export type Source = z.infer<typeof Source>;

export const Grid = z.strictObject({
  /** Editors use it to find the JSON Schema; ignored by the app. */
  $schema: z.string().optional(),
  schemaVersion: z.literal(GRID_SCHEMA_VERSION),
  id: Id,
  /** Semantic version of the grid's content. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'semver' }),
  languages: z.strictObject({
    default: LanguageCode,
    /** Languages the grid is fully written in, the default included. */
    available: z.array(LanguageCode).min(1),
  }),
  family: GridFamily,
  title: LocalizedText,
  description: LocalizedText,
  /** Share of a dimension's items that must be answered for it to get a score (default 0.5). */
  minCoverage: z.number().min(0).max(1).default(0.5),
  scales: z.array(Scale).min(1),
  /** Score bands; the default bands of `DEFAULT_LEVELS` apply when absent. */
  levels: z.array(Level).min(1).optional(),
  dimensions: z.array(Dimension).min(1),
  recommendations: z.array(Recommendation).default([]),
  sources: z.array(Source).default([]),
});
/** A grid as the app uses it, defaults applied. */
export type Grid = z.infer<typeof Grid>;
/** A grid as written in a file, defaults optional. */
export type GridInput = z.input<typeof Grid>;
