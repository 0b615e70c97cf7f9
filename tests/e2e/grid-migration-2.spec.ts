/**
 * A diagnostic answered on the 1.1.0 risks-opportunities and uses grids (imported as a file, as
 * an adviser would bring it from another device) is offered their current editions
 * (risks-opportunities 3.0.0, uses 2.0.1) on the results page; after the preview, kept answers
 * stay and the others are set aside, and the page scores the diagnostic on uses 2.0.1 (docs/writing-a-grid.md,
 * « Versions and migration »).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { loadGrid } from '../../src/domain/grid/load-grid';
import { planGridMigration } from '../../src/domain/diagnostic/migrate';

const NOW = '2026-11-02T09:00:00.000Z';
type Json = Record<string, unknown>;
const read = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;

function loaded(source: Json) {
  const result = loadGrid(source);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 2)));
  return result;
}

const OLD = ['risks-opportunities', 'uses'].map((id) => {
  const source = read(`tests/fixtures/grids/1.1.0/${id}.json`);
  return { source, ...loaded(source) };
});
const NEXT = ['risks-opportunities', 'uses'].map((id) => loaded(read(`questionnaires/${id}.json`)));

/** Every item of the 1.1.0 grids answered by two people, at the second point of its scale. */
function diagnosticFile(): string {
  const answers = Object.fromEntries(
    OLD.map(({ grid }) => [
      grid.id,
      Object.fromEntries(
        grid.dimensions.flatMap((d) =>
          d.items.map((item) => {
            const scale = grid.scales.find((s) => s.id === item.scale)!;
            return [item.id, scale.points[1]!.value];
          }),
        ),
      ),
    ]),
  );
  const respondent = (id: string, role: string) => ({
    id,
    role,
    answers,
    comments: {},
    createdAt: NOW,
    updatedAt: NOW,
  });
  return JSON.stringify({
    format: 'qvt-numerique/diagnostic',
    formatVersion: 1,
    id: 'answered-on-1-1-0',
    title: 'Répondu en 1.1.0',
    purpose: 'workshop',
    project: { name: 'Logiciel métier', kind: 'business-software', phase: 'in-use' },
    grids: OLD.map(({ grid, hash, source }) => ({
      id: grid.id,
      version: grid.version,
      hash,
      grid: source,
    })),
    respondents: [respondent('r1', 'management'), respondent('r2', 'representative')],
    actionPlan: [],
    anonymityThreshold: 3,
    createdAt: NOW,
    updatedAt: NOW,
  });
}

async function importFile(page: Page) {
  await page.getByTestId('import-diagnostic-input').setInputFiles({
    name: 'repondu-1-1-0.json',
    mimeType: 'application/json',
    buffer: Buffer.from(diagnosticFile()),
  });
  await expect(page.getByRole('status')).toContainText('a été importé');
}

test('a diagnostic answered on the 1.1.0 grids moves to the current editions: kept answers stay, the others are set aside', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openApp(page);
  await importFile(page);
  await page.goto('./#/results/answered-on-1-1-0');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Répondu en 1.1.0');

  const offers = page.getByRole('region', { name: 'Nouvelles versions des grilles' });
  for (const [i, { grid }] of OLD.entries()) {
    const plan = planGridMigration(grid, NEXT[i]!.grid);
    const title = String(grid.title.fr).split("'")[0]!;
    const version = NEXT[i]!.grid.version.replaceAll('.', '\\.');
    await expect(offers).toContainText(
      new RegExp(
        `grille «\\s${title}[^»]*»\\sexiste\\s:\\s${version} \\(ce diagnostic utilise la version 1\\.1\\.0\\)`,
      ),
    );
    await expect(offers).toContainText(
      `Questions conservées : ${plan.kept.length} ; modifiées : 0 ; retirées : ${plan.removed.length} ; ajoutées : ${plan.added.length}.`,
    );
  }

  // Move the uses grid: the preview counts the two respondents' answers.
  const usesPlan = planGridMigration(OLD[1]!.grid, NEXT[1]!.grid);
  // risks-opportunities is offered its 3.0.0, uses its 2.0.1.
  expect(NEXT.map((g) => g.grid.version)).toEqual(['3.0.0', '2.0.1']);
  await page.getByRole('button', { name: 'Voir ce que change la version 2.0.1' }).click();
  const dialog = page.getByRole('dialog', {
    name: /Passer « Usages des outils numériques » de la version 1\.1\.0 à 2\.0\.1/,
  });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    `Réponses déjà données : ${2 * 38} — conservées : ${2 * usesPlan.kept.length}, mises de côté : ${2 * usesPlan.removed.length}.`,
  );
  expect(
    await dialog
      .locator('.migration-list--removed li')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id'))),
  ).toContain('us-donnees-4');
  await dialog.getByRole('button', { name: 'Passer à la version 2.0.1' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'version 2.0.1' })).toContainText(
    `${2 * usesPlan.removed.length} réponses ont été mises de côté`,
  );

  // Stored: the uses copy is 2.0.1, the answers to removed items are set aside, none is lost.
  const readStored = () =>
    page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('qvt-numerique');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const record: {
        grids: { id: string; version: string }[];
        respondents: {
          answers: Record<string, Record<string, unknown>>;
          setAside?: Record<string, Record<string, unknown>>;
        }[];
      } = await new Promise((resolve, reject) => {
        const req = db
          .transaction('diagnostics')
          .objectStore('diagnostics')
          .get('answered-on-1-1-0');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return record;
    });
  await expect
    .poll(async () => (await readStored()).grids.map((g) => g.version))
    .toEqual(['1.1.0', '2.0.1']);
  const stored = await readStored();
  expect(stored.grids.map((g) => `${g.id}@${g.version}`)).toEqual([
    'risks-opportunities@1.1.0',
    'uses@2.0.1',
  ]);
  for (const respondent of stored.respondents) {
    expect(Object.keys(respondent.answers.uses!).sort()).toEqual(
      usesPlan.kept.map((k) => k.itemId).sort(),
    );
    expect(Object.keys(respondent.setAside!['uses@1.1.0']!).sort()).toEqual(
      usesPlan.removed.map((k) => k.itemId).sort(),
    );
  }
  // The other grid is still offered; the moved one no longer is.
  await expect(
    page.getByRole('button', { name: 'Voir ce que change la version 3.0.0' }),
  ).toHaveCount(1);
  await expect(
    page.getByRole('button', { name: 'Voir ce que change la version 2.0.1' }),
  ).toHaveCount(0);
});
