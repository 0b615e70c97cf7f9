/**
 * The mapping step with a real LimeSurvey export (docs/campaigns.md): nothing to set by hand; role
 * values mapped like columns and remembered for the next import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createDiagnostic } from '@/domain/diagnostic/operations';
import type { ResponseFileInput } from '@/domain/files/response-import-plan';
import { loadGrid } from '@/domain/grid/load-grid';
import { CsvMapping } from '@/features/workshop/import/csv-mapping';
import { csvBuilder, splitCsv, withoutBom } from '@/features/workshop/import/csv-worker-protocol';
import type { CsvSource } from '@/features/workshop/import/csv-source';
import { makeI18n } from '../make-i18n';

const ROOT = join(__dirname, '../../..');
// The real LimeSurvey export of the fixtures was built from the uses grid before its 2.0.0 edition.
const loaded = loadGrid(
  JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/grids/1.1.0/uses.json'), 'utf8')),
);
if (!loaded.ok) throw new Error('uses');
const GRID = { grid: loaded.grid, hash: loaded.hash };
const DIAGNOSTIC = createDiagnostic(
  {
    title: 'Campagne',
    purpose: 'workshop',
    project: { name: 'Outil', kind: 'ai', phase: 'in-use' },
    grids: [GRID],
  },
  { id: 'd1', now: '2025-03-01T10:00:00.000Z' },
);
const REAL = readFileSync(join(ROOT, 'tests/fixtures/limesurvey/responses-codes.csv'), 'utf8');

async function renderMapping(text: string, lang: 'fr' | 'en' = 'fr') {
  const i18n = await makeI18n(lang);
  // The main-thread source, as openCsvSource builds it for a small file.
  const table = splitCsv(withoutBom(text));
  const builder = csvBuilder(table);
  const source: CsvSource = {
    header: table.header,
    preview: table.rows.slice(0, 3),
    rowCount: table.rows.length,
    check: async (mapping, options) => builder.check(mapping, options),
    build: async (mapping, options) => builder.build(mapping, options),
    dispose: () => {},
  };
  const added: ResponseFileInput[] = [];
  const view = render(
    <I18nextProvider i18n={i18n}>
      <CsvMapping
        csv={{ name: 'reponses.csv', source, readAt: '2025-03-01T10:00:00.000Z' }}
        diagnostic={DIAGNOSTIC}
        grids={[GRID]}
        lang={lang}
        onAdd={(input) => added.push(input)}
        onCancel={() => {}}
      />
    </I18nextProvider>,
  );
  return { added, view };
}

beforeEach(() => localStorage.clear());

// A real export of 41 rows × 44 columns, rendered whole: slow when the machine is loaded.
vi.setConfig({ testTimeout: 30_000 });

describe('CsvMapping with a LimeSurvey export', () => {
  it('needs no manual step: rows, complete, incomplete, every column recognised', async () => {
    const user = userEvent.setup();
    const { added } = await renderMapping(REAL);
    expect(
      await screen.findByText('40 répondants prêts à être ajoutés au lot.'),
    ).toBeInTheDocument();
    const summary = screen.getByTestId('csv-summary');
    expect(summary).toHaveTextContent('41 lignes lues (complètes : 40, incomplètes : 1)');
    expect(summary).toHaveTextContent('38 colonnes de questions reconnues');
    expect(summary).toHaveTextContent('Toutes les colonnes de questions ont été reconnues.');
    expect(summary).toHaveTextContent('1 réponse incomplète est laissée de côté.');
    await user.click(screen.getByRole('button', { name: 'Ajouter au lot' }));
    expect(added).toHaveLength(1);
    const file = added[0]?.result.ok ? added[0].result.file : null;
    expect(file && 'respondents' in file && file.respondents.map((r) => r.id).slice(0, 2)).toEqual([
      'survey-1',
      'survey-2',
    ]);
  });

  it('maps role values by hand once, and remembers them at the next import (English)', async () => {
    const user = userEvent.setup();
    const csv = [
      'id,Poste occupé,usadequation[usadequation1]',
      '1,Stagiaire,3',
      '2,Salarié,2',
      '3,Élu CSE,4',
    ].join('\n');
    const first = await renderMapping(csv, 'en');
    expect(
      await screen.findByText('Row 2, column “Poste occupé”: “Stagiaire” is not a known role.'),
    ).toBeInTheDocument();
    const table = screen.getByTestId('csv-role-values');
    expect(within(table).getByRole('combobox', { name: 'Salarié' })).toHaveValue('employee');
    expect(within(table).getByRole('combobox', { name: 'Élu CSE' })).toHaveValue('representative');
    await user.selectOptions(within(table).getByRole('combobox', { name: 'Stagiaire' }), 'other');
    expect(
      await screen.findByText('3 respondents ready to be added to the batch.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add to the batch' }));
    expect(first.added).toHaveLength(1);
    first.view.unmount();

    await renderMapping(csv, 'en');
    expect(
      await screen.findByText('3 respondents ready to be added to the batch.'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('csv-role-values')).getByRole('combobox', { name: 'Stagiaire' }),
    ).toHaveValue('other');
  });
});
