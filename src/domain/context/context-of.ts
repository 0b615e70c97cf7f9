/**
 * The routing context of a stored diagnostic. Today's diagnostics record one project kind, the
 * phase, the size band and a free-text sector; whether there is a CSE or union delegates is not
 * asked yet, so it is unknown (and conditions on it stay « uncertain », never false).
 */
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { UNKNOWN, type RoutingContext } from './applies-when';

export function routingContextOf(diagnostic: Diagnostic): RoutingContext {
  return {
    projectKinds: diagnostic.project.kind === 'other' ? [] : [diagnostic.project.kind],
    phase: diagnostic.project.phase,
    size: diagnostic.size ?? UNKNOWN,
    cse: UNKNOWN,
    unionDelegates: UNKNOWN,
    sector: UNKNOWN,
  };
}
