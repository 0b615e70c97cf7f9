import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { ResponseFileInput } from '@/domain/files/response-import-plan';
import { CsvMapping } from '@/features/workshop/import/csv-mapping';
import type { CsvSource } from '@/features/workshop/import/csv-source';
import { makeI18n } from '../make-i18n';
import { DIAGNOSTIC, GRID } from './workshop-diagnostic';

/** A source whose worker answers the check as given, then dies when the file is asked for. */
function source(check: CsvSource['check']): CsvSource & { disposed: boolean } {
  return {
    header: ['Rôle', 'a1'],
    preview: [['Salarié·e', '3']],
    rowCount: 1,
    check,
    build: () => Promise.reject(new Error('worker')),
    dispose() {
      this.disposed = true;
    },
    disposed: false,
  };
}

async function renderMapping(csvSource: CsvSource, lang: 'fr' | 'en' = 'fr') {
  const i18n = await makeI18n(lang);
  const added: ResponseFileInput[] = [];
  render(
    <I18nextProvider i18n={i18n}>
      <CsvMapping
        csv={{ name: 'enquete.csv', source: csvSource, readAt: '2025-03-01T10:00:00.000Z' }}
        diagnostic={DIAGNOSTIC}
        grids={[GRID]}
        lang={lang}
        onAdd={(input) => added.push(input)}
        onCancel={() => {}}
      />
    </I18nextProvider>,
  );
  return added;
}

describe('CsvMapping when the worker fails', () => {
  it('says the mapping could not be checked, in French, and cannot add the file', async () => {
    const added = await renderMapping(source(() => Promise.reject(new Error('worker'))));
    expect(
      await screen.findByText(
        'La correspondance n’a pas pu être vérifiée. Choisissez à nouveau le fichier.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ajouter au lot' })).toBeDisabled();
    expect(added).toEqual([]);
  });

  it('says so in English too, when the file cannot be built on « Add »', async () => {
    const user = userEvent.setup();
    const added = await renderMapping(
      source(async () => ({
        ok: true,
        respondents: 1,
        emptyRows: 0,
        summary: { rows: 1, complete: 1, incomplete: 0, leftOut: 0 },
        roleValues: [],
        unknownAnswers: [],
      })),
      'en',
    );
    const add = await screen.findByRole('button', { name: 'Add to the batch' });
    await waitFor(() => expect(add).toBeEnabled());
    await user.click(add);
    expect(
      await screen.findByText('The mapping could not be checked. Choose the file again.'),
    ).toBeInTheDocument();
    expect(add).toBeDisabled();
    expect(added).toEqual([]);
  });
});
