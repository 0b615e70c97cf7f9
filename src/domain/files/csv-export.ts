/**
 * CSV exports of a diagnostic: the responses (one row per respondent, one column per item) and
 * the scores (per grid, dimension and group). UTF-8 with a byte-order mark so spreadsheets read
 * accents right; lines end with CRLF (RFC 4180); the separator is chosen by the user — with `;`
 * (what French spreadsheets expect) decimals are written with a comma, with `,` with a point.
 *
 * Anonymity: the same rule as everywhere (docs/scoring.md, « Anonymity »). A respondent whose role
 * is not shown apart gets the neutral role `masked`, rows are sorted by role then by answers (never
 * in the order people answered), and respondent ids, pseudonyms, dates and comments are not
 * exported. The scores file has rows for everyone (`all`) and for visible roles only.
 */
import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import { effectiveThreshold, roleVisibilityOf } from '@/domain/aggregate/anonymity';
import { respondentsForGrid } from '@/domain/answers/grid-answers';
import { answerOf, ROLES, type Role } from '@/domain/answers/answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { canonicalJson } from '@/domain/grid/hash';
import type { Grid } from '@/domain/grid/schema';
import { roundTo } from '@/domain/scoring/display';

export type CsvSeparator = ',' | ';';
export type CsvCell = string | number | null | undefined;

/** The role written for respondents whose role is not shown apart. */
export const MASKED_ROLE = 'masked';
/** The group of the scores file covering every respondent. */
export const ALL_GROUP = 'all';

const BOM = '\uFEFF';

/** Quotes a cell when it holds the separator, a quote, a line break or edge spaces. */
export function csvCell(value: string, separator: CsvSeparator): string {
  const needsQuotes =
    value.includes(separator) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    value !== value.trim();
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number in the CSV's decimal convention (`,` decimals with the `;` separator), rounded. */
export function csvNumber(value: number, separator: CsvSeparator, digits = 2): string {
  // Half away from zero on the settled figure, as everywhere (docs/scoring.md).
  const rounded = roundTo(value, digits);
  const text = String(rounded);
  return separator === ';' ? text.replace('.', ',') : text;
}

/** Joins rows into CSV text: BOM first, CRLF line ends; null and undefined are empty cells. */
export function toCsv(rows: readonly (readonly CsvCell[])[], separator: CsvSeparator): string {
  const lines = rows.map((row) =>
    row
      .map((cell) =>
        cell === null || cell === undefined
          ? ''
          : typeof cell === 'number'
            ? csvNumber(cell, separator, 4)
            : csvCell(cell, separator),
      )
      .join(separator),
  );
  return BOM + lines.join('\r\n') + '\r\n';
}

/** Which roles the diagnostic shows apart (the anonymity rule of the whole app). */
export function visibleRoles(diagnostic: Diagnostic): Set<Role> {
  return new Set(roleVisibilityOf(diagnostic.respondents, diagnostic.anonymityThreshold).visible);
}

/**
 * The responses CSV: columns `row`, `role`, then one per item, headed `<grid id>.<item id>`;
 * answers as their scale value, `dk` or `na`, empty when unanswered.
 */
export function buildResponsesCsv(
  diagnostic: Diagnostic,
  grids: readonly Grid[],
  separator: CsvSeparator,
): string {
  const visible = visibleRoles(diagnostic);
  const columns = grids.flatMap((grid) =>
    grid.dimensions.flatMap((dimension) =>
      dimension.items.map((item) => ({ gridId: grid.id, itemId: item.id })),
    ),
  );
  const rank = (role: string): number => {
    const index = ROLES.indexOf(role as Role);
    return index < 0 ? ROLES.length : index;
  };
  const rows = diagnostic.respondents
    .map((respondent) => {
      const role = visible.has(respondent.role) ? respondent.role : MASKED_ROLE;
      const cells: CsvCell[] = columns.map(({ gridId, itemId }) => {
        const answers = Object.prototype.hasOwnProperty.call(respondent.answers, gridId)
          ? respondent.answers[gridId]
          : undefined;
        const value = answers ? answerOf(answers, itemId) : undefined;
        return typeof value === 'number' ? csvNumber(value, separator, 4) : value;
      });
      return { role, cells, key: canonicalJson(cells) };
    })
    // By role, then by answers: the order says nothing about who answered when.
    .sort((a, b) => rank(a.role) - rank(b.role) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return toCsv(
    [
      ['row', 'role', ...columns.map(({ gridId, itemId }) => `${gridId}.${itemId}`)],
      ...rows.map((row, index) => [String(index + 1), row.role, ...row.cells]),
    ],
    separator,
  );
}

export const SCORE_COLUMNS = [
  'grid',
  'dimension',
  'group',
  'respondents',
  'n',
  'mean',
  'median',
  'q1',
  'q3',
  'min',
  'max',
  'sd',
  'coverage',
  'dk_rate',
] as const;

/**
 * The scores CSV: per grid, a row with the grid score (empty `dimension`), then per dimension
 * the statistics of the respondents' dimension scores (0–100), for `all` and each visible role.
 * Coverage and "don't know" rate are shares in [0, 1].
 */
export function buildScoresCsv(
  diagnostic: Diagnostic,
  grids: readonly Grid[],
  separator: CsvSeparator,
): string {
  const threshold = effectiveThreshold(diagnostic.anonymityThreshold);
  const num = (value: number | null | undefined, digits = 2): string =>
    value === null || value === undefined ? '' : csvNumber(value, separator, digits);
  const rows: CsvCell[][] = [[...SCORE_COLUMNS]];
  for (const grid of grids) {
    const respondents = respondentsForGrid(diagnostic.respondents, grid.id);
    const aggregate = aggregateGrid(grid, respondents, { anonymityThreshold: threshold });
    const groups = [
      { name: ALL_GROUP, group: aggregate },
      ...aggregate.roles.map((role) => ({ name: role.role as string, group: role })),
    ];
    for (const { name, group } of groups) {
      const gridRow: CsvCell[] = [
        grid.id,
        '',
        name,
        String(group.respondents),
        '',
        num(group.score),
      ];
      rows.push([...gridRow, ...new Array<string>(SCORE_COLUMNS.length - gridRow.length).fill('')]);
      for (const d of group.dimensions) {
        rows.push([
          grid.id,
          d.dimensionId,
          name,
          String(d.respondents),
          String(d.stats?.n ?? 0),
          num(d.stats?.mean),
          num(d.stats?.median),
          num(d.stats?.q1),
          num(d.stats?.q3),
          num(d.stats?.min),
          num(d.stats?.max),
          num(d.stats?.sd),
          num(d.coverage, 4),
          num(d.dkRate, 4),
        ]);
      }
    }
  }
  return toCsv(rows, separator);
}
