import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { effectiveThreshold } from '@/domain/aggregate/anonymity';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { buildResponsesCsv, buildScoresCsv, type CsvSeparator } from '@/domain/files/csv-export';
import type { Grid } from '@/domain/grid/schema';
import {
  downloadCsv,
  downloadResponseFile,
  downloadSharedResponses,
} from '@/shared/handover/export-files';

type WorkshopExportsProps = { diagnostic: Diagnostic; grids: Grid[]; lang: string };

/**
 * The workshop's exports, each saying whom it identifies: CSV files and the shareable export
 * (roles under the threshold merged as on this page, comments only when asked for), and the
 * private backup (the complete response file), downloaded after a warning.
 */
export function WorkshopExports({ diagnostic, grids, lang }: WorkshopExportsProps) {
  const { t } = useTranslation('workshop');
  const uid = useId();
  const [separator, setSeparator] = useState<CsvSeparator>(lang === 'fr' ? ';' : ',');
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState('');
  const [withComments, setWithComments] = useState(false);
  // The private backup asked for (everyone, or one respondent), waiting for the user to confirm.
  const [confirm, setConfirm] = useState<{ ids?: string[]; part?: string } | null>(null);
  const threshold = effectiveThreshold(diagnostic.anonymityThreshold);
  const count = diagnostic.respondents.length;
  const selected = diagnostic.respondents.some((r) => r.id === chosen)
    ? chosen
    : (diagnostic.currentRespondentId ?? diagnostic.respondents[0]?.id ?? '');
  const done = (file: string) => setStatus(t('exports.downloaded', { file }));
  // One option per respondent (10,000 after a survey import): until the list is focused or
  // pressed it holds the chosen respondent only, so drawing the page does not build them all.
  // (Not even a child per respondent: a campaign's 100,000 made each render reconcile them.)
  const [listed, setListed] = useState(false);
  const list = () => setListed(true);
  const selectedIndex = listed ? -1 : diagnostic.respondents.findIndex((r) => r.id === selected);
  const selectedEntries =
    selectedIndex < 0 ? [] : [{ r: diagnostic.respondents[selectedIndex]!, i: selectedIndex }];

  return (
    <section id="exports" aria-labelledby={`${uid}-title`} className="card">
      <h2 id={`${uid}-title`}>{t('exports.title')}</h2>
      <div className="exports">
        <div>
          <h3>{t('exports.csvTitle')}</h3>
          <p>{t('exports.csvBody')}</p>
          <fieldset className="choice-group">
            <legend>{t('exports.separator')}</legend>
            {([';', ','] as const).map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name={`${uid}-separator`}
                  value={value}
                  checked={separator === value}
                  onChange={() => setSeparator(value)}
                />
                <span>{value === ';' ? t('exports.semicolon') : t('exports.comma')}</span>
              </label>
            ))}
          </fieldset>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={count === 0}
              onClick={() =>
                done(
                  downloadCsv(
                    diagnostic,
                    'responses',
                    buildResponsesCsv(diagnostic, grids, separator),
                  ),
                )
              }
            >
              {t('exports.responses')}
            </button>
            <button
              type="button"
              className="button"
              disabled={count === 0}
              onClick={() =>
                done(
                  downloadCsv(diagnostic, 'scores', buildScoresCsv(diagnostic, grids, separator)),
                )
              }
            >
              {t('exports.scores')}
            </button>
          </div>
        </div>
        <div>
          <h3>{t('exports.sharedTitle')}</h3>
          <p>{t('exports.sharedBody', { threshold })}</p>
          <label className="choice">
            <input
              type="checkbox"
              checked={withComments}
              onChange={(e) => setWithComments(e.target.checked)}
            />
            <span>{t('exports.sharedComments', { threshold })}</span>
          </label>
          <p>
            <button
              type="button"
              className="button"
              disabled={count === 0}
              onClick={() => done(downloadSharedResponses(diagnostic, withComments))}
            >
              {t('exports.shared')}
            </button>
          </p>
        </div>
        <div>
          <h3>{t('exports.privateTitle')}</h3>
          <p>{t('exports.privateBody')}</p>
          <p className="notice notice--warn">{t('exports.privateWarning', { threshold })}</p>
          <p>
            <button
              type="button"
              className="button"
              disabled={count === 0}
              onClick={() => setConfirm({ ids: undefined, part: undefined })}
            >
              {t('exports.all', { count })}
            </button>
          </p>
          {count > 0 && (
            <div className="field field--inline">
              <label htmlFor={`${uid}-one`}>{t('exports.one')}</label>
              <select
                id={`${uid}-one`}
                value={selected}
                onFocus={list}
                onPointerDown={list}
                onChange={(e) => setChosen(e.target.value)}
              >
                {(listed ? diagnostic.respondents.map((r, i) => ({ r, i })) : selectedEntries).map(
                  ({ r, i }) => (
                    <option key={r.id} value={r.id}>
                      {r.pseudonym
                        ? t('exports.participantNamed', { n: i + 1, pseudonym: r.pseudonym })
                        : t('exports.participant', { n: i + 1 })}
                    </option>
                  ),
                )}
              </select>
              <button
                type="button"
                className="button"
                onClick={() => {
                  const index = diagnostic.respondents.findIndex((r) => r.id === selected);
                  if (index >= 0) setConfirm({ ids: [selected], part: String(index + 1) });
                }}
              >
                {t('exports.exportOne')}
              </button>
            </div>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={t('exports.privateConfirmTitle')}
        body={t('exports.privateConfirmBody', { threshold })}
        confirmLabel={t('exports.privateConfirm')}
        onConfirm={() => {
          if (confirm !== null) done(downloadResponseFile(diagnostic, confirm.ids, confirm.part));
          setConfirm(null);
        }}
        onCancel={() => setConfirm(null)}
      />
      <p role="status" className="status-line">
        {status}
      </p>
    </section>
  );
}
