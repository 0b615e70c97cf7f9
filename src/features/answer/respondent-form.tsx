import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@/domain/answers/answers';

type RespondentFormProps = {
  title: string;
  intro?: string;
  threshold: number;
  initial?: { role: Role; pseudonym?: string };
  submitLabel: string;
  onSubmit: (profile: { role: Role; pseudonym: string }) => void;
};

/** Role (required) and optional pseudonym of the person about to answer. */
export function RespondentForm(props: RespondentFormProps) {
  const { title, intro, threshold, initial, submitLabel, onSubmit } = props;
  const { t } = useTranslation(['answer', 'labels']);
  const uid = useId();
  const [role, setRole] = useState<Role | ''>(initial?.role ?? '');
  const [pseudonym, setPseudonym] = useState(initial?.pseudonym ?? '');
  const [showError, setShowError] = useState(false);

  return (
    <section className="respondent-form card">
      <h1>{title}</h1>
      {intro && <p>{intro}</p>}
      <p>{t('respondent.intro', { threshold })}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (role === '') {
            setShowError(true);
            document.getElementById(`${uid}-role-0`)?.focus();
            return;
          }
          onSubmit({ role, pseudonym: pseudonym.slice(0, 300) });
        }}
      >
        <fieldset
          className="field choice-group"
          aria-describedby={showError && role === '' ? `${uid}-role-error` : undefined}
        >
          <legend>{t('respondent.roleLegend')}</legend>
          {ROLES.map((r, i) => (
            <label key={r} className="choice">
              <input
                id={`${uid}-role-${i}`}
                type="radio"
                name={`${uid}-role`}
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
              />
              <span>{t(`labels:role.${r}`)}</span>
            </label>
          ))}
          {showError && role === '' && (
            <p id={`${uid}-role-error`} className="field__error">
              {t('respondent.roleRequired')}
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${uid}-pseudonym`}>{t('respondent.pseudonym')}</label>
          <span id={`${uid}-pseudonym-hint`} className="field__hint">
            {t('respondent.pseudonymHint')}
          </span>
          <input
            id={`${uid}-pseudonym`}
            type="text"
            autoComplete="off"
            maxLength={300}
            aria-describedby={`${uid}-pseudonym-hint`}
            value={pseudonym}
            onChange={(e) => setPseudonym(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </form>
    </section>
  );
}
