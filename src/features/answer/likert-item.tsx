import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '@/domain/answers/answers';
import type { Item, Scale } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';

type LikertItemProps = {
  item: Item;
  scale: Scale;
  number: number;
  lang: string;
  fallbackLang: string;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
};

/**
 * One item as a native radio group inside a fieldset: arrow keys move between options, labels
 * are clickable and large, "don't know" / "not applicable" appear when the scale allows them.
 */
export function LikertItem({
  item,
  scale,
  number,
  lang,
  fallbackLang,
  value,
  onChange,
}: LikertItemProps) {
  const { t } = useTranslation(['answer', 'labels']);
  const uid = useId();
  const [helpOpen, setHelpOpen] = useState(false);
  const text = pickText(item.text, lang, fallbackLang);
  const name = `${uid}-answer`;
  const helpId = `${uid}-help`;
  const polesId = `${uid}-poles`;
  const options: { key: string; value: AnswerValue; label: string; special?: boolean }[] = [
    ...scale.points.map((point) => ({
      key: String(point.value),
      value: point.value,
      label: pickText(point.label, lang, fallbackLang),
    })),
  ];
  if (scale.allowDontKnow)
    options.push({ key: 'dk', value: 'dk', label: t('labels:answer.dk'), special: true });
  if (scale.allowNotApplicable)
    options.push({ key: 'na', value: 'na', label: t('labels:answer.na'), special: true });

  const describedBy = [item.poles ? polesId : null, helpOpen && item.help ? helpId : null]
    .filter(Boolean)
    .join(' ');

  return (
    <fieldset
      className={`likert${value === undefined ? '' : ' likert--answered'}`}
      aria-describedby={describedBy || undefined}
      data-item-id={item.id}
    >
      <legend className="likert__legend">
        <span className="likert__number">{t('item.number', { n: number })}</span>
        <span className="likert__text">{text}</span>
      </legend>
      {item.poles && (
        <p id={polesId} className="likert__poles">
          {t('item.poles', {
            low: pickText(item.poles.low, lang, fallbackLang),
            high: pickText(item.poles.high, lang, fallbackLang),
          })}
        </p>
      )}
      {item.help && (
        <div className="likert__help">
          <button
            type="button"
            className="link-button"
            aria-expanded={helpOpen}
            aria-controls={helpId}
            aria-label={t('item.helpLabel', { item: text })}
            onClick={() => setHelpOpen((open) => !open)}
          >
            {t('item.help')}
          </button>
          <p id={helpId} hidden={!helpOpen} className="likert__help-text">
            {pickText(item.help, lang, fallbackLang)}
          </p>
        </div>
      )}
      <div className="likert__options" data-count={scale.points.length}>
        {options.map((option) => (
          <label
            key={option.key}
            className={`likert__option${option.special ? ' likert__option--special' : ''}`}
          >
            <input
              type="radio"
              name={name}
              value={option.key}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {value !== undefined && (
        <button
          type="button"
          className="link-button likert__clear"
          aria-label={t('item.clearLabel', { item: text })}
          onClick={() => onChange(undefined)}
        >
          {t('item.clear')}
        </button>
      )}
    </fieldset>
  );
}
