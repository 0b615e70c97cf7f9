import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { createDiagnostic } from '@/domain/diagnostic/operations';
import { loadGrid } from '@/domain/grid/load-grid';
import { ContextEditor } from '@/shared/context/context-editor';
import { makeGrid } from '../../fixtures/make-grid';
import { makeI18n } from '../make-i18n';

const NOW = '2026-12-08T01:00:00.000Z';
const loaded = loadGrid(makeGrid());
if (!loaded.ok) throw new Error('fixture grid invalid');
const diagnostic = createDiagnostic(
  {
    title: 'Télétravail',
    purpose: 'upstream',
    project: { name: 'Outil', kind: 'ai', phase: 'idea' },
    grids: [loaded],
  },
  { id: 'd1', now: NOW },
);

async function renderEditor() {
  const i18n = await makeI18n('fr');
  const changes: Diagnostic[] = [];
  const update = (change: (d: Diagnostic, now: string) => Diagnostic) =>
    changes.push(change(diagnostic, NOW));
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ContextEditor diagnostic={diagnostic} update={update} />
    </I18nextProvider>,
  );
  const details = view.container.querySelector('details');
  if (!details) throw new Error('no details');
  return { details, changes };
}

/** Opens or closes the details the way the browser does after a click: attribute, then `toggle`. */
function setOpen(details: HTMLDetailsElement, open: boolean) {
  details.open = open;
  fireEvent(details, new Event('toggle'));
}

describe('ContextEditor: the form is made when it opens', () => {
  it('shows the one-line summary and no field while closed', async () => {
    const { details } = await renderEditor();
    expect(details.querySelector('summary')).toHaveTextContent('Contexte du projet');
    expect(details.querySelector('form')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('makes the form on the summary’s click, before the details open, and keeps the draft when closed', async () => {
    const { details, changes } = await renderEditor();
    fireEvent.click(details.querySelector('summary')!);
    expect(details.querySelector('form')).not.toBeNull();
    setOpen(details, true);
    const size = screen.getByLabelText('Combien de salariés compte l’entreprise ?');
    fireEvent.change(size, { target: { value: '50-249' } });
    setOpen(details, false);
    expect(details.querySelector('form')).toBeNull();
    setOpen(details, true);
    expect(screen.getByLabelText('Combien de salariés compte l’entreprise ?')).toHaveValue(
      '50-249',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le contexte' }));
    expect(changes.map((d) => d.context?.size)).toEqual(['50-249']);
    expect(screen.getByRole('status')).toHaveTextContent('Contexte enregistré');
  });

  it('opens by any other way too (the toggle event), and says when nothing changed', async () => {
    const { details, changes } = await renderEditor();
    setOpen(details, true);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le contexte' }));
    expect(changes).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('Le contexte n’a pas changé.');
  });
});
