/**
 * Sectors a condition may name; a diagnostic's sector is one of them or unknown. Kept apart from
 * `applies-when.ts` so the diagnostic's schema can use it without an import cycle.
 */
export const SECTORS = [
  'health-social',
  'industry',
  'construction',
  'retail',
  'transport-logistics',
  'finance-insurance',
  'information-communication',
  'services',
  'public-sector',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];
