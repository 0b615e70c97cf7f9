import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { createDiagnostic } from './helpers';
import { loadGrid } from '../../src/domain/grid/load-grid';

/**
 * Files are attacker-controlled: every text of a grid and of a diagnostic file is shown as text,
 * never run. The payloads below would raise a dialog or set `window.xss` if any of them were
 * ever parsed as HTML.
 */
const IMG = '<img src=x onerror="window.xss=1;alert(1)">';
const SCRIPT = '<script>window.xss=2;alert(2)</script>';
const BOTH = `${IMG} ${SCRIPT}`;
const NOW = '2025-03-01T10:00:00.000Z';

type Json = Record<string, unknown>;

function hostileGrid(): Json {
  const grid = JSON.parse(
    readFileSync(new URL('../fixtures/grids/minimal.json', import.meta.url), 'utf8'),
  ) as Json & {
    title: Json;
    dimensions: { label: Json; description: Json; items: Json[] }[];
    recommendations: Json[];
    sources: Json[];
  };
  delete grid.$schema;
  grid.title = { fr: `Grille ${IMG}`, en: `Grid ${IMG}` };
  const dimension = grid.dimensions[0]!;
  dimension.label = { fr: `Autonomie ${SCRIPT}`, en: `Autonomy ${SCRIPT}` };
  dimension.description = { fr: BOTH, en: BOTH };
  const item = dimension.items[0]!;
  item.text = { fr: `Question ${IMG}`, en: `Question ${IMG}` };
  item.help = { fr: `Aide ${SCRIPT}`, en: `Help ${SCRIPT}` };
  grid.recommendations[0] = {
    ...grid.recommendations[0],
    title: { fr: `Recommandation ${IMG}`, en: `Recommendation ${IMG}` },
    body: { fr: BOTH, en: BOTH },
    audiences: ['company', 'union', 'consultant'],
    condition: { type: 'dimension', dimension: 't-autonomie', op: 'atLeast', value: 0 },
  };
  grid.sources[0] = { ...grid.sources[0], label: { fr: `Source ${IMG}`, en: `Source ${IMG}` } };
  return grid;
}

function diagnosticFile(grid: Json): string {
  const loaded = loadGrid(grid);
  if (!loaded.ok) throw new Error('hostile grid does not load: ' + JSON.stringify(loaded.errors));
  const text = JSON.stringify({
    format: 'qvt-numerique/diagnostic',
    formatVersion: 1,
    id: 'hostile-1',
    title: `Diagnostic ${IMG}`,
    purpose: 'workshop',
    organisation: SCRIPT,
    project: { name: `Projet ${SCRIPT}`, kind: 'other', phase: 'idea' },
    sector: IMG,
    grids: [{ id: loaded.grid.id, version: loaded.grid.version, hash: loaded.hash, grid }],
    respondents: [
      {
        id: 'r1',
        role: 'employee',
        pseudonym: IMG,
        answers: {
          'test-minimal': {
            't-autonomie-1': 1,
            't-autonomie-2': 'dk',
            't-autonomie-3': 0,
          },
        },
        comments: { 'test-minimal': { 't-autonomie': `Commentaire ${BOTH}` } },
        createdAt: NOW,
        updatedAt: NOW,
      },
    ],
    currentRespondentId: 'r1',
    actionPlan: [
      {
        id: 'a1',
        title: `Action ${IMG}`,
        owner: SCRIPT,
        deadline: '',
        status: 'todo',
        indicator: IMG,
      },
    ],
    anonymityThreshold: 3,
    createdAt: NOW,
    updatedAt: NOW,
  });
  return text;
}

/** The same file with `__proto__` keys, as JSON.parse would create them (own properties). */
function withProtoKeys(text: string): string {
  return text
    .replace('"t-autonomie-1":1', '"__proto__":{"polluted":true},"t-autonomie-1":1')
    .replace('"answers":{', '"answers":{"__proto__":{"test-minimal":{"t-charge-1":4}},');
}

