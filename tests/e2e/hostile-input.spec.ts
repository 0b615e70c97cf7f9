import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
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
  // An item whose id is a property of every object.
  dimension.items.push({ ...item, id: 'constructor', help: undefined });
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
            constructor: 2,
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
  // `__proto__` keys as JSON.parse creates them: own properties, which must never reach a prototype.
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
