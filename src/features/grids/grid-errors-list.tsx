import { useTranslation } from 'react-i18next';
import type { GridError } from '@/domain/grid/grid-errors';
import { formatGridError, formatGridErrorMessage, type Translate } from '@/domain/grid/locate';

type GridErrorsListProps = {
  errors: readonly GridError[];
  /** The file's parsed JSON (labels of the places come from it); undefined when it is not JSON. */
  input: unknown;
  /** The file's name, or undefined for pasted text. */
  fileName?: string;
};

/**
 * Every error of a refused grid, each with its place and message in the interface language
 * (« dimension « Autonomie », item 3, échelle : l’échelle « accord5 » n’existe pas »), after a
 * summary with the count that screen readers announce.
 */
export function GridErrorsList({ errors, input, fileName }: GridErrorsListProps) {
  const { t, i18n } = useTranslation(['grids', 'gridErrors']);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const translate: Translate = (key, params) =>
    (t as unknown as (key: string, options: object) => string)(`gridErrors:${key}`, params ?? {});
  const cut = errors.find((error) => error.code === 'too_many_errors');
  const listed = errors.filter((error) => error.code !== 'too_many_errors');
  const total = cut ? Number(cut.params.total) : listed.length;
  return (
    <div className="notice notice--error grid-errors">
      <p role="alert" className="grid-errors__summary">
        <strong>
          {fileName
            ? t('grids:errors.summaryFile', { count: total, name: fileName })
            : t('grids:errors.summary', { count: total })}
        </strong>{' '}
        {t('grids:errors.nothingStored')}
      </p>
      <ol className="grid-errors__list">
        {listed.map((error, index) => (
          <li key={index}>
            {formatGridError(error, input, lang, translate)}
            {error.path !== '' && ' '}
            {error.path !== '' && (
              <span className="grid-errors__path">
                {t('grids:errors.path')} <code>{error.path}</code>
              </span>
            )}
          </li>
        ))}
      </ol>
      {cut && <p>{formatGridErrorMessage(cut, translate)}</p>}
    </div>
  );
}
