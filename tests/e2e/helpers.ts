import { expect, type Locator, type Page } from '@playwright/test';

export const GRID_TITLES_FR: Record<string, string> = {
  'risks-opportunities': 'Risques et opportunités',
  uses: 'Usages des outils numériques',
  skills: 'Compétences',
  'social-dialogue': 'Dialogue social',
};

/**
 * Scrolls to each radar of the page, as a reader would, and waits for it to be drawn (a radar
 * draws when a fifth of it comes into view: src/shared/charts/in-view.ts), then back to the top.
 */
export async function drawCharts(page: Page): Promise<void> {
  // A page may come in parts (the results page): first, until no chart has come for a moment.
  const boxes = page.locator('main .radar');
  let seen = -1;
  for (let count = await boxes.count(); count !== seen; count = await boxes.count()) {
    seen = count;
    await page.waitForTimeout(400);
  }
  for (const box of await boxes.all()) {
    await box.scrollIntoViewIfNeeded();
    await expect(box.locator('svg.recharts-surface')).toBeVisible();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Presses Tab until `target` has the focus, as a keyboard user would, and fails when it is not
 * reached within `max` presses (an element out of the tab order is a bug, not a slow machine).
 */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Creates a diagnostic through the form, keeping only the given grids, and lands on "who answers". */
export async function createDiagnostic(
  page: Page,
  options: { title: string; grids?: string[]; purpose?: RegExp },
): Promise<string> {
  await page.goto('./#/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau diagnostic' })).toBeVisible();
  if (options.purpose) await page.getByRole('radio', { name: options.purpose }).check();
  await page.getByLabel('Titre du diagnostic').fill(options.title);
  const grids = page.getByRole('group', { name: 'Grilles à utiliser' });
  const boxes = grids.getByRole('checkbox');
  await expect(boxes).toHaveCount(4);
  if (options.grids) {
    for (const [id, title] of Object.entries(GRID_TITLES_FR)) {
      const box = grids.getByRole('checkbox', { name: new RegExp(title) });
      if (options.grids.includes(id)) await box.check();
      else await box.uncheck();
    }
  }
  await page.getByRole('button', { name: 'Créer et commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Qui répond ?' })).toBeVisible();
  const match = /#\/answer\/([^/]+)/.exec(page.url());
  if (!match?.[1]) throw new Error('no diagnostic id in ' + page.url());
  return decodeURIComponent(match[1]);
}

/** Chooses a role and starts answering. */
export async function startRespondent(page: Page, role: string, pseudonym?: string): Promise<void> {
  await page.getByRole('radio', { name: role, exact: true }).check();
  if (pseudonym) await page.getByLabel('Pseudonyme (facultatif)').fill(pseudonym);
  await page.getByRole('button', { name: 'Commencer à répondre' }).click();
  await expect(page.getByText('Dimension 1 sur')).toBeVisible();
}

/**
 * Writes answers straight into the stored diagnostic (IndexedDB), for tests that need many
 * respondents fast; `pick(itemIndex, respondentIndex, pointCount)` returns a point index, or -1
 * for "don't know".
 */
export async function seedAnswers(
  page: Page,
  diagnosticId: string,
  respondents: { role: string; comment?: string }[],
  pick: string,
): Promise<void> {
  await page.evaluate(
    async ({ diagnosticId, respondents, pick }) => {
      const choose = new Function('i', 'r', 'n', `return (${pick})(i, r, n);`) as (
        i: number,
        r: number,
        n: number,
      ) => number;
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('qvt-numerique');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      type GridJson = {
        id: string;
        scales: { id: string; points: { value: number }[]; allowDontKnow?: boolean }[];
        dimensions: { id: string; items: { id: string; scale: string }[] }[];
      };
      type Stored = {
        grids: { grid: GridJson }[];
        respondents: unknown[];
        currentRespondentId?: string;
      };
      const get = (): Promise<Stored> =>
        new Promise((resolve, reject) => {
          const req = db.transaction('diagnostics').objectStore('diagnostics').get(diagnosticId);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const d = await get();
      const now = new Date().toISOString();
      d.respondents = respondents.map((resp, r) => {
        const answers: Record<string, Record<string, number | string>> = {};
        const comments: Record<string, Record<string, string>> = {};
        for (const snap of d.grids) {
          const grid = snap.grid;
          answers[grid.id] = {};
          let i = 0;
          for (const dim of grid.dimensions) {
            for (const item of dim.items) {
              const scale = grid.scales.find((s) => s.id === item.scale);
              if (!scale) continue;
              const k = choose(i, r, scale.points.length);
              if (k >= 0)
                answers[grid.id]![item.id] =
                  scale.points[Math.min(k, scale.points.length - 1)]!.value;
              else if (k === -1 && scale.allowDontKnow !== false) answers[grid.id]![item.id] = 'dk';
              i += 1;
            }
            if (resp.comment)
              comments[grid.id] = { ...(comments[grid.id] ?? {}), [dim.id]: resp.comment };
          }
        }
        return { id: `r${r}`, role: resp.role, answers, comments, createdAt: now, updatedAt: now };
      });
      d.currentRespondentId = 'r0';
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('diagnostics', 'readwrite');
        tx.objectStore('diagnostics').put(d, diagnosticId);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { diagnosticId, respondents, pick },
  );
}

/** A respondent as stored (IndexedDB): what a hand-over must carry over. */
export type StoredRespondent = {
  id: string;
  role: string;
  pseudonym?: string;
  answers: Record<string, Record<string, number | string>>;
  comments: Record<string, Record<string, string>>;
};

/** Reads a diagnostic's respondents straight from IndexedDB. */
export async function storedRespondents(
  page: Page,
  diagnosticId: string,
): Promise<StoredRespondent[]> {
  return page.evaluate(async (diagnosticId) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('qvt-numerique');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stored: { respondents: StoredRespondent[] } = await new Promise((resolve, reject) => {
      const req = db.transaction('diagnostics').objectStore('diagnostics').get(diagnosticId);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return stored.respondents;
  }, diagnosticId);
}
