/**
 * Pure operations on a diagnostic. Each returns a new diagnostic (never mutates) so the UI can
 * keep history simple and the storage layer can save whole records. Ids and dates come from the
 * caller: the domain has no clock and no randomness.
 */
import type { AnswerValue, Role } from '@/domain/answers/answers';
import { isAskedOf } from '@/domain/context/asked-of';
import type { Grid } from '@/domain/grid/schema';
import {
  DEFAULT_ANONYMITY_THRESHOLD,
  DIAGNOSTIC_FORMAT,
  DIAGNOSTIC_FORMAT_VERSION,
  type ActionItem,
  type Diagnostic,
  type DiagnosticContext,
  type ProjectKind,
  type ProjectPhase,
  type Purpose,
  type Respondent,
  type SizeBand,
} from './diagnostic';

/** A grid ready to use: validated, with its content hash. */
export type LoadedGrid = { grid: Grid; hash: string; source?: unknown };

export type NewDiagnosticInput = {
  title: string;
  purpose: Purpose;
  organisation?: string;
  project: { name: string; kind: ProjectKind; phase?: ProjectPhase };
  sector?: string;
  size?: SizeBand;
  /** The context asked by the start form; when given, `project.kind/phase` and `size` follow it. */
  context?: ContextInput;
  grids: LoadedGrid[];
};

/** A context to store; its list of project kinds is copied. */
export type ContextInput = Omit<DiagnosticContext, 'projectKinds'> & {
  projectKinds: readonly ProjectKind[];
};

/** The older fields that mirror a context (the first project kind, the phase and size when known). */
function contextMirror(context: ContextInput) {
  return {
    kind: context.projectKinds[0] ?? 'other',
    phase: context.phase === 'unknown' ? undefined : context.phase,
    size: context.size === 'unknown' ? undefined : context.size,
  };
}

/**
 * The diagnostic with a new context. Answers are not touched: an answer to a question the new
 * context no longer asks stays stored (unscored) and counts again if the context changes back.
 */
export function setContext(diagnostic: Diagnostic, context: ContextInput, now: string): Diagnostic {
  const mirror = contextMirror(context);
  const project = { name: diagnostic.project.name, kind: mirror.kind, phase: mirror.phase };
  if (project.phase === undefined) delete project.phase;
  const next: Diagnostic = {
    ...diagnostic,
    context: { ...context, projectKinds: [...context.projectKinds] },
    project,
    size: mirror.size,
    updatedAt: now,
  };
  if (next.size === undefined) delete next.size;
  return next;
}

const blankToUndefined = (value: string | undefined): string | undefined =>
  value && value.trim() !== '' ? value.trim() : undefined;

/** Builds a new diagnostic keeping a copy of each grid exactly as it will be answered. */
export function createDiagnostic(
  input: NewDiagnosticInput,
  ids: { id: string; now: string },
): Diagnostic {
  const created = createWithoutContext(input, ids);
  return input.context === undefined ? created : setContext(created, input.context, ids.now);
}

function createWithoutContext(
  input: NewDiagnosticInput,
  ids: { id: string; now: string },
): Diagnostic {
  return {
    format: DIAGNOSTIC_FORMAT,
    formatVersion: DIAGNOSTIC_FORMAT_VERSION,
    id: ids.id,
    title: input.title.trim(),
    purpose: input.purpose,
    organisation: blankToUndefined(input.organisation),
    project: { ...input.project, name: input.project.name.trim() },
    sector: blankToUndefined(input.sector),
    size: input.size,
    grids: input.grids.map(({ grid, hash, source }) => ({
      id: grid.id,
      version: grid.version,
      hash,
      grid: source ?? grid,
    })),
    respondents: [],
    actionPlan: [],
    anonymityThreshold: DEFAULT_ANONYMITY_THRESHOLD,
    createdAt: ids.now,
    updatedAt: ids.now,
  };
}

/** Adds a blank respondent and makes it the one answering on this device. */
export function addRespondent(
  diagnostic: Diagnostic,
  respondent: { id: string; role: Role; pseudonym?: string },
  now: string,
): Diagnostic {
  const created: Respondent = {
    id: respondent.id,
    role: respondent.role,
    pseudonym: blankToUndefined(respondent.pseudonym),
    answers: {},
    comments: {},
    createdAt: now,
    updatedAt: now,
  };
  return {
    ...diagnostic,
    respondents: [...diagnostic.respondents, created],
    currentRespondentId: created.id,
    updatedAt: now,
  };
}

function updateRespondent(
  diagnostic: Diagnostic,
  respondentId: string,
  now: string,
  change: (respondent: Respondent) => Respondent,
): Diagnostic {
  let found = false;
  const respondents = diagnostic.respondents.map((r) => {
    if (r.id !== respondentId) return r;
    found = true;
    return { ...change(r), updatedAt: now };
  });
  return found ? { ...diagnostic, respondents, updatedAt: now } : diagnostic;
}

