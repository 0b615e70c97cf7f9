import { memo, type ReactNode, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '@/components/table-scroll';
import { ROLES, type Role } from '@/domain/answers/answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import {
  type AnswerValueChoice,
  type ColumnTarget,
  type CsvImportIssue,
  type CsvImportOptions,
  type CsvUnknownValue,
  type CsvValueMap,
  type CsvVocabulary,
  isPlatformColumn,
  suggestMapping,
} from '@/domain/files/csv-import';
import type { ResponseFileInput } from '@/domain/files/response-import-plan';
import { pickText } from '@/domain/grid/text';
import labelsEn from '@/i18n/locales/en/labels.json';
import surveyEn from '@/i18n/locales/en/survey.json';
import labelsFr from '@/i18n/locales/fr/labels.json';
import surveyFr from '@/i18n/locales/fr/survey.json';
import type { CsvCheck } from './csv-worker-protocol';
import type { CsvSource } from './csv-source';
import { readCsvMemory, rememberCsvChoices } from './csv-memory';

/** Role names and "don't know" / "not applicable" in every interface language. */
const VOCABULARY: CsvVocabulary = {
  roles: Object.fromEntries(
    ROLES.map((role) => [role, [labelsFr.role[role], labelsEn.role[role]]]),
  ) as Record<Role, string[]>,
  dontKnow: [labelsFr.answer.dk, labelsEn.answer.dk, 'NSP', "Don't know"],
  notApplicable: [labelsFr.answer.na, labelsEn.answer.na, 'Not applicable', 'N/A'],
  // The role question of the survey the app exports (.lss), in its text headings.
  roleHeaders: [surveyFr.roleQuestion, surveyEn.roleQuestion],
};

export type PendingCsv = { name: string; source: CsvSource; readAt: string };

type CsvMappingProps = {
  csv: PendingCsv;
  diagnostic: Diagnostic;
  grids: LoadedGrid[];
  lang: string;
  onAdd: (input: ResponseFileInput) => void;
  onCancel: () => void;
};

function encode(target: ColumnTarget): string {
  return target.kind === 'item' ? `item:${target.gridId}:${target.itemId}` : target.kind;
}

function decode(value: string): ColumnTarget {
  if (value === 'role' || value === 'responseId' || value === 'completion') return { kind: value };
  const [kind, gridId, itemId] = value.split(':');
  return kind === 'item' && gridId && itemId
    ? { kind: 'item', gridId, itemId }
    : { kind: 'ignore' };
}

/**
 * The column-mapping step of a survey-tool CSV: each column is mapped to an item, the role, the
 * platform's response id or submission date, or ignored (guessed from the headers and the
 * choices remembered from earlier imports); role and answer texts the import does not know are
 * mapped the same way. The result is checked live and, once every cell reads, added to the batch
 * as a response file; the user's choices are remembered for the next import.
 */
