/**
 * Importing response files into a diagnostic (docs/response-file.md): planned first (what would
 * be added, what is skipped and why, which files are refused), then applied all at once, or not
 * at all. The file format itself (schema, reading, writing) is `response-file.ts`.
 */
import { type AnswerProblem, answersValidator } from '@/domain/answers/validate-answers';
import { ROLES, type Answers, type Role } from '@/domain/answers/answers';
import type { Diagnostic, Respondent } from '@/domain/diagnostic/diagnostic';
import { canonicalJson } from '@/domain/grid/hash';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import { runToEnd } from '@/domain/run-to-end';
import {
  MAX_LISTED_PROBLEMS,
  type ParseResponseFileResult,
  type ResponseFile,
  type ResponseFileError,
  type ResponseFileRespondent,
} from './response-file';

/** One file given to the planner: its name and what `parseResponseFile` (or reading it) gave. */
export interface ResponseFileInput {
  name: string;
  result: ParseResponseFileResult;
}

export interface GridMismatch {
  fileName: string;
  gridId: string;
  fileVersion: string;
  fileHash: string;
  diagnosticVersion: string;
  diagnosticHash: string;
}

/** An answer or comment the diagnostic's grid does not accept. */
export interface AnswerIssue {
  /** Index of the respondent in the file. */
  respondent: number;
  gridId: string;
  /** Item id, or dimension id for `unknownDimension`. */
  itemId: string;
  code: AnswerProblem['code'] | 'unknownDimension';
  value: string;
}

export type ImportRejection =
  | { code: 'unreadableFile'; error: ResponseFileError }
  | { code: 'gridVersionMismatch'; mismatches: GridMismatch[] }
  | { code: 'noCommonGrid'; gridIds: string[] }
  | { code: 'invalidAnswers'; issues: AnswerIssue[]; total: number };

export type FileWarning =
  /** The file comes from another diagnostic (same grids): said, not refused. */
  | { code: 'otherDiagnostic'; title: string }
  /** Grids of the file this diagnostic does not use: their answers are left out. */
  | { code: 'ignoredGrids'; gridIds: string[] }
  /** A whole diagnostic file was read: its respondents are imported, pseudonyms dropped. */
  | { code: 'diagnosticFile' };

export interface FilePlan {
  name: string;
  status: 'ok' | 'rejected';
  /** Respondents in the file (0 when it could not be read). */
  respondents: number;
  /** Of them, how many will be added. */
  added: number;
  /** Of them, how many are skipped as duplicates. */
  skipped: number;
  rejection?: ImportRejection;
  warnings: FileWarning[];
}

export interface DuplicateRespondent {
  fileName: string;
  /** Index of the respondent in its file. */
  respondent: number;
  respondentId: string;
  /** Already in the diagnostic, or earlier in this batch (the first one is kept). */
  reason: 'inDiagnostic' | 'inBatch';
  /** For `inBatch`: the file holding the copy that is kept. */
  keptFrom?: string;
  /** True when the answers, comments and role are the same as the kept copy's. */
  identical: boolean;
}

export interface ImportedRespondent {
  id: string;
  role: Role;
  answers: Record<string, Answers>;
  comments: Record<string, Record<string, string>>;
  fileName: string;
}

export interface ImportPlan {
  diagnosticId: string;
  /** Content hash of each grid of the diagnostic when planned, to refuse a stale plan. */
  gridHashes: Record<string, string>;
  files: FilePlan[];
  add: ImportedRespondent[];
  /** Respondents to add per role, in `ROLES` order (roles with none left out). */
  roleCounts: { role: Role; n: number }[];
  duplicates: DuplicateRespondent[];
  mismatches: GridMismatch[];
  rejected: { fileName: string; rejection: ImportRejection }[];
  /** True when no file is rejected and there is someone to add. */
  canApply: boolean;
}

type GridCheck = {
  grid: Grid;
  validate: (answers: Answers) => AnswerProblem[];
  dimensions: ReadonlySet<string>;
};

