import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import './room.css';

type RoomCardProps = { diagnostic: Diagnostic };

/**
 * The workshop's « In the room » card (docs/architecture.md): links to the projection mode and to
 * the paper page, where the paper questionnaire is printed for a role and the copies filled in
 * are typed back. The role list of the printing form is on that page only: the workshop page
 * never names a role the anonymity rule masks.
 */
export function RoomCard({ diagnostic }: RoomCardProps) {
  const { t } = useTranslation(['room']);
  const uid = useId();
  const id = encodeURIComponent(diagnostic.id);
  return (
    <section id="room" className="card room-card" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('card.title')}</h2>
      <p>{t('card.intro')}</p>
      <div className="room-card__parts">
        <div>
          <h3>{t('card.projectionTitle')}</h3>
          <p>{t('card.projectionBody')}</p>
          <a className="button button--primary" href={`#/workshop/${id}/projection`}>
            {t('card.project')}
          </a>
        </div>
        <div>
          <h3>{t('paper.title')}</h3>
          <p>{t('paper.body')}</p>
          <a className="button" href={`#/workshop/${id}/paper`}>
            {t('card.print')}
          </a>
        </div>
        <div>
          <h3>{t('card.entryTitle')}</h3>
          <p>{t('card.entryBody')}</p>
          <a className="button" href={`#/workshop/${id}/paper`}>
            {t('card.enter')}
          </a>
        </div>
      </div>
    </section>
  );
}
