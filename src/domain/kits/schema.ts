/**
 * The kits' content (`questionnaires/kits.json`): what the representatives' kit and the
 * deployment kit propose, in French and English, with the conditions that select each element.
 * Wording lives in the data file, never in code or locale files. Every legal hook is an id of the
 * dated legal catalogue (`questionnaires/legal-references.json`): the kit adds no legal claim of
 * its own, and a reference shows only where it applies to the diagnostic's context.
 */
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import { PROJECT_KINDS } from '@/domain/diagnostic/diagnostic';
import { BilingualText, LegalRefId } from '@/domain/legal/schema';

export const KITS_FORMAT = 'qvt-numerique/kits';
export const KITS_FORMAT_VERSION = 1;

const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'id' }), z.maxLength(80));

/**
 * When an element is proposed: `always`, or when one of `dimensions` (grid dimension ids) is
 * among the diagnostic's weak dimensions, or one of `projectKinds` is the project's. Any match
 * selects it (OR).
 */
export const KitTrigger = z.strictObject({
  always: z.optional(z.literal(true)),
  dimensions: z.optional(z.array(Id).check(z.minLength(1))),
  projectKinds: z.optional(z.array(z.enum(PROJECT_KINDS)).check(z.minLength(1))),
});
export type KitTrigger = z.infer<typeof KitTrigger>;

const LegalRefs = z.array(LegalRefId);

/** A deadline: days after the day the line is added, or the date of the pilot's T0 / T1 diagnostic. */
export const KitDeadline = z.union([
  z.strictObject({ days: z.number().check(z.int(), z.minimum(0), z.maximum(730)) }),
  z.strictObject({ pilot: z.enum(['t0', 't1']) }),
]);
export type KitDeadline = z.infer<typeof KitDeadline>;

export const KitActionLine = z.strictObject({
  id: Id,
  /** The kit section it belongs to: the line is proposed only when that section shows. */
  section: z.optional(z.enum(['documents', 'expert', 'questions', 'clauses', 'indicators'])),
  title: BilingualText,
  owner: BilingualText,
  indicator: BilingualText,
  deadline: KitDeadline,
});
export type KitActionLine = z.infer<typeof KitActionLine>;

export const KitCatalogue = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.literal(KITS_FORMAT),
  formatVersion: z.literal(KITS_FORMAT_VERSION),
  representatives: z.strictObject({
    documents: z.array(
      z.strictObject({
        id: Id,
        title: BilingualText,
        detail: BilingualText,
        legalRefs: LegalRefs,
        /** Shown only when one of its legal references applies (e.g. BDESE entries). */
        requiresLegal: z.boolean(),
        when: KitTrigger,
      }),
    ),
    /** Consultation deadlines: shown only when one of its references applies. */
    deadlines: z.strictObject({ legalRefs: LegalRefs.check(z.minLength(1)), note: BilingualText }),
    /** The expert and its co-financing: shown only when one of its references applies. */
    expert: z.strictObject({ legalRefs: LegalRefs.check(z.minLength(1)), note: BilingualText }),
    questions: z.array(
      z.strictObject({
        id: Id,
        dimensions: z.array(Id).check(z.minLength(1)),
        text: BilingualText,
      }),
    ),
    clauses: z.array(
      z.strictObject({
        id: Id,
        title: BilingualText,
        text: BilingualText,
        legalRefs: LegalRefs,
        when: KitTrigger,
      }),
    ),
    indicators: z.array(
      z.strictObject({
        id: Id,
        /** Proposed when no weak point selects any indicator. */
        default: z.optional(z.boolean()),
        title: BilingualText,
        detail: BilingualText,
        when: KitTrigger,
      }),
    ),
    actions: z.array(KitActionLine),
  }),
  deployment: z.strictObject({
    situationExamples: z.array(
      z.strictObject({
        projectKinds: z.optional(z.array(z.enum(PROJECT_KINDS)).check(z.minLength(1))),
        text: BilingualText,
      }),
    ),
    /** A situation's line in the vendor-specification checklist: `{title}`, `{requirement}`. */
    situationRequirement: BilingualText,
    /** Legal checkpoints before the pilot (those that apply). */
    legalRefs: LegalRefs,
    /** Words used in a pilot line when a field of the pilot plan is still empty. */
    pilotDefaults: z.strictObject({
      scope: BilingualText,
      duration: BilingualText,
      criteria: BilingualText,
    }),
    actions: z.array(KitActionLine),
  }),
});
export type KitCatalogue = z.infer<typeof KitCatalogue>;
