import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createDiagnostic, drawCharts, seedAnswers, startRespondent } from './helpers';

type ResponseFileJson = {
  format: string;
  diagnostic: { id: string; title: string };
  grids: { id: string; version: string; hash: string }[];
  respondents: { id: string; role: string; answers: Record<string, Record<string, unknown>> }[];
};

async function readDownload(download: Download): Promise<string> {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks).toString('utf8');
}

/** Clicks a button and returns the text of the file it downloads. */
async function downloadText(page: Page, name: string | RegExp): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  return readDownload(await download);
}

/** The private backup: asked for, then downloaded once the warning is confirmed. */
async function downloadPrivate(page: Page, name: string | RegExp): Promise<string> {
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog', { name: 'Cette sauvegarde identifie des personnes' });
  await expect(dialog).toContainText('seul représentant du personnel');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Télécharger la sauvegarde privée' }).click();
  return readDownload(await download);
}

// 9 respondents: 3 employees, 3 managers, 2 representatives and 1 "other". With the default
// threshold 3, the representatives (2) and "other" (1) are masked together (3 people), so the
// employees and managers are shown apart.
const ROLES = [
  'employee',
  'employee',
  'employee',
  'manager',
  'manager',
  'manager',
  'representative',
  'representative',
  'other',
];

/**
 * Seeds a source diagnostic with the workshop's respondents and exports all its answers from the
 * workshop page, as a participant's device would. Returns the response file.
 */
async function exportedResponses(page: Page, title: string): Promise<ResponseFileJson> {
  const source = await createDiagnostic(page, { title, grids: ['social-dialogue'] });
  // Employees answer high, managers low, others in between: the roles diverge.
  await seedAnswers(
    page,
    source,
    ROLES.map((role) => ({ role })),
    `(i, r, n) => (r < 3 ? n - 1 : r < 6 ? (i % 2) : (i + r) % n)`,
  );
  await page.goto(`./#/workshop/${source}`);
  await expect(page.getByTestId('participation-total')).toHaveText('9 répondants au total.');
  const text = await downloadPrivate(
    page,
    'Sauvegarde privée de toutes les réponses (9 répondants)',
  );
  const file = JSON.parse(text) as ResponseFileJson;
  expect(file.format).toBe('qvt-numerique/responses');
  expect(text).not.toContain('pseudonym');
  return file;
}