/** The diagnostic's grids, each validated once with its answer checker (not once per file). */
function snapshotGrids(
  diagnostic: Diagnostic,
): Map<string, { version: string; hash: string; check: GridCheck | null }> {
  return new Map(
    diagnostic.grids.map((snapshot) => {
      const loaded = loadGrid(snapshot.grid);
      const check = loaded.ok
        ? {
            grid: loaded.grid,
            validate: answersValidator(loaded.grid),
            dimensions: new Set(loaded.grid.dimensions.map((d) => d.id)),
          }
        : null;
      return [snapshot.id, { version: snapshot.version, hash: snapshot.hash, check }] as const;
    }),
  );
}

function* answerIssues(
  file: ResponseFile,
  grids: ReadonlyMap<string, { check: GridCheck | null }>,
): Generator<void, AnswerIssue[], void> {
  const issues: AnswerIssue[] = [];
  for (let index = 0; index < file.respondents.length; index += 1) {
    if (index > 0 && index % PLAN_STEP === 0) yield;
    const respondent = file.respondents[index] as ResponseFileRespondent;
    for (const [gridId, answers] of Object.entries(respondent.answers)) {
      const check = grids.get(gridId)?.check;
      if (!check) continue;
      for (const problem of check.validate(answers)) {
        issues.push({
          respondent: index,
          gridId,
          itemId: problem.itemId,
          code: problem.code,
          value: String(problem.value),
        });
      }
    }
    for (const [gridId, comments] of Object.entries(respondent.comments)) {
      const check = grids.get(gridId)?.check;
      if (!check) continue;
      for (const dimensionId of Object.keys(comments)) {
        if (!check.dimensions.has(dimensionId))
          issues.push({
            respondent: index,
            gridId,
            itemId: dimensionId,
            code: 'unknownDimension',
            value: '',
          });
      }
    }
  }
  return issues;
}

/** The record's grids kept; the record itself when it holds no other (no copy per respondent). */
function pickGrids<T>(record: Record<string, T>, keep: ReadonlySet<string>): Record<string, T> {
  const gridIds = Object.keys(record);
  if (gridIds.every((gridId) => keep.has(gridId))) return record;
  return Object.fromEntries(
    gridIds.filter((gridId) => keep.has(gridId)).map((id) => [id, record[id] as T]),
  );
}

function contentKey(r: { role: Role; answers: unknown; comments: unknown }): string {
  return canonicalJson({ role: r.role, answers: r.answers, comments: r.comments });
}

/** A copy of a grid id → record map, two levels deep (answers and comments are plain data). */
function copyByGrid<T>(
  record: Record<string, Record<string, T>>,
): Record<string, Record<string, T>> {
  const copy: Record<string, Record<string, T>> = {};
  for (const [gridId, inner] of Object.entries(record)) copy[gridId] = { ...inner };
  return copy;
}

/**
 * Plans the import of a batch of response files into a diagnostic, changing nothing: who would
 * be added (per role), who is skipped as a duplicate (already in the diagnostic, or twice in the
 * batch: the first copy is kept), which files are refused and why (unreadable, a grid in another
 * version — same id, other content hash — no grid in common, answers the grid does not accept).
 * Files are taken in the order given.
 */
export function planResponseImport(
  diagnostic: Diagnostic,
  files: readonly ResponseFileInput[],
): ImportPlan {
  return runToEnd(planResponseImportSteps(diagnostic, files));
}

/**
 * Respondents looked at between two steps of `planResponseImportSteps` (a few milliseconds of
 * work).
 */
export const PLAN_STEP = 250;

/**
 * `planResponseImport` as steps: the generator pauses after each file and every `PLAN_STEP`
 * respondents, and returns the same plan. A caller on the main thread can run a few steps at a
 * time and let the page paint between them (10,000 respondents from a survey CSV take
 * hundreds of milliseconds to plan).
 */
