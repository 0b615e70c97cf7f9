import { render as rtlRender, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ScoreRadar } from '@/shared/charts/radar-chart';
import { makeI18n } from './make-i18n';

async function render(ui: ReactElement) {
  const i18n = await makeI18n('fr');
  return rtlRender(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}

describe('ScoreRadar', () => {
  it('should draw bars, not a radar, for fewer than three axes, and say which one has no score', async () => {
    await render(
      <ScoreRadar
        data={[
          { axis: 'Conditions de travail', score: 62 },
          { axis: 'Accompagnement', score: null },
        ]}
        mainName="Exemple"
      />,
    );
    const bars = screen.getByTestId('score-bars');
    expect(bars).toHaveTextContent('Conditions de travail');
    expect(bars).toHaveTextContent('62');
    expect(bars).toHaveTextContent('réponses insuffisantes');
    expect(bars.querySelectorAll('.score-bars__fill')).toHaveLength(1);
    expect(document.querySelector('.recharts-wrapper')).toBeNull();
  });

  it('should draw one bar per series for each axis (roles compared)', async () => {
    await render(
      <ScoreRadar
        data={[{ axis: 'A', score: 40 }]}
        series={[{ key: 'employee', name: 'Salarié·e', color: '#15803d', values: [55] }]}
        mainName="Tous"
      />,
    );
    const bars = screen.getByTestId('score-bars');
    expect(bars.querySelectorAll('.score-bars__fill')).toHaveLength(2);
    expect(bars).toHaveTextContent('Salarié·e');
  });
});
