/**
 * The response file (`qvt-numerique/responses`, version 1): one or more respondents of one
 * diagnostic, carried from a participant's device to the facilitator's (docs/response-file.md).
 *
 * Pseudonyms are never written (anonymity). Reading never throws: every problem is a coded error
 * with the JSON path where it was found. Importing files into a diagnostic
 * (planned, then applied) is `response-import-plan.ts`.
 */
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import { RESPONSE_FILE_FORMAT, RESPONSE_FILE_FORMAT_VERSION } from './response-file-format';
import { Answers, Role } from '@/domain/answers/answers';
import { Diagnostic, type Respondent } from '@/domain/diagnostic/diagnostic';
import {
  checkContent,
  contentProblem,
  readJsonFile,
  type JsonFileError,
  type PathSegment,
} from './read-json-file';

export { RESPONSE_FILE_FORMAT, RESPONSE_FILE_FORMAT_VERSION };
/** Largest response file read, in bytes (checked by the caller before reading). */
export const MAX_RESPONSE_FILE_BYTES = 50 * 1024 * 1024;
/** Most respondents one file may carry. */
export const MAX_RESPONDENTS_PER_FILE = 10_000;
/** Answer problems listed per rejected file (the total is given too). */
export const MAX_LISTED_PROBLEMS = 5;

const ShortId = z.string().check(z.minLength(1), z.maxLength(80));
const IsoDate = z.string().check(z.minLength(1), z.maxLength(40));

export const ResponseFileGrid = z.strictObject({
  id: ShortId,
  version: z.string().check(z.minLength(1), z.maxLength(40)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/, { message: 'hash' })),
});
export type ResponseFileGrid = z.infer<typeof ResponseFileGrid>;

export const ResponseFileRespondent = z.strictObject({
  id: ShortId,
  role: Role,
  /** grid id → item id → value, `"dk"` or `"na"`. */
  answers: z.record(z.string(), Answers),
  /** grid id → dimension id → comment. */
  comments: z.record(z.string(), z.record(z.string(), z.string().check(z.maxLength(5000)))),
});
export type ResponseFileRespondent = z.infer<typeof ResponseFileRespondent>;

export const ResponseFile = z.strictObject({
  format: z.literal(RESPONSE_FILE_FORMAT),
  formatVersion: z.literal(RESPONSE_FILE_FORMAT_VERSION),
  exportedAt: IsoDate,
  diagnostic: z.strictObject({ id: ShortId, title: z.string().check(z.maxLength(300)) }),
  grids: z.array(ResponseFileGrid).check(z.minLength(1), z.maxLength(50)),
  respondents: z.array(ResponseFileRespondent).check(z.maxLength(MAX_RESPONDENTS_PER_FILE)),
});
export type ResponseFile = z.infer<typeof ResponseFile>;

export type { PathSegment };

/**
 * Why a file could not be read as responses: what the one JSON reader says
 * (`read-json-file.ts`), or, set by the caller, a file too large or that the device could not read.
 */
export type ResponseFileError =
  | JsonFileError
  /** Over MAX_RESPONSE_FILE_BYTES (checked before reading). */
  | { code: 'tooLarge' }
  /** The device could not read the file. */
  | { code: 'unreadable' };

export type ParseResponseFileResult =
  | {
      ok: true;
      file: ResponseFile;
      /**
       * `diagnostic` when a whole diagnostic file was read as responses (pseudonyms dropped);
       * `survey` when the file was built from a survey CSV by `csv-import.ts`, which reads every
       * answer off the scales of the grids the file names (their hashes): the import plan does
       * not check those answers a second time (a campaign's 15 million answers took seconds).
       */
      source: 'responses' | 'diagnostic' | 'survey';
    }
  | { ok: false; error: ResponseFileError };

