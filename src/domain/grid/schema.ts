/**
 * The grid format: the single definition of a diagnostic grid file.
 *
 * Objects are strict (an unknown key such as `revers` is an error). Cross-references
 * (scale, dimension, item and source ids) are checked after parsing by `checkGridReferences`
 * in `load-grid.ts`, so that every error carries its JSON path.
 */
// zod's functional "mini" API: only the validators used end up in the bundle (the answer page
// loads this module first). Its schemas are plain zod core schemas: same checks, same issues.
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import { ROLES } from '@/domain/answers/roles';
import { AppliesWhen } from '@/domain/context/applies-when';

/**
 * The format version this application writes. Version 2 added applicability (`appliesWhen` on
 * dimensions, items and recommendations) and worded variants of items (`expected`, `observed`,
 * `roleWording`). A version 1 grid is read as it is: a version 2 grid with no applicability and
 * no variants (same content, same hash, same answers). Using a version 2 field in a version 1
 * grid is an error (`needs_schema_version`), so an old application never meets it unannounced.
 */
export const GRID_SCHEMA_VERSION = 2;
/** Format versions this application reads. */
export const GRID_SCHEMA_VERSIONS = [1, 2] as const;

/** An id authors can read and type: lowercase letters, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const ID_MAX_LENGTH = 80;
export const Id = z
  .string()
  .check(z.regex(ID_PATTERN, { message: 'id' }), z.maxLength(ID_MAX_LENGTH));

/** A two-letter language code (ISO 639-1). */
export const LANGUAGE_PATTERN = /^[a-z]{2}$/;
export const LanguageCode = z.string().check(z.regex(LANGUAGE_PATTERN, { message: 'language' }));

/**
 * A text in several languages, e.g. `{ "fr": "Autonomie", "en": "Autonomy" }`.
 * The grid's default language is required in every text (checked in `load-grid.ts`);
 * other languages are optional and fall back to the default.
 */
export const LocalizedText = z.record(LanguageCode, z.string().check(z.trim(), z.minLength(1)));
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
  value: z.number(),
  label: LocalizedText,
});
export type ScalePoint = z.infer<typeof ScalePoint>;

/**
 * Version 2: what kind of question an item is, and what kind of answers a scale offers. An item
 * and its scale must be of the same kind when both say it (`scale_kind_mismatch`):
 * - `agreement`: an opinion or a perception, on a scale of agreement;
 * - `fact`: whether something happened or exists (« Oui / En partie / Non »);
 * - `frequency`: how often, over a recall period the item states;
 * - `mastery`: a skill the respondent assesses for themself;
 * - `effect`: what the project does to the work, from strong risk to strong opportunity.
 */
export const QUESTION_KINDS = ['agreement', 'fact', 'frequency', 'mastery', 'effect'] as const;
export const QuestionKind = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKind>;

export const Scale = z.strictObject({
  id: Id,
  /** Version 2: the kind of answers the scale offers (see `QuestionKind`). */
  kind: z.optional(QuestionKind),
  /** Optional wording of the scale as a whole (e.g. "Degree of agreement"). */
  label: z.optional(LocalizedText),
  /** Ordered from least to most in `value`; values must ascend strictly. */
  points: z.array(ScalePoint).check(z.minLength(2)),
  /** Offer "don't know" (stored as `"dk"`, never a number). */
  allowDontKnow: z._default(z.boolean(), true),
  /** Offer "not applicable" (stored as `"na"`, never a number). */
  allowNotApplicable: z._default(z.boolean(), true),
});
export type Scale = z.infer<typeof Scale>;

export const HexColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { message: 'color' }));

export const Level = z.strictObject({
  id: Id,
  /** Lower bound on the 0–100 score; the first level starts at 0, bounds ascend. */
  min: z.number().check(z.minimum(0), z.maximum(100)),
  label: LocalizedText,
  color: HexColor,
});
export type Level = z.infer<typeof Level>;

export const Item = z.strictObject({
  id: Id,
  text: LocalizedText,
  help: z.optional(LocalizedText),
  /** For bipolar items: what the lowest and highest points of the scale mean for this item. */
  poles: z.optional(z.strictObject({ low: LocalizedText, high: LocalizedText })),
  scale: Id,
  /** Version 2: the kind of question (see `QuestionKind`); must match its scale's kind. */
  kind: z.optional(QuestionKind),
  /** True when agreeing (a high value) is unfavourable to quality of working life. */
  reverse: z._default(z.boolean(), false),
  weight: z._default(z.number().check(z.minimum(0)), 1),
  /** A requirement for the vendor's specification (cahier des charges) when this item scores low. */
  specification: z.optional(LocalizedText),
  sources: z._default(z.array(Id), []),
  /** Version 2: when the item is asked (context and respondent's role); always when absent. */
  appliesWhen: z.optional(AppliesWhen),
  /** Version 2: the wording before deployment (phases idea and choice): what is expected. */
  expected: z.optional(LocalizedText),
  /** Version 2: the wording once deployed (phases deployment and in-use): what is observed. */
  observed: z.optional(LocalizedText),
  /**
   * Version 2: the wording for some roles (the first entry naming the role wins), e.g. asking
   * management what it has heard rather than what it lives. Takes precedence over `expected`
   * and `observed`.
   */
  roleWording: z.optional(
    z
      .array(
        z.strictObject({
          roles: z.array(z.enum(ROLES)).check(z.minLength(1)),
          text: LocalizedText,
        }),
      )
      .check(z.minLength(1)),
  ),
});
export type Item = z.infer<typeof Item>;

