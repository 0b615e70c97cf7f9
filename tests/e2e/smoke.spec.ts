import { expect, openApp, test } from './fixtures';

const ROUTES = ['/', '/answer', '/results', '/workshop', '/compare', '/grids', '/about'];

test('the shell loads in French with its landmarks, skip link and privacy footer', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('banner')).toContainText('Autodiagnostic QVT et numérique');
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('rien n’est envoyé');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
});

test('every route renders a page with a heading, in both languages', async ({ page }) => {
  await openApp(page);
  for (const route of ROUTES) {
    await page.goto('./#' + route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  for (const route of ROUTES) {
    await page.goto('./#' + route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('nothing is sent');
  }
});

test('the language choice is remembered across visits', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('banner')).toContainText('self-diagnostic');
  await page.getByRole('button', { name: 'Passer en français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('an unknown address shows a clear page, not a blank screen', async ({ page }) => {
  await openApp(page, '/nowhere/at-all');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page.getByRole('main')).toContainText('/nowhere/at-all');
});

test('the favicon and the install icons are PNG files the app serves (no SVG drawn on the page)', async ({
  page,
  request,
}) => {
  await page.goto('./');
  const favicon = page.locator('link[rel="icon"]');
  await expect(favicon).toHaveCount(1);
  const icons = [(await favicon.getAttribute('href')) ?? ''];
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await request.get(manifestHref ?? '')).json()) as {
    icons: { src: string; type: string }[];
  };
  expect(manifest.icons.length).toBeGreaterThanOrEqual(2);
  for (const icon of manifest.icons) {
    expect(icon.type).toBe('image/png');
    icons.push(icon.src);
  }
  for (const href of icons) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type'], href).toBe('image/png');
  }
});
