/**
 * The codes a survey platform sees for a diagnostic's grids (docs/campaigns.md): question,
 * sub-question and answer codes within LimeSurvey's rules, the role question and its short answer
 * codes. The `.lss` export writes them and the survey-CSV import reads them back, both from this
 * one plan, so a survey the app exported maps back with no manual step.
 *
 * LimeSurvey's rules: a question code starts with a letter and holds letters and digits only
 * (at most 20 characters); a sub-question code holds letters and digits (at most 20); an answer
 * code 1 to 5 letters or digits.
 *
 * Pure: no DOM, no clock.
 */
import type { Role } from '@/domain/answers/answers';
import type { Grid, Scale } from '@/domain/grid/schema';
import { sha256Hex } from '@/domain/grid/sha256';

export const QUESTION_CODE_RULE = /^[A-Za-z][A-Za-z0-9]{0,19}$/;
export const SUBQUESTION_CODE_RULE = /^[A-Za-z0-9]{1,20}$/;
export const ANSWER_CODE_RULE = /^[A-Za-z0-9]{1,5}$/;

/** The role question's code, and its answer codes (LimeSurvey answer codes: 1–5 characters). */
export const ROLE_QUESTION_CODE = 'role';
export const ROLE_ANSWER_CODES: Readonly<Record<Role, string>> = {
  management: 'MGMT',
  manager: 'MGR',
  employee: 'EMP',
  representative: 'REP',
  other: 'OTH',
};
export const DONT_KNOW_CODE = 'DK';
export const NOT_APPLICABLE_CODE = 'NA';

/**
 * An id as a code: its letters and digits (`us-adequation-1` → `usadequation1`), `q` in front
 * when it must start with a letter and does not, and, when longer than `max`, cut and ended by
 * six characters of its hash so that two long ids stay apart.
 */
export function codeOfId(id: string, max: number, letterFirst: boolean): string {
  let code = id.replace(/[^A-Za-z0-9]/g, '');
  if (letterFirst && !/^[A-Za-z]/.test(code)) code = `q${code}`;
  if (code.length <= max) return code;
  const hash = sha256Hex(id).slice(0, 6);
  return code.slice(0, max - hash.length) + hash;
}

/**
 * The answer codes of a scale's points: the value itself when every value is a whole number from
 * 0 to 99999 (`1`…`4`), else `A1`, `A2`… in the scale's order (a −2…2 scale has no code `-2`).
 */
export function answerCodes(scale: Scale): { value: number; code: string }[] {
  const plain = scale.points.every(
    (p) => Number.isInteger(p.value) && p.value >= 0 && p.value < 1e5,
  );
  return scale.points.map((p, index) => ({
    value: p.value,
    code: plain ? String(p.value) : `A${index + 1}`,
  }));
}

export interface PlannedQuestion {
  /** Array question code, e.g. `usadequation`, or `usmessagerieF` for a second scale. */
  code: string;
  gridId: string;
  dimensionId: string;
  scale: Scale;
  items: { code: string; itemId: string }[];
}

/**
 * One array question per dimension and scale, in the grids' order: a dimension whose items use
 * two scales has two questions, the second coded with the first letter of its scale (`F`). Codes
 * are unique in the survey (a digit is added on a clash).
 */
export function surveyPlan(grids: readonly Grid[]): PlannedQuestion[] {
  const used = new Set<string>([ROLE_QUESTION_CODE.toLowerCase()]);
  const unique = (code: string): string => {
    let candidate = code;
    for (let n = 2; used.has(candidate.toLowerCase()); n += 1) {
      const suffix = String(n);
      candidate = code.slice(0, 20 - suffix.length) + suffix;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  };
  const questions: PlannedQuestion[] = [];
  for (const grid of grids) {
    const scales = new Map(grid.scales.map((s) => [s.id, s]));
    for (const dimension of grid.dimensions) {
      const base = codeOfId(dimension.id, 19, true);
      const byScale = new Map<string, { code: string; itemId: string }[]>();
      for (const item of dimension.items) {
        const list = byScale.get(item.scale) ?? [];
        list.push({ code: codeOfId(item.id, 20, false), itemId: item.id });
        byScale.set(item.scale, list);
      }
      let first = true;
      for (const [scaleId, items] of byScale) {
        const scale = scales.get(scaleId);
        if (!scale) continue;
        const letter =
          scaleId
            .replace(/[^A-Za-z]/g, '')
            .charAt(0)
            .toUpperCase() || 'S';
        questions.push({
          code: unique(first ? base : base + letter),
          gridId: grid.id,
          dimensionId: dimension.id,
          scale,
          items: uniqueWithin(items),
        });
        first = false;
      }
    }
  }
  return questions;
}

/** Sub-question codes unique within their question (LimeSurvey's rule). */
function uniqueWithin(
  items: { code: string; itemId: string }[],
): { code: string; itemId: string }[] {
  const seen = new Set<string>();
  return items.map(({ code, itemId }) => {
    let candidate = code;
    for (let n = 2; seen.has(candidate.toLowerCase()); n += 1)
      candidate = code.slice(0, 20 - String(n).length) + String(n);
    seen.add(candidate.toLowerCase());
    return { code: candidate, itemId };
  });
}
