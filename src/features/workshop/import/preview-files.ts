import type { FilePlan } from '@/domain/files/response-import-plan';

/** Up to this many files, the preview lists every file of the batch in its table. */
export const FILES_LISTED = 20;

export interface PreviewFiles {
  /** Files shown in the preview's table, with their place in the batch. */
  listed: { file: FilePlan; index: number }[];
  /** Files of the batch left out of the table (ready, no duplicate). */
  others: number;
  /** True when the table lists only the files to check (the whole list is behind a disclosure). */
  summarised: boolean;
}

/**
 * A file a facilitator has to look at: refused, or with duplicates skipped. (Remarks, such as a
 * file from another diagnostic, are listed under their own heading, file by file.)
 */
export function needsAttention(file: FilePlan): boolean {
  return file.status === 'rejected' || file.skipped > 0;
}

/**
 * The files the preview's table lists: every one in a small batch; in a larger one (a workshop's
 * 1,000 files) only those that need attention, the others counted, so the preview paints quickly
 * and what must be checked is not lost among rows of "ready".
 */
export function previewFiles(files: readonly FilePlan[], limit = FILES_LISTED): PreviewFiles {
  const all = files.map((file, index) => ({ file, index }));
  if (files.length <= limit) return { listed: all, others: 0, summarised: false };
  const listed = all.filter(({ file }) => needsAttention(file));
  return { listed, others: files.length - listed.length, summarised: true };
}
