import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveThreshold } from '@/domain/aggregate/anonymity';
import { routingContextOf } from '@/domain/context/context-of';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import {
  buildCodebook,
  buildLss,
  type LssInput,
  type LssTexts,
} from '@/domain/files/limesurvey-lss';
import type { Grid } from '@/domain/grid/schema';
import labelsEn from '@/i18n/locales/en/labels.json';
import surveyEn from '@/i18n/locales/en/survey.json';
import labelsFr from '@/i18n/locales/fr/labels.json';
import surveyFr from '@/i18n/locales/fr/survey.json';
import { downloadFile, slugify } from '@/utils/download';

type CampaignExportProps = {
  diagnostic: Diagnostic;
  /** The diagnostic's grids as it holds them: the survey routes them by its context. */
  grids: Grid[];
  lang: string;
};

/** The survey's words in one language, from the locale files (both are written in the survey). */
function surveyTexts(
  survey: typeof surveyFr,
  labels: typeof labelsFr,
  title: string,
  threshold: number,
): LssTexts {
  return {
    title: survey.title.replace('{{title}}', title),
    description: survey.description,
    roleGroup: survey.roleGroup,
    roleQuestion: survey.roleQuestion,
    welcome: survey.welcome.replace('{{threshold}}', String(threshold)),
    end: survey.end,
    dontKnow: labels.answer.dk,
    notApplicable: labels.answer.na,
    roles: labels.role,
  };
}

/**
 * Campaigns (docs/campaigns.md): the diagnostic's grids as a LimeSurvey survey (`.lss`) to import
 * on the organisation's platform, and as a codebook CSV for any other survey tool: only the
 * questions its context asks, those for some roles only asked of them. The
 * platform's response export comes back through the import above, its columns recognised.
 */
export function CampaignExport({ diagnostic, grids, lang }: CampaignExportProps) {
  const { t } = useTranslation('workshop');
  const uid = useId();
  const [status, setStatus] = useState('');
  const input = (): LssInput => {
    const threshold = effectiveThreshold(diagnostic.anonymityThreshold);
    return {
      diagnosticId: diagnostic.id,
      grids,
      context: routingContextOf(diagnostic),
      languages: ['fr', 'en'],
      texts: {
        fr: surveyTexts(surveyFr, labelsFr, diagnostic.title, threshold),
        en: surveyTexts(surveyEn, labelsEn, diagnostic.title, threshold),
      },
    };
  };
  const save = (name: string, build: () => string, type: string) => {
    try {
      downloadFile(name, build(), type);
      setStatus(t('campaign.done', { file: name }));
    } catch (error) {
      setStatus(t('campaign.failed', { error: String(error) }));
    }
  };
  const slug = slugify(diagnostic.title);
  return (
    <section id="campaign" aria-labelledby={`${uid}-title`} className="card">
      <h2 id={`${uid}-title`}>{t('campaign.title')}</h2>
      <p>{t('campaign.body')}</p>
      <p>{t('campaign.guide')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => save(`${slug}-limesurvey.lss`, () => buildLss(input()), 'application/xml')}
        >
          {t('campaign.lss')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            save(
              `${slug}-codebook.csv`,
              () => buildCodebook(input(), lang === 'fr' ? ';' : ','),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('campaign.codebook')}
        </button>
      </div>
      <p role="status" className="status-line">
        {status}
      </p>
    </section>
  );
}
