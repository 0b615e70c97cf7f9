import '@/domain/zod-setup';
import * as z from 'zod/mini';
import { Purpose } from '@/domain/diagnostic/diagnostic';

/**
 * The new-diagnostic form; messages are i18n keys of the `newDiagnostic` namespace. The context
 * (project kinds, phase, size, CSE, union delegates, sector) is asked by `ContextFields`, whose
 * every answer is valid (« je ne sais pas » included).
 */
export const NewDiagnosticForm = z.object({
  purpose: Purpose,
  title: z
    .string()
    .check(z.trim(), z.minLength(1, 'errors.titleRequired'), z.maxLength(300, 'errors.tooLong')),
  organisation: z.string().check(z.maxLength(300, 'errors.tooLong')),
  projectName: z.string().check(z.maxLength(300, 'errors.tooLong')),
  gridIds: z.array(z.string()).check(z.minLength(1, 'errors.gridsRequired')),
});
export type NewDiagnosticForm = z.infer<typeof NewDiagnosticForm>;

/** Rough answering time: about 20 seconds an item, rounded up to the minute. */
export function estimateMinutes(items: number): number {
  return Math.max(1, Math.ceil((items * 20) / 60));
}
