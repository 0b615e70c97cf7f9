import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveThreshold, roleVisibilityOf } from '@/domain/aggregate/anonymity';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { FilePlan, ImportPlan, ImportRejection } from '@/domain/files/response-import-plan';
import { TableScroll } from '@/components/table-scroll';
import { RoleCountTable } from '../role-count-table';
import {
  duplicateMessage,
  fileErrorMessage,
  groupWarnings,
  mismatchMessage,
  warningGroupMessage,
} from './messages';
import { previewFiles } from './preview-files';

/**
 * What a batch of files would change, before anything does: respondents to add per visible
 * role, the files (those to check first in a large batch), refused files with their reasons,
 * grid version mismatches, duplicates and warnings; confirm, cancel, or drop the refused files.
 */
type ImportPreviewProps = {
  plan: ImportPlan;
  /** The confirmed import is being applied. */
  applying: boolean;
  diagnostic: Diagnostic;
  onConfirm: () => void;
  onCancel: () => void;
  onRemoveRejected: () => void;
};

export function ImportPreview({
  plan,
  applying,
  diagnostic,
  onConfirm,
  onCancel,
  onRemoveRejected,
}: ImportPreviewProps) {
  const { t } = useTranslation(['workshop', 'labels']);
  const uid = useId();
  const threshold = effectiveThreshold(diagnostic.anonymityThreshold);
  // Roles are shown as they will be after the import: only those visible then are named.
  const visible = new Set(
    roleVisibilityOf([...diagnostic.respondents, ...plan.add], threshold).visible,
  );
  const shownRoles = plan.roleCounts.filter((c) => visible.has(c.role));
  const maskedAdded = plan.roleCounts
    .filter((c) => !visible.has(c.role))
    .reduce((sum, c) => sum + c.n, 0);
  const warnings = groupWarnings(plan.files).map((group) => warningGroupMessage(t, group));
  const blocked = plan.rejected.length > 0;
  // A large batch lists the files to check; the whole list is drawn only when asked for.
  const files = useMemo(() => previewFiles(plan.files), [plan.files]);
  const [allShown, setAllShown] = useState(false);
  // When files are refused, the focus goes to the list of errors (read out by screen readers,
  // scrolled into view), as the other forms do; once per new set of refused files, so that a
  // re-planned preview (the diagnostic saved, a file added) does not take the focus back.
  const rejectedRef = useRef<HTMLDivElement>(null);
  const rejectedKey = plan.rejected.map((r) => r.fileName).join('\n');
  const focusedKey = useRef('');
  useEffect(() => {
    if (rejectedKey === focusedKey.current) return;
    focusedKey.current = rejectedKey;
    if (rejectedKey !== '') rejectedRef.current?.focus();
  }, [rejectedKey]);

  return (
    <div className="import-preview" aria-labelledby={`${uid}-title`} role="region">
      <h3 id={`${uid}-title`}>{t('preview.title')}</h3>
      <p>
        {t('preview.summary', { count: plan.files.length })}{' '}
        <strong data-testid="preview-to-add">
          {t('preview.toAdd', { count: plan.add.length })}
        </strong>
      </p>
      {plan.add.length > 0 && (
        <>
          {shownRoles.length > 0 && (
            <RoleCountTable caption={t('preview.rolesCaption')} counts={shownRoles} />
          )}
          {maskedAdded > 0 && <p>{t('preview.rolesMasked', { count: maskedAdded })}</p>}
        </>
      )}

      {!files.summarised ? (
        <FilesTable caption={t('preview.filesCaption')} files={files.listed} />
      ) : (
        <>
          {files.listed.length > 0 && (
            <FilesTable caption={t('preview.filesToCheckCaption')} files={files.listed} />
          )}
          <p>{t('preview.filesReady', { count: files.others })}</p>
          <details
            className="import-preview__all"
            onToggle={(e) => setAllShown(e.currentTarget.open)}
          >
            <summary>{t('preview.filesAll', { count: plan.files.length })}</summary>
            {allShown && (
              <FilesTable
                caption={t('preview.filesCaption')}
                files={plan.files.map((file, index) => ({ file, index }))}
              />
            )}
          </details>
        </>
      )}

      {plan.rejected.length > 0 && (
        <div
          className="notice notice--error"
          role="alert"
          ref={rejectedRef}
          tabIndex={-1}
          aria-labelledby={`${uid}-rejected`}
          data-testid="import-errors"
        >
          <h4 id={`${uid}-rejected`}>{t('preview.rejectedTitle')}</h4>
          <ul>
            {plan.rejected.map((r, i) => (
              <li key={`${r.fileName}-${i}`}>
                <Rejection fileName={r.fileName} rejection={r.rejection} />
              </li>
            ))}
          </ul>
          <p>{t('preview.blocked')}</p>
        </div>
      )}
      {plan.mismatches.length > 0 && (
        <div className="notice notice--warn">
          <h4>{t('preview.mismatchesTitle')}</h4>
          <ul>
            {plan.mismatches.map((m, i) => (
              <li key={i}>{mismatchMessage(t, m)}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.duplicates.length > 0 && (
        <div className="notice notice--warn">
          <h4>{t('preview.duplicatesTitle')}</h4>
          <ul>
            {plan.duplicates.map((d, i) => (
              <li key={i}>{duplicateMessage(t, d)}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="notice">
          <h4>{t('preview.warningsTitle')}</h4>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {!blocked && plan.add.length === 0 && <p className="notice">{t('preview.nothing')}</p>}

      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={!plan.canApply || applying}
          onClick={onConfirm}
        >
          {t('preview.confirm', { count: plan.add.length })}
        </button>
        {blocked && (
          <button type="button" className="button" onClick={onRemoveRejected}>
            {t('preview.removeRejected')}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          {t('preview.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The files of the batch, one row each: respondents, added, skipped, status. */
function FilesTable({
  caption,
  files,
}: {
  caption: string;
  files: readonly { file: FilePlan; index: number }[];
}) {
  const { t } = useTranslation('workshop');
  return (
    <TableScroll>
      <table className="data data--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.file')}</th>
            <th scope="col" className="num">
              {t('preview.respondents')}
            </th>
            <th scope="col" className="num">
              {t('preview.added')}
            </th>
            <th scope="col" className="num">
              {t('preview.skipped')}
            </th>
            <th scope="col">{t('preview.status')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map(({ file: f, index }) => (
            <tr key={`${f.name}-${index}`} data-file={f.name}>
              <th scope="row" className="file-name">
                {f.name}
              </th>
              <td className="num">{f.respondents}</td>
              <td className="num">{f.added}</td>
              <td className="num">{f.skipped}</td>
              <td>
                {f.status === 'ok' ? (
                  t('preview.ok')
                ) : (
                  <strong className="text-danger">{t('preview.rejected')}</strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Rejection({ fileName, rejection }: { fileName: string; rejection: ImportRejection }) {
  const { t } = useTranslation('workshop');
  const { t: tFiles } = useTranslation('files');
  switch (rejection.code) {
    case 'unreadableFile':
      return <>{fileErrorMessage(t, tFiles, fileName, rejection.error)}</>;
    case 'gridVersionMismatch':
      return (
        <>
          {t('rejection.gridVersionMismatch', { file: fileName })}
          <ul>
            {rejection.mismatches.map((m, i) => (
              <li key={i}>{mismatchMessage(t, m)}</li>
            ))}
          </ul>
        </>
      );
    case 'noCommonGrid':
      return (
        <>{t('rejection.noCommonGrid', { file: fileName, grids: rejection.gridIds.join(', ') })}</>
      );
    case 'invalidAnswers': {
      const more = rejection.total - rejection.issues.length;
      return (
        <>
          {t('rejection.invalidAnswers', { file: fileName, count: rejection.total })}
          <ul>
            {rejection.issues.map((issue, i) => (
              <li key={i}>
                {t('rejection.answerIssue', {
                  n: issue.respondent + 1,
                  item: issue.itemId,
                  problem: t(`answerProblem.${issue.code}`, { value: issue.value }),
                })}
              </li>
            ))}
            {more > 0 && <li>{t('rejection.more', { count: more })}</li>}
          </ul>
        </>
      );
    }
  }
}
