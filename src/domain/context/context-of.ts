/**
 * The routing context of a stored diagnostic. Diagnostics created since the start form asks the
 * context store it (`diagnostic.context`: several project kinds, phase, size, CSE, union
 * delegates, sector, each possibly « je ne sais pas »). Older ones recorded one project kind, the
 * phase, the size band and a free-text sector: their context is read from those, with CSE, union
 * delegates and sector unknown (conditions on them stay « uncertain », never false).
 */
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { UNKNOWN, type RoutingContext } from './applies-when';

export function routingContextOf(diagnostic: Diagnostic): RoutingContext {
  const stored = diagnostic.context;
  if (stored !== undefined) return { ...stored, projectKinds: [...stored.projectKinds] };
  return {
    projectKinds: diagnostic.project.kind === 'other' ? [] : [diagnostic.project.kind],
    phase: diagnostic.project.phase ?? UNKNOWN,
    size: diagnostic.size ?? UNKNOWN,
    cse: UNKNOWN,
    unionDelegates: UNKNOWN,
    sector: UNKNOWN,
  };
}
