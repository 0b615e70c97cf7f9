import type { Role } from '@/domain/answers/answers';

/**
 * Whether an element with this condition is asked of a respondent of this role: an element
 * without `appliesWhen.roles` is asked of everyone. The context part of `appliesWhen` is applied
 * by `routeGrid`; this is the part read per respondent (scoring kernel, progress), kept free of
 * zod so that the pages that count progress need not load it.
 */
export function isAskedOf(when: { roles?: readonly Role[] } | undefined, role: Role): boolean {
  return when?.roles === undefined || when.roles.includes(role);
}
