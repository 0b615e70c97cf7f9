/**
 * The shareable export of a workshop (`qvt-numerique/shared-responses`, version 1): the answers
 * of every respondent, for people who may see the results but not who answered what.
 *
 * Roles are merged exactly as on the workshop page (`decideRoleVisibility`, the anonymity rule):
 * a respondent whose role is not shown apart gets the role `masked`. Comments are left out,
 * unless asked for; even then, never those of a small role beside others
 * (`rolesWithWithheldComments`). No pseudonym, no id, no date; respondents are sorted by role and
 * answers, so their order says nothing about who answered when. The complete file, which
 * identifies people in small roles, is the private backup (`response-file.ts`).
 */
import {
  countRoles,
  decideRoleVisibility,
  effectiveThreshold,
  rolesWithWithheldComments,
} from '@/domain/aggregate/anonymity';
import { ROLES, type Answers, type Role } from '@/domain/answers/answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { canonicalJson } from '@/domain/grid/hash';
import { MASKED_ROLE } from './csv-export';

export const SHARED_RESPONSES_FORMAT = 'qvt-numerique/shared-responses';
export const SHARED_RESPONSES_FORMAT_VERSION = 1;

export type SharedRespondent = {
  /** The role, or `masked` when the role is not shown apart. */
  role: Role | typeof MASKED_ROLE;
  answers: Record<string, Answers>;
  /** Only when comments were asked for. */
  comments?: Record<string, Record<string, string>>;
};

export type SharedResponses = {
  format: typeof SHARED_RESPONSES_FORMAT;
  formatVersion: typeof SHARED_RESPONSES_FORMAT_VERSION;
  exportedAt: string;
  diagnostic: { title: string };
  grids: { id: string; version: string; hash: string }[];
  anonymityThreshold: number;
  /** Respondents of the roles not shown apart, merged under `masked`. */
  maskedRespondents: number;
  comments: 'none' | 'included';
  respondents: SharedRespondent[];
};

/** Builds the shareable export; `withComments` adds comments, small roles' excepted. */
export function buildSharedResponses(
  diagnostic: Diagnostic,
  options: { exportedAt: string; withComments: boolean },
): SharedResponses {
  const threshold = effectiveThreshold(diagnostic.anonymityThreshold);
  const counts = countRoles(diagnostic.respondents);
  const { visible, maskedRespondents } = decideRoleVisibility(counts, threshold);
  const shown = new Set<Role>(visible);
  const withheld = rolesWithWithheldComments(counts, threshold);
  const gridIds = new Set(diagnostic.grids.map((grid) => grid.id));
  const ofGrids = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([gridId]) => gridIds.has(gridId)));
  const rank = (role: string): number => {
    const index = ROLES.indexOf(role as Role);
    return index < 0 ? ROLES.length : index;
  };
  const respondents = diagnostic.respondents
    .map((respondent): SharedRespondent => {
      const role = shown.has(respondent.role) ? respondent.role : MASKED_ROLE;
      const answers = structuredClone(ofGrids(respondent.answers));
      if (!options.withComments) return { role, answers };
      const comments = withheld.has(respondent.role)
        ? {}
        : structuredClone(ofGrids(respondent.comments));
      return { role, answers, comments };
    })
    .map((respondent) => ({ respondent, key: canonicalJson(respondent) }))
    // By role, then by content: the order says nothing about who answered when.
    .sort(
      (a, b) =>
        rank(a.respondent.role) - rank(b.respondent.role) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .map(({ respondent }) => respondent);
  return {
    format: SHARED_RESPONSES_FORMAT,
    formatVersion: SHARED_RESPONSES_FORMAT_VERSION,
    exportedAt: options.exportedAt,
    diagnostic: { title: diagnostic.title },
    grids: diagnostic.grids.map(({ id, version, hash }) => ({ id, version, hash })),
    anonymityThreshold: threshold,
    maskedRespondents,
    comments: options.withComments ? 'included' : 'none',
    respondents,
  };
}

/** The text of the shareable export: indented JSON. */
export function serializeSharedResponses(file: SharedResponses): string {
  return JSON.stringify(file, null, 2) + '\n';
}
