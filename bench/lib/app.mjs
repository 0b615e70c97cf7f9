/**
 * What the benchmark and the budget check share: build the app, serve it with `vite preview`
 * on a free port, launch Debian's Chromium with the e2e launch flags, and measure the JS a route
 * really loads before it is usable.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The budget CI enforces: initial JS of the start page and of the answer page, gzip. */
export const BUDGET_BYTES = 150 * 1024;
/** The target the issue sets (not enforced: a goal). */
export const TARGET_BYTES = 120 * 1024;

/** Gzip size the way the figures are defined: node zlib, level 9. */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

/**
 * The Chromium flags of playwright.config.ts (read from the file, so both stay in step), or the
 * same list written out if the file can no longer be parsed.
 */
export function chromeArgs() {
  const fallback = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  try {
    const text = readFileSync(join(ROOT, 'playwright.config.ts'), 'utf8');
    const match = /args:\s*\[([^\]]*)\]/.exec(text);
    const args = match ? [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];
    return args.length > 0 ? args : fallback;
  } catch {
    return fallback;
  }
}

/** Production build into `outDir` (with the Vite manifest, to name the chunks). */
export async function buildApp(outDir) {
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free local port: 4199 first (other engineers use 4173–4195 and 4198 for e2e), then
 * 4197, 4196, then whatever the system gives.
 */
export async function freePort(preferred = [4199, 4197, 4196]) {
  for (const port of preferred) if (await portIsFree(port)) return port;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Serves `outDir` with `vite preview` on 127.0.0.1; returns its base URL and a close(). */
export async function serve(outDir) {
  const port = await freePort();
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, port, close: () => server.close() };
}

/**
 * Flags for the benches only, on top of the e2e flags: they switch off the browser's own
 * top-chrome WebUI (the omnibox popup, a second renderer). Headless Chromium 156 builds it again,
 * now and then, for a fresh context's window, and it then takes 400–700 ms of CPU in the very
 * second the page loads — on a 2-core machine, time taken from the page under measure. A real
 * browser builds it once, when its window opens, not when a page loads; the app's own work is
 * unchanged (see bench/README.md, 2026-12-08).
 */
export const BENCH_ONLY_ARGS = process.env.BENCH_KEEP_TOP_CHROME_WEBUI
  ? [] // to measure as before 2026-12-08, and see the difference
  : [
      '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
    ];

/** The e2e flags and the bench-only ones. */
export function benchChromeArgs() {
  return [...chromeArgs(), ...BENCH_ONLY_ARGS];
}

/** Debian's Chromium, headless, with the e2e flags and the bench-only ones. */
export function launchBrowser() {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROME_PATH} (apt-get install -y chromium, or set CHROME_PATH)`,
    );
  }
  return chromium.launch({ executablePath: CHROME_PATH, args: benchChromeArgs() });
}

/**
 * A fresh browser context, as a first visit: empty HTTP cache, French, and the service worker
 * blocked — it would otherwise precache every chunk of the app after the first screen, which
 * is not what the page needs to be usable.
 */
export function freshContext(browser, storageState) {
  return browser.newContext({
    locale: 'fr-FR',
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
    ...(storageState ? { storageState } : {}),
  });
}

/** The start page is usable: its heading and its start button are visible. */
export async function startPageReady(page) {
  await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
  await page
    .getByRole('link', { name: 'Commencer un nouveau diagnostic' })
    .first()
    .waitFor({ state: 'visible' });
}

/** The answer page is usable: the first answer of the first question can be chosen. */
export async function answerPageReady(page) {
  await page.locator('main .likert input[type="radio"]').first().waitFor({ state: 'visible' });
}

/**
 * The JS a route really loads before it is usable: every same-origin .js response Chromium
 * fetches from navigation until `ready(page)` resolves and the network is idle (500 ms without
 * a request), each file gzipped (level 9) and summed.
 */
export async function measureRouteJs(context, url, ready) {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const bodies = [];
  const files = new Map();
  page.on('response', (response) => {
    const target = new URL(response.url());
    if (target.origin !== origin || !target.pathname.endsWith('.js')) return;
    bodies.push(
      response
        .body()
        .then((body) => files.set(target.pathname, body))
        .catch(() => undefined),
    );
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(bodies);
  await page.close();
  const list = [...files]
    .map(([path, body]) => ({
      file: path.replace(/^.*\/assets\//, 'assets/'),
      bytes: body.length,
      gzipBytes: gzipSize(body),
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    gzipBytes: list.reduce((sum, f) => sum + f.gzipBytes, 0),
    bytes: list.reduce((sum, f) => sum + f.bytes, 0),
    files: list,
  };
}

/**
 * Creates a diagnostic with the four bundled grids through the form, starts a respondent and
 * returns its id and the address of its first question (`#/answer/<id>/<step>`).
 */
export async function createAnsweringDiagnostic(page, baseUrl, title = 'Banc d’essai') {
  await page.goto(`${baseUrl}#/new`);
  await page.getByLabel('Titre du diagnostic').fill(title);
  await page
    .getByRole('group', { name: 'Grilles à utiliser' })
    .getByRole('checkbox')
    .nth(3)
    .waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Créer et commencer' }).click();
  await page.getByRole('radio', { name: 'Salarié·e', exact: true }).check();
  await page.getByRole('button', { name: 'Commencer à répondre' }).click();
  await page.locator('main .likert input[type="radio"]').first().waitFor({ state: 'visible' });
  await page.waitForURL(/#\/answer\/[^/]+\/[^/]+$/);
  const match = /#\/answer\/([^/]+)\/([^/]+)$/.exec(page.url());
  if (!match) throw new Error(`no diagnostic id and step in ${page.url()}`);
  const id = decodeURIComponent(match[1]);
  // The respondent is saved a moment after the first question shows (autosave): wait until it is
  // stored, or a context made from this one's storage would open on « Qui répond ? ».
  const stored = (diagnosticId) =>
    page.evaluate(async (key) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('qvt-numerique');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const record = await new Promise((resolve) => {
        const request = db.transaction('diagnostics').objectStore('diagnostics').get(key);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(undefined);
      });
      db.close();
      return typeof record?.currentRespondentId === 'string';
    }, diagnosticId);
  const until = Date.now() + 30_000;
  while (!(await stored(id))) {
    if (Date.now() > until) throw new Error(`the respondent of ${id} was never saved`);
    await page.waitForTimeout(100);
  }
  return { id, answerHash: `#/answer/${match[1]}/${match[2]}` };
}

/** Reads the Vite manifest of a build, or null when the build has none. */
export function readManifest(outDir) {
  const path = join(outDir, '.vite', 'manifest.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/** Every emitted JS file with its raw and gzip size. */
export function emittedJs(outDir) {
  const dir = join(outDir, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const body = readFileSync(join(dir, f));
      return { file: `assets/${f}`, bytes: body.length, gzipBytes: gzipSize(body) };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** 153600 → "150.0 KB" (KB = 1024 bytes, as the budget). */
export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
