import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { createDiagnostic, addRespondent, setAnswer } from '@/domain/diagnostic/operations';
import { loadGrid } from '@/domain/grid/load-grid';
import { codeFromBytes } from '@/domain/room/paper-code';
import { scoreGrid } from '@/domain/scoring/score-grid';
import { PaperEntry } from '@/features/workshop/room/paper-entry';
import { makeI18n } from '../make-i18n';
import { makeDimension, makeGrid, makeItem } from '../../fixtures/make-grid';

const loaded = loadGrid(
  makeGrid({
    dimensions: [
      makeDimension('d-a', ['a1', makeItem('a2', { scale: 'bipolar' })]),
      makeDimension('d-b', ['b1', 'b2']),
    ],
  }),
);
if (!loaded.ok) throw new Error('fixture grid invalid');
const GRID = loaded.grid;
const BASE = createDiagnostic(
  {
    title: 'Atelier',
    purpose: 'workshop',
    project: { name: 'Outil', kind: 'ai', phase: 'in-use' },
    grids: [{ grid: GRID, hash: loaded.hash }],
  },
  { id: 'd1', now: '2025-03-01T10:00:00.000Z' },
);
const CODE = codeFromBytes(Uint8Array.from([3, 1, 4, 1, 5, 9, 2]));

/** Renders the entry screen over a diagnostic that `update` really changes. */
async function setup(lang: 'fr' | 'en', start: Diagnostic = BASE) {
  const user = userEvent.setup();
  const i18n = await makeI18n(lang);
  let diagnostic = start;
  const update = vi.fn((change: (d: Diagnostic, now: string) => Diagnostic) => {
    diagnostic = change(diagnostic, '2025-03-02T10:00:00.000Z');
  });
  render(
    <I18nextProvider i18n={i18n}>
      <PaperEntry diagnostic={start} grids={[GRID]} update={update} />
    </I18nextProvider>,
  );
  return { user, update, current: () => diagnostic };
}

