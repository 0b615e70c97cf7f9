import { ROLES, type Role } from '@/domain/answers/answers';
import { DEFAULT_ANONYMITY_THRESHOLD } from '@/domain/diagnostic/diagnostic';

/*
 * The anonymity rule, implemented once here (docs/scoring.md, « Anonymity »): which roles are
 * shown apart, and whose comments no shared output holds.
 */

export { DEFAULT_ANONYMITY_THRESHOLD };

/** The threshold actually applied: an integer, at least 2 (1 would show single people). */
export function effectiveThreshold(threshold: number | undefined): number {
  if (threshold === undefined || !Number.isFinite(threshold)) return DEFAULT_ANONYMITY_THRESHOLD;
  return Math.max(2, Math.ceil(threshold));
}

export interface RoleVisibility {
  /** Roles that may be shown apart, in `ROLES` order. */
  visible: Role[];
  /** Respondents of all the roles that are not shown apart. */
  maskedRespondents: number;
}

/**
 * Decides which roles may be shown apart.
 *
 * 1. Primary suppression: a role with 0 < respondents < threshold is masked.
 * 2. Secondary suppression: if the masked respondents are 0 < m < threshold, anyone could deduce
 *    the masked group by subtraction (overall − visible roles, e.g. 10 respondents overall and
 *    8 employees shown reveals the other 2 people). So the smallest visible role (fewest
 *    respondents; ties broken by `ROLES` order, so the choice is deterministic) is masked too,
 *    until the masked total reaches the threshold or every role is masked. (A visible role has at
 *    least `threshold` respondents, so one more role is always enough; the loop states the rule.)
 *    The masked roles are then reported only as one anonymous total, never by name.
 *
 * When every role is masked and the group is smaller than the threshold, the overall figures are
 * still those of fewer than `threshold` people: that is the whole group, not a role shown apart.
 */
export function decideRoleVisibility(
  counts: ReadonlyMap<Role, number>,
  threshold: number,
): RoleVisibility {
  const present = ROLES.filter((role) => (counts.get(role) ?? 0) > 0);
  const visible = present.filter((role) => (counts.get(role) ?? 0) >= threshold);
  let maskedRespondents = present
    .filter((role) => !visible.includes(role))
    .reduce((total, role) => total + (counts.get(role) ?? 0), 0);
  while (maskedRespondents > 0 && maskedRespondents < threshold && visible.length > 0) {
    let smallest = 0;
    for (let i = 1; i < visible.length; i += 1) {
      // Strictly fewer: on a tie the earlier role in ROLES order stays the choice.
      if ((counts.get(visible[i] as Role) ?? 0) < (counts.get(visible[smallest] as Role) ?? 0)) {
        smallest = i;
      }
    }
    const [role] = visible.splice(smallest, 1);
    maskedRespondents += counts.get(role as Role) ?? 0;
  }
  return { visible, maskedRespondents };
}

/**
 * Roles whose comments no shared output holds (the PDF report, the shareable export): a role
 * with fewer respondents than the threshold, when people of another role answered too. Such a
 * comment, even without a name or a role beside it, can be told apart by what it says (the only
 * union representative's remark on the CSE). When everyone answered in one role, the comments
 * are the whole group's and stay (a diagnostic answered by one person keeps its comments).
 */
export function rolesWithWithheldComments(
  counts: ReadonlyMap<Role, number>,
  threshold: number,
): Set<Role> {
  const present = ROLES.filter((role) => (counts.get(role) ?? 0) > 0);
  if (present.length < 2) return new Set();
  return new Set(present.filter((role) => (counts.get(role) ?? 0) < threshold));
}

/** Respondents per role, every role of `ROLES` listed (0 when nobody answered in it). */
export function countRoles(respondents: readonly { role: Role }[]): Map<Role, number> {
  const counts = new Map<Role, number>(ROLES.map((role) => [role, 0]));
  for (const respondent of respondents) {
    counts.set(respondent.role, (counts.get(respondent.role) ?? 0) + 1);
  }
  return counts;
}

export interface RespondentsVisibility extends RoleVisibility {
  /** The threshold applied (`effectiveThreshold`). */
  threshold: number;
  /** Respondents per role, every role of `ROLES` listed. */
  counts: Map<Role, number>;
}

/**
 * Which roles of these respondents may be shown apart under this anonymity threshold: the one
 * place the pages, the report and the exports ask it (`decideRoleVisibility` on `countRoles`).
 */
export function roleVisibilityOf(
  respondents: readonly { role: Role }[],
  anonymityThreshold: number | undefined,
): RespondentsVisibility {
  const threshold = effectiveThreshold(anonymityThreshold);
  const counts = countRoles(respondents);
  return { ...decideRoleVisibility(counts, threshold), threshold, counts };
}