/** One file per respondent, as participants answering on their own devices would send them. */
function splitFiles(file: ResponseFileJson): { name: string; mimeType: string; buffer: Buffer }[] {
  return file.respondents.map((respondent, i) => ({
    name: `participant-${i + 1}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, respondents: [respondent] })),
  }));
}

test('import many response files, see the roles overlaid, a role of two masked everywhere', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const exported = await exportedResponses(page, 'Postes');
  const target = await createDiagnostic(page, { title: 'Atelier CSE', grids: ['social-dialogue'] });
  await page.goto(`./#/workshop/${target}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atelier — Atelier CSE');
  await expect(page.getByText('Personne n’a encore répondu.').first()).toBeVisible();

  await page.getByTestId('response-files-input').setInputFiles(splitFiles(exported));
  const preview = page.getByRole('region', { name: 'Aperçu de l’import' });
  await expect(preview.getByTestId('preview-to-add')).toHaveText('9 répondants à ajouter.');
  await expect(preview).toContainText('9 fichiers dans le lot.');
  await expect(
    preview.getByRole('table', { name: 'Répondants à ajouter, par rôle affiché' }),
  ).toContainText(/Encadrement\s*3/);
  await expect(preview).toContainText('3 dans des rôles qui ne seront pas affichés à part.');
  await expect(preview).not.toContainText('Représentant·e');
  await preview.getByRole('button', { name: 'Confirmer l’import (9 répondants)' }).click();
  await expect(page.getByRole('status').filter({ hasText: '9 répondants ajoutés' })).toBeVisible();
  await expect(preview).toBeHidden();

  // Participation: visible roles and the masked total, never the masked roles' names.
  await expect(page.getByTestId('participation-total')).toHaveText('9 répondants au total.');
  const roles = page.getByTestId('participation-roles');
  await expect(roles).toContainText(/Encadrement\s*3/);
  await expect(roles).toContainText(/Salarié·e\s*3/);
  await expect(page.getByTestId('masked-note')).toContainText(
    '3 répondants sont dans des rôles qui ne sont pas affichés à part',
  );

  // The overlay: everyone plus the two visible roles on one radar, and the twin table.
  const grid = page.locator('section[data-grid-id="social-dialogue"]');
  // (A radar draws as it comes into view.)
  await grid.locator('.radar').scrollIntoViewIfNeeded();
  await expect(grid.locator('.recharts-radar')).toHaveCount(3);
  const rolesTable = grid.getByTestId('roles-table');
  await expect(rolesTable.locator('thead th')).toHaveText([
    'Dimension',
    'Tous les répondants',
    'Encadrement (n = 3)',
    'Salarié·e (n = 3)',
  ]);
  await expect(grid.getByTestId('spread-table').locator('tbody tr')).toHaveCount(8);
  await expect(page.getByTestId('topics-social-dialogue')).toContainText(
    'Plus grands écarts entre rôles',
  );
  await expect(
    page.getByTestId('topics-social-dialogue').locator('table.distribution').first(),
  ).toBeVisible();

  // Masked everywhere on the page…
  await expect(page.locator('main')).not.toContainText('Représentant·e');
  await expect(page.locator('main')).not.toContainText(/\bAutre\b/);

  // …and in the CSV exports (semicolon by default in French, UTF-8 with BOM).
  const csv = await downloadText(page, 'Télécharger les réponses (CSV)');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(10);
  expect(lines[0]).toMatch(/^row;role;social-dialogue\./);
  const csvRoles = lines.slice(1).map((line) => line.split(';')[1]);
  expect(csvRoles.sort()).toEqual([
    'employee',
    'employee',
    'employee',
    'manager',
    'manager',
    'manager',
    'masked',
    'masked',
    'masked',
  ]);
  expect(csv).not.toMatch(/representative|other/);
  const scores = await downloadText(page, 'Télécharger les scores (CSV)');
  expect(scores).toContain(';all;9;');
  expect(scores).toContain(';employee;3;');
  expect(scores).not.toMatch(/representative|other|masked/);

  // Importing the same files again adds no one: every respondent is a duplicate.
  await page.getByTestId('response-files-input').setInputFiles(splitFiles(exported).slice(0, 2));
  await expect(preview.getByTestId('preview-to-add')).toHaveText('0 répondant à ajouter.');
  await expect(preview).toContainText('déjà dans ce diagnostic, avec les mêmes réponses');
  await expect(preview.getByRole('button', { name: /Confirmer l’import/ })).toBeDisabled();
  await preview.getByRole('button', { name: 'Annuler l’import' }).click();
  await expect(page.getByText('Import annulé : rien n’a été modifié.')).toBeVisible();

  // Raising the threshold to 4 masks every role (3 people each): only everyone together shows.
  await page.getByLabel('Seuil d’anonymat').fill('4');
  await expect(page.getByTestId('masked-note')).toContainText('9 répondants sont dans des rôles');
  await expect(page.getByTestId('participation-roles')).toHaveCount(0);
  await expect(grid.locator('.recharts-radar')).toHaveCount(1);
  await expect(page.locator('main')).not.toContainText('Encadrement (n =');
});

test('a bad file in the batch is reported and nothing is imported', async ({ page }) => {
  test.setTimeout(120_000);
  const exported = await exportedResponses(page, 'Source');
  const target = await createDiagnostic(page, { title: 'Cible', grids: ['social-dialogue'] });
  await page.goto(`./#/workshop/${target}`);
  const files = splitFiles(exported).slice(0, 3);
  const otherVersion = {
    ...exported,
    grids: [{ ...exported.grids[0]!, version: '9.0.0', hash: 'f'.repeat(64) }],
    respondents: [{ ...exported.respondents[0]!, id: 'someone-else' }],
  };
  await page.getByTestId('response-files-input').setInputFiles([
    ...files,
    { name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') },
    {
      name: 'autre-version.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(otherVersion)),
    },
    {
      name: 'proto.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported).replace('{', '{"__proto__": {"x": 1},')),
    },
  ]);
  const preview = page.getByRole('region', { name: 'Aperçu de l’import' });
  const refused = preview.getByRole('alert');
  await expect(refused).toContainText('Fichiers refusés');
  await expect(refused).toContainText(
    '« casse.json » n’est pas un fichier JSON valide : erreur de syntaxe ligne 1, colonne 12.',
  );
  await expect(refused).toContainText(
    'grille « social-dialogue » en version 9.0.0 dans le fichier, 3.0.0 dans ce diagnostic',
  );
  await expect(refused).toContainText('« proto.json » contient une clé interdite « __proto__ »');
  await expect(
    preview.getByRole('heading', { name: 'Versions de grille différentes' }),
  ).toBeVisible();
  const confirm = preview.getByRole('button', { name: /Confirmer l’import/ });
  await expect(confirm).toBeDisabled();

  // Nothing changed, even after a reload.
  await page.reload();
  await expect(page.getByText('Personne n’a encore répondu.').first()).toBeVisible();

  // Leaving the refused files out is an explicit choice; then the good ones import.
  await page
    .getByTestId('response-files-input')
    .setInputFiles([
      ...files,
      { name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from('nope') },
    ]);
  await expect(confirm).toBeDisabled();
  await preview.getByRole('button', { name: 'Retirer les fichiers refusés du lot' }).click();
  await expect(preview).toContainText('3 fichiers dans le lot.');
  await confirm.click();
  await expect(page.getByTestId('participation-total')).toHaveText('3 répondants au total.');
  await page.reload();
  await expect(page.getByTestId('participation-total')).toHaveText('3 répondants au total.');
});

test('T0 and T1 compared on one radar, with deltas and the changed items left out', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const t0 = await createDiagnostic(page, { title: 'Avant', grids: ['uses', 'skills'] });
  await seedAnswers(page, t0, [{ role: 'employee' }, { role: 'manager' }], '(i, r, n) => 1');
  const t1 = await createDiagnostic(page, { title: 'Après', grids: ['uses'] });
  await seedAnswers(page, t1, [{ role: 'employee' }], '(i, r, n) => n - 1');
  // T1 used a revised version of the grid: one item reversed, one removed.
  const changed = await page.evaluate(async (id) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('qvt-numerique');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    type Item = { id: string; reverse?: boolean };
    type Stored = {
      grids: {
        version: string;
        grid: { version: string; dimensions: { items: Item[] }[]; recommendations: unknown };
      }[];
    };
    const d: Stored = await new Promise((resolve, reject) => {
      const req = db.transaction('diagnostics').objectStore('diagnostics').get(id);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const snapshot = d.grids[0]!;
    snapshot.version = '2.1.0';
    snapshot.grid.version = '2.1.0';
    const first = snapshot.grid.dimensions[0]!;
    const flipped = first.items[0]!;
    flipped.reverse = !flipped.reverse;
    // Remove an item no recommendation refers to, so the revised grid stays valid.
    const used = JSON.stringify(snapshot.grid.recommendations);
    const items = snapshot.grid.dimensions[1]!.items;
    const index = items.findIndex((item) => !used.includes(`"${item.id}"`));
    const [removed] = items.splice(index, 1) as [Item];
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('diagnostics', 'readwrite');
      tx.objectStore('diagnostics').put(d, id);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { flipped: flipped.id, removed: removed.id };
  }, t1);
  expect(changed.flipped).toBeTruthy();

  await page.goto('./#/compare');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparer deux diagnostics');
  await page.getByLabel('T0 — diagnostic de départ').selectOption(t0);
  await page.getByLabel('T1 — diagnostic de suivi').selectOption(t1);
  await expect(page.getByText('Grilles en commun : Usages des outils numériques.')).toBeVisible();
  await page.getByRole('button', { name: 'Comparer' }).click();
  await expect(page).toHaveURL(new RegExp(`#/compare/${t0}/${t1}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparaison : Avant → Après');

  const grid = page.locator('section[data-grid-id="uses"]');
  await drawCharts(page);
  await expect(grid.locator('.recharts-radar')).toHaveCount(2);
  await expect(grid).toContainText('Version 2.0.1 à T0, version 2.1.0 à T1.');
  const rows = grid.getByTestId('delta-table').locator('tbody tr');
  await expect(rows).toHaveCount(8);
  // Everyone answered the lowest point at T0 and the highest at T1: every common item moves, and
  // each dimension's change is non-zero.
  const deltas = await grid
    .getByTestId('delta-table')
    .locator('tbody td[data-delta]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-delta')));
  expect(deltas.every((d) => d !== '' && d !== '0')).toBe(true);
  const leftOut = grid.getByTestId('left-out');
  await expect(leftOut.locator('li')).toHaveCount(2);
  await expect(leftOut).toContainText('Retirée depuis T0');
  await expect(leftOut).toContainText('Modifiée : sens de lecture');
  // The skills grid is only in T0: it is not compared.
  await expect(page.locator('section[data-grid-id="skills"]')).toHaveCount(0);
});

test('a large batch lists the files to check and shows every file on request', async ({ page }) => {
  test.setTimeout(120_000);
  const exported = await exportedResponses(page, 'Grand lot');
  const target = await createDiagnostic(page, {
    title: 'Grand atelier',
    grids: ['social-dialogue'],
  });
  await page.goto(`./#/workshop/${target}`);
  // 21 participants, one of them sent twice, and a broken file: 23 files.
  const participants = Array.from({ length: 21 }, (_, i) => {
    const respondent = exported.respondents[i % exported.respondents.length]!;
    return {
      name: `p-${String(i + 1).padStart(2, '0')}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ ...exported, respondents: [{ ...respondent, id: `lot-${i}` }] }),
      ),
    };
  });
  await page
    .getByTestId('response-files-input')
    .setInputFiles([
      ...participants,
      { ...participants[4]!, name: 'p-05-renvoi.json' },
      { name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') },
    ]);
  const preview = page.getByRole('region', { name: 'Aperçu de l’import' });
  await expect(preview).toContainText('23 fichiers dans le lot.');
  const toCheck = preview.getByRole('table', {
    name: 'Fichiers du lot à vérifier : refusés ou avec des doublons',
  });
  await expect(toCheck.locator('tbody tr')).toHaveCount(2);
  await expect(toCheck.locator('tbody tr').nth(0)).toHaveAttribute('data-file', 'p-05-renvoi.json');
  await expect(toCheck.locator('tbody tr').nth(1)).toContainText('Refusé');
  await expect(preview).toContainText('21 autres fichiers prêts, sans doublon.');
  await expect(preview.getByRole('alert')).toContainText('« casse.json »');
  await expect(preview.getByRole('heading', { name: 'Doublons : ignorés' })).toBeVisible();
  // The files come from another diagnostic: said once for all of them, the first ones named.
  await expect(preview.getByRole('heading', { name: 'À savoir' })).toBeVisible();
  const remarks = preview.locator('.notice', { hasText: 'À savoir' }).getByRole('listitem');
  await expect(remarks).toHaveCount(1);
  await expect(remarks).toHaveText(
    '22 fichiers viennent d’un autre diagnostic (« Grand lot ») qui utilise les mêmes grilles : ' +
      '« p-01.json », « p-02.json », « p-03.json », « p-04.json », « p-05.json » et 17 autres.',
  );
  const all = preview.getByRole('table', { name: 'Fichiers du lot', exact: true });
  await expect(all).toHaveCount(0);
  await preview.getByText('Voir les 23 fichiers du lot').click();
  await expect(all.locator('tbody tr')).toHaveCount(23);
  await expect(all.locator('tbody tr').first()).toHaveAttribute('data-file', 'p-01.json');

  const confirm = preview.getByRole('button', { name: /Confirmer l’import/ });
  await expect(confirm).toBeDisabled();
  await preview.getByRole('button', { name: 'Retirer les fichiers refusés du lot' }).click();
  await expect(preview).toContainText('22 fichiers dans le lot.');
  await expect(toCheck.locator('tbody tr')).toHaveCount(1);
  await confirm.click();
  await expect(page.getByTestId('participation-total')).toHaveText('21 répondants au total.');

  // The list to export one respondent holds the chosen one until it is used, then everyone.
  const one = page.getByLabel('Un répondant');
  await expect(one.locator('option')).toHaveCount(1);
  await one.focus();
  await expect(one.locator('option')).toHaveCount(21);
  await one.selectOption({ label: 'Participant 5' });
  const text = await downloadPrivate(page, 'Sauvegarde privée de ce répondant');
  expect((JSON.parse(text) as ResponseFileJson).respondents.map((r) => r.id)).toEqual(['lot-4']);
});

test('a survey-tool CSV is mapped column by column, then imported through the same preview', async ({
  page,
}) => {
  test.setTimeout(120_000);
  type GridJson = {
    dimensions: { items: { id: string; scale: string; text: { fr: string } }[] }[];
  };
  const grid = JSON.parse(
    readFileSync(new URL('../../questionnaires/social-dialogue.json', import.meta.url), 'utf8'),
  ) as GridJson;
  // The first four questions on the agreement scale (the survey answers by agreement labels).
  const items = grid.dimensions
    .flatMap((d) => d.items)
    .filter((item) => item.scale === 'agree4')
    .slice(0, 4);
  // As an online survey tool writes it: a timestamp, numbered question texts, labels as answers.
  const header = ['Horodateur', 'Rôle', ...items.map((item, i) => `Q${i + 1}. ${item.text.fr}`)];
  const rows = [
    [
      '01/03/2025 10:00',
      'Salarié·e',
      'Plutôt d’accord',
      'TOUT À FAIT D’ACCORD',
      '1',
      'Je ne sais pas',
    ],
    ['01/03/2025 10:05', 'Encadrement', 'Pas du tout d’accord', '', '2', 'Non concerné'],
    ['01/03/2025 10:09', 'employee', 'Peut-être', '3', '4', '4'],
  ];
  const csv = (lines: string[][]) =>
    Buffer.from(lines.map((l) => l.map((c) => `"${c}"`).join(';')).join('\r\n'));
  const id = await createDiagnostic(page, { title: 'Enquête', grids: ['social-dialogue'] });
  await page.goto(`./#/workshop/${id}`);
  await page
    .getByTestId('response-files-input')
    .setInputFiles([{ name: 'enquete.csv', mimeType: 'text/csv', buffer: csv([header, ...rows]) }]);

  const mapping = page.getByRole('region', {
    name: 'Correspondance des colonnes de « enquete.csv »',
  });
  await expect(mapping).toBeVisible();
  // The columns were recognised from their headers.
  const selects = mapping.getByTestId('csv-mapping').locator('select');
  await expect(selects).toHaveCount(6);
  await expect(selects.nth(0)).toHaveValue('ignore');
  await expect(selects.nth(1)).toHaveValue('role');
  await expect(selects.nth(2)).toHaveValue(`item:social-dialogue:${items[0]!.id}`);
  await expect(selects.nth(5)).toHaveValue(`item:social-dialogue:${items[3]!.id}`);
  // Until focused, a column's list holds "ignore", "role" and its current question only;
  // focused, every question of the grid, and the keyboard moves through them.
  const allItems = grid.dimensions.flatMap((d) => d.items);
  await expect(selects.nth(3).locator('option')).toHaveCount(5);
  await selects.nth(0).focus();
  await expect(selects.nth(0).locator('option')).toHaveCount(4 + allItems.length);
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
  await expect(selects.nth(0)).toHaveValue(`item:social-dialogue:${allItems[0]!.id}`);
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowUp');
  await expect(selects.nth(0)).toHaveValue('ignore');
  // One answer is not on the scale: said where, and the file cannot be added yet.
  await expect(mapping).toContainText(
    `Ligne 4, colonne « Q1. ${items[0]!.text.fr} » : « Peut-être » n’est pas une réponse de l’échelle`,
  );
  const add = mapping.getByRole('button', { name: 'Ajouter au lot' });
  await expect(add).toBeDisabled();
  // Ignoring that column settles it.
  await selects.nth(2).selectOption('ignore');
  await expect(mapping).toContainText('3 répondants prêts à être ajoutés au lot.');
  await add.click();

  const preview = page.getByRole('region', { name: 'Aperçu de l’import' });
  await expect(preview.getByTestId('preview-to-add')).toHaveText('3 répondants à ajouter.');
  await preview.getByRole('button', { name: 'Confirmer l’import (3 répondants)' }).click();
  await expect(page.getByTestId('participation-total')).toHaveText('3 répondants au total.');

  // A later export of the same survey, with one more row: only the new row is added.
  const later = [...rows, ['02/03/2025 09:00', 'Encadrement', '', '4', '4', '4']];
  await page
    .getByTestId('response-files-input')
    .setInputFiles([
      { name: 'enquete-2.csv', mimeType: 'text/csv', buffer: csv([header, ...later]) },
    ]);
  const second = page.getByRole('region', {
    name: 'Correspondance des colonnes de « enquete-2.csv »',
  });
  await second.getByTestId('csv-mapping').locator('select').nth(2).selectOption('ignore');
  await second.getByRole('button', { name: 'Ajouter au lot' }).click();
  await expect(preview.getByTestId('preview-to-add')).toHaveText('1 répondant à ajouter.');
  await expect(preview).toContainText('déjà dans ce diagnostic, avec les mêmes réponses');
});

test('a large CSV is split in a worker without freezing the page', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await createDiagnostic(page, { title: 'Grande enquête', grids: ['uses'] });
  await page.goto(`./#/workshop/${id}`);
  const roles = ['Salarié·e', 'Encadrement', 'Direction'];
  const lines = ['horodatage,role,comment,note'];
  for (let i = 0; i < 3000; i += 1)
    lines.push(
      `2025-03-01 10:${String(i % 60).padStart(2, '0')},${roles[i % 3]},"ligne ${i}, avec une virgule et du texte pour grossir le fichier",${i}`,
    );
  const text = lines.join('\n');
  expect(text.length).toBeGreaterThan(200_000);
  const worker = page.waitForEvent('worker');
  await page
    .getByTestId('response-files-input')
    .setInputFiles([{ name: 'grande.csv', mimeType: 'text/csv', buffer: Buffer.from(text) }]);
  const mapping = page.getByRole('region', {
    name: 'Correspondance des colonnes de « grande.csv »',
  });
  await expect(mapping).toContainText('3000 lignes de réponses');
  await worker;
  await expect(mapping.getByTestId('csv-mapping').locator('select').nth(1)).toHaveValue('role');
  await expect(mapping).toContainText('Aucune colonne ne correspond à une question.');
});

test('a workshop of 1,200 respondents is saved in parts, read back after a reload, deleted whole', async ({
  page,
}) => {
  test.setTimeout(120_000);
  type GridJson = { dimensions: { items: { scale: string; text: { fr: string } }[] }[] };
  const grid = JSON.parse(
    readFileSync(new URL('../../questionnaires/social-dialogue.json', import.meta.url), 'utf8'),
  ) as GridJson;
  // The first question on the agreement scale (the survey answers by agreement labels).
  const question = grid.dimensions.flatMap((d) => d.items).find((item) => item.scale === 'agree4')!
    .text.fr;
  const answers = ['Pas du tout d’accord', 'Plutôt d’accord', 'Tout à fait d’accord'];
  const lines = [`"Horodateur";"Rôle";"${question}"`];
  // Each row its own time, so none is taken for a re-sent one.
  for (let i = 0; i < 1200; i += 1)
    lines.push(
      `"0${1 + (i % 9)}/03/2025 ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}";"Salarié·e";"${answers[i % 3]}"`,
    );
  const id = await createDiagnostic(page, {
    title: 'Grand atelier en parts',
    grids: ['social-dialogue'],
  });
  await page.goto(`./#/workshop/${id}`);
  await page
    .getByTestId('response-files-input')
    .setInputFiles([
      { name: 'parts.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) },
    ]);
  const mapping = page.getByRole('region', {
    name: 'Correspondance des colonnes de « parts.csv »',
  });
  await expect(mapping).toContainText(/1\s?200 répondants prêts à être ajoutés au lot/);
  await mapping.getByRole('button', { name: 'Ajouter au lot' }).click();
  await page.getByRole('button', { name: /Confirmer l’import/ }).click();
  const total = page.getByTestId('participation-total');
  await expect(total).toHaveText(/^1\s?200 répondants au total\.$/);

  /** The diagnostic's record and the keys of its respondents stored apart, as saved. */
  const stored = () =>
    page.evaluate(async (key) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('qvt-numerique');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['diagnostics', 'respondentChunks']);
      const read = <T>(req: IDBRequest<T>): Promise<T> =>
        new Promise((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const head = (await read(tx.objectStore('diagnostics').get(key))) as
        { respondents?: unknown[]; respondentChunks?: unknown } | undefined;
      const chunks = await read(tx.objectStore('respondentChunks').getAllKeys());
      // Each part as a column store (typed arrays of answer codes) or as a list of respondents.
      const layouts = (await read(tx.objectStore('respondentChunks').getAll())).map((c) =>
        Array.isArray(c) ? 'list' : (c as { layout: string }).layout,
      );
      db.close();
      return {
        head: head && { inline: head.respondents?.length ?? null, marker: head.respondentChunks },
        chunks,
        layouts,
      };
    }, id);
  // Saved in 3 parts of at most 500 respondents, each written in a task of its own, as
  // columns (roles and answers only); the head carries the mean progress the start page lists.
  await expect.poll(stored).toEqual({
    head: {
      inline: null,
      marker: { count: 3, respondents: 1200, progress: expect.any(Number) as unknown as number },
    },
    chunks: [
      [id, 0],
      [id, 1],
      [id, 2],
    ],
    layouts: ['columns', 'columns', 'columns'],
  });

  await page.reload();
  await expect(total).toHaveText(/^1\s?200 répondants au total\.$/);

  await page.goto('./#/');
  // Listed from the head's summary (its parts are not read): its count and progress.
  const listed = page.locator('.saved-item').filter({ hasText: 'Grand atelier en parts' });
  await expect(listed).toContainText(/1\s?200 répondants/);
  await expect(listed).toContainText(/Avancement\s*\d+\s?%/);
  await page.getByRole('button', { name: 'Supprimer « Grand atelier en parts »' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer ce diagnostic ?' });
  await dialog.getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'a été supprimé' })).toBeVisible();
  expect(await stored()).toEqual({ head: undefined, chunks: [], layouts: [] });
});

test('a participant on their own device exports their answers from the review step', async ({
  page,
}) => {
  const id = await createDiagnostic(page, { title: 'Mon appareil', grids: ['skills'] });
  await startRespondent(page, 'Encadrement', 'Camille');
  await page.locator('fieldset.likert').nth(0).getByRole('radio').nth(1).check();
  await page.goto(`./#/answer/${id}/review`);
  const text = await downloadText(page, 'Exporter mes réponses pour l’animateur');
  const file = JSON.parse(text) as ResponseFileJson;
  expect(file.format).toBe('qvt-numerique/responses');
  expect(file.diagnostic.title).toBe('Mon appareil');
  expect(file.grids.map((g) => g.id)).toEqual(['skills']);
  expect(file.respondents).toHaveLength(1);
  expect(file.respondents[0]?.role).toBe('manager');
  expect(Object.keys(file.respondents[0]?.answers.skills ?? {})).toHaveLength(1);
  expect(text).not.toContain('Camille');
  await expect(page.getByRole('status').filter({ hasText: 'téléchargé' })).toBeVisible();
});

test('a role of one person: the shareable export holds neither the role nor its comment', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const SECRET = 'Seul délégué ici : la direction ne nous consulte jamais';
  const id = await createDiagnostic(page, { title: 'Petit rôle', grids: ['social-dialogue'] });
  await seedAnswers(
    page,
    id,
    [
      ...Array.from({ length: 4 }, (_, i) => ({ role: 'employee', comment: `Salarié ${i}` })),
      ...Array.from({ length: 3 }, (_, i) => ({ role: 'manager', comment: `Cadre ${i}` })),
      { role: 'representative', comment: SECRET },
    ],
    `(i, r, n) => (i + r) % n`,
  );
  await page.goto(`./#/workshop/${id}`);
  await expect(page.getByTestId('participation-total')).toHaveText('8 répondants au total.');

  // Shareable, by default: no role of one person, no comment at all.
  const shared = await downloadText(page, 'Télécharger l’export partageable');
  const file = JSON.parse(shared) as { format: string; respondents: { role: string }[] };
  expect(file.format).toBe('qvt-numerique/shared-responses');
  expect(shared).not.toContain('representative');
  expect(shared).not.toContain(SECRET);
  expect(shared).not.toContain('Salarié');
  // Merged as on the page: the representative, and the managers by secondary suppression.
  expect(file.respondents.map((r) => r.role)).toEqual([
    ...Array(4).fill('employee'),
    ...Array(4).fill('masked'),
  ]);

  // Comments asked for: the others' are there, never the lone representative's.
  await page.getByLabel(/Inclure les commentaires/).check();
  const withComments = await downloadText(page, 'Télécharger l’export partageable');
  expect(withComments).toContain('Salarié 2');
  expect(withComments).not.toContain(SECRET);
  expect(withComments).not.toContain('representative');

  // The private backup is complete, and says so before the download.
  const full = await downloadPrivate(
    page,
    'Sauvegarde privée de toutes les réponses (8 répondants)',
  );
  expect(full).toContain('representative');
  expect(full).toContain(SECRET);
});
