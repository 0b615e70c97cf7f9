/**
 * The diagnostic's context as routing reads it, and `appliesWhen`: typed conditions over that
 * context (never strings to evaluate), shared by grid dimensions, items and recommendations and by
 * the legal catalogue (`questionnaires/legal-references.json`).
 *
 * Every field of the context may be unknown (the user answered « je ne sais pas »). A condition on
 * an unknown field is not held against the element: it applies, and the field is listed as
 * `uncertain`, so a caller can say « s'applique si … » instead of hiding what may well apply.
 */
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import { ROLES } from '@/domain/answers/roles';
import {
  PROJECT_KINDS,
  PROJECT_PHASES,
  SIZE_BANDS,
  type ProjectKind,
  type ProjectPhase,
  type SizeBand,
} from '@/domain/diagnostic/diagnostic';
import type { Role } from '@/domain/answers/answers';
import { SECTORS, type Sector } from './sectors';

export { SECTORS, type Sector } from './sectors';

export const UNKNOWN = 'unknown' as const;
export type Known<T> = T | typeof UNKNOWN;
export type YesNo = 'yes' | 'no';

/** What routing knows of the diagnostic. Pure data: the diagnostic stores it, the start form asks it. */
export interface RoutingContext {
  /** One project may be several kinds (a mobile tool with telemanagement and AI); empty = unknown. */
  projectKinds: readonly ProjectKind[];
  phase: Known<ProjectPhase>;
  size: Known<SizeBand>;
  /** Is there a CSE (comité social et économique)? */
  cse: Known<YesNo>;
  /** Are there union delegates (délégués syndicaux)? */
  unionDelegates: Known<YesNo>;
  sector: Known<Sector>;
}

/** A context where nothing is known: everything applies, every condition is uncertain. */
export const UNKNOWN_CONTEXT: RoutingContext = {
  projectKinds: [],
  phase: UNKNOWN,
  size: UNKNOWN,
  cse: UNKNOWN,
  unionDelegates: UNKNOWN,
  sector: UNKNOWN,
};

const nonEmpty = <T extends z.core.$ZodType>(schema: T) =>
  z.optional(z.array(schema).check(z.minLength(1)));

/**
 * All the fields given must hold (AND); inside a list, any value matches (OR). `cse: true`
 * means « there is a CSE », `cse: false` « there is none ». `roles` is read only where a
 * respondent is known (asking an item); aggregates and the legal catalogue ignore it.
 */
export const AppliesWhen = z.strictObject({
  projectKinds: nonEmpty(z.enum(PROJECT_KINDS)),
  phases: nonEmpty(z.enum(PROJECT_PHASES)),
  sizeBands: nonEmpty(z.enum(SIZE_BANDS)),
  cse: z.optional(z.boolean()),
  unionDelegates: z.optional(z.boolean()),
  sectors: nonEmpty(z.enum(SECTORS)),
  roles: nonEmpty(z.enum(ROLES)),
});
export type AppliesWhen = z.infer<typeof AppliesWhen>;

export type ContextField = Exclude<keyof AppliesWhen, 'roles'>;

export interface Applicability {
  applies: boolean;
  /** Fields with a condition that the context does not know (only when `applies`). */
  uncertain: ContextField[];
  /** Fields whose condition the context contradicts (only when not `applies`): the reasons. */
  failed: (ContextField | 'roles')[];
}

const matches = <T>(list: readonly T[] | undefined, value: Known<T>): boolean | null =>
  list === undefined ? true : value === UNKNOWN ? null : list.includes(value);

const matchesFlag = (flag: boolean | undefined, value: Known<YesNo>): boolean | null =>
  flag === undefined ? true : value === UNKNOWN ? null : flag === (value === 'yes');

/**
 * Whether an element with this condition applies in this context (and, when given, for this
 * role). No condition: applies, nothing uncertain.
 */
export function evaluateAppliesWhen(
  when: AppliesWhen | undefined,
  context: RoutingContext,
  role?: Role,
): Applicability {
  if (when === undefined) return { applies: true, uncertain: [], failed: [] };
  const kinds =
    when.projectKinds === undefined
      ? true
      : context.projectKinds.length === 0
        ? null
        : context.projectKinds.some((kind) => when.projectKinds!.includes(kind));
  const results: [ContextField, boolean | null][] = [
    ['projectKinds', kinds],
    ['phases', matches(when.phases, context.phase)],
    ['sizeBands', matches(when.sizeBands, context.size)],
    ['cse', matchesFlag(when.cse, context.cse)],
    ['unionDelegates', matchesFlag(when.unionDelegates, context.unionDelegates)],
    ['sectors', matches(when.sectors, context.sector)],
  ];
  const failed: (ContextField | 'roles')[] = results
    .filter(([, result]) => result === false)
    .map(([field]) => field);
  if (role !== undefined && when.roles !== undefined && !when.roles.includes(role))
    failed.push('roles');
  if (failed.length > 0) return { applies: false, uncertain: [], failed };
  return {
    applies: true,
    uncertain: results.filter(([, result]) => result === null).map(([field]) => field),
    failed: [],
  };
}
