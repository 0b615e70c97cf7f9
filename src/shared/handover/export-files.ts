import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { buildResponseFile, serializeResponseFile } from '@/domain/files/response-file';
import { buildSharedResponses, serializeSharedResponses } from '@/domain/files/shareable-export';
import { downloadFile, slugify } from '@/utils/download';
import { nowIso } from '@/utils/id';

/**
 * Downloads a response file of the given respondents (everyone when absent) and returns its
 * name. The name carries the diagnostic and a part number, never a pseudonym.
 */
export function downloadResponseFile(
  diagnostic: Diagnostic,
  respondentIds?: readonly string[],
  part?: string,
): string {
  const now = nowIso();
  const file = buildResponseFile(diagnostic, { exportedAt: now, respondentIds });
  const name = `${slugify(diagnostic.title)}-responses${part ? `-${part}` : ''}-${now.slice(0, 10)}.json`;
  downloadFile(name, serializeResponseFile(file), 'application/json');
  return name;
}

/**
 * Downloads the shareable export (roles under the anonymity threshold merged as on the page,
 * comments only when asked for) and returns its name.
 */
export function downloadSharedResponses(diagnostic: Diagnostic, withComments: boolean): string {
  const now = nowIso();
  const file = buildSharedResponses(diagnostic, { exportedAt: now, withComments });
  const name = `${slugify(diagnostic.title)}-shareable-${now.slice(0, 10)}.json`;
  downloadFile(name, serializeSharedResponses(file), 'application/json');
  return name;
}

/** Downloads CSV text (already carrying its byte-order mark) and returns the file name. */
export function downloadCsv(
  diagnostic: Diagnostic,
  kind: 'responses' | 'scores',
  text: string,
): string {
  const name = `${slugify(diagnostic.title)}-${kind}-${nowIso().slice(0, 10)}.csv`;
  downloadFile(name, text, 'text/csv;charset=utf-8');
  return name;
}
