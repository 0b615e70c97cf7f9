import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { axeWithAllRules } from './axe';
import { expect, openApp, test } from './fixtures';
import { GRID_TITLES_FR, startRespondent } from './helpers';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/custom-grids/${name}`, import.meta.url));
const CUSTOM_TITLE = 'Télétravail en équipe';

async function loadGridFile(page: Page, name: string, as?: string): Promise<void> {
  const input = page.getByLabel('Fichier de grille (JSON)').or(page.getByLabel('Grid file (JSON)'));
  if (as) {
    await input.setInputFiles({
      name: as,
      mimeType: 'application/json',
      buffer: readFileSync(fixture(name)),
    });
  } else {
    await input.setInputFiles(fixture(name));
  }
}

async function switchLanguage(page: Page, to: 'en' | 'fr'): Promise<void> {
  await page
    .getByRole('button', { name: to === 'en' ? 'Switch to English' : 'Passer en français' })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** Fails on any axe-core violation (every rule) of the page as it is now. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const { violations } = await axeWithAllRules(page).analyze();
  expect(
    violations.map(
      (v) =>
        `${name}: ${v.id} ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
  ).toEqual([]);
}

/** Creates a diagnostic on the custom grid only, and lands on "who answers". */
async function createCustomDiagnostic(page: Page, title: string): Promise<string> {
  await page.goto('./#/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau diagnostic' })).toBeVisible();
  await page.getByLabel('Titre du diagnostic').fill(title);
  // Bundled grids come first, checked; the custom grid comes last, not preselected.
  const boxes = page.getByRole('group', { name: 'Grilles à utiliser' }).getByRole('checkbox');
  await expect(boxes).toHaveCount(5);
  const custom = page.getByRole('checkbox', { name: new RegExp(CUSTOM_TITLE) });
  await expect(boxes.nth(4)).toHaveAccessibleName(new RegExp(CUSTOM_TITLE));
  await expect(custom).not.toBeChecked();
  await expect(page.getByText('Grille personnalisée, version 1.0.0')).toBeVisible();
  for (const name of Object.values(GRID_TITLES_FR)) {
    await page.getByRole('checkbox', { name: new RegExp(name) }).uncheck();
  }
  await custom.check();
  await page.getByRole('button', { name: 'Créer et commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Qui répond ?' })).toBeVisible();
  const match = /#\/answer\/([^/]+)/.exec(page.url());
  if (!match?.[1]) throw new Error('no diagnostic id in ' + page.url());
  return decodeURIComponent(match[1]);
}

/** Answers one item of the current dimension by its point label. */
async function answer(page: Page, itemId: string, label: string): Promise<void> {
  await page
    .locator(`fieldset[data-item-id="${itemId}"]`)
    .getByRole('radio', { name: label, exact: true })
    .check();
}

/**
 * Answers v1.0.0 of the custom grid. Item scores (hand-computed, 1–4 scale):
 * tt-org-1 4 → 100; tt-org-2 4 reversed → 0; tt-org-3 3 → 66.67 ⇒ organisation 55.56 (« 56 »);
 * tt-lien-1 1 → 0; tt-lien-2 3 reversed → 33.33 ⇒ lien 16.67 (« 17 »); grid 36.11 (« 36 »).
 */
async function answerVersion1(page: Page): Promise<void> {
  await startRespondent(page, 'Salarié·e');
  await expect(page.getByText('Dimension 1 sur 2')).toBeVisible();
  await answer(page, 'tt-org-1', 'Tout à fait d’accord');
  await answer(page, 'tt-org-2', 'Tout à fait d’accord');
  await answer(page, 'tt-org-3', 'Plutôt d’accord');
  await page.getByRole('link', { name: 'Dimension suivante' }).click();
  await expect(page.getByText('Dimension 2 sur 2')).toBeVisible();
  await answer(page, 'tt-lien-1', 'Pas du tout d’accord');
  await answer(page, 'tt-lien-2', 'Plutôt d’accord');
  await expect(
    page.getByRole('status').filter({ hasText: 'Réponses enregistrées sur cet appareil' }),
  ).toBeVisible();
}

type InvalidCase = {
  file: string;
  as?: string;
  fr: { summary: string; errors: string[] };
  en: { summary: string; errors: string[] };
};