export function CsvMapping({ csv, diagnostic, grids, lang, onAdd, onCancel }: CsvMappingProps) {
  const { t } = useTranslation(['workshop', 'labels']);
  const uid = useId();
  const plainGrids = useMemo(() => grids.map((g) => g.grid), [grids]);
  const { source } = csv;
  const choices = useMemo<GridChoices[]>(
    () =>
      plainGrids.map((grid) => ({
        id: grid.id,
        title: pickText(grid.title, lang, grid.languages.default),
        items: grid.dimensions.flatMap((d) =>
          d.items.map((item) => {
            const text = pickText(item.text, lang, grid.languages.default);
            return {
              value: `item:${grid.id}:${item.id}`,
              label: `${item.id} — ${text.length > 70 ? `${text.slice(0, 70)}…` : text}`,
            };
          }),
        ),
      })),
    [plainGrids, lang],
  );
  const [memory] = useState(readCsvMemory);
  const suggested = useMemo(
    () =>
      suggestMapping(source.header, plainGrids, {
        vocabulary: VOCABULARY,
        preview: source.preview,
      }),
    [source, plainGrids],
  );
  const [mapping, setMapping] = useState<ColumnTarget[]>(() =>
    suggestMapping(source.header, plainGrids, {
      vocabulary: VOCABULARY,
      preview: source.preview,
      remembered: memory.columns,
    }),
  );
  const [values, setValues] = useState<CsvValueMap>(memory.values);
  const [keepIncomplete, setKeepIncomplete] = useState(false);
  const [defaultRole, setDefaultRole] = useState<Role | ''>('');
  const choose = useCallback((column: number, value: string) => {
    setMapping((current) => {
      const next = [...current];
      next[column] = decode(value);
      return next;
    });
  }, []);
  const options = useMemo<CsvImportOptions>(
    () => ({
      grids,
      diagnostic: { id: diagnostic.id, title: diagnostic.title },
      defaultRole: defaultRole === '' ? undefined : defaultRole,
      vocabulary: VOCABULARY,
      values,
      keepIncomplete,
      exportedAt: csv.readAt,
    }),
    [csv.readAt, grids, diagnostic.id, diagnostic.title, defaultRole, values, keepIncomplete],
  );
  // The check runs where the rows are (a worker for a large file): the result of the mapping
  // and options shown, or null while it runs; `failed` when it could not run at all.
  const [checked, setChecked] = useState<{
    of: [ColumnTarget[], CsvImportOptions];
    result: CsvCheck | 'failed';
  } | null>(null);
  const [adding, setAdding] = useState(false);
  // Unknown answers seen in this mapping: they stay listed once chosen (and then read).
  const [answerRows, setAnswerRows] = useState<CsvUnknownValue[]>([]);
  useEffect(() => {
    let current = true;
    const of: [ColumnTarget[], CsvImportOptions] = [mapping, options];
    source.check(mapping, options).then(
      (result) => {
        if (!current) return;
        setChecked({ of, result });
        setAnswerRows((rows) => {
          const fresh = result.unknownAnswers.filter((v) => !rows.some((r) => r.key === v.key));
          return fresh.length === 0 ? rows : [...rows, ...fresh];
        });
      },
      () => {
        if (current) setChecked({ of, result: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [source, mapping, options]);
  const result =
    checked && checked.of[0] === mapping && checked.of[1] === options ? checked.result : null;
  // The last result read stays on screen (greyed by the status) while the next check runs.
  const shown = checked && checked.result !== 'failed' ? checked.result : null;
  const header = (column: number) => source.header[column - 1] ?? String(column);
  const itemColumns = mapping.filter((target) => target.kind === 'item').length;
  const unrecognised = source.header.filter(
    (name, c) => mapping[c]?.kind === 'ignore' && name.trim() !== '' && !isPlatformColumn(name),
  );
  const hasCompletion = mapping.some((target) => target.kind === 'completion');
  const hasResponseId = mapping.some((target) => target.kind === 'responseId');
  const roleSet = mapping.some((target) => target.kind === 'role');
  const setRoleValue = (key: string, role: Role | '') =>
    setValues((current) => {
      const roles = { ...current.roles };
      if (role === '') delete roles[key];
      else roles[key] = role;
      return { ...current, roles };
    });
  const setAnswerValue = (key: string, choice: AnswerValueChoice | '') =>
    setValues((current) => {
      const answers = { ...current.answers };
      if (choice === '') delete answers[key];
      else answers[key] = choice;
      return { ...current, answers };
    });

  return (
    <div className="csv-mapping" role="region" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('csv.title', { file: csv.name })}</h3>
      <p>{t('csv.intro', { count: source.rowCount })}</p>
      <div className="csv-summary" data-testid="csv-summary">
        <p>
          <strong>{t('csv.summary', { count: shown?.summary.rows ?? source.rowCount })}</strong>
          {shown && hasCompletion && (
            <>
              {' '}
              ({t('csv.complete', { count: shown.summary.complete })},{' '}
              {t('csv.incomplete', { count: shown.summary.incomplete })})
            </>
          )}
          {' · '}
          {t('csv.mapped', { count: itemColumns })}
        </p>
        <p data-testid="csv-unrecognised">
          {unrecognised.length === 0
            ? t('csv.allRecognised')
            : t('csv.unrecognised', {
                count: unrecognised.length,
                columns: unrecognised.join(', '),
              })}
        </p>
        {!hasResponseId && <p>{t('csv.noResponseId')}</p>}
        {hasCompletion && (
          <label className="choice">
            <input
              type="checkbox"
              checked={keepIncomplete}
              onChange={(e) => setKeepIncomplete(e.target.checked)}
            />
            <span>{t('csv.keepIncomplete')}</span>
          </label>
        )}
        {shown && shown.summary.leftOut > 0 && (
          <p>{t('csv.leftOut', { count: shown.summary.leftOut })}</p>
        )}
      </div>
      <TableScroll>
        <table className="data data--compact csv-cards" data-testid="csv-mapping">
          <caption>{t('csv.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('csv.column')}</th>
              <th scope="col">{t('csv.examples')}</th>
              <th scope="col">{t('csv.target')}</th>
            </tr>
          </thead>
          <tbody>
            {source.header.map((name, c) => (
              <tr key={c}>
                <th scope="row" id={`${uid}-col-${c}`}>
                  {name || t('csv.unnamed', { n: c + 1 })}
                </th>
                <td className="csv-examples" data-label={t('csv.examples')}>
                  {source.preview
                    .map((row) => row[c] ?? '')
                    .filter((v) => v !== '')
                    .join(' · ')}
                </td>
                <td>
                  <TargetSelect
                    column={c}
                    labelledBy={`${uid}-col-${c}`}
                    value={encode(mapping[c] ?? { kind: 'ignore' })}
                    choices={choices}
                    labels={{
                      ignore: t('csv.ignore'),
                      role: t('csv.role'),
                      responseId: t('csv.responseId'),
                      completion: t('csv.completion'),
                    }}
                    onChoose={choose}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {roleSet && shown && shown.roleValues.length > 0 && (
        <ValueTable
          title={t('csv.rolesTitle')}
          caption={t('csv.rolesCaption')}
          testId="csv-role-values"
          rows={shown.roleValues}
          count={(v) => v.count}
          choice={(v, labelId) => (
            <select
              aria-labelledby={labelId}
              value={values.roles[v.key] ?? v.role ?? ''}
              onChange={(e) => setRoleValue(v.key, e.target.value as Role | '')}
            >
              <option value="">{t('csv.chooseRole')}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`labels:role.${role}`)}
                </option>
              ))}
            </select>
          )}
        />
      )}
      {answerRows.length > 0 && (
        <ValueTable
          title={t('csv.answersTitle')}
          caption={t('csv.answersCaption')}
          testId="csv-answer-values"
          rows={answerRows}
          choice={(v, labelId) => (
            <select
              aria-labelledby={labelId}
              value={values.answers[v.key] ?? ''}
              onChange={(e) => setAnswerValue(v.key, e.target.value as AnswerValueChoice | '')}
            >
              <option value="">{t('csv.chooseAnswer')}</option>
              <option value="dk">{t('csv.answerDk')}</option>
              <option value="na">{t('csv.answerNa')}</option>
              <option value="blank">{t('csv.answerBlank')}</option>
            </select>
          )}
        />
      )}
      <div className="field field--inline">
        <label htmlFor={`${uid}-role`}>{t('csv.defaultRole')}</label>
        <select
          id={`${uid}-role`}
          value={defaultRole}
          onChange={(e) => setDefaultRole(e.target.value as Role | '')}
        >
          <option value="">{t('csv.noDefaultRole')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`labels:role.${role}`)}
            </option>
          ))}
        </select>
      </div>
      {result === null ? (
        <p className="status-line" role="status">
          {t('csv.checking')}
        </p>
      ) : result === 'failed' ? (
        <p className="notice notice--warn" role="status">
          {t('csv.checkFailed')}
        </p>
      ) : result.ok ? (
        <p className="notice notice--ok" role="status">
          {t('csv.ready', { count: result.respondents })}
          {result.emptyRows > 0 && <> {t('csv.emptyRows', { count: result.emptyRows })}</>}
        </p>
      ) : (
        <div className="notice notice--warn" role="status">
          <p>{t('csv.issues', { count: result.total })}</p>
          <ul>
            {result.issues.map((issue, i) => (
              <li key={i}>
                <IssueText issue={issue} header={header} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint">{t('csv.remembered')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={result === null || result === 'failed' || !result.ok || adding}
          aria-busy={adding}
          onClick={() => {
            setAdding(true);
            source.build(mapping, options).then(
              (built) => {
                setAdding(false);
                if (built.ok) {
                  rememberCsvChoices(source.header, mapping, suggested, values);
                  onAdd({
                    name: csv.name,
                    result: { ok: true, file: built.file, source: 'survey' },
                  });
                } else setChecked({ of: [mapping, options], result: built });
              },
              () => {
                setAdding(false);
                setChecked({ of: [mapping, options], result: 'failed' });
              },
            );
          }}
        >
          {t('csv.add')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('csv.cancel')}
        </button>
      </div>
    </div>
  );
}

type GridChoices = { id: string; title: string; items: { value: string; label: string }[] };

/**
 * A column's target. Until it is focused or pressed it holds only "ignore", "role" and its
 * current item: 120 columns × 150 items would otherwise be 18,000 options for the browser to
 * create and lay out before the mapping shows. Focus (keyboard or pointer) brings every item, in
 * one group per grid, before the list opens or an arrow key moves, so what can be chosen and how
 * does not change.
 */
const TargetSelect = memo(function TargetSelect({
  column,
  labelledBy,
  value,
  choices,
  labels,
  onChoose,
}: {
  column: number;
  labelledBy: string;
  value: string;
  choices: GridChoices[];
  labels: { ignore: string; role: string; responseId: string; completion: string };
  onChoose: (column: number, value: string) => void;
}) {
  const [full, setFull] = useState(false);
  const open = () => setFull(true);
  return (
    <select
      aria-labelledby={labelledBy}
      value={value}
      onFocus={open}
      onPointerDown={open}
      onChange={(e) => onChoose(column, e.target.value)}
    >
      <option value="ignore">{labels.ignore}</option>
      <option value="role">{labels.role}</option>
      <option value="responseId">{labels.responseId}</option>
      <option value="completion">{labels.completion}</option>
      {choices.map((grid) => {
        const items = full ? grid.items : grid.items.filter((item) => item.value === value);
        return items.length === 0 ? null : (
          <optgroup key={grid.id} label={grid.title}>
            {items.map((item) => (
              <option key={item.value} value={item.value}>
                {item.label}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
});

function IssueText({
  issue,
  header,
}: {
  issue: CsvImportIssue;
  header: (column: number) => string;
}) {
  const { t } = useTranslation('workshop');
  switch (issue.code) {
    case 'noItemColumn':
    case 'noRole':
      return <>{t(`csv.issue.${issue.code}`)}</>;
    case 'severalRoleColumns':
      return (
        <>{t('csv.issue.severalRoleColumns', { columns: issue.columns.map(header).join(', ') })}</>
      );
    case 'duplicateItemColumn':
      return (
        <>
          {t('csv.issue.duplicateItemColumn', {
            item: issue.itemId,
            columns: issue.columns.map(header).join(', '),
          })}
        </>
      );
    case 'severalColumns':
      return (
        <>
          {t('csv.issue.severalColumns', {
            what: t(
              issue.kind === 'responseId' ? 'csv.issue.whatResponseId' : 'csv.issue.whatCompletion',
            ),
            columns: issue.columns.map(header).join(', '),
          })}
        </>
      );
    case 'unknownRole':
      return (
        <>
          {t('csv.issue.unknownRole', {
            row: issue.row,
            column: header(issue.column),
            value: issue.value,
          })}
        </>
      );
    case 'unknownAnswer':
    case 'answerNotOffered':
      return (
        <>
          {t(`csv.issue.${issue.code}`, {
            row: issue.row,
            column: header(issue.column),
            value: issue.value,
            item: issue.itemId,
          })}
        </>
      );
  }
}

/**
 * The values found in a column (roles, or answers that are not scale points), one row each, with
 * how each is read: a card per value on a phone (`csv-cards`), a table from 40rem.
 */
function ValueTable<Row extends { key: string; value: string }>({
  title,
  caption,
  testId,
  rows,
  count,
  choice,
}: {
  title: string;
  caption: string;
  testId: string;
  rows: readonly Row[];
  /** Rows of the file holding the value: a column when given. */
  count?: (row: Row) => number;
  /** How the value is read: a control labelled by the value's row header (`labelId`). */
  choice: (row: Row, labelId: string) => ReactNode;
}) {
  const { t } = useTranslation('workshop');
  const uid = useId();
  return (
    <section aria-labelledby={`${uid}-title`} className="csv-values">
      <h4 id={`${uid}-title`}>{title}</h4>
      <TableScroll>
        <table className="data data--compact csv-cards" data-testid={testId}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('csv.value')}</th>
              {count && (
                <th scope="col" className="num">
                  {t('csv.rows')}
                </th>
              )}
              <th scope="col">{t('csv.readAs')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.key}>
                <th scope="row" id={`${uid}-value-${i}`}>
                  {row.value}
                </th>
                {count && (
                  <td className="num" data-label={t('csv.rows')}>
                    {count(row)}
                  </td>
                )}
                <td>{choice(row, `${uid}-value-${i}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
