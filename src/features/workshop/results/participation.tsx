import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@/domain/answers/answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { Grid } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { formatPercent } from '@/i18n/format';
import { TableScroll } from '@/components/table-scroll';
import { RoleCountTable } from '../role-count-table';
import { useCompletion } from './completion';

export type RoleVisibilitySummary = {
  roles: { role: Role; n: number }[];
  masked: number;
  threshold: number;
};

type ParticipationProps = {
  diagnostic: Diagnostic;
  grids: Grid[];
  visibility: RoleVisibilitySummary;
  lang: string;
  onThreshold: (threshold: number) => void;
};

/** Who answered: respondents per visible role, the masked total, completion per grid. */
export function Participation({
  diagnostic,
  grids,
  visibility,
  lang,
  onThreshold,
}: ParticipationProps) {
  const { t } = useTranslation(['workshop', 'labels']);
  const uid = useId();
  const total = diagnostic.respondents.length;
  // Computed in slices for a large diagnostic (a campaign of 100,000 respondents).
  const completion = useCompletion(grids, diagnostic.respondents);

  return (
    <section id="participation" aria-labelledby={`${uid}-title`} className="card">
      <h2 id={`${uid}-title`}>{t('participation.title')}</h2>
      {total === 0 ? (
        <p>{t('participation.none')}</p>
      ) : (
        <>
          <p>
            <strong data-testid="participation-total">
              {t('participation.total', { count: total })}
            </strong>
          </p>
          <div className="participation-tables">
            {visibility.roles.length > 0 && (
              <RoleCountTable
                caption={t('participation.rolesCaption')}
                counts={visibility.roles}
                testId="participation-roles"
              />
            )}
            <TableScroll>
              <table className="data data--compact" aria-busy={completion === null}>
                <caption>{t('participation.completionCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('participation.grid')}</th>
                    <th scope="col" className="num">
                      {t('participation.started')}
                    </th>
                    <th scope="col" className="num">
                      {t('participation.complete')}
                    </th>
                    <th scope="col" className="num">
                      {t('participation.average')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {completion === null ? (
                    <tr>
                      <td colSpan={4}>{t('participation.computing')}</td>
                    </tr>
                  ) : (
                    completion.map((c) => (
                      <tr key={c.grid.id}>
                        <th scope="row">
                          {pickText(c.grid.title, lang, c.grid.languages.default)}
                        </th>
                        <td className="num">{c.started}</td>
                        <td className="num">{c.complete}</td>
                        <td className="num">{formatPercent(c.average, lang)}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </TableScroll>
          </div>
          <p
            className={visibility.masked > 0 ? 'notice notice--warn' : 'notice'}
            data-testid="masked-note"
          >
            {visibility.masked > 0
              ? t('participation.masked', {
                  count: visibility.masked,
                  threshold: visibility.threshold,
                })
              : t('participation.noneMasked', { threshold: visibility.threshold })}
          </p>
        </>
      )}
      <ThresholdField value={diagnostic.anonymityThreshold} onChange={onThreshold} />
    </section>
  );
}

function ThresholdField({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const { t } = useTranslation('workshop');
  const uid = useId();
  const [text, setText] = useState(String(value));
  const [previous, setPrevious] = useState(value);
  // Follow the stored value when it changes elsewhere (another tab, an import).
  if (previous !== value) {
    setPrevious(value);
    setText(String(value));
  }
  const parsed = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  const invalid = !(Number.isInteger(parsed) && parsed >= 2 && parsed <= 50);
  return (
    <div className="field threshold-field">
      <label htmlFor={`${uid}-threshold`}>{t('participation.threshold')}</label>
      <span id={`${uid}-hint`} className="field__hint">
        {t('participation.thresholdHint')}
      </span>
      <input
        id={`${uid}-threshold`}
        type="number"
        inputMode="numeric"
        min={2}
        max={50}
        step={1}
        value={text}
        aria-invalid={invalid}
        aria-describedby={`${uid}-hint${invalid ? ` ${uid}-error` : ''}`}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const n = /^\d+$/.test(next.trim()) ? Number(next.trim()) : NaN;
          if (Number.isInteger(n) && n >= 2 && n <= 50 && n !== value) {
            setPrevious(n);
            onChange(n);
          }
        }}
      />
      {invalid && (
        <span id={`${uid}-error`} className="field__error" role="alert">
          {t('participation.thresholdError')}
        </span>
      )}
    </div>
  );
}
