/**
 * Respondent roles, in the order they are listed everywhere (also the tie-break order). Kept apart
 * from the zod schemas so that code needing only the list (the CSV worker) does not load zod.
 */
export const ROLES = ['management', 'manager', 'employee', 'representative', 'other'] as const;
