import { useTranslation } from 'react-i18next';
import type { ConditionDescription, DimensionRef } from '@/domain/grid/describe-condition';
import { shownExactly } from '@/domain/scoring/display';
import { formatNumber } from '@/i18n/format';
import { formatShownPercent } from '@/i18n/format-score';

type ConditionTextProps = { description: ConditionDescription; lang: string };

/**
 * A recommendation's condition in words: one sentence for a simple test, a nested list for
 * « toutes ces conditions » / « au moins une de ces conditions ».
 */
export function ConditionText({ description, lang }: ConditionTextProps) {
  const { t } = useTranslation(['grids', 'labels']);
  const dimension = (ref: DimensionRef) => ref.label ?? ref.id;
  const number = (value: number) =>
    formatNumber(value, lang, Number.isInteger(value) ? 0 : String(value).split('.')[1]?.length);

  switch (description.type) {
    case 'dimension':
      return (
        <>
          {description.role === undefined
            ? t(`condition.dimension.${description.op}`, {
                dimension: dimension(description.dimension),
                value: number(description.value),
              })
            : t(`condition.dimensionRole.${description.op}`, {
                dimension: dimension(description.dimension),
                value: number(description.value),
                role: t(`labels:role.${description.role}`),
              })}
        </>
      );
    case 'item': {
      const { item } = description;
      const params = {
        item: item.text ?? item.id,
        value: number(description.value),
        label: description.valueLabel ?? '',
      };
      const where =
        item.dimension && item.number !== null
          ? t('condition.itemWhere', { dimension: dimension(item.dimension), n: item.number })
          : '';
      return (
        <>
          {t(
            description.valueLabel === null
              ? `condition.item.${description.op}`
              : `condition.itemLabelled.${description.op}`,
            params,
          )}
          {where && ` ${where}`}
        </>
      );
    }
    case 'dontKnowRate':
      return (
        <>
          {t('condition.dontKnowRate', {
            dimension: dimension(description.dimension),
            // As written in the grid (docs/scoring.md): 0.333 is « 33,3 % », not « 33 % ».
            share: formatShownPercent(shownExactly(description.above * 100), lang),
          })}
        </>
      );
    case 'spread':
    case 'roleGap':
      return (
        <>
          {t(`condition.${description.type}`, {
            dimension: dimension(description.dimension),
            value: number(description.above),
          })}
        </>
      );
    case 'all':
    case 'any':
      return (
        <>
          {t(`condition.${description.type}`)}
          <ul className="condition-list">
            {description.parts.map((part, index) => (
              <li key={index}>
                <ConditionText description={part} lang={lang} />
              </li>
            ))}
          </ul>
        </>
      );
    case 'not':
      return description.part.type === 'all' || description.part.type === 'any' ? (
        <>
          {t('condition.not')}
          <ul className="condition-list">
            <li>
              <ConditionText description={description.part} lang={lang} />
            </li>
          </ul>
        </>
      ) : (
        <>
          {t('condition.not')} <ConditionText description={description.part} lang={lang} />
        </>
      );
  }
}
