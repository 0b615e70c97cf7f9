import { useTranslation } from 'react-i18next';
import type { Role } from '@/domain/answers/answers';
import { TableScroll } from '@/components/table-scroll';

/**
 * Respondents per role, one row a role. Give it visible roles only (`roleVisibilityOf`): a role
 * under the anonymity threshold is never named, its people are counted in a note beside.
 */
export function RoleCountTable({
  caption,
  counts,
  testId,
}: {
  caption: string;
  counts: readonly { role: Role; n: number }[];
  testId?: string;
}) {
  const { t } = useTranslation(['workshop', 'labels']);
  return (
    <TableScroll>
      <table className="data data--compact" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('participation.role')}</th>
            <th scope="col" className="num">
              {t('participation.respondents')}
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.role}>
              <th scope="row">{t(`labels:role.${c.role}`)}</th>
              <td className="num">{c.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
