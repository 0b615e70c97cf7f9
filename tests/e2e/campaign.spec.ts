/**
 * A campaign on LimeSurvey (docs/campaigns.md). The survey exported from the workshop page,
 * answered by a few hundred people, comes back as LimeSurvey writes its response export (text
 * headings and answers this time), with no manual mapping; the same responses from another export
 * style are not counted twice.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { createDiagnostic } from './helpers';
import {
  type ExportedResponse,
  limeSurveyExport,
  surveyColumns,
} from '../fixtures/limesurvey-export';

const ROWS = 300;
const INCOMPLETE = 12;

/** Seeded answers for the survey's columns: a role code, then answer codes or blanks. */
function responses(lss: string): ExportedResponse[] {
  const { columns } = surveyColumns(lss);
  let state = 42;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: ROWS }, (_, i) => {
    const answers: Record<string, string> = {};
    for (const column of columns) {
      const codes = [...column.answers.keys()];
      answers[column.code] =
        column.code !== 'role' && random() < 0.05
          ? ''
          : codes[Math.floor(random() * codes.length)]!;
    }
    return { id: 1000 + i, submitted: i % 25 !== 0, lang: i % 3 ? 'fr' : 'en', answers };
  });
}

test('a LimeSurvey campaign: export the survey, import a few hundred responses with no mapping', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const id = await createDiagnostic(page, { title: 'Campagne usages', grids: ['uses'] });
  await page.goto(`./#/workshop/${id}`);
  const card = page.getByRole('region', { name: 'Campagne sur une plateforme d’enquête' });
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Exporter l’enquête LimeSurvey (.lss)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('campagne-usages-limesurvey.lss');
  const lss = readFileSync((await saved.path())!, 'utf8');
  expect(lss).toContain('<LimeSurveyDocType>Survey</LimeSurveyDocType>');
  await expect(card).toContainText('Fichier « campagne-usages-limesurvey.lss » enregistré');

  const answered = responses(lss);
  const full = limeSurveyExport(lss, answered, {
    headings: 'full',
    answers: 'long',
    separator: ';',
    lang: 'fr',
  });
  await page
    .getByTestId('response-files-input')
    .setInputFiles([
      { name: 'results-survey.csv', mimeType: 'text/csv', buffer: Buffer.from(full) },
    ]);
  const mapping = page.getByRole('region', {
    name: 'Correspondance des colonnes de « results-survey.csv »',
  });
  const summary = mapping.getByTestId('csv-summary');
  await expect(summary).toContainText(
    `${ROWS} lignes lues (complètes : ${ROWS - INCOMPLETE}, incomplètes : ${INCOMPLETE})`,
  );
  await expect(summary).toContainText('42 colonnes de questions reconnues');
  await expect(summary).toContainText('Toutes les colonnes de questions ont été reconnues.');
  await expect(summary).toContainText(`${INCOMPLETE} réponses incomplètes sont laissées de côté.`);
  // The role values (answer texts) are read as the app's roles.
  await expect(mapping.getByTestId('csv-role-values')).toContainText('Représentant·e du personnel');
  await expect(mapping).toContainText(
    `${ROWS - INCOMPLETE} répondants prêts à être ajoutés au lot.`,
  );
  await mapping.getByRole('button', { name: 'Ajouter au lot' }).click();
  const preview = page.getByRole('region', { name: 'Aperçu de l’import' });
  await preview
    .getByRole('button', { name: `Confirmer l’import (${ROWS - INCOMPLETE} répondants)` })
    .click();
  await expect(page.getByTestId('participation-total')).toHaveText(
    `${ROWS - INCOMPLETE} répondants au total.`,
  );
  await expect(page.locator('#aggregate .recharts-radar').first()).toBeVisible();

  // The same responses exported with codes, `,` and English: already there, none added; the
  // incomplete ones, kept this time, are the only new respondents.
  const codes = limeSurveyExport(lss, answered, {
    headings: 'code',
    answers: 'short',
    separator: ',',
    lang: 'en',
  });
  await page
    .getByTestId('response-files-input')
    .setInputFiles([
      { name: 'results-codes.csv', mimeType: 'text/csv', buffer: Buffer.from(codes) },
    ]);
  const second = page.getByRole('region', {
    name: 'Correspondance des colonnes de « results-codes.csv »',
  });
  await second.getByLabel('Garder les réponses incomplètes (sans date d’envoi)').check();
  await expect(second).toContainText(`${ROWS} répondants prêts à être ajoutés au lot.`);
  await second.getByRole('button', { name: 'Ajouter au lot' }).click();
  await expect(preview.getByTestId('preview-to-add')).toHaveText(
    `${INCOMPLETE} répondants à ajouter.`,
  );
  await expect(preview).toContainText('déjà dans ce diagnostic, avec les mêmes réponses');
});
