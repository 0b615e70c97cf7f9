import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { navigate } from '@/app/router';
import { PURPOSES, type DiagnosticContext } from '@/domain/diagnostic/diagnostic';
import { createDiagnostic, type LoadedGrid } from '@/domain/diagnostic/operations';
import { pickText } from '@/domain/grid/text';
import { loadBundledGrids } from '@/grid-library/bundled-grids';
import { newestCustomGrids } from '@/shared/grids/custom-grid-choices';
import { currentLanguage } from '@/i18n/i18n';
import { saveDiagnostic } from '@/storage/diagnostics-store';
import { newId, nowIso } from '@/utils/id';
import { ContextFields, UNKNOWN_DIAGNOSTIC_CONTEXT } from '@/shared/context/context-fields';
import { estimateMinutes, NewDiagnosticForm } from './new-diagnostic-form';

function countItems(grid: LoadedGrid['grid']): number {
  return grid.dimensions.reduce((sum, d) => sum + d.items.length, 0);
}

export function NewDiagnosticPage() {
  const { t } = useTranslation(['newDiagnostic', 'labels', 'grids']);
  const lang = currentLanguage();
  const uid = useId();
  const [grids, setGrids] = useState<LoadedGrid[] | null>(null);
  const [customIds, setCustomIds] = useState<ReadonlySet<string>>(new Set());
  const [loadFailed, setLoadFailed] = useState(false);
  const [context, setContext] = useState<DiagnosticContext>(UNKNOWN_DIAGNOSTIC_CONTEXT);

  const form = useForm<NewDiagnosticForm>({
    resolver: zodResolver(NewDiagnosticForm),
    defaultValues: {
      purpose: 'upstream',
      title: '',
      organisation: '',
      projectName: '',
      gridIds: [],
    },
  });
  const { register, handleSubmit, formState, setValue, setFocus } = form;
  const { errors, isSubmitting } = formState;

  useEffect(() => {
    let alive = true;
    Promise.all([loadBundledGrids(), newestCustomGrids()])
      .then(([loaded, custom]) => {
        if (!alive) return;
        setGrids([...loaded, ...custom]);
        setCustomIds(new Set(custom.map((g) => g.grid.id)));
        setValue(
          'gridIds',
          loaded.map((g) => g.grid.id),
        );
      })
      .catch(() => alive && setLoadFailed(true));
    return () => {
      alive = false;
    };
  }, [setValue]);

  const onSubmit = async (values: NewDiagnosticForm) => {
    const chosen = (grids ?? []).filter((g) => values.gridIds.includes(g.grid.id));
    const diagnostic = createDiagnostic(
      {
        title: values.title,
        purpose: values.purpose,
        organisation: values.organisation,
        project: { name: values.projectName, kind: 'other' },
        context,
        grids: chosen,
      },
      { id: newId(), now: nowIso() },
    );
    await saveDiagnostic(diagnostic);
    navigate(`/answer/${encodeURIComponent(diagnostic.id)}`);
  };

  const errorId = (name: string) => `${uid}-${name}-error`;
  const fieldError = (name: keyof NewDiagnosticForm) => {
    const message = errors[name]?.message;
    return message ? (
      <p id={errorId(name)} className="field__error">
        {t(message as 'errors.titleRequired')}
      </p>
    ) : null;
  };
  const describedBy = (name: keyof NewDiagnosticForm, hint?: string) =>
    [errors[name] ? errorId(name) : null, hint].filter(Boolean).join(' ') || undefined;

  return (
    <section className="new-diagnostic">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form
        noValidate
        onSubmit={handleSubmit(onSubmit, (errs) => {
          const first = (['title', 'organisation', 'projectName', 'gridIds'] as const).find(
            (name) => errs[name],
          );
          if (first && first !== 'gridIds') setFocus(first);
          else document.getElementById(`${uid}-grid-0`)?.focus();
        })}
      >
        <fieldset className="field choice-group">
          <legend>{t('purpose.legend')}</legend>
          {PURPOSES.map((purpose) => (
            <label key={purpose} className="choice">
              <input type="radio" value={purpose} {...register('purpose')} />
              <span>
                <strong>{t(`labels:purpose.${purpose}`)}</strong>
                <span className="choice__hint">{t(`labels:purposeHint.${purpose}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor={`${uid}-title`}>{t('fields.title')}</label>
          <span id={`${uid}-title-hint`} className="field__hint">
            {t('fields.titleHint')}
          </span>
          <input
            id={`${uid}-title`}
            type="text"
            autoComplete="off"
            aria-required="true"
            aria-invalid={errors.title ? 'true' : 'false'}
            aria-describedby={describedBy('title', `${uid}-title-hint`)}
            {...register('title')}
          />
          {fieldError('title')}
        </div>

        <div className="field">
          <label htmlFor={`${uid}-organisation`}>{t('fields.organisation')}</label>
          <input
            id={`${uid}-organisation`}
            type="text"
            autoComplete="organization"
            aria-invalid={errors.organisation ? 'true' : 'false'}
            aria-describedby={describedBy('organisation')}
            {...register('organisation')}
          />
          {fieldError('organisation')}
        </div>

        <div className="field-row">
          <div className="field">
            <label htmlFor={`${uid}-projectName`}>{t('fields.projectName')}</label>
            <span id={`${uid}-projectName-hint`} className="field__hint">
              {t('fields.projectNameHint')}
            </span>
            <input
              id={`${uid}-projectName`}
              type="text"
              autoComplete="off"
              aria-invalid={errors.projectName ? 'true' : 'false'}
              aria-describedby={describedBy('projectName', `${uid}-projectName-hint`)}
              {...register('projectName')}
            />
            {fieldError('projectName')}
          </div>
        </div>

        <fieldset className="field context-group" aria-describedby={`${uid}-context-intro`}>
          <legend>{t('labels:context.legend')}</legend>
          <p id={`${uid}-context-intro`} className="field__hint">
            {t('labels:context.intro')}
          </p>
          <ContextFields idPrefix={`${uid}-context`} value={context} onChange={setContext} />
        </fieldset>

        <fieldset
          className="field choice-group"
          aria-describedby={[`${uid}-grids-hint`, errors.gridIds ? errorId('gridIds') : '']
            .filter(Boolean)
            .join(' ')}
        >
          <legend>{t('grids.legend')}</legend>
          <span id={`${uid}-grids-hint`} className="field__hint">
            {t('grids.hint')}
          </span>
          {loadFailed && <p role="alert">{t('grids.loadFailed')}</p>}
          {!grids && !loadFailed && <p role="status">{t('grids.loading')}</p>}
          {grids?.map((loaded, index) => {
            const items = countItems(loaded.grid);
            return (
              <label key={loaded.grid.id} className="choice">
                <input
                  id={`${uid}-grid-${index}`}
                  type="checkbox"
                  value={loaded.grid.id}
                  {...register('gridIds')}
                />
                <span>
                  <strong>
                    {pickText(loaded.grid.title, lang, loaded.grid.languages.default)}
                  </strong>
                  <span className="choice__hint">
                    {customIds.has(loaded.grid.id)
                      ? t('grids:newDiagnostic.customHint', {
                          version: loaded.grid.version,
                          dimensions: loaded.grid.dimensions.length,
                          items,
                        })
                      : t('grids.meta', {
                          dimensions: loaded.grid.dimensions.length,
                          items,
                          minutes: estimateMinutes(items),
                        })}
                  </span>
                </span>
              </label>
            );
          })}
          {fieldError('gridIds')}
        </fieldset>

        {Object.keys(errors).length > 0 && (
          <p className="notice notice--error" role="alert">
            {t('errorSummary', { count: Object.keys(errors).length })}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={isSubmitting || !grids}>
          {t('submit')}
        </button>
      </form>
    </section>
  );
}
