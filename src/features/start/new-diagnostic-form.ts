import '@/domain/zod-setup';
import { z } from 'zod';
import { ProjectKind, ProjectPhase, Purpose, SizeBand } from '@/domain/diagnostic/diagnostic';

/** The new-diagnostic form; messages are i18n keys of the `newDiagnostic` namespace. */
export const NewDiagnosticForm = z.object({
  purpose: Purpose,
  title: z.string().trim().min(1, 'errors.titleRequired').max(300, 'errors.tooLong'),
  organisation: z.string().max(300, 'errors.tooLong'),
  projectName: z.string().max(300, 'errors.tooLong'),
  projectKind: ProjectKind,
  projectPhase: ProjectPhase,
  sector: z.string().max(300, 'errors.tooLong'),
  size: z.union([SizeBand, z.literal('')]),
  gridIds: z.array(z.string()).min(1, 'errors.gridsRequired'),
});
export type NewDiagnosticForm = z.infer<typeof NewDiagnosticForm>;

/** Rough answering time: about 20 seconds an item, rounded up to the minute. */
export function estimateMinutes(items: number): number {
  return Math.max(1, Math.ceil((items * 20) / 60));
}
