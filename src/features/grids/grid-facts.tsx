import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { gridLanguageCoverage } from '@/domain/grid/language-coverage';
import type { Grid } from '@/domain/grid/schema';
import { formatDateTime } from '@/i18n/format';
import type { LibraryGrid } from '@/shared/grids/use-grid-library';

/** A language's name in the interface language (« anglais »), or its code when unknown. */
export function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Items of a grid, all dimensions together. */
export function countItems(grid: Grid): number {
  return grid.dimensions.reduce((sum, dimension) => sum + dimension.items.length, 0);
}

/** The content hash: 8 characters shown, the whole of it one click away. */
export function HashDetails({ hash }: { hash: string }) {
  const { t } = useTranslation('grids');
  return (
    <details className="grid-hash">
      <summary>
        <code>{hash.slice(0, 8)}</code>
        <span className="visually-hidden"> {t('facts.hashShowAll')}</span>
      </summary>
      <p className="grid-hash__full">
        {t('facts.hashFull')} <code>{hash}</code>
      </p>
    </details>
  );
}

/** Which languages every text of the grid has, and which ones are partial. */
export function LanguageCoverageText({ grid, lang }: { grid: Grid; lang: string }) {
  const { t } = useTranslation('grids');
  const coverage = gridLanguageCoverage(grid);
  const complete = coverage.languages.filter((l) => l.missing === 0);
  const partial = coverage.languages.filter((l) => l.missing > 0);
  return (
    <>
      <span>
        {t('facts.languagesComplete', {
          languages: complete.map((l) => languageName(l.lang, lang)).join(', '),
        })}
      </span>
      {partial.map((l) => (
        <span key={l.lang} className="grid-facts__partial">
          {' '}
          {t(l.declared ? 'facts.languagePartialDeclared' : 'facts.languagePartial', {
            language: languageName(l.lang, lang),
            count: l.missing,
            total: coverage.total,
          })}
        </span>
      ))}
    </>
  );
}

/** The facts of one grid of the library: origin, id, version, hash, languages, size (and `children` rows). */
export function GridFacts({
  entry,
  lang,
  children,
}: {
  entry: LibraryGrid;
  lang: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation('grids');
  const { grid, hash } = entry.loaded;
  return (
    <dl className="grid-facts">
      <div>
        <dt>{t('facts.origin')}</dt>
        <dd>
          {entry.kind === 'bundled'
            ? t('facts.bundled')
            : entry.custom.fileName
              ? t('facts.addedFromFile', {
                  date: formatDateTime(entry.custom.addedAt, lang),
                  name: entry.custom.fileName,
                })
              : t('facts.added', { date: formatDateTime(entry.custom.addedAt, lang) })}
        </dd>
      </div>
      <div>
        <dt>{t('facts.id')}</dt>
        <dd>
          <code>{grid.id}</code>
        </dd>
      </div>
      <div>
        <dt>{t('facts.version')}</dt>
        <dd>{grid.version}</dd>
      </div>
      <div>
        <dt>{t('facts.hash')}</dt>
        <dd>
          <HashDetails hash={hash} />
        </dd>
      </div>
      <div>
        <dt>{t('facts.languages')}</dt>
        <dd>
          <LanguageCoverageText grid={grid} lang={lang} />
        </dd>
      </div>
      <div>
        <dt>{t('facts.content')}</dt>
        <dd>
          {[
            t('facts.dimensions', { count: grid.dimensions.length }),
            t('facts.items', { count: countItems(grid) }),
            t('facts.recommendations', { count: grid.recommendations.length }),
          ].join(' · ')}
        </dd>
      </div>
      {children}
    </dl>
  );
}
