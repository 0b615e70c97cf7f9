import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { pickText } from '@/domain/grid/text';
import { loadBundledGrids } from '@/grid-library/bundled-grids';
import { currentLanguage } from '@/i18n/i18n';
import { DeviceDataSection } from './device-data-section';
import './about.css';
import { jump } from '@/utils/jump';

const SECTIONS = ['what', 'grids', 'scoring', 'anonymity', 'sources', 'privacy', 'data'] as const;
type Section = (typeof SECTIONS)[number];

const SCORING_RULES = [
  'item',
  'dimension',
  'coverage',
  'grid',
  'levels',
  'group',
  'recommendations',
  'compare',
] as const;

const FILES = ['fileDiagnostic', 'fileResponses', 'fileCsv', 'filePdf', 'fileBackup'] as const;

/** The method page: what the app is, its grids and rules, its sources, and the user's data. */
export function AboutPage() {
  const { t } = useTranslation('about');
  const title = (section: Section) =>
    section === 'data' ? t('data.title') : t(`${section}.title`);
  return (
    <div className="about">
      <h1>{t('title')}</h1>
      <p className="about__intro">{t('intro')}</p>

      <nav aria-label={t('toc')} className="about-toc">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section}>
              <a href={`#about-${section}`} onClick={(e) => jump(e, `about-${section}`)}>
                {title(section)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="about-what" aria-labelledby="about-what-title" className="card">
        <h2 id="about-what-title">{t('what.title')}</h2>
        <p>{t('what.p1')}</p>
        <p>{t('what.p2')}</p>
      </section>

      <BundledGridsSection />

      <section id="about-scoring" aria-labelledby="about-scoring-title" className="card">
        <h2 id="about-scoring-title">{t('scoring.title')}</h2>
        <p>{t('scoring.intro')}</p>
        <ul className="about-rules">
          {SCORING_RULES.map((rule) => (
            <li key={rule}>{t(`scoring.${rule}`)}</li>
          ))}
        </ul>
      </section>

      <section id="about-anonymity" aria-labelledby="about-anonymity-title" className="card">
        <h2 id="about-anonymity-title">{t('anonymity.title')}</h2>
        <p>{t('anonymity.rule')}</p>
        <p>{t('anonymity.more')}</p>
      </section>

      <section id="about-sources" aria-labelledby="about-sources-title" className="card">
        <h2 id="about-sources-title">{t('sources.title')}</h2>
        <p>{t('sources.p1')}</p>
        <p>{t('sources.p2')}</p>
        <p>{t('sources.p3')}</p>
      </section>

      <section id="about-privacy" aria-labelledby="about-privacy-title" className="card">
        <h2 id="about-privacy-title">{t('privacy.title')}</h2>
        <p>{t('privacy.intro')}</p>
        <h3>{t('privacy.stored')}</h3>
        <ul>
          <li>{t('privacy.storedDiagnostics')}</li>
          <li>{t('privacy.storedGrids')}</li>
          <li>{t('privacy.storedLanguage')}</li>
        </ul>
        <h3>{t('privacy.files')}</h3>
        <ul>
          {FILES.map((file) => (
            <li key={file}>{t(`privacy.${file}`)}</li>
          ))}
        </ul>
        <p>{t('privacy.delete')}</p>
      </section>

      <DeviceDataSection />
    </div>
  );
}

/** The bundled grids, read from their files (titles, descriptions, sizes, versions). */
function BundledGridsSection() {
  const { t } = useTranslation('about');
  const lang = currentLanguage();
  const [grids, setGrids] = useState<LoadedGrid[] | null>(null);
  useEffect(() => {
    let alive = true;
    void loadBundledGrids().then((list) => alive && setGrids(list));
    return () => {
      alive = false;
    };
  }, []);
  return (
    <section id="about-grids" aria-labelledby="about-grids-title" className="card">
      <h2 id="about-grids-title">{t('grids.title')}</h2>
      <p>{t('grids.intro')}</p>
      {grids === null ? (
        <p role="status">{t('grids.loading')}</p>
      ) : (
        <ul className="about-grids">
          {grids.map(({ grid }) => {
            const title = pickText(grid.title, lang, grid.languages.default);
            const items = grid.dimensions.reduce((n, d) => n + d.items.length, 0);
            return (
              <li key={grid.id}>
                <h3>{title}</h3>
                <p>{pickText(grid.description, lang, grid.languages.default)}</p>
                <p className="field__hint">
                  {t('grids.facts', {
                    dimensions: grid.dimensions.length,
                    items,
                    version: grid.version,
                  })}
                </p>
                <a href={`#/grids/${encodeURIComponent(grid.id)}`}>{t('grids.open', { title })}</a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
