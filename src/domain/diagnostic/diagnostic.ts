/**
 * A diagnostic: one run of the tool (purpose, context, the exact grids used, respondents and
 * their answers, the action plan). This is what the device stores and what a backup contains.
 * Dates are ISO strings given by the caller: the domain has no clock.
 */
// zod/mini: the answer page validates stored diagnostics with these schemas (see schema.ts).
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import { Answers, AnswerValue, Role } from '@/domain/answers/answers';
import { SECTORS } from '@/domain/context/sectors';
/**
 * Default anonymity threshold: a role with fewer respondents is never shown apart. Part of the
 * diagnostic's model (a new diagnostic starts with it); the rule that applies it is
 * `src/domain/aggregate/anonymity.ts`, which pages opening a diagnostic do not load.
 */
export const DEFAULT_ANONYMITY_THRESHOLD = 3;

export const DIAGNOSTIC_FORMAT = 'qvt-numerique/diagnostic';
export const DIAGNOSTIC_FORMAT_VERSION = 1;

export const PURPOSES = ['upstream', 'negotiation', 'workshop'] as const;
export const Purpose = z.enum(PURPOSES);
export type Purpose = z.infer<typeof Purpose>;

export const PROJECT_KINDS = [
  'collaboration',
  'business-software',
  'mobile-telemanagement',
  'robotics',
  'ai',
  'other',
] as const;
export const ProjectKind = z.enum(PROJECT_KINDS);
export type ProjectKind = z.infer<typeof ProjectKind>;

export const PROJECT_PHASES = ['idea', 'choice', 'deployment', 'in-use'] as const;
export const ProjectPhase = z.enum(PROJECT_PHASES);
export type ProjectPhase = z.infer<typeof ProjectPhase>;

export const SIZE_BANDS = ['1-10', '11-49', '50-249', '250-999', '1000+'] as const;
export const SizeBand = z.enum(SIZE_BANDS);
export type SizeBand = z.infer<typeof SizeBand>;

const YesNoUnknown = z.enum(['yes', 'no', 'unknown']);

/**
 * The context the start form asks once, each question with « je ne sais pas » (`unknown`; no
 * project kind ticked = unknown). Routing reads it (`routingContextOf`) to ask only the questions
 * that apply. Optional: diagnostics created before it was asked have none, and their context is
 * read from `project` and `size`. Same shape as `RoutingContext` (`src/domain/context`).
 */
export const DiagnosticContext = z.object({
  projectKinds: z.array(ProjectKind).check(z.maxLength(PROJECT_KINDS.length)),
  phase: z.union([ProjectPhase, z.literal('unknown')]),
  size: z.union([SizeBand, z.literal('unknown')]),
  cse: YesNoUnknown,
  unionDelegates: YesNoUnknown,
  sector: z.enum([...SECTORS, 'unknown']),
});
export type DiagnosticContext = z.infer<typeof DiagnosticContext>;

export const ACTION_STATUSES = ['todo', 'doing', 'done'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

const ShortText = z.string().check(z.maxLength(300));
const LongText = z.string().check(z.maxLength(5000));
const IsoDate = z.string().check(z.maxLength(40));
const RecordId = z.string().check(z.minLength(1), z.maxLength(80));
const OptionalRef = z.optional(z.string().check(z.maxLength(80)));

/** The exact grid a diagnostic was answered with: reference plus a full copy. */
export const GridSnapshot = z.object({
  id: RecordId,
  version: z.string().check(z.maxLength(40)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** The grid file as loaded; re-validated with `loadGrid` whenever it is read back. */
  grid: z.unknown(),
});
export type GridSnapshot = z.infer<typeof GridSnapshot>;

export const Respondent = z.object({
  id: RecordId,
  role: Role,
  pseudonym: z.optional(ShortText),
  /** grid id → answers */
  answers: z.record(z.string(), Answers),
  /** grid id → dimension id → comment */
  comments: z.record(z.string(), z.record(z.string(), LongText)),
  /**
   * Answers moved aside by a grid migration (removed or changed items), never scored:
   * `<grid id>@<version answered>` → item id → answer. See `migrate.ts`.
   */
  setAside: z.optional(z.record(z.string(), z.record(z.string(), AnswerValue))),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Respondent = z.infer<typeof Respondent>;

export const ActionItem = z.object({
  id: RecordId,
  /** May be empty while being edited: the UI flags it, storage must still accept it. */
  title: ShortText,
  /** The recommendation it comes from, when it does. */
  recommendationId: OptionalRef,
  gridId: OptionalRef,
  owner: ShortText,
  /** YYYY-MM-DD or empty. */
  deadline: z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/)),
  status: ActionStatus,
  indicator: ShortText,
  /** The kit line it was added from (`<kit>/<line id>`), so that adding it again does not duplicate it. */
  kitLine: OptionalRef,
});
export type ActionItem = z.infer<typeof ActionItem>;

const DayOrEmpty = z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/));