/** Sets (or, with `undefined`, clears) one answer of one respondent. */
export function setAnswer(
  diagnostic: Diagnostic,
  target: { respondentId: string; gridId: string; itemId: string },
  value: AnswerValue | undefined,
  now: string,
): Diagnostic {
  return updateRespondent(diagnostic, target.respondentId, now, (r) => {
    const gridAnswers = { ...(r.answers[target.gridId] ?? {}) };
    if (value === undefined) delete gridAnswers[target.itemId];
    else gridAnswers[target.itemId] = value;
    return { ...r, answers: { ...r.answers, [target.gridId]: gridAnswers } };
  });
}

/** Sets one respondent's comment on one dimension; an empty comment is removed. */
export function setComment(
  diagnostic: Diagnostic,
  target: { respondentId: string; gridId: string; dimensionId: string },
  comment: string,
  now: string,
): Diagnostic {
  return updateRespondent(diagnostic, target.respondentId, now, (r) => {
    const gridComments = { ...(r.comments[target.gridId] ?? {}) };
    if (comment.trim() === '') delete gridComments[target.dimensionId];
    else gridComments[target.dimensionId] = comment;
    return { ...r, comments: { ...r.comments, [target.gridId]: gridComments } };
  });
}

/** Changes a respondent's role or pseudonym. */
export function setRespondentProfile(
  diagnostic: Diagnostic,
  respondentId: string,
  profile: { role: Role; pseudonym?: string },
  now: string,
): Diagnostic {
  return updateRespondent(diagnostic, respondentId, now, (r) => ({
    ...r,
    role: profile.role,
    pseudonym: blankToUndefined(profile.pseudonym),
  }));
}

/** A copy with a new id and title, the same grids, respondents and plan. */
export function duplicateDiagnostic(
  diagnostic: Diagnostic,
  ids: { id: string; now: string },
  title: string,
): Diagnostic {
  return {
    ...structuredClone(diagnostic),
    id: ids.id,
    title,
    createdAt: ids.now,
    updatedAt: ids.now,
  };
}

export type GridProgress = { gridId: string; answered: number; total: number };

/**
 * How many of the items asked of the respondent's role they have answered (dk and na count as
 * answered: a choice was made); an item not asked of their role is in neither count.
 */
export function respondentProgress(respondent: Respondent, grids: Grid[]): GridProgress[] {
  return grids.map((grid) => {
    const answers = respondent.answers[grid.id] ?? {};
    let total = 0;
    let answered = 0;
    for (const dimension of grid.dimensions) {
      if (!isAskedOf(dimension.appliesWhen, respondent.role)) continue;
      for (const item of dimension.items) {
        if (!isAskedOf(item.appliesWhen, respondent.role)) continue;
        total += 1;
        if (Object.prototype.hasOwnProperty.call(answers, item.id)) answered += 1;
      }
    }
    return { gridId: grid.id, answered, total };
  });
}

/** Sum of progress over grids, as a share in [0, 1] (0 when there is nothing to answer). */
export function overallProgress(progress: GridProgress[]): number {
  const total = progress.reduce((sum, p) => sum + p.total, 0);
  const answered = progress.reduce((sum, p) => sum + p.answered, 0);
  return total === 0 ? 0 : answered / total;
}

/** Adds, replaces (same id) or removes action-plan entries. */
export function upsertAction(diagnostic: Diagnostic, action: ActionItem, now: string): Diagnostic {
  const exists = diagnostic.actionPlan.some((a) => a.id === action.id);
  const actionPlan = exists
    ? diagnostic.actionPlan.map((a) => (a.id === action.id ? action : a))
    : [...diagnostic.actionPlan, action];
  return { ...diagnostic, actionPlan, updatedAt: now };
}

export function removeAction(diagnostic: Diagnostic, actionId: string, now: string): Diagnostic {
  return {
    ...diagnostic,
    actionPlan: diagnostic.actionPlan.filter((a) => a.id !== actionId),
    updatedAt: now,
  };
}

/** Moves an action up (-1) or down (+1) in the plan; out-of-range moves change nothing. */
export function moveAction(
  diagnostic: Diagnostic,
  actionId: string,
  delta: -1 | 1,
  now: string,
): Diagnostic {
  const index = diagnostic.actionPlan.findIndex((a) => a.id === actionId);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= diagnostic.actionPlan.length) return diagnostic;
  const actionPlan = [...diagnostic.actionPlan];
  const [moved] = actionPlan.splice(index, 1);
  if (moved) actionPlan.splice(target, 0, moved);
  return { ...diagnostic, actionPlan, updatedAt: now };
}
