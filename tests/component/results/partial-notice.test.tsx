import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { PartialNotice } from '@/features/results/partial-notice';
import { makeI18n } from '../make-i18n';

const REASONS = {
  unanswered: [
    { gridId: 'g', grid: 'Usages', itemId: 'i1', item: 'Je me déconnecte le soir', missing: 2 },
  ],
  unscored: [
    {
      gridId: 'g',
      grid: 'Usages',
      dimensionId: 'd1',
      dimension: 'Messagerie',
      reason: 'coverage' as const,
    },
  ],
};

describe('PartialNotice', () => {
  it.each([
    [
      'fr',
      '1 question sans réponse :',
      'Usages — « Je me déconnecte le soir » (2 réponses manquantes)',
      'Usages — Messagerie : Réponses insuffisantes',
    ],
    [
      'en',
      '1 question without an answer:',
      'Usages — “Je me déconnecte le soir” (2 answers missing)',
      'Usages — Messagerie: Not enough answers',
    ],
  ] as const)('states why the diagnostic is partial (%s)', async (lang, head, item, dimension) => {
    const i18n = await makeI18n(lang);
    render(
      <I18nextProvider i18n={i18n}>
        <PartialNotice reasons={REASONS} />
      </I18nextProvider>,
    );
    expect(screen.getByText(head)).toBeInTheDocument();
    expect(screen.getByText(item)).toBeInTheDocument();
    expect(screen.getByText(dimension)).toBeInTheDocument();
  });

  it('names at most ten questions, then says how many more', async () => {
    const i18n = await makeI18n('fr');
    const unanswered = Array.from({ length: 12 }, (_, i) => ({
      gridId: 'g',
      grid: 'G',
      itemId: `i${i}`,
      item: `Q${i}`,
      missing: 1,
    }));
    render(
      <I18nextProvider i18n={i18n}>
        <PartialNotice reasons={{ unanswered, unscored: [] }} />
      </I18nextProvider>,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(11);
    expect(screen.getByText('… et 2 autres')).toBeInTheDocument();
  });
});
