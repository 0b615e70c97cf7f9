import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '@/app/router';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { pickText } from '@/domain/grid/text';
import { buildReportModel } from '@/domain/report/build-report-model';
import { buildEvolution } from '@/domain/report/evolution-report';
import type { EvolutionGrid } from '@/domain/report/report-model';
import { loadRadarCode, ScoreRadar } from '@/shared/charts/radar-chart';
import { PdfButton } from '@/shared/report-download/pdf-button';
import { nowIso } from '@/utils/id';
import { resolveGrids } from '@/shared/diagnostic/resolve-grids';
import { currentLanguage } from '@/i18n/i18n';
import { formatDate, formatDateTime } from '@/i18n/format';
import { formatShown } from '@/i18n/format-score';
import { type Shown, shownComparison } from '@/domain/scoring/display';
import './compare.css';
import { LoadingStatus } from '@/components/loading-status';
import { TableScroll } from '@/components/table-scroll';
import { useDiagnosticList } from '@/shared/diagnostic/use-diagnostic-list';

const T0_COLOR = '#6b7280';

type ComparePageProps = { t0?: string; t1?: string };

/** Grid ids two diagnostics share, in T1's order. */
function sharedGridIds(d0: Diagnostic, d1: Diagnostic): string[] {
  const ids0 = new Set(d0.grids.map((g) => g.id));
  return d1.grids.map((g) => g.id).filter((id) => ids0.has(id));
}

/** `#/compare`: pick T0 and T1; `#/compare/<t0>/<t1>`: both on one radar per shared grid. */
export function ComparePage({ t0, t1 }: ComparePageProps) {
  const { t } = useTranslation(['compare', 'common']);
  const list = useDiagnosticList();
  // Two diagnostics compared: a radar per grid, whose code downloads while they are read.
  useEffect(() => {
    if (t0 && t1) loadRadarCode();
  }, [t0, t1]);
  if (list === null) return <LoadingStatus what="list" />;
  const d0 = t0 ? list.diagnostics.find((d) => d.id === t0) : undefined;
  const d1 = t1 ? list.diagnostics.find((d) => d.id === t1) : undefined;
  const chosen = t0 !== undefined && t1 !== undefined;

  return (
    <div className="compare">
      <h1>{d0 && d1 ? t('heading', { t0: d0.title, t1: d1.title }) : t('title')}</h1>
      <p>{t('intro')}</p>
      {!list.ok && (
        <p className="notice notice--error" role="alert">
          {t('form.failed', { detail: list.failure.detail })}
        </p>
      )}
      {chosen && (!d0 || !d1) && (
        <p className="notice notice--error" role="alert">
          {t('notFound')}
        </p>
      )}
      <CompareForm
        key={`${t0 ?? ''}/${t1 ?? ''}`}
        diagnostics={list.diagnostics}
        initial={{ t0: d0?.id ?? '', t1: d1?.id ?? '' }}
      />
      {d0 && d1 && <Comparison d0={d0} d1={d1} />}
    </div>
  );
}

type CompareFormProps = { diagnostics: Diagnostic[]; initial: { t0: string; t1: string } };