describe('PaperEntry: one key per answer', { timeout: 60_000 }, () => {
  it('types a copy with the keys, goes back with Backspace, and saves it as its code', async () => {
    const { user, current } = await setup('fr');
    await user.type(screen.getByLabelText('Code de l’exemplaire'), CODE.toLowerCase());
    await user.click(screen.getByRole('radio', { name: 'Encadrement' }));
    await user.click(screen.getByRole('button', { name: 'Commencer la saisie' }));

    const key = screen.getByLabelText('Touche pour l’affirmation 1');
    expect(key).toHaveFocus();
    expect(screen.getByText('affirmation 1 sur 4', { exact: false })).toBeInTheDocument();
    // The keys shown: the points from 1, then 0 « don't know », / « not applicable », Space.
    const keys = screen.getByRole('list', { name: 'Touches des réponses' });
    expect([...keys.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '0',
      '/',
      'Espace',
    ]);

    await user.keyboard('4');
    expect(screen.getByRole('status')).toHaveTextContent('Affirmation 1 : v4.');
    expect(screen.getByLabelText('Touche pour l’affirmation 2')).toHaveFocus();
    // a2 is bipolar (−2…2, no « not applicable »): / types nothing, and says so.
    await user.keyboard('/');
    expect(screen.getByRole('status')).toHaveTextContent(
      'La touche « / » ne correspond à aucune réponse de l’affirmation 2',
    );
    await user.keyboard('1');
    // Backspace: back to statement 2, its answer shown; typed again, replaced.
    await user.keyboard('{Backspace}');
    expect(screen.getByLabelText('Touche pour l’affirmation 2')).toHaveFocus();
    expect(screen.getByRole('button', { name: /v-2/ })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('5');
    await user.keyboard('0');
    await user.keyboard(' ');

    // The summary, before saving.
    expect(
      screen.getByRole('heading', { level: 1, name: `Récapitulatif de l’exemplaire ${CODE}` }),
    ).toHaveFocus();
    expect(
      screen.getByText(
        /2 réponses, 1 « je ne sais pas », 0 « non concerné », 1 sans réponse, sur 4 affirmations/,
      ),
    ).toBeInTheDocument();
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      '1Item a14 v4Corriger',
      '2Item a25 v2Corriger',
      '3Item b10 Je ne sais pasCorriger',
      '4Item b2 Sans réponseCorriger',
    ]);
    // Correct statement 4 from the summary: straight back to it, then to the summary.
    await user.click(screen.getByRole('button', { name: 'Corriger l’affirmation 4' }));
    expect(screen.getByLabelText('Touche pour l’affirmation 4')).toHaveFocus();
    await user.keyboard('2');
    await user.click(
      screen.getAllByRole('button', { name: 'Enregistrer cet exemplaire dans l’atelier' })[0]!,
    );

    expect(
      screen.getByRole('heading', { level: 1, name: `Exemplaire ${CODE} enregistré` }),
    ).toBeInTheDocument();
    const respondent = current().respondents.find((r) => r.id === `paper-${CODE}`);
    expect(respondent?.role).toBe('manager');
    expect(respondent?.answers).toEqual({ 'test-grid': { a1: 4, a2: 2, b1: 'dk', b2: 2 } });
    // The device's own respondent is untouched.
    expect(current().currentRespondentId).toBe(BASE.currentRespondentId);
  });

  it('gives the scores of the same answers given on screen', async () => {
    const { user, current } = await setup('en');
    await user.type(screen.getByLabelText('Code of the copy'), CODE);
    await user.click(screen.getByRole('radio', { name: 'Employee' }));
    await user.click(screen.getByRole('button', { name: 'Start typing' }));
    await user.keyboard('2 4/');
    await user.click(screen.getAllByRole('button', { name: 'Save this copy in the workshop' })[0]!);
    // On screen: the same answers, through the answer page's own operations.
    let screenDiagnostic = addRespondent(BASE, { id: 'screen', role: 'employee' }, 'now');
    for (const [itemId, value] of [
      ['a1', 2],
      ['b1', 4],
      ['b2', 'na'],
    ] as const) {
      screenDiagnostic = setAnswer(
        screenDiagnostic,
        { respondentId: 'screen', gridId: GRID.id, itemId },
        value,
        'now',
      );
    }
    const paper = current().respondents.find((r) => r.id === `paper-${CODE}`);
    const onScreen = screenDiagnostic.respondents.find((r) => r.id === 'screen');
    expect(paper?.answers).toEqual(onScreen?.answers);
    expect(scoreGrid(GRID, paper!.answers[GRID.id]!)).toEqual(
      scoreGrid(GRID, onScreen!.answers[GRID.id]!),
    );
  });

  it('refuses a bad code and a missing role, and a copy already typed unless replaced', async () => {
    const typedOnce = {
      ...BASE,
      respondents: [
        {
          id: `paper-${CODE}`,
          role: 'employee' as const,
          answers: { 'test-grid': { a1: 1 } },
          comments: {},
          createdAt: 'then',
          updatedAt: 'then',
        },
      ],
    };
    const { user, current } = await setup('en', typedOnce);
    await user.click(screen.getByRole('button', { name: 'Start typing' }));
    expect(
      screen.getByText('Code of the copy: enter the code printed at the top of the page.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Role: choose the role printed at the top of the copy.'),
    ).toBeInTheDocument();
    const input = screen.getByLabelText('Code of the copy');
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.type(input, 'ABCD-EFGI');
    await user.click(screen.getByRole('radio', { name: 'Employee' }));
    await user.click(screen.getByRole('button', { name: 'Start typing' }));
    expect(
      screen.getByText(/is not a valid code; a character was probably typed wrong/),
    ).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, CODE);
    await user.click(screen.getByRole('button', { name: 'Start typing' }));
    expect(
      screen.getByText(`The copy ${CODE} has already been typed in: it counts once.`, {
        exact: false,
      }),
    ).toBeInTheDocument();
    await user.click(
      screen.getByRole('checkbox', { name: 'Replace the earlier entry of this copy' }),
    );
    await user.click(screen.getByRole('button', { name: 'Start typing' }));
    await user.keyboard('5555');
    expect(
      screen.getByText(`Saving will replace the earlier entry of copy ${CODE}.`),
    ).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Save this copy in the workshop' })[0]!);
    expect(
      screen.getByRole('heading', {
        level: 1,
        name: `Copy ${CODE} saved in place of its earlier entry`,
      }),
    ).toBeInTheDocument();
    // Still one respondent for the copy, with the new answers.
    expect(current().respondents.map((r) => r.id)).toEqual([`paper-${CODE}`]);
    expect(current().respondents[0]?.answers).toEqual({
      'test-grid': { a1: 5, a2: 2, b1: 5, b2: 5 },
    });
  });
});