export function* planResponseImportSteps(
  diagnostic: Diagnostic,
  files: readonly ResponseFileInput[],
): Generator<void, ImportPlan, void> {
  const grids = snapshotGrids(diagnostic);
  // Content keys are computed only for duplicates (to say whether the copies are identical).
  const existing = new Map(diagnostic.respondents.map((r) => [r.id, r]));
  const kept = new Map<string, { fileName: string; respondent: ImportedRespondent }>();
  const plans: FilePlan[] = [];
  const add: ImportedRespondent[] = [];
  const duplicates: DuplicateRespondent[] = [];
  const mismatches: GridMismatch[] = [];
  const rejected: { fileName: string; rejection: ImportRejection }[] = [];

  const reject = (name: string, respondents: number, rejection: ImportRejection): void => {
    plans.push({
      name,
      status: 'rejected',
      respondents,
      added: 0,
      skipped: 0,
      rejection,
      warnings: [],
    });
    rejected.push({ fileName: name, rejection });
  };

  for (const [fileIndex, { name, result }] of files.entries()) {
    if (fileIndex > 0) yield;
    if (!result.ok) {
      reject(name, 0, { code: 'unreadableFile', error: result.error });
      continue;
    }
    const { file } = result;
    const fileMismatches: GridMismatch[] = [];
    const common = new Set<string>();
    const ignored: string[] = [];
    for (const grid of file.grids) {
      const mine = grids.get(grid.id);
      if (mine === undefined) ignored.push(grid.id);
      else if (mine.hash !== grid.hash)
        fileMismatches.push({
          fileName: name,
          gridId: grid.id,
          fileVersion: grid.version,
          fileHash: grid.hash,
          diagnosticVersion: mine.version,
          diagnosticHash: mine.hash,
        });
      else common.add(grid.id);
    }
    if (fileMismatches.length > 0) {
      mismatches.push(...fileMismatches);
      reject(name, file.respondents.length, {
        code: 'gridVersionMismatch',
        mismatches: fileMismatches,
      });
      continue;
    }
    if (common.size === 0) {
      reject(name, file.respondents.length, {
        code: 'noCommonGrid',
        gridIds: file.grids.map((g) => g.id),
      });
      continue;
    }
    // A survey CSV's answers were read off these grids' scales (same hashes, checked above).
    const issues = result.source === 'survey' ? [] : yield* answerIssues(file, grids);
    if (issues.length > 0) {
      reject(name, file.respondents.length, {
        code: 'invalidAnswers',
        issues: issues.slice(0, MAX_LISTED_PROBLEMS),
        total: issues.length,
      });
      continue;
    }

    const warnings: FileWarning[] = [];
    if (result.source === 'diagnostic') warnings.push({ code: 'diagnosticFile' });
    if (file.diagnostic.id !== diagnostic.id)
      warnings.push({ code: 'otherDiagnostic', title: file.diagnostic.title });
    if (ignored.length > 0) warnings.push({ code: 'ignoredGrids', gridIds: ignored });

    let added = 0;
    let skipped = 0;
    for (let index = 0; index < file.respondents.length; index += 1) {
      if (index > 0 && index % PLAN_STEP === 0) yield;
      const respondent = file.respondents[index] as ResponseFileRespondent;
      const candidate = {
        id: respondent.id,
        role: respondent.role,
        answers: pickGrids(respondent.answers, common),
        comments: pickGrids(respondent.comments, common),
      };
      const inDiagnostic = existing.get(respondent.id);
      const inBatch = kept.get(respondent.id);
      if (inDiagnostic !== undefined || inBatch !== undefined) {
        skipped += 1;
        const other = inDiagnostic ?? inBatch?.respondent;
        duplicates.push({
          fileName: name,
          respondent: index,
          respondentId: respondent.id,
          reason: inDiagnostic !== undefined ? 'inDiagnostic' : 'inBatch',
          ...(inDiagnostic === undefined && inBatch ? { keptFrom: inBatch.fileName } : {}),
          identical: other !== undefined && contentKey(other) === contentKey(candidate),
        });
        continue;
      }
      const imported = { ...candidate, fileName: name };
      kept.set(respondent.id, { fileName: name, respondent: imported });
      add.push(imported);
      added += 1;
    }
    plans.push({
      name,
      status: 'ok',
      respondents: file.respondents.length,
      added,
      skipped,
      warnings,
    });
  }

  const perRole = new Map<Role, number>();
  for (const r of add) perRole.set(r.role, (perRole.get(r.role) ?? 0) + 1);
  const roleCounts = ROLES.map((role) => ({ role, n: perRole.get(role) ?? 0 })).filter(
    (entry) => entry.n > 0,
  );
  return {
    diagnosticId: diagnostic.id,
    gridHashes: Object.fromEntries(diagnostic.grids.map((g) => [g.id, g.hash])),
    files: plans,
    add,
    roleCounts,
    duplicates,
    mismatches,
    rejected,
    canApply: rejected.length === 0 && add.length > 0,
  };
}

