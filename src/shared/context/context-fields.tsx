/**
 * The diagnostic's context in plain words, each question with « je ne sais pas »: the start form
 * asks it once, the context editor (answer and results pages) changes it later. Controlled: the
 * value is a `DiagnosticContext`, every change gives a new one.
 */
import { useTranslation } from 'react-i18next';
import { SECTORS } from '@/domain/context/sectors';
import {
  PROJECT_KINDS,
  PROJECT_PHASES,
  SIZE_BANDS,
  type DiagnosticContext,
} from '@/domain/diagnostic/diagnostic';

export const UNKNOWN_DIAGNOSTIC_CONTEXT: DiagnosticContext = {
  projectKinds: [],
  phase: 'unknown',
  size: 'unknown',
  cse: 'unknown',
  unionDelegates: 'unknown',
  sector: 'unknown',
};

type ContextFieldsProps = {
  /** Prefix of the fields' ids (unique on the page). */
  idPrefix: string;
  value: DiagnosticContext;
  onChange: (next: DiagnosticContext) => void;
};

const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;

export function ContextFields({ idPrefix, value, onChange }: ContextFieldsProps) {
  const { t } = useTranslation('labels');
  const set = <K extends keyof DiagnosticContext>(key: K, next: DiagnosticContext[K]) =>
    onChange({ ...value, [key]: next });

  const select = <K extends 'phase' | 'size' | 'sector', O extends string>(
    key: K,
    options: readonly O[],
    label: (option: O) => string,
  ) => (
    <div className="field">
      <label htmlFor={`${idPrefix}-${key}`}>{t(`context.${key}`)}</label>
      <select
        id={`${idPrefix}-${key}`}
        value={value[key]}
        onChange={(e) => set(key, e.target.value as DiagnosticContext[K])}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {label(option)}
          </option>
        ))}
        <option value="unknown">{t('context.unknown')}</option>
      </select>
    </div>
  );

  const yesNo = (key: 'cse' | 'unionDelegates') => (
    <fieldset
      className="field choice-group context-fields__yes-no"
      aria-describedby={`${idPrefix}-${key}-hint`}
    >
      <legend>{t(`context.${key}`)}</legend>
      <span id={`${idPrefix}-${key}-hint`} className="field__hint">
        {t(`context.${key}Hint`)}
      </span>
      <div className="context-fields__inline">
        {YES_NO_UNKNOWN.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={`${idPrefix}-${key}`}
              value={option}
              checked={value[key] === option}
              onChange={() => set(key, option)}
            />
            <span>{t(`context.${option}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <div className="context-fields">
      <fieldset className="field choice-group" aria-describedby={`${idPrefix}-kinds-hint`}>
        <legend>{t('context.kinds')}</legend>
        <span id={`${idPrefix}-kinds-hint`} className="field__hint">
          {t('context.kindsHint')}
        </span>
        <div className="context-fields__kinds">
          {PROJECT_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input
                type="checkbox"
                value={kind}
                checked={value.projectKinds.includes(kind)}
                onChange={(e) =>
                  set(
                    'projectKinds',
                    PROJECT_KINDS.filter((k) =>
                      k === kind ? e.target.checked : value.projectKinds.includes(k),
                    ),
                  )
                }
              />
              <span>{t(`projectKind.${kind}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        {select('phase', PROJECT_PHASES, (phase) => t(`projectPhase.${phase}`))}
        {select('size', SIZE_BANDS, (size) => t(`size.${size}`))}
        {select('sector', SECTORS, (sector) => t(`sector.${sector}`))}
      </div>
      <div className="field-row">
        {yesNo('cse')}
        {yesNo('unionDelegates')}
      </div>
    </div>
  );
}
