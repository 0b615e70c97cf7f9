import { useEffect, useState } from 'react';
import type { ReportCatalogues } from '@/grid-library/report-catalogues';
import { yieldToEventLoop } from '@/utils/slices';

let loaded: ReportCatalogues | null = null;

/**
 * The legal catalogue and the kits' content, or null until they are there: asked for once the
 * page's first screen is painted (the frame after its first commit, in a task of its own), so
 * that neither their bytes nor their checks stand before it. Kept once loaded. A failure (a
 * chunk gone after a new deployment, offline) is thrown in the render, for the nearest error
 * boundary, like a page's own code.
 */
export function useReportCatalogues(): ReportCatalogues | null {
  const [catalogues, setCatalogues] = useState(loaded);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    if (catalogues) return;
    let live = true;
    const frame = requestAnimationFrame(() => {
      void yieldToEventLoop()
        .then(() => import('@/grid-library/report-catalogues'))
        .then((m) => {
          loaded ??= m.reportCatalogues();
          if (live) setCatalogues(loaded);
        })
        .catch((error: unknown) => {
          if (live) setFailure({ error });
        });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [catalogues]);
  if (failure) throw failure.error;
  return catalogues;
}