const INVALID: InvalidCase[] = [
  {
    file: 'invalid-unknown-scale.json',
    fr: {
      summary:
        'Le fichier « invalid-unknown-scale.json » contient 2 erreurs. Rien n’a été enregistré.',
      errors: [
        'dimension « Organisation du télétravail », item 3, échelle : l’échelle « accord5 » n’existe pas dans la grille',
        'dimension « Lien avec l’équipe », item 1, échelle : l’échelle « frequence » n’existe pas dans la grille',
      ],
    },
    en: {
      summary: 'The file “invalid-unknown-scale.json” has 2 errors. Nothing was stored.',
      errors: [
        'dimension “Organising remote work”, item 3, scale: the scale “accord5” does not exist in the grid',
        'dimension “Ties with the team”, item 1, scale: the scale “frequence” does not exist in the grid',
      ],
    },
  },
  {
    file: 'invalid-typo-revers.json',
    fr: {
      summary: 'Le fichier « invalid-typo-revers.json » contient 1 erreur.',
      errors: [
        'dimension « Organisation du télétravail », item 2 : le champ « revers » n’existe pas dans le format des grilles (champs possibles : id, text, help, poles, scale, kind, reverse, weight, specification, sources, appliesWhen, expected, observed, roleWording)',
      ],
    },
    en: {
      summary: 'The file “invalid-typo-revers.json” has 1 error.',
      errors: [
        'dimension “Organising remote work”, item 2: the field “revers” is not part of the grid format (allowed fields: id, text, help, poles, scale, kind, reverse, weight, specification, sources, appliesWhen, expected, observed, roleWording)',
      ],
    },
  },
  {
    file: 'invalid-missing-french.json',
    fr: {
      summary: 'Le fichier « invalid-missing-french.json » contient 1 erreur.',
      errors: [
        'dimension « Lien avec l’équipe », item 1, énoncé : le texte manque dans la langue par défaut de la grille (« fr »)',
      ],
    },
    en: {
      summary: 'The file “invalid-missing-french.json” has 1 error.',
      errors: [
        'dimension “Ties with the team”, item 1, statement: the text is missing in the grid’s default language (“fr”)',
      ],
    },
  },
  {
    file: 'invalid-json.txt',
    as: 'grille-cassee.json',
    fr: {
      summary: 'Le fichier « grille-cassee.json » contient 1 erreur.',
      errors: [
        'grille : le fichier n’est pas un JSON valide : erreur de syntaxe ligne 5, colonne 46',
      ],
    },
    en: {
      summary: 'The file “grille-cassee.json” has 1 error.',
      errors: ['grid: the file is not valid JSON: syntax error at line 5, column 46'],
    },
  },
  {
    file: 'invalid-duplicate-id.json',
    fr: {
      summary: 'Le fichier « invalid-duplicate-id.json » contient 1 erreur.',
      errors: [
        'dimension « Lien avec l’équipe », item 1, identifiant : l’identifiant « tt-org-1 » est déjà utilisé plus haut dans la grille ; chaque identifiant doit être unique',
      ],
    },
    en: {
      summary: 'The file “invalid-duplicate-id.json” has 1 error.',
      errors: [
        'dimension “Ties with the team”, item 1, id: the id “tt-org-1” is already used earlier in the grid; every id must be unique',
      ],
    },
  },
];

