import { useTranslation } from 'react-i18next';
import type { Scale } from '@/domain/grid/schema';
import type { pickText } from '@/domain/grid/text';
import type { DistributionRow, TopicDistribution } from '@/domain/room/projection';

type Props = {
  distribution: TopicDistribution;
  scale: Scale;
  text: (value: Parameters<typeof pickText>[0]) => string;
  groupName: (group: string, n: number) => string;
  itemText: string;
};

type Column = {
  key: string;
  label: string;
  count: (row: DistributionRow) => number;
  apart?: boolean;
};

/** The columns: each scale point, then « don't know », « not applicable », no answer, set apart. */
function useColumns(distribution: TopicDistribution, scale: Scale, text: Props['text']): Column[] {
  const { t } = useTranslation(['room', 'labels']);
  const any = (pick: (r: DistributionRow) => number) => distribution.rows.some((r) => pick(r) > 0);
  return [
    ...scale.points.map((point, i) => ({
      key: `p${i}`,
      label: text(point.label),
      count: (row: DistributionRow) => row.points[i] ?? 0,
    })),
    ...(scale.allowDontKnow || any((r) => r.dk)
      ? [
          {
            key: 'dk',
            label: t('labels:answer.dk'),
            count: (r: DistributionRow) => r.dk,
            apart: true,
          },
        ]
      : []),
    ...(scale.allowNotApplicable || any((r) => r.na)
      ? [
          {
            key: 'na',
            label: t('labels:answer.na'),
            count: (r: DistributionRow) => r.na,
            apart: true,
          },
        ]
      : []),
    ...(any((r) => r.missing)
      ? [
          {
            key: 'missing',
            label: t('projection.missing'),
            count: (r: DistributionRow) => r.missing,
            apart: true,
          },
        ]
      : []),
  ];
}

/**
 * The answers to one item, one row of bars per group (everyone, then each visible role that may
 * be shown): the count is written on each bar, « don't know » and the other non-answers are set
 * apart and hatched, so the chart reads in black and white. Decorative for assistive
 * technologies: the table twin (T) holds the same counts.
 */
export function DistributionChart({ distribution, scale, text, groupName }: Props) {
  const columns = useColumns(distribution, scale, text);
  const points = scale.points.length;
  return (
    <div
      className="room-dist"
      aria-hidden="true"
      data-testid="room-distribution"
      style={{
        gridTemplateColumns: `minmax(8em, 1.3fr) repeat(${points}, minmax(0, 1fr)) ${columns
          .slice(points)
          .map(() => 'minmax(0, 0.8fr)')
          .join(' ')}`,
      }}
    >
      <span />
      {columns.map((c) => (
        <span key={c.key} className={`room-dist__head${c.apart ? ' is-apart' : ''}`}>
          {c.label}
        </span>
      ))}
      {distribution.rows.map((row) => {
        const max = Math.max(1, ...columns.map((c) => c.count(row)));
        return [
          <span key={`${row.group}-name`} className="room-dist__group">
            {groupName(row.group, row.respondents)}
          </span>,
          ...columns.map((c) => {
            const count = c.count(row);
            return (
              <span
                key={`${row.group}-${c.key}`}
                className={`room-dist__cell${c.apart ? ' is-apart' : ''}`}
                data-count={count}
              >
                <span className="room-dist__count">{count}</span>
                {count > 0 && (
                  <span
                    className="room-dist__bar"
                    style={{ height: `calc((100% - 1.3em) * ${count / max})` }}
                  />
                )}
              </span>
            );
          }),
        ];
      })}
    </div>
  );
}

/** The twin table of the distribution: groups in rows, answers in columns. */
export function DistributionTable({
  distribution,
  scale,
  text,
  groupName,
  itemText,
  narrowOnly = false,
}: Props & {
  /** Shown only on a phone, in place of the chart (room.css). */
  narrowOnly?: boolean;
}) {
  const { t } = useTranslation('room');
  const columns = useColumns(distribution, scale, text);
  return (
    <div className={narrowOnly ? 'projection__table projection__narrow' : 'projection__table'}>
      <table
        className="data room-table"
        data-testid={narrowOnly ? undefined : 'room-distribution-table'}
      >
        <caption>{t('projection.distributionCaption', { item: itemText })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projection.group')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {distribution.rows.map((row) => (
            <tr key={row.group}>
              <th scope="row">{groupName(row.group, row.respondents)}</th>
              {columns.map((c) => (
                <td key={c.key} className="num">
                  {c.count(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