async function importFile(page: Page, name: string, text: string) {
  await page.getByTestId('import-diagnostic-input').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test('markup and script in a grid and a diagnostic file are shown as text, never run', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Importer un diagnostic' })).toBeVisible();
  await importFile(page, 'hostile.json', diagnosticFile(hostileGrid()));
  await expect(page.getByRole('status')).toContainText('a été importé');

  // Start page: the title is literal text.
  await expect(page.getByRole('heading', { name: `Diagnostic ${IMG}` })).toBeVisible();

  // Results: grid, dimension, recommendation, comment and action texts, all literal.
  await page.goto('./#/results/hostile-1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Diagnostic ${IMG}`);
  const main = page.getByRole('main');
  for (const text of [`Grille ${IMG}`, `Autonomie ${SCRIPT}`, `Recommandation ${IMG}`])
    await expect(main.getByText(text).first()).toBeVisible();
  await expect(main.getByText(`Commentaire ${BOTH}`)).toBeVisible();
  await expect(main.getByRole('textbox', { name: 'Action' }).first()).toHaveValue(`Action ${IMG}`);

  // Answering: question, help and comment, literal too.
  await page.goto('./#/answer/hostile-1/test-minimal.t-autonomie');
  await expect(main.getByText(`Question ${IMG}`).first()).toBeVisible();
  await page
    .getByRole('button', { name: /^Aide pour/ })
    .first()
    .click();
  await expect(main.getByText(`Aide ${SCRIPT}`)).toBeVisible();
  await expect(page.getByLabel('Commentaire sur cette dimension (facultatif)')).toHaveValue(
    `Commentaire ${BOTH}`,
  );

  // Nothing was parsed as HTML, nothing ran, no prototype changed.
  expect(await page.locator('img[src="x"], main script').count()).toBe(0);
  expect(
    await page.evaluate(() => ({
      xss: (window as unknown as { xss?: number }).xss ?? null,
      polluted: ({} as Record<string, unknown>).polluted ?? null,
    })),
  ).toEqual({ xss: null, polluted: null });
  expect(dialogs).toEqual([]);
});

test('a grid whose source link is javascript: is refused on import, and nothing changes', async ({
  page,
}) => {
  await openApp(page);
  const grid = hostileGrid() as Json & { sources: Json[] };
  const valid = diagnosticFile(grid);
  const evil = valid.replace(
    '"url":"https://www.legifrance.gouv.fr/"',
    '"url":"javascript:alert(1)"',
  );
  expect(evil).not.toBe(valid);
  await importFile(page, 'evil-link.json', evil);
  await expect(page.getByRole('alert')).toContainText('contient une grille illisible');
  await expect(page.getByRole('alert')).toContainText('Rien n’a été modifié sur cet appareil.');
  await expect(page.getByText('Aucun diagnostic enregistré pour l’instant.')).toBeVisible();
});

test('a diagnostic file with __proto__ keys is refused with its place, and no prototype changes', async ({
  page,
}) => {
  await openApp(page);
  await importFile(page, 'proto.json', withProtoKeys(diagnosticFile(hostileGrid())));
  await expect(page.getByRole('alert')).toContainText(
    'Le fichier « proto.json » contient une clé interdite « __proto__ » (à « respondents[0].answers.__proto__ »)',
  );
  await expect(page.getByText('Aucun diagnostic enregistré pour l’instant.')).toBeVisible();
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted ?? null)).toBeNull();
});

/** Valid JSON nested 10,000 levels deep inside a file that says it is `format`. */
const deepFile = (format: string) =>
  `{"format": "${format}", "formatVersion": 1, "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
const constructorFile = (format: string) =>
  `{"format": "${format}", "formatVersion": 1, "a": [{"constructor": {"prototype": 1}}]}`;
const GRID_LIKE = '{"schemaVersion": 1, "id": "une-grille"}';
const BACKUP_LIKE = '{"format": "qvt-numerique/backup", "formatVersion": 1}';

/** Where each kind of file is given to the app, and where its refusal is shown. */
const READERS: {
  kind: string;
  format: string;
  open: (page: Page) => Promise<void>;
  give: (page: Page, name: string, text: string) => Promise<void>;
  shown: (page: Page) => ReturnType<Page['getByRole']>;
  wrongKind: [string, string];
}[] = [
  {
    kind: 'grid',
    format: 'qvt-numerique/grid',
    open: (page) => openApp(page, '/grids'),
    give: (page, name, text) =>
      page.getByLabel('Fichier de grille (JSON)').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      }),
    shown: (page) => page.locator('.grid-errors'),
    wrongKind: [BACKUP_LIKE, 'ce fichier n’est pas une grille : c’est une sauvegarde'],
  },
  {
    kind: 'diagnostic',
    format: 'qvt-numerique/diagnostic',
    open: (page) => openApp(page, '/'),
    give: importFile,
    shown: (page) => page.getByRole('alert'),
    wrongKind: [GRID_LIKE, 'est une grille, pas un fichier de diagnostic'],
  },
  {
    kind: 'backup',
    format: 'qvt-numerique/backup',
    open: (page) => openApp(page, '/about'),
    give: (page, name, text) =>
      page.getByTestId('restore-input').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      }),
    shown: (page) => page.getByRole('alert'),
    wrongKind: [GRID_LIKE, 'est une grille, pas une sauvegarde'],
  },
  {
    kind: 'responses',
    format: 'qvt-numerique/responses',
    open: async (page) => {
      const id = await createDiagnostic(page, { title: 'Hostile', grids: ['uses'] });
      await page.goto(`./#/workshop/${id}`);
      await expect(page.getByRole('button', { name: 'Choisir des fichiers…' })).toBeVisible();
    },
    give: (page, name, text) =>
      page.getByTestId('response-files-input').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      }),
    shown: (page) => page.getByRole('region', { name: 'Aperçu de l’import' }).getByRole('alert'),
    wrongKind: [BACKUP_LIKE, 'est une sauvegarde, pas un fichier de réponses'],
  },
];

for (const reader of READERS) {
  test(`the same hostile files are refused by the ${reader.kind} reader, in French, with their place`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await reader.open(page);
    const cases: [string, string, string][] = [
      ['profond.json', deepFile(reader.format), 'structure trop profonde'],
      ['profond.json', deepFile(reader.format), 'plus de 100 niveaux'],
      ['cle.json', constructorFile(reader.format), 'clé interdite « constructor »'],
      ['autre.json', reader.wrongKind[0], reader.wrongKind[1]],
      ['casse.json', '{\n  "format": x', 'ligne 2, colonne 13'],
    ];
    for (const [name, text, expected] of cases) {
      await reader.give(page, name, text);
      await expect(reader.shown(page)).toContainText(expected);
      await expect(reader.shown(page)).not.toContainText(/Invalid input|expected|received/);
    }
    expect(
      await page.evaluate(() => (({}) as Record<string, unknown>).polluted ?? null),
    ).toBeNull();
  });
}