test.describe('custom grids', () => {
  for (const item of INVALID) {
    test(`${item.file} is refused with every error placed, in French and English`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await openApp(page, '/grids');
      await expect(page.getByRole('heading', { level: 1, name: 'Grilles' })).toBeVisible();
      await loadGridFile(page, item.file, item.as);
      const errors = page.locator('.grid-errors');
      await expect(errors.getByRole('alert')).toContainText(item.fr.summary);
      const listItems = errors.getByRole('listitem');
      await expect(listItems).toHaveCount(item.fr.errors.length);
      for (const [i, message] of item.fr.errors.entries()) {
        await expect(listItems.nth(i)).toContainText(message);
      }
      // Nothing was stored.
      await expect(page.getByText('Aucune grille personnalisée sur cet appareil.')).toBeVisible();
      if (item.file === 'invalid-unknown-scale.json') await expectAccessible(page, 'error list');

      await switchLanguage(page, 'en');
      await expect(errors.getByRole('alert')).toContainText(item.en.summary);
      for (const [i, message] of item.en.errors.entries()) {
        await expect(listItems.nth(i)).toContainText(message);
      }
      await expect(page.getByText('No custom grid on this device yet.')).toBeVisible();
    });
  }

  test('a file over the size limit is refused before reading; the JSON Schema is one click away', async ({
    page,
  }) => {
    await openApp(page, '/grids');
    await page.getByLabel('Fichier de grille (JSON)').setInputFiles({
      name: 'enorme.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0x20),
    });
    await expect(page.getByRole('alert')).toContainText(
      'Le fichier « enorme.json » dépasse la taille maximale de 5 Mo.',
    );
    await expect(page.getByRole('alert')).toContainText('Rien n’a été enregistré.');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger le schéma JSON des grilles' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('grid.schema.json');
    const schema = JSON.parse(
      Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8'),
    );
    expect(schema.$id).toBe('urn:qvt-numerique:grid-schema:1');
  });

  test('a valid grid is stored, shown with its facts and content, refused twice, downloadable and deletable', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await openApp(page, '/grids');
    // Bundled grids are listed with their facts.
    const bundled = page.locator('[data-grid-key="uses"]');
    await expect(bundled).toContainText('Fournie avec l’application');
    await expect(bundled).toContainText('Tous les textes en : français, anglais.');

    await loadGridFile(page, 'teletravail-v1.json');
    await expect(page.getByRole('status').filter({ hasText: 'ajoutée' })).toContainText(
      'Grille « Télétravail en équipe » (version 1.0.0) ajoutée.',
    );
    const card = page.locator('[data-grid-key="teletravail-equipe@1.0.0"]');
    await expect(card).toContainText('teletravail-equipe');
    await expect(card).toContainText('1.0.0');
    await expect(card).toContainText('Tous les textes en : français, anglais.');
    await expect(card).toContainText('2 dimensions · 5 questions · 2 recommandations');
    await expect(card).toContainText('depuis le fichier « teletravail-v1.json »');
    const hash = card.locator('.grid-hash summary code');
    await expect(hash).toHaveText(/^[0-9a-f]{8}$/);
    await card.locator('.grid-hash summary').click();
    await expect(card.locator('.grid-hash__full code')).toHaveText(/^[0-9a-f]{64}$/);

    // The same id and version again: refused, nothing overwritten.
    await loadGridFile(page, 'teletravail-v1.json');
    await expect(page.getByRole('alert')).toContainText(
      'La grille « teletravail-equipe » en version 1.0.0 est déjà sur cet appareil.',
    );
    // A bundled grid's id: refused.
    await loadGridFile(page, 'bundled-id.json');
    await expect(page.getByRole('alert')).toContainText(
      'Cette grille porte l’identifiant « uses », déjà pris par une grille fournie avec l’application.',
    );
    await expect(page.locator('[data-grid-key^="teletravail-equipe@"]')).toHaveCount(1);

    // Pasted JSON works too.
    await page
      .getByLabel('Ou collez le contenu JSON d’une grille')
      .fill(readFileSync(fixture('teletravail-v2.json'), 'utf8'));
    await page.getByRole('button', { name: 'Vérifier et ajouter la grille collée' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'ajoutée' })).toContainText(
      'Grille « Télétravail en équipe » (version 2.0.0) ajoutée.',
    );
    await expect(page.locator('[data-grid-key^="teletravail-equipe@"]')).toHaveCount(2);
    await expectAccessible(page, 'library');

    // Read-only content, conditions in words.
    await card
      .getByRole('link', { name: 'Voir le contenu de « Télétravail en équipe » (version 1.0.0)' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: CUSTOM_TITLE })).toBeVisible();
    await expectAccessible(page, 'grid content');
    const row = page.locator('tr[data-item-id="tt-org-2"]');
    await expect(row).toContainText(
      'Je dois rester joignable en dehors de mes horaires de travail.',
    );
    await expect(row).toContainText('Inversé : être d’accord est défavorable');
    await expect(row).toContainText('Degré d’accord (accord4)');
    const rec = page.locator('[data-recommendation-id="tt-rec-lien"]');
    await expect(rec).toContainText('Se déclenche quand : au moins une de ces conditions :');
    await expect(rec.getByRole('listitem').nth(0)).toHaveText(
      'Dimension « Lien avec l’équipe » sous 50',
    );
    await expect(rec.getByRole('listitem').nth(1)).toHaveText(
      'Question « Je me sens isolé·e quand je travaille à distance. » : réponse « Plutôt d’accord » (3) ou plus (dimension « Lien avec l’équipe », question 2)',
    );
    await expect(page.locator('[data-recommendation-id="tt-rec-regles"]')).toContainText(
      'Dimension « Organisation du télétravail » sous 50',
    );
    await switchLanguage(page, 'en');
    await expect(rec.getByRole('listitem').nth(0)).toHaveText(
      'Dimension “Ties with the team” below 50',
    );
    await switchLanguage(page, 'fr');

    // Download: the grid as written.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('teletravail-equipe-1.0.0.json');
    const body = JSON.parse(
      Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8'),
    );
    expect(body).toEqual(JSON.parse(readFileSync(fixture('teletravail-v1.json'), 'utf8')));

    // Delete, with a confirmation.
    await page.getByRole('link', { name: '← Toutes les grilles' }).click();
    await page
      .getByRole('button', { name: 'Supprimer « Télétravail en équipe » (version 1.0.0)' })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Aucun diagnostic enregistré ne l’utilise.');
    await dialog.getByRole('button', { name: 'Supprimer la grille' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'supprimée' })).toContainText(
      'Grille « Télétravail en équipe » (version 1.0.0) supprimée.',
    );
    await expect(page.locator('[data-grid-key="teletravail-equipe@1.0.0"]')).toHaveCount(0);
    await expect(page.locator('[data-grid-key="teletravail-equipe@2.0.0"]')).toHaveCount(1);
  });

  test('the custom grid is answered in a new diagnostic and its results shown', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await openApp(page, '/grids');
    await loadGridFile(page, 'teletravail-v1.json');
    await expect(page.getByRole('status').filter({ hasText: 'ajoutée' })).toBeVisible();
    const id = await createCustomDiagnostic(page, 'Télétravail équipe A');
    await answerVersion1(page);

    await page.goto(`./#/results/${encodeURIComponent(id)}`);
    await expect(page.getByTestId('overall-score')).toHaveText('36/100');
    const table = page.getByRole('table', {
      name: 'Scores des dimensions de « Télétravail en équipe »',
    });
    await expect(table.getByRole('row', { name: /Organisation du télétravail/ })).toContainText(
      '56',
    );
    await expect(table.getByRole('row', { name: /Lien avec l’équipe/ })).toContainText('17');
    await expect(page.locator('[data-recommendation-id="tt-rec-lien"]')).toContainText(
      'Prévoir des temps collectifs',
    );
    await expect(page.locator('[data-recommendation-id="tt-rec-regles"]')).toHaveCount(0);
    // No newer version: no migration offer.
    await expect(page.getByText('Une version plus récente')).toHaveCount(0);

    // Deleting the grid from the library names the diagnostic, which keeps its own copy.
    await page.goto('./#/grids');
    await page
      .getByRole('button', { name: 'Supprimer « Télétravail en équipe » (version 1.0.0)' })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(
      'Le diagnostic qui l’utilise garde sa propre copie de la grille et reste lisible : « Télétravail équipe A ».',
    );
    await dialog.getByRole('button', { name: 'Supprimer la grille' }).click();
    await expect(page.getByText('Aucune grille personnalisée sur cet appareil.')).toBeVisible();
    await page.goto(`./#/results/${encodeURIComponent(id)}`);
    await expect(page.getByTestId('overall-score')).toHaveText('36/100');
  });

  test('a diagnostic moves from version 1.0.0 to 2.0.0 after a preview; cancelling changes nothing', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await openApp(page, '/grids');
    await loadGridFile(page, 'teletravail-v1.json');
    await expect(page.getByRole('status').filter({ hasText: 'ajoutée' })).toBeVisible();
    const id = await createCustomDiagnostic(page, 'Avant migration');
    await answerVersion1(page);

    // Version 2.0.0: tt-org-3 removed, tt-org-4 added, tt-lien-1 moved to a 5-point frequency scale.
    await page.goto('./#/grids');
    await loadGridFile(page, 'teletravail-v2.json');
    await expect(page.getByRole('status').filter({ hasText: 'ajoutée' })).toBeVisible();

    await page.goto(`./#/results/${encodeURIComponent(id)}`);
    await expect(page.getByTestId('overall-score')).toHaveText('36/100');
    await expect(
      page.getByText(
        'Une version plus récente de la grille « Télétravail en équipe » existe : 2.0.0 (ce diagnostic utilise la version 1.0.0).',
      ),
    ).toBeVisible();
    await expect(
      page.getByText('Questions conservées : 3 ; modifiées : 1 ; retirées : 1 ; ajoutées : 1.'),
    ).toBeVisible();

    const open = page.getByRole('button', { name: 'Voir ce que change la version 2.0.0' });
    await open.click();
    const dialog = page.getByRole('dialog', {
      name: 'Passer « Télétravail en équipe » de la version 1.0.0 à 2.0.0 ?',
    });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      'Réponses déjà données : 5 — conservées : 3, mises de côté : 2.',
    );
    await expectAccessible(page, 'migration preview');
    const ids = (kind: string) =>
      dialog
        .locator(`.migration-list--${kind} li`)
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id')));
    expect(await ids('kept')).toEqual(['tt-org-1', 'tt-org-2', 'tt-lien-2']);
    expect(await ids('changed')).toEqual(['tt-lien-1']);
    expect(await ids('removed')).toEqual(['tt-org-3']);
    expect(await ids('added')).toEqual(['tt-org-4']);
    await expect(dialog.locator('.migration-list--changed')).toContainText(
      'J’échange avec mes collègues. (Lien avec l’équipe) — échelle changée',
    );
    await expect(dialog.locator('.migration-list--removed')).toContainText(
      'Les outils à distance me permettent de faire mon travail correctement.',
    );
    await expect(dialog.locator('.migration-list--added')).toContainText(
      'Je dispose d’un équipement adapté à domicile (écran, siège, connexion).',
    );

    // Cancel: nothing changes.
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
    await expect(page.getByTestId('overall-score')).toHaveText('36/100');
    await page.reload();
    await expect(page.getByTestId('overall-score')).toHaveText('36/100');
    expect(await storedGrid(page, id)).toEqual({ version: '1.0.0', setAside: null });

    // Confirm: moved, answers to removed and changed items set aside.
    await page.getByRole('button', { name: 'Voir ce que change la version 2.0.0' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Passer à la version 2.0.0' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'version 2.0.0' })).toContainText(
      'Le diagnostic utilise maintenant la version 2.0.0 de « Télétravail en équipe ». 2 réponses ont été mises de côté',
    );
    // Organisation: tt-org-1 100, tt-org-2 0, tt-org-4 unanswered (coverage 2/3) ⇒ 50;
    // lien: tt-lien-2 33.33 (coverage 1/2) ⇒ 33.33; grid (50 + 33.33) / 2 = 41.67 ⇒ « 42 ».
    await expect(page.getByTestId('overall-score')).toHaveText('42/100');
    await expect(page.getByText('Une version plus récente')).toHaveCount(0);
    await expect
      .poll(() => storedGrid(page, id))
      .toEqual({
        version: '2.0.0',
        setAside: { 'teletravail-equipe@1.0.0': { 'tt-org-3': 3, 'tt-lien-1': 1 } },
      });
    await page.reload();
    await expect(page.getByTestId('overall-score')).toHaveText('42/100');
    await expect(page.getByText('Une version plus récente')).toHaveCount(0);
  });
});

/** The stored diagnostic's grid version and its respondent's set-aside answers. */
async function storedGrid(page: Page, id: string) {
  return page.evaluate(async (diagnosticId) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('qvt-numerique');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const d: {
      grids: { version: string }[];
      respondents: { setAside?: Record<string, Record<string, unknown>> }[];
    } = await new Promise((resolve, reject) => {
      const req = db.transaction('diagnostics').objectStore('diagnostics').get(diagnosticId);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return { version: d.grids[0]?.version, setAside: d.respondents[0]?.setAside ?? null };
  }, id);
}
