import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import { ReliabilityTable } from '@/features/workshop/results/reliability-table';
import { makeDimension, makeGrid, makeRespondent } from '../../fixtures/make-grid';
import { makeI18n } from '../make-i18n';
import { frenchTypography } from '@/domain/text/french-typography';

const grid = makeGrid({
  dimensions: [makeDimension('d-a', ['a1', 'a2', 'a3']), makeDimension('d-b', ['b1', 'b2'])],
});
/** The hand-computed data of tests/unit/domain/aggregate/reliability.test.ts: α = 69/73, 29/30 without a2. */
const HAND = [
  [1, 1, 2],
  [2, 3, 2],
  [3, 3, 4],
  [5, 4, 5],
];
const respondents = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const [a1, a2, a3] = HAND[i % 4]!;
    return makeRespondent(`r${i}`, i % 2 ? 'employee' : 'manager', {
      a1: a1!,
      a2: a2!,
      a3: a3!,
      b1: i < 10 ? 3 : 'dk',
      b2: 3,
    });
  });

async function show(n: number, lang: 'fr' | 'en' = 'fr') {
  const i18n = await makeI18n(lang);
  return render(
    <I18nextProvider i18n={i18n}>
      <ReliabilityTable grid={grid} aggregate={aggregateGrid(grid, respondents(n))} lang={lang} />
    </I18nextProvider>,
  );
}

// Rendering a 40-respondent table can take seconds on a loaded machine.
describe('ReliabilityTable', { timeout: 20_000 }, () => {
  it('is not shown below 30 respondents', async () => {
    await show(29);
    expect(screen.queryByTestId('reliability')).toBeNull();
  });

  it('shows each dimension’s α, its complete cases and the item that lowers it', async () => {
    await show(40);
    const table = screen.getByRole('table', { name: /cohérence interne/i });
    const a = within(table).getByRole('row', { name: /Dimension d-a/ });
    expect(
      within(a)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0,95', '40', frenchTypography('« Item a2 » (0,97)')]);
    const b = within(table).getByRole('row', { name: /Dimension d-b/ });
    expect(within(b).getAllByRole('cell')[0]!.textContent).toBe('Moins de 30 réponses complètes');
    expect(screen.getByText(/convention/)).toBeTruthy();
  });

  it('speaks English in English', async () => {
    await show(40, 'en');
    expect(screen.getByRole('table', { name: /internal consistency/i })).toBeTruthy();
    expect(screen.getByText('“Item a2” (0.97)')).toBeTruthy();
  });
});