export const Dimension = z.strictObject({
  id: Id,
  label: LocalizedText,
  description: LocalizedText,
  /** Version 2: when the dimension is asked at all; always when absent. */
  appliesWhen: z.optional(AppliesWhen),
  items: z.array(Item).check(z.minLength(1)),
});
export type Dimension = z.infer<typeof Dimension>;

export type Condition =
  | {
      type: 'dimension';
      dimension: string;
      op: 'below' | 'atLeast';
      value: number;
      /** Version 2: read this role's own score, not the whole group's. */
      role?: (typeof ROLES)[number];
    }
  | { type: 'item'; item: string; op: 'atMost' | 'atLeast'; value: number }
  | { type: 'dontKnowRate'; dimension: string; above: number }
  | { type: 'spread'; dimension: string; above: number }
  | { type: 'roleGap'; dimension: string; above: number }
  | { type: 'all'; conditions: Condition[] }
  | { type: 'any'; conditions: Condition[] }
  | { type: 'not'; condition: Condition };

/** Conditions are typed data, never strings to evaluate. */
export const Condition: z.ZodMiniType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('dimension'),
      dimension: Id,
      op: z.enum(['below', 'atLeast']),
      value: z.number().check(z.minimum(0), z.maximum(100)),
      role: z.optional(z.enum(ROLES)),
    }),
    z.strictObject({
      type: z.literal('item'),
      item: Id,
      op: z.enum(['atMost', 'atLeast']),
      value: z.number(),
    }),
    z.strictObject({
      type: z.literal('dontKnowRate'),
      dimension: Id,
      above: z.number().check(z.minimum(0), z.maximum(1)),
    }),
    z.strictObject({
      type: z.literal('spread'),
      dimension: Id,
      above: z.number().check(z.minimum(0), z.maximum(100)),
    }),
    z.strictObject({
      type: z.literal('roleGap'),
      dimension: Id,
      above: z.number().check(z.minimum(0), z.maximum(100)),
    }),
    z.strictObject({
      type: z.literal('all'),
      conditions: z.array(Condition).check(z.minLength(1)),
    }),
    z.strictObject({
      type: z.literal('any'),
      conditions: z.array(Condition).check(z.minLength(1)),
    }),
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
  actions: z.array(LocalizedText).check(z.minLength(1)),
  audiences: z.array(Audience).check(z.minLength(1)),
  priority: Priority,
  sources: z._default(z.array(Id), []),
  /**
   * Ids of the legal catalogue (`questionnaires/legal-references.json`) this recommendation
   * rests on; the report shows those that apply to the diagnostic's context.
   */
  legalRefs: z.optional(z.array(Id).check(z.minLength(1))),
  /** For union audiences: the point to negotiate and its legal hook, in one sentence. */
  negotiation: z.optional(LocalizedText),
  /**
   * When set, the recommendation lists the `specification` lines of the grid's items
   * scoring below `maxScore`: a checklist for the vendor's specification.
   */
  checklist: z.optional(
    z.strictObject({ maxScore: z.number().check(z.minimum(0), z.maximum(100)) }),
  ),
  condition: Condition,
  /** Version 2: the contexts the recommendation is written for; it never fires elsewhere. */
  appliesWhen: z.optional(AppliesWhen),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const SourceType = z.enum(['law', 'agreement', 'method', 'study', 'report', 'guide']);

export const Source = z.strictObject({
  id: Id,
  label: LocalizedText,
  url: z.optional(z.string().check(z.url(), z.regex(/^https?:\/\//i, { message: 'url' }))),
  type: z.optional(SourceType),
});
export type Source = z.infer<typeof Source>;

export const Grid = z.strictObject({
  /** Editors use it to find the JSON Schema; ignored by the app. */
  $schema: z.optional(z.string()),
  schemaVersion: z.literal(GRID_SCHEMA_VERSIONS),
  id: Id,
  /** Semantic version of the grid's content. */
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, { message: 'semver' })),
  languages: z.strictObject({
    default: LanguageCode,
    /** Languages the grid is fully written in, the default included. */
    available: z.array(LanguageCode).check(z.minLength(1)),
  }),
  family: GridFamily,
  title: LocalizedText,
  description: LocalizedText,
  /** Share of a dimension's items that must be answered for it to get a score (default 0.5). */
  minCoverage: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.5),
  scales: z.array(Scale).check(z.minLength(1)),
  /** Score bands; the default bands of `DEFAULT_LEVELS` apply when absent. */
  levels: z.optional(z.array(Level).check(z.minLength(1))),
  dimensions: z.array(Dimension).check(z.minLength(1)),
  recommendations: z._default(z.array(Recommendation), []),
  sources: z._default(z.array(Source), []),
});
/** A grid as the app uses it, defaults applied. */
export type Grid = z.infer<typeof Grid>;
/** A grid as written in a file, defaults optional. */
export type GridInput = z.input<typeof Grid>;
