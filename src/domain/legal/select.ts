/**
 * Which legal references a report shows: those cited by the recommendations it shows and that
 * apply to the diagnostic's context. A reference whose condition the context cannot settle
 * (size, CSE or union delegates unknown) is kept, with the conditions it depends on; one the
 * context contradicts is left out, with the reason. Pure: the catalogue and the context are
 * given.
 */
import {
  evaluateAppliesWhen,
  type ContextField,
  type RoutingContext,
} from '@/domain/context/applies-when';
import type { LegalAppliesWhen, LegalCatalogue, LegalReference } from './schema';

/** A recommendation as far as its legal references go. */
export type CitingRecommendation = { id: string; gridId: string; legalRefs: readonly string[] };

export type SelectedReference = {
  reference: LegalReference;
  /** The part of `appliesWhen` the context does not know (empty when it surely applies). */
  dependsOn: LegalAppliesWhen;
  /** The recommendations citing it, as `{ gridId, id }`. */
  citedBy: { gridId: string; id: string }[];
};

export type ExcludedReference = {
  reference: LegalReference;
  /** The context fields that contradict its condition. */
  failed: ContextField[];
  citedBy: { gridId: string; id: string }[];
};

export type LegalSelection = {
  /** In catalogue order. */
  references: SelectedReference[];
  excluded: ExcludedReference[];
};

function pick(when: LegalAppliesWhen | undefined, fields: readonly ContextField[]) {
  const out: LegalAppliesWhen = {};
  if (!when) return out;
  for (const field of fields) {
    // `roles` is not a context field; every other key has the same name in both.
    (out as Record<string, unknown>)[field] = when[field];
  }
  return out;
}

/** Whether one reference applies in this context: `applies`, and what it depends on. */
export function referenceApplicability(reference: LegalReference, context: RoutingContext) {
  const result = evaluateAppliesWhen(reference.appliesWhen, context);
  return {
    applies: result.applies,
    dependsOn: pick(reference.appliesWhen, result.uncertain),
    failed: result.failed.filter((f): f is ContextField => f !== 'roles'),
  };
}

/**
 * The references cited by `recommendations` that apply in `context` (surely or depending on what
 * the context does not know), and those it rules out. Ids missing from the catalogue are
 * ignored (loading a grid reports them).
 */
export function selectLegalReferences(
  catalogue: LegalCatalogue,
  recommendations: readonly CitingRecommendation[],
  context: RoutingContext,
): LegalSelection {
  const citedBy = new Map<string, { gridId: string; id: string }[]>();
  for (const rec of recommendations) {
    for (const ref of rec.legalRefs) {
      const list = citedBy.get(ref) ?? [];
      if (!list.some((c) => c.gridId === rec.gridId && c.id === rec.id)) {
        list.push({ gridId: rec.gridId, id: rec.id });
      }
      citedBy.set(ref, list);
    }
  }
  const references: SelectedReference[] = [];
  const excluded: ExcludedReference[] = [];
  for (const reference of catalogue.references) {
    const citing = citedBy.get(reference.id);
    if (!citing) continue;
    const { applies, dependsOn, failed } = referenceApplicability(reference, context);
    if (applies) references.push({ reference, dependsOn, citedBy: citing });
    else excluded.push({ reference, failed, citedBy: citing });
  }
  return { references, excluded };
}

/** The ids of `legalRefs` that apply (surely or possibly) in `context`, in the given order. */
export function applicableRefIds(
  catalogue: LegalCatalogue,
  legalRefs: readonly string[],
  context: RoutingContext,
): string[] {
  const byId = new Map(catalogue.references.map((r) => [r.id, r]));
  return legalRefs.filter((id) => {
    const reference = byId.get(id);
    return reference !== undefined && referenceApplicability(reference, context).applies;
  });
}