/** Reads a diagnostic file as a response file of all its respondents, without pseudonyms. */
function fromDiagnostic(input: unknown): ParseResponseFileResult {
  const parsed = checkContent(Diagnostic, input, 'diagnostic');
  if (!parsed.ok) return parsed;
  const diagnostic = parsed.data;
  return checkResponseFile(
    {
      format: RESPONSE_FILE_FORMAT,
      formatVersion: RESPONSE_FILE_FORMAT_VERSION,
      exportedAt: diagnostic.updatedAt,
      diagnostic: { id: diagnostic.id, title: diagnostic.title },
      grids: diagnostic.grids.map(({ id, version, hash }) => ({ id, version, hash })),
      respondents: diagnostic.respondents.map(toFileRespondent),
    },
    'diagnostic',
  );
}

/** Cross-checks what the shape cannot: unique grid ids, answers only for listed grids. */
function checkResponseFile(
  file: ResponseFile,
  source: 'responses' | 'diagnostic',
): ParseResponseFileResult {
  const seen = new Set<string>();
  for (const [index, grid] of file.grids.entries()) {
    if (seen.has(grid.id)) {
      return {
        ok: false,
        error: contentProblem(source, 'duplicate', ['grids', index, 'id'], { value: grid.id }),
      };
    }
    seen.add(grid.id);
  }
  for (const [index, respondent] of file.respondents.entries()) {
    for (const field of ['answers', 'comments'] as const) {
      for (const gridId of Object.keys(respondent[field])) {
        if (!seen.has(gridId)) {
          const path = ['respondents', index, field, gridId];
          return {
            ok: false,
            error: contentProblem(source, 'undeclaredGrid', path, { value: gridId }),
          };
        }
      }
    }
  }
  return { ok: true, file, source };
}

/**
 * Parses the text of a response file (or of a diagnostic file, read as the responses it holds,
 * pseudonyms dropped) with the one JSON reader. Never throws.
 */
export function parseResponseFile(text: string): ParseResponseFileResult {
  try {
    const read = readJsonFile(text, ['responses', 'diagnostic']);
    if (!read.ok) return read;
    if (read.kind === 'diagnostic') return fromDiagnostic(read.value);
    const parsed = checkContent(ResponseFile, read.value, 'responses');
    return parsed.ok ? checkResponseFile(parsed.data, 'responses') : parsed;
  } catch {
    return { ok: false, error: { code: 'unreadable' } };
  }
}

function toFileRespondent(respondent: Respondent): ResponseFileRespondent {
  // Pseudonyms and dates are left out on purpose: a response file carries no name and no timing.
  return {
    id: respondent.id,
    role: respondent.role,
    answers: structuredClone(respondent.answers),
    comments: structuredClone(respondent.comments),
  };
}

/**
 * Builds the response file of some respondents (all when `respondentIds` is absent) of a
 * diagnostic. Pseudonyms are never exported; answers and comments are kept for the diagnostic's
 * grids only.
 */
export function buildResponseFile(
  diagnostic: Diagnostic,
  options: { exportedAt: string; respondentIds?: readonly string[] },
): ResponseFile {
  const gridIds = new Set(diagnostic.grids.map((g) => g.id));
  const wanted = options.respondentIds ? new Set(options.respondentIds) : null;
  const keepGrids = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([gridId]) => gridIds.has(gridId)));
  return {
    format: RESPONSE_FILE_FORMAT,
    formatVersion: RESPONSE_FILE_FORMAT_VERSION,
    exportedAt: options.exportedAt,
    diagnostic: { id: diagnostic.id, title: diagnostic.title },
    grids: diagnostic.grids.map(({ id, version, hash }) => ({ id, version, hash })),
    respondents: diagnostic.respondents
      .filter((r) => wanted === null || wanted.has(r.id))
      .map((r) => {
        const copy = toFileRespondent(r);
        return { ...copy, answers: keepGrids(copy.answers), comments: keepGrids(copy.comments) };
      }),
  };
}

/** The text of a response file: indented JSON, keys in the documented order. */
export function serializeResponseFile(file: ResponseFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}
