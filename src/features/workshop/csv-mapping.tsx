import { memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '@/components/table-scroll';
import { ROLES, type Role } from '@/domain/answers/answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import {
  type ColumnTarget,
  type CsvImportIssue,
  type CsvImportOptions,
  type CsvVocabulary,
  suggestMapping,
} from '@/domain/files/csv-import';
import type { ResponseFileInput } from '@/domain/files/response-file';
import { pickText } from '@/domain/grid/text';
import labelsEn from '@/i18n/locales/en/labels.json';
import labelsFr from '@/i18n/locales/fr/labels.json';
import type { CsvCheck } from './csv-worker-protocol';
import type { CsvSource } from './parse-csv';

/** Role names and "don't know" / "not applicable" in every interface language. */
const VOCABULARY: CsvVocabulary = {
  roles: Object.fromEntries(
    ROLES.map((role) => [role, [labelsFr.role[role], labelsEn.role[role]]]),
  ) as Record<Role, string[]>,
  dontKnow: [labelsFr.answer.dk, labelsEn.answer.dk, 'NSP', "Don't know"],
  notApplicable: [labelsFr.answer.na, labelsEn.answer.na, 'Not applicable', 'N/A'],
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
  if (value === 'role') return { kind: 'role' };
  const [kind, gridId, itemId] = value.split(':');
  return kind === 'item' && gridId && itemId
    ? { kind: 'item', gridId, itemId }
    : { kind: 'ignore' };
}

/**
 * The column-mapping step of a survey-tool CSV: each column is mapped to an item, the role, or
 * ignored (guessed from the headers first); the result is checked live and, once every cell
 * reads, added to the batch as a response file.
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
  const [mapping, setMapping] = useState<ColumnTarget[]>(() =>
    suggestMapping(source.header, plainGrids),
  );
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
      exportedAt: csv.readAt,
    }),
    [csv.readAt, grids, diagnostic.id, diagnostic.title, defaultRole],
  );
  // The check runs where the rows are (a worker for a large file): the result of the mapping
  // and options shown, or null while it runs; `failed` when it could not run at all.
  const [checked, setChecked] = useState<{
    of: [ColumnTarget[], CsvImportOptions];
    result: CsvCheck | 'failed';
  } | null>(null);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    let current = true;
    const of: [ColumnTarget[], CsvImportOptions] = [mapping, options];
    source.check(mapping, options).then(
      (result) => {
        if (current) setChecked({ of, result });
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
  const header = (column: number) => source.header[column - 1] ?? String(column);

  return (
    <div className="csv-mapping" role="region" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('csv.title', { file: csv.name })}</h3>
      <p>{t('csv.intro', { count: source.rowCount })}</p>
      <TableScroll>
        <table className="data data--compact" data-testid="csv-mapping">
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
                <td className="csv-examples">
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
                    ignoreLabel={t('csv.ignore')}
                    roleLabel={t('csv.role')}
                    onChoose={choose}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
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
                if (built.ok)
                  onAdd({
                    name: csv.name,
                    result: { ok: true, file: built.file, source: 'responses' },
                  });
                else setChecked({ of: [mapping, options], result: built });
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
  ignoreLabel,
  roleLabel,
  onChoose,
}: {
  column: number;
  labelledBy: string;
  value: string;
  choices: GridChoices[];
  ignoreLabel: string;
  roleLabel: string;
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
      <option value="ignore">{ignoreLabel}</option>
      <option value="role">{roleLabel}</option>
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
