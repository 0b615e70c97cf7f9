/**
 * What the user does with a kit, as pure operations on the diagnostic: add a proposed line to
 * the action plan in one click (never twice), and fill in the deployment kit's situations and
 * pilot plan. Ids, dates and today's day come from the caller: the domain has no clock.
 */
import {
  MAX_WORK_SITUATIONS,
  type ActionItem,
  type DeploymentPlan,
  type Diagnostic,
  type WorkSituation,
} from '@/domain/diagnostic/diagnostic';
import { EMPTY_PILOT, type KitActionProposal } from './kits';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `days` after `today` (YYYY-MM-DD), as YYYY-MM-DD; empty when `today` is not a day. */
export function addDays(today: string, days: number): string {
  const match = DAY.exec(today);
  if (!match) return '';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}

/** The deadline a proposal gets when added on `today`. */
export function kitDeadline(proposal: KitActionProposal, today: string): string {
  if ('days' in proposal.deadline) return addDays(today, proposal.deadline.days);
  return DAY.test(proposal.deadline.date) ? proposal.deadline.date : '';
}

/** Whether the plan already holds the line added from this proposal. */
export function hasKitAction(diagnostic: Diagnostic, key: string): boolean {
  return diagnostic.actionPlan.some((a) => a.kitLine === key);
}

/**
 * The diagnostic with the proposal added to its action plan, as an ordinary line (editable,
 * movable, removable); unchanged (the same object) when the line is already there.
 */
export function addKitAction(
  diagnostic: Diagnostic,
  proposal: KitActionProposal,
  ids: { id: string; now: string; today: string },
): Diagnostic {
  if (hasKitAction(diagnostic, proposal.key)) return diagnostic;
  const action: ActionItem = {
    id: ids.id,
    title: proposal.title.slice(0, 300),
    owner: proposal.owner.slice(0, 300),
    deadline: kitDeadline(proposal, ids.today),
    status: 'todo',
    indicator: proposal.indicator.slice(0, 300),
    kitLine: proposal.key,
  };
  return { ...diagnostic, actionPlan: [...diagnostic.actionPlan, action], updatedAt: ids.now };
}

/** The stored deployment plan, or an empty one. */
export function deploymentPlanOf(diagnostic: Diagnostic): DeploymentPlan {
  return diagnostic.deployment ?? { situations: [], pilot: { ...EMPTY_PILOT } };
}

function withPlan(diagnostic: Diagnostic, plan: DeploymentPlan, now: string): Diagnostic {
  return { ...diagnostic, deployment: plan, updatedAt: now };
}

/** Adds a blank situation (at most five); unchanged when there are five already. */
export function addSituation(diagnostic: Diagnostic, id: string, now: string): Diagnostic {
  const plan = deploymentPlanOf(diagnostic);
  if (plan.situations.length >= MAX_WORK_SITUATIONS) return diagnostic;
  const blank: WorkSituation = { id, title: '', today: '', withTool: '', requirement: '' };
  return withPlan(diagnostic, { ...plan, situations: [...plan.situations, blank] }, now);
}

/** Changes fields of one situation (by id); unchanged when there is no such situation. */
export function updateSituation(
  diagnostic: Diagnostic,
  id: string,
  change: Partial<Omit<WorkSituation, 'id'>>,
  now: string,
): Diagnostic {
  const plan = deploymentPlanOf(diagnostic);
  if (!plan.situations.some((s) => s.id === id)) return diagnostic;
  const situations = plan.situations.map((s) => (s.id === id ? { ...s, ...change } : s));
  return withPlan(diagnostic, { ...plan, situations }, now);
}

export function removeSituation(diagnostic: Diagnostic, id: string, now: string): Diagnostic {
  const plan = deploymentPlanOf(diagnostic);
  if (!plan.situations.some((s) => s.id === id)) return diagnostic;
  return withPlan(
    diagnostic,
    { ...plan, situations: plan.situations.filter((s) => s.id !== id) },
    now,
  );
}

/** Changes fields of the pilot plan; a date that is not YYYY-MM-DD is stored empty. */
export function updatePilot(
  diagnostic: Diagnostic,
  change: Partial<DeploymentPlan['pilot']>,
  now: string,
): Diagnostic {
  const plan = deploymentPlanOf(diagnostic);
  const pilot = { ...plan.pilot, ...change };
  for (const key of ['t0', 't1'] as const) if (!DAY.test(pilot[key])) pilot[key] = '';
  return withPlan(diagnostic, { ...plan, pilot }, now);
}
