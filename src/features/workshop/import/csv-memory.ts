/**
 * What the user chose in a survey-CSV mapping, remembered for the next import of an export of
 * the same survey (docs/campaigns.md): targets of the headings they changed, and the role
 * and answer texts they mapped. Kept in the preferences storage (this device only; forgotten by
 * « delete all my data »).
 */
import type { Role } from '@/domain/answers/answers';
import { ROLES } from '@/domain/answers/roles';
import {
  type AnswerValueChoice,
  type ColumnTarget,
  type CsvValueMap,
  headingKey,
} from '@/domain/files/csv-import';
import { readPreference, writePreference } from '@/storage/preferences';

const COLUMNS = 'csv-columns';
const VALUES = 'csv-values';
/** Entries kept at most per kind (the most recent win). */
const MAX_ENTRIES = 1000;

export interface CsvMemory {
  columns: Record<string, ColumnTarget>;
  values: CsvValueMap;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parse(key: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readPreference(key) ?? '{}');
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

function isTarget(value: unknown): value is ColumnTarget {
  if (!isRecord(value)) return false;
  if (value.kind === 'item')
    return typeof value.gridId === 'string' && typeof value.itemId === 'string';
  return ['ignore', 'role', 'responseId', 'completion'].includes(String(value.kind));
}

const CHOICES: readonly string[] = ['dk', 'na', 'blank'];

/** The remembered choices; anything malformed in storage is dropped, never trusted. */
export function readCsvMemory(): CsvMemory {
  const columns: Record<string, ColumnTarget> = {};
  for (const [heading, target] of Object.entries(parse(COLUMNS)))
    if (isTarget(target)) columns[heading] = target;
  const stored = parse(VALUES);
  const roles: Record<string, Role> = {};
  const answers: Record<string, AnswerValueChoice> = {};
  if (isRecord(stored.roles))
    for (const [text, role] of Object.entries(stored.roles))
      if ((ROLES as readonly unknown[]).includes(role)) roles[text] = role as Role;
  if (isRecord(stored.answers))
    for (const [text, choice] of Object.entries(stored.answers))
      if (CHOICES.includes(String(choice))) answers[text] = choice as AnswerValueChoice;
  return { columns, values: { roles, answers } };
}

const recent = <T>(entries: [string, T][]): Record<string, T> =>
  Object.fromEntries(entries.slice(-MAX_ENTRIES));

/**
 * Remembers the headings whose target the user changed from the automatic one, and the value
 * mappings, on top of what was remembered before.
 */
export function rememberCsvChoices(
  header: readonly string[],
  mapping: readonly ColumnTarget[],
  suggested: readonly ColumnTarget[],
  values: CsvValueMap,
): void {
  const before = readCsvMemory();
  const columns = { ...before.columns };
  header.forEach((name, c) => {
    const target = mapping[c];
    if (!target || name.trim() === '') return;
    if (JSON.stringify(target) !== JSON.stringify(suggested[c])) columns[headingKey(name)] = target;
    else delete columns[headingKey(name)];
  });
  writePreference(COLUMNS, JSON.stringify(recent(Object.entries(columns))));
  writePreference(
    VALUES,
    JSON.stringify({
      roles: recent(Object.entries({ ...before.values.roles, ...values.roles })),
      answers: recent(Object.entries({ ...before.values.answers, ...values.answers })),
    }),
  );
}