export type ApplyImportResult =
  | { ok: true; diagnostic: Diagnostic; added: number }
  | {
      ok: false;
      /**
       * `rejectedFiles`: the plan refuses some files; `nothingToAdd`: no one new; `stale`: the
       * diagnostic changed since the plan (another diagnostic, other grids, or a respondent to add
       * is now there) — plan again.
       */
      code: 'rejectedFiles' | 'nothingToAdd' | 'stale';
    };

/**
 * Adds every respondent of a plan to the diagnostic in one step, or changes nothing and says
 * why. The diagnostic's grids must still be those the plan was made against.
 */
export function applyResponseImport(
  diagnostic: Diagnostic,
  plan: ImportPlan,
  now: string,
): ApplyImportResult {
  return runToEnd(applyResponseImportSteps(diagnostic, plan, now));
}

/**
 * Respondents copied between two steps of `applyResponseImportSteps` (a few milliseconds: a
 * campaign's 100,000 respondents copied at once were a task of 1.7 s).
 */
export const APPLY_STEP = 500;

/**
 * `applyResponseImport` as steps (a pause every `APPLY_STEP` respondents copied): the same
 * result. With `take`, the plan's answers and comments are taken into the diagnostic rather
 * than copied, for a caller that drops the plan (and its files) at once: a campaign's answers
 * are then held once, not twice, while they are added.
 */
export function* applyResponseImportSteps(
  diagnostic: Diagnostic,
  plan: ImportPlan,
  now: string,
  { take = false }: { take?: boolean } = {},
): Generator<void, ApplyImportResult, void> {
  if (plan.rejected.length > 0) return { ok: false, code: 'rejectedFiles' };
  if (plan.add.length === 0) return { ok: false, code: 'nothingToAdd' };
  const sameGrids =
    plan.diagnosticId === diagnostic.id &&
    diagnostic.grids.length === Object.keys(plan.gridHashes).length &&
    diagnostic.grids.every(
      (g) =>
        Object.prototype.hasOwnProperty.call(plan.gridHashes, g.id) &&
        plan.gridHashes[g.id] === g.hash,
    );
  const ids = new Set(diagnostic.respondents.map((r) => r.id));
  if (!sameGrids || plan.add.some((r) => ids.has(r.id))) return { ok: false, code: 'stale' };
  const added: Respondent[] = [];
  for (const [index, r] of plan.add.entries()) {
    if (index > 0 && index % APPLY_STEP === 0) yield;
    added.push({
      id: r.id,
      role: r.role,
      answers: take ? r.answers : copyByGrid(r.answers),
      comments: take ? r.comments : copyByGrid(r.comments),
      createdAt: now,
      updatedAt: now,
    });
  }
  return {
    ok: true,
    diagnostic: {
      ...diagnostic,
      respondents: diagnostic.respondents.concat(added),
      updatedAt: now,
    },
    added: added.length,
  };
}