function CompareForm({ diagnostics, initial }: CompareFormProps) {
  const { t } = useTranslation('compare');
  const lang = currentLanguage();
  const uid = useId();
  const [t0, setT0] = useState(initial.t0);
  const [t1, setT1] = useState(initial.t1);
  const [error, setError] = useState('');
  const byId = new Map(diagnostics.map((d) => [d.id, d]));
  const d0 = byId.get(t0);
  const d1 = byId.get(t1);
  const shared = d0 && d1 && d0 !== d1 ? sharedGridIds(d0, d1) : [];
  const gridTitle = (d: Diagnostic, id: string) => {
    const grid = resolveGrids(d).grids.find((g) => g.grid.id === id)?.grid;
    return grid ? pickText(grid.title, lang, grid.languages.default) : id;
  };

  if (diagnostics.length < 2) {
    return (
      <section className="card">
        <p>{t('form.notEnough')}</p>
        <p>
          <a className="button button--primary" href="#/new">
            {t('form.start')}
          </a>
        </p>
      </section>
    );
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!d0 || !d1) setError(t('form.missing'));
    else if (d0.id === d1.id) setError(t('form.same'));
    else if (shared.length === 0) setError(t('form.noShared'));
    else {
      setError('');
      navigate(`/compare/${encodeURIComponent(d0.id)}/${encodeURIComponent(d1.id)}`);
    }
  };

  const select = (id: string, label: string, value: string, onChange: (value: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          setError('');
          onChange(e.target.value);
        }}
        aria-describedby={error ? `${uid}-error` : undefined}
      >
        <option value="">{t('form.choose')}</option>
        {diagnostics.map((d) => (
          <option key={d.id} value={d.id}>
            {t('form.option', {
              title: d.title,
              date: formatDate(d.updatedAt, lang),
              count: d.respondents.length,
            })}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="card compare-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${uid}-title`}
    >
      <h2 id={`${uid}-title`}>{t('form.title')}</h2>
      <div className="field-row">
        {select(`${uid}-t0`, t('form.t0'), t0, setT0)}
        {select(`${uid}-t1`, t('form.t1'), t1, setT1)}
      </div>
      {d0 && d1 && d0 !== d1 && (
        <p className={shared.length === 0 ? 'notice notice--warn' : 'field__hint'}>
          {shared.length === 0
            ? t('form.noShared')
            : t('form.shared', { grids: shared.map((id) => gridTitle(d1, id)).join(', ') })}
        </p>
      )}
      {error && (
        <p id={`${uid}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary">
        {t('form.submit')}
      </button>
    </form>
  );
}

function Comparison({ d0, d1 }: { d0: Diagnostic; d1: Diagnostic }) {
  const { t } = useTranslation('compare');
  const lang = currentLanguage();
  // One report model (docs/architecture.md): the page shows the evolution the PDF prints, T1's
  // full report with its evolution section against T0 (`buildEvolution`, from compareGrids).
  const report = useMemo(() => {
    const r0 = resolveGrids(d0);
    const r1 = resolveGrids(d1);
    const model = buildReportModel(d1, r1.grids, { lang, generatedAt: d1.updatedAt });
    const evolution = buildEvolution(
      { diagnostic: d0, grids: r0.grids },
      { diagnostic: d1, grids: r1.grids },
      lang,
    );
    return {
      model: { ...model, evolution },
      evolution,
      broken: [...new Set([...r0.broken, ...r1.broken])],
    };
  }, [d0, d1, lang]);
  const { evolution, broken } = report;

  return (
    <>
      <p>
        {t('respondents', { n0: d0.respondents.length, n1: d1.respondents.length })}{' '}
        {t('dates', {
          d0: formatDateTime(d0.updatedAt, lang),
          d1: formatDateTime(d1.updatedAt, lang),
        })}
      </p>
      <p className="field__hint">{t('deltaHint')}</p>
      {broken.length > 0 && (
        <p className="notice notice--warn">{t('brokenGrids', { grids: broken.join(', ') })}</p>
      )}
      {evolution.grids.length === 0 ? (
        <p className="notice notice--warn">{t('noSharedGrid')}</p>
      ) : (
        evolution.grids.map((grid) => (
          <GridComparisonView key={grid.gridId} grid={grid} lang={lang} />
        ))
      )}
      {evolution.grids.length > 0 && (
        <PdfButton
          model={{ ...report.model, generatedAt: nowIso() }}
          texts={{
            title: t('pdf.title'),
            intro: t('pdf.intro', { t0: d0.title, t1: d1.title }),
            button: t('pdf.button'),
          }}
        />
      )}
    </>
  );
}

function GridComparisonView({ grid, lang }: { grid: EvolutionGrid; lang: string }) {
  const { t } = useTranslation('compare');
  // Display rule (docs/scoring.md): each score against its own bounds, and the delta the
  // difference of the two scores shown (59 → 53 is −6 whatever the decimals behind them).
  const score = (value: Shown | null, notAsked = false) =>
    value !== null ? formatShown(value, lang) : notAsked ? <em>{t('notAsked')}</em> : t('noScore');
  const delta = (value: Shown | null) => {
    if (value === null) return t('noScore');
    if (value.value === 0) return t('deltaNone');
    const size = formatShown({ value: Math.abs(value.value), digits: value.digits }, lang);
    return value.value > 0 ? t('deltaUp', { value: size }) : t('deltaDown', { value: size });
  };
  const shown = (d: {
    t0: number | null;
    t1: number | null;
    bounds: { t0: number[]; t1: number[] };
  }) => shownComparison(d.t0, d.t1, d.bounds.t0, d.bounds.t1);
  const shownGrid = shown(grid.grid);
  const { added, removed, changed } = grid.leftOut;
  const leftOut = added.length + removed.length + changed.length;
  const only = [
    ...grid.dimensionsOnly.t0.map((label) => `${label} (T0)`),
    ...grid.dimensionsOnly.t1.map((label) => `${label} (T1)`),
  ];
  const someNotAsked = grid.dimensions.some((d) => d.notAsked.t0 || d.notAsked.t1);
  const title = grid.title;
  const titleId = `compare-${grid.gridId}-title`;

  return (
    <section className="card" aria-labelledby={titleId} data-grid-id={grid.gridId}>
      <h2 id={titleId}>{title}</h2>
      <p>
        {grid.versions.t0 === grid.versions.t1
          ? t('sameVersion', { v: grid.versions.t1 })
          : t('gridVersions', { v0: grid.versions.t0, v1: grid.versions.t1 })}
      </p>
      <div className="chart-and-table">
        <figure className="chart">
          <ScoreRadar
            data={grid.dimensions.map((d) => ({ axis: d.label, score: d.t1 }))}
            series={[
              {
                key: 't0',
                name: t('t0'),
                color: T0_COLOR,
                values: grid.dimensions.map((d) => d.t0),
              },
            ]}
            mainName={t('t1')}
          />
          <figcaption>{t('chart', { grid: title })}</figcaption>
          <ul className="legend">
            <li>
              <span
                className="legend__swatch"
                style={{ background: T0_COLOR }}
                aria-hidden="true"
              />
              {t('t0')}
            </li>
            <li>
              <span
                className="legend__swatch"
                style={{ background: '#1d4ed8' }}
                aria-hidden="true"
              />
              {t('t1')}
            </li>
          </ul>
        </figure>
        <div className="compare-table">
          <TableScroll>
            <table className="data" data-testid="delta-table">
              <caption>{t('tableCaption', { grid: title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dimension')}</th>
                  <th scope="col" className="num">
                    {t('t0')}
                  </th>
                  <th scope="col" className="num">
                    {t('t1')}
                  </th>
                  <th scope="col" className="num">
                    {t('delta')}
                  </th>
                  <th scope="col" className="num">
                    {t('items')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {grid.dimensions.map((d) => {
                  const figures = shown(d);
                  return (
                    <tr key={d.id} data-dimension-id={d.id}>
                      <th scope="row">{d.label}</th>
                      <td className="num">{score(figures.t0, d.notAsked.t0)}</td>
                      <td className="num">{score(figures.t1, d.notAsked.t1)}</td>
                      <td className="num" data-delta={figures.delta?.value ?? ''}>
                        {delta(figures.delta)}
                      </td>
                      <td className="num">{d.items}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('gridRow')}</th>
                  <td className="num">{score(shownGrid.t0)}</td>
                  <td className="num">{score(shownGrid.t1)}</td>
                  <td className="num" data-delta={shownGrid.delta?.value ?? ''}>
                    {delta(shownGrid.delta)}
                  </td>
                  <td className="num">{grid.commonItems}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
          {someNotAsked && (
            <p className="table-note" data-testid="not-asked-note">
              {t('notAskedNote')}
            </p>
          )}
        </div>
      </div>
      <h3>{t('leftOut.title')}</h3>
      {leftOut === 0 ? (
        <p>{t('leftOut.none')}</p>
      ) : (
        <>
          <p>{t('leftOut.intro')}</p>
          <ul className="left-out" data-testid="left-out">
            {added.map((item, i) => (
              <li key={`a-${i}`}>
                <strong>{t('leftOut.added')}</strong> — {item}
              </li>
            ))}
            {removed.map((item, i) => (
              <li key={`r-${i}`}>
                <strong>{t('leftOut.removed')}</strong> — {item}
              </li>
            ))}
            {changed.map((c, i) => (
              <li key={`c-${i}`}>
                <strong>
                  {t('leftOut.changed', {
                    changes: c.changes.map((k) => t(`leftOut.change.${k}`)).join(', '),
                  })}
                </strong>{' '}
                — {c.item}
              </li>
            ))}
          </ul>
        </>
      )}
      {only.length > 0 && <p>{t('leftOut.dimensionsOnly', { dimensions: only.join(', ') })}</p>}
    </section>
  );
}