/** A typical work situation, today and with the tool (the deployment kit's work simulation). */
export const WorkSituation = z.object({
  id: RecordId,
  title: ShortText,
  today: LongText,
  withTool: LongText,
  /** What the tool must allow in this situation: a line of the vendor specification. */
  requirement: LongText,
});
export type WorkSituation = z.infer<typeof WorkSituation>;

export const MAX_WORK_SITUATIONS = 5;

/** The deployment kit's part of a diagnostic: typical situations and the pilot plan. */
export const DeploymentPlan = z.object({
  situations: z.array(WorkSituation).check(z.maxLength(MAX_WORK_SITUATIONS)),
  pilot: z.object({
    scope: ShortText,
    duration: ShortText,
    criteria: LongText,
    /** Dates of the T0 and T1 diagnostics, YYYY-MM-DD or empty. */
    t0: DayOrEmpty,
    t1: DayOrEmpty,
  }),
});
export type DeploymentPlan = z.infer<typeof DeploymentPlan>;

export const Diagnostic = z.object({
  format: z.literal(DIAGNOSTIC_FORMAT),
  formatVersion: z.literal(DIAGNOSTIC_FORMAT_VERSION),
  id: RecordId,
  title: z.string().check(z.maxLength(300), z.minLength(1)),
  purpose: Purpose,
  organisation: z.optional(ShortText),
  project: z.object({
    name: ShortText,
    /** The main kind (the first of `context.projectKinds`, or `other`). */
    kind: ProjectKind,
    /** Absent when the phase is not known (`context.phase` is then `unknown`). */
    phase: z.optional(ProjectPhase),
  }),
  /** Free-text sector of diagnostics created before `context.sector` was asked. */
  sector: z.optional(ShortText),
  size: z.optional(SizeBand),
  /** The routing context, asked by the start form (absent on older diagnostics). */
  context: z.optional(DiagnosticContext),
  grids: z.array(GridSnapshot).check(z.minLength(1)),
  respondents: z.array(Respondent),
  /** The respondent currently answering on this device. */
  currentRespondentId: OptionalRef,
  actionPlan: z.array(ActionItem),
  /** The deployment kit's situations and pilot plan (upstream diagnostics), once filled in. */
  deployment: z.optional(DeploymentPlan),
  /** Smallest group shown apart in workshop results; never below 2. */
  anonymityThreshold: z.number().check(z.int(), z.minimum(2), z.maximum(50)),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** Respondents already checked taken between two steps of `parseDiagnosticSteps`. */
const CHECKED_PER_STEP = 1000;

/**
 * `Diagnostic.safeParse(record)` in steps, for a caller that runs them in slices (a 10,000-
 * respondent diagnostic is half a second of zod): one respondent a step, then the rest of the
 * record with only the respondents that failed, their issues' paths put back to their place
 * (`respondents.<index>.…`). The same data, or the same issues in the same order; what is not
 * a record with a list of respondents is parsed at once, and so are the respondents that failed
 * (few, unless the stored record is damaged).
 */
export function* parseDiagnosticSteps(
  record: unknown,
  /**
   * Respondents already known valid, taken as they are (storage's column store checks its
   * respondents' shape and codes in one pass: zod need not walk every answer again).
   */
  checked?: ReadonlySet<unknown>,
): Generator<void, ReturnType<typeof Diagnostic.safeParse>, void> {
  const list: unknown = (record as { respondents?: unknown } | null)?.respondents;
  if (Array.isArray(record) || !Array.isArray(list)) return Diagnostic.safeParse(record);
  const respondents: Respondent[] = [];
  const failed: number[] = [];
  for (const [index, item] of list.entries()) {
    if (checked?.has(item)) {
      respondents.push(item as Respondent);
      if (index % CHECKED_PER_STEP === 0) yield;
      continue;
    }
    const parsed = Respondent.safeParse(item);
    if (parsed.success) respondents.push(parsed.data);
    else failed.push(index);
    yield;
  }
  const parsed = Diagnostic.safeParse({
    ...(record as object),
    respondents: failed.map((i) => list[i]),
  });
  if (parsed.success) parsed.data.respondents = respondents;
  else
    for (const { path } of parsed.error.issues)
      if (path[0] == 'respondents') path[1] = failed[path[1] as number]!;
  return parsed;
}
