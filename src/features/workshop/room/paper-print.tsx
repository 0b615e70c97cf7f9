import i18next from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@/domain/answers/answers';
import { routingContextOf } from '@/domain/context/context-of';
import { routeGrid } from '@/domain/context/route-grid';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { Grid } from '@/domain/grid/schema';
import { codeOfRespondentId, newPaperCodes } from '@/domain/room/paper-code';
import { effectiveThreshold } from '@/domain/aggregate/anonymity';
import { loadNamespaceFile } from '@/i18n/i18n';
import { downloadFile } from '@/utils/download';
import './room.css';

/** Most copies printed at once (one PDF). */
export const MAX_COPIES = 300;

type PaperPrintProps = { diagnostic: Diagnostic; grids: Grid[]; lang: string };

/**
 * The paper questionnaire for a role (the room): as many copies as asked, each with its
 * own code, on the paper page beside the entry of the copies filled in. Not on the workshop page:
 * its role list names every role, and that page never names a role the anonymity rule masks.
 */
export function PaperPrint({ diagnostic, grids, lang }: PaperPrintProps) {
  const { t } = useTranslation(['room', 'labels']);
  const uid = useId();
  const [role, setRole] = useState<Role>('employee');
  const [copies, setCopies] = useState('10');
  const [paperLang, setPaperLang] = useState(lang === 'en' ? 'en' : 'fr');
  const [state, setState] = useState<
    { kind: 'idle' | 'working' } | { kind: 'done' | 'failed'; text: string }
  >({ kind: 'idle' });
  const count = Number(copies);
  const copiesError =
    copies.trim() === '' || !Number.isInteger(count) || count < 1 || count > MAX_COPIES
      ? t('paper.copiesError', { max: MAX_COPIES })
      : null;

  const print = async () => {
    if (copiesError) return;
    setState({ kind: 'working' });
    try {
      const [{ renderPaperPdf }] = await Promise.all([
        import('@/report/render-paper'),
        // The paper's language may not be the page's: its two files, added once.
        ...(['room', 'labels'] as const).map(async (ns) => {
          if (i18next.hasResourceBundle(paperLang, ns)) return;
          const data = await loadNamespaceFile(paperLang, ns);
          i18next.addResourceBundle(paperLang, ns, data, true, false);
        }),
      ]);
      const tr = i18next.getFixedT(paperLang, 'room') as unknown as (
        key: string,
        params?: Record<string, unknown>,
      ) => string;
      const roleLabel = (
        i18next.getFixedT(paperLang, 'labels') as unknown as (key: string) => string
      )(`role.${role}`);
      const context = routingContextOf(diagnostic);
      const routed = grids
        .map((g) => routeGrid(g, context, role).grid)
        .filter((g) => g.dimensions.length > 0);
      const taken = diagnostic.respondents
        .map((r) => codeOfRespondentId(r.id))
        .filter((c): c is string => c !== null);
      const codes = newPaperCodes(count, (n) => crypto.getRandomValues(new Uint8Array(n)), taken);
      const { blob, fileName, pages } = await renderPaperPdf(
        {
          diagnosticTitle: diagnostic.title,
          grids: routed,
          roleLabel,
          codes,
          lang: paperLang,
          threshold: effectiveThreshold(diagnostic.anonymityThreshold),
          printedAt: new Date().toISOString(),
        },
        tr,
      );
      downloadFile(fileName, blob, 'application/pdf');
      setState({ kind: 'done', text: t('paper.done', { file: fileName, count, pages }) });
    } catch (error) {
      setState({
        kind: 'failed',
        text: t('paper.failed', { detail: error instanceof Error ? error.message : String(error) }),
      });
    }
  };

  return (
    <form
      className="card paper-print"
      aria-labelledby={`${uid}-paper-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void print();
      }}
    >
      <h2 id={`${uid}-paper-title`}>{t('paper.title')}</h2>
      <p>{t('paper.body')}</p>
      <div className="field">
        <label htmlFor={`${uid}-role`}>{t('paper.role')}</label>
        <select id={`${uid}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`labels:role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-copies`}>{t('paper.copies')}</label>
        <span className="field__hint" id={`${uid}-copies-hint`}>
          {t('paper.copiesHint', { max: MAX_COPIES })}
        </span>
        <input
          id={`${uid}-copies`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_COPIES}
          value={copies}
          onChange={(e) => setCopies(e.target.value)}
          aria-invalid={copiesError ? true : undefined}
          aria-describedby={`${uid}-copies-hint${copiesError ? ` ${uid}-copies-error` : ''}`}
        />
        {copiesError && (
          <p className="field__error" id={`${uid}-copies-error`}>
            {copiesError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-lang`}>{t('paper.language')}</label>
        <select id={`${uid}-lang`} value={paperLang} onChange={(e) => setPaperLang(e.target.value)}>
          <option value="fr" lang="fr">
            Français
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </div>
      <button type="submit" className="button button--primary" disabled={state.kind === 'working'}>
        {t('paper.button')}
      </button>
      <p role="status" className={state.kind === 'failed' ? 'field__error' : undefined}>
        {state.kind === 'working' ? t('paper.working') : 'text' in state ? state.text : ''}
      </p>
    </form>
  );
}
