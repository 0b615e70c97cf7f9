/**
 * The legal catalogue format (`questionnaires/legal-references.json`): every legal reference the
 * grids may cite, dated and sourced, with when it applies. Grids cite entries by id
 * (`legalRefs` on a recommendation); the report shows only the entries that apply to the
 * diagnostic's context (see `select.ts`).
 *
 * An entry is either verified (`verifiedOn`: the day its official text was read) or explicitly
 * not verified (`unverified`: the day it was looked for and why it could not be confirmed);
 * never both, never neither. Ids are permanent: an entry may be corrected, never removed, so a
 * grid that once cited it stays valid.
 */
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import { AppliesWhen } from '@/domain/context/applies-when';

export const LEGAL_CATALOGUE_FORMAT = 'qvt-numerique/legal-references';
export const LEGAL_CATALOGUE_VERSION = 1;

/** Catalogue ids: lowercase letters, digits and dashes, like grid ids. */
export const LegalRefId = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'id' }), z.maxLength(80));

const Text = z.string().check(z.trim(), z.minLength(1));

/** French and English, both required (the app is complete in both). */
export const BilingualText = z.strictObject({ fr: Text, en: Text });
export type BilingualText = z.infer<typeof BilingualText>;

/** A calendar day, YYYY-MM-DD. */
export const IsoDay = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'day' }));

/** `appliesWhen` over the company's context: the respondent's role means nothing for the law. */
export const LegalAppliesWhen = z.omit(AppliesWhen, { roles: true });
export type LegalAppliesWhen = z.infer<typeof LegalAppliesWhen>;

export const LegalReference = z
  .strictObject({
    id: LegalRefId,
    /** The reference as cited, e.g. « Code du travail, art. L2315-94, 2° ». */
    citation: BilingualText,
    /** What the text says, in a few plain sentences. */
    summary: BilingualText,
    /** What it gives to whom (and on whom it puts the duty). */
    grants: BilingualText,
    /** When it applies; absent: in every company. */
    appliesWhen: z.optional(LegalAppliesWhen),
    /** The day the official text was read and this entry checked against it. */
    verifiedOn: z.optional(IsoDay),
    /** Looked for on `checkedOn` but not confirmed against the official text, and why. */
    unverified: z.optional(z.strictObject({ checkedOn: IsoDay, reason: BilingualText })),
    /** The official source as plain text (Légifrance article and version, EUR-Lex CELEX…). */
    source: Text,
  })
  .check(
    z.refine((entry) => (entry.verifiedOn === undefined) !== (entry.unverified === undefined), {
      message: 'verifiedOn or unverified, exactly one',
      path: ['verifiedOn'],
    }),
  );
export type LegalReference = z.infer<typeof LegalReference>;

export const LegalCatalogue = z.strictObject({
  /** Editors use it to find the JSON Schema; ignored by the app. */
  $schema: z.optional(z.string()),
  format: z.literal(LEGAL_CATALOGUE_FORMAT),
  formatVersion: z.literal(LEGAL_CATALOGUE_VERSION),
  references: z.array(LegalReference).check(z.minLength(1)),
});
export type LegalCatalogue = z.infer<typeof LegalCatalogue>;
