import { useCallback, useEffect, useState } from 'react';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import {
  planResponseImportSteps,
  type ImportPlan,
  type ResponseFileInput,
} from '@/domain/files/response-import-plan';
import { runInSlices } from '@/utils/slices';

/**
 * The import plan of a batch of files for a diagnostic: `null` while it is being planned (in
 * slices: a survey CSV brings thousands of respondents to check), planned again whenever the
 * batch or the diagnostic changes. `forget` lets the last plan go once it is applied or
 * cancelled (a campaign's plan holds its answers).
 */
export function useImportPlan(
  diagnostic: Diagnostic,
  batch: ResponseFileInput[],
): { plan: ImportPlan | null; planning: boolean; forget: () => void } {
  // Planned in slices (a survey CSV brings thousands of respondents to check), again whenever
  // the batch or the diagnostic changes; the preview shows the plan of the current pair only.
  const [planned, setPlanned] = useState<{
    of: readonly [Diagnostic, ResponseFileInput[]];
    plan: ImportPlan;
  } | null>(null);
  useEffect(() => {
    if (batch.length === 0) return;
    let cancelled = false;
    void runInSlices(planResponseImportSteps(diagnostic, batch), {
      cancelled: () => cancelled,
    }).then((plan) => {
      if (plan && !cancelled) setPlanned({ of: [diagnostic, batch], plan });
    });
    return () => {
      cancelled = true;
    };
  }, [diagnostic, batch]);
  const plan =
    batch.length > 0 && planned?.of[0] === diagnostic && planned.of[1] === batch
      ? planned.plan
      : null;
  const planning = batch.length > 0 && plan === null;
  const forget = useCallback(() => setPlanned(null), []);
  return { plan, planning, forget };
}
