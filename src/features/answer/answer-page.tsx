import { useTranslation } from 'react-i18next';
import { navigate } from '@/app/router';
import { addRespondent, setRespondentProfile } from '@/domain/diagnostic/operations';
import { useDiagnostic } from '@/shared/diagnostic/use-diagnostic';
import { DiagnosticGate } from '@/shared/diagnostic/diagnostic-gate';
import { newId } from '@/utils/id';
import { RespondentForm } from './respondent-form';
import { NEXT_PARTICIPANT_STEP, RESPONDENT_STEP } from './questionnaire-pages';
import { Questionnaire } from './questionnaire';

type AnswerPageProps = { diagnosticId?: string; step?: string };

export function AnswerPage({ diagnosticId, step }: AnswerPageProps) {
  const { t } = useTranslation('answer');
  const session = useDiagnostic(diagnosticId);

  return (
    <DiagnosticGate session={session} emptyTitle={t('noDiagnostic.title')}>
      {(ready) => {
        const { diagnostic, update } = ready;
        const base = `/answer/${encodeURIComponent(diagnostic.id)}`;
        const current = diagnostic.respondents.find((r) => r.id === diagnostic.currentRespondentId);

        if (!current || step === NEXT_PARTICIPANT_STEP) {
          const isNext = step === NEXT_PARTICIPANT_STEP;
          return (
            <RespondentForm
              key={`new-${diagnostic.respondents.length}`}
              title={isNext ? t('respondent.nextTitle') : t('respondent.title')}
              intro={
                isNext
                  ? `${t('respondent.nextIntro')} ${t('respondent.count', { count: diagnostic.respondents.length })}`
                  : undefined
              }
              threshold={diagnostic.anonymityThreshold}
              submitLabel={t('respondent.start')}
              onSubmit={(profile) => {
                update((d, now) => addRespondent(d, { id: newId(), ...profile }, now));
                navigate(base);
              }}
            />
          );
        }

        if (step === RESPONDENT_STEP) {
          return (
            <RespondentForm
              key={`edit-${current.id}`}
              title={t('respondent.change')}
              threshold={diagnostic.anonymityThreshold}
              initial={{ role: current.role, pseudonym: current.pseudonym }}
              submitLabel={t('actions.save', { ns: 'common' })}
              onSubmit={(profile) => {
                update((d, now) => setRespondentProfile(d, current.id, profile, now));
                navigate(base);
              }}
            />
          );
        }

        return <Questionnaire ready={ready} respondent={current} step={step} />;
      }}
    </DiagnosticGate>
  );
}
