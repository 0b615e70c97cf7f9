#!/usr/bin/env node
/**
 * The JS budget CI enforces (fast: no Lighthouse, no timing — bytes are stable from run to run,
 * times are not). Measures in Chromium the gzipped JS the start page and the answer page load
 * before they are usable, and exits 1 when either is over 150 KB.
 *
 *   node bench/check-budget.mjs             # measures dist/, building it first if it is missing
 *   node bench/check-budget.mjs --build     # rebuilds dist/ first
 *   node bench/check-budget.mjs --out-dir dist-e2e-4198
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  BUDGET_BYTES,
  ROOT,
  TARGET_BYTES,
  answerPageReady,
  buildApp,
  createAnsweringDiagnostic,
  freshContext,
  kb,
  launchBrowser,
  measureRouteJs,
  serve,
  startPageReady,
} from './lib/app.mjs';

const args = process.argv.slice(2);
const outDirArg = args.includes('--out-dir') ? args[args.indexOf('--out-dir') + 1] : 'dist';
const outDir = resolve(ROOT, outDirArg ?? 'dist');

/** Newest modification time of the files under `dir` (the app's sources). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const index = resolve(outDir, 'index.html');
if (args.includes('--build') || !existsSync(index)) {
  console.log(`▶ building into ${outDirArg}`);
  await buildApp(outDir);
} else if (newestMtime(join(ROOT, 'src')) > statSync(index).mtimeMs) {
  console.log(`⚠ ${outDirArg} is older than src/: measuring it as it is (add --build to rebuild).`);
}

const server = await serve(outDir);
const browser = await launchBrowser();
let failed = false;
try {
  // The answer page needs a diagnostic: create one, then measure in a fresh context holding
  // only its stored data (empty HTTP cache).
  const setup = await freshContext(browser);
  const page = await setup.newPage();
  const { answerHash } = await createAnsweringDiagnostic(page, server.url);
  const storageState = await setup.storageState({ indexedDB: true });
  await setup.close();

  const startContext = await freshContext(browser);
  const start = await measureRouteJs(startContext, `${server.url}#/`, startPageReady);
  await startContext.close();
  const answerContext = await freshContext(browser, storageState);
  const answer = await measureRouteJs(answerContext, server.url + answerHash, answerPageReady);
  await answerContext.close();

  console.log(
    `JS budget (gzip, level 9): ${kb(BUDGET_BYTES)} per page; target ${kb(TARGET_BYTES)}`,
  );
  for (const [name, result] of [
    ['start page  #/', start],
    ['answer page #/answer/<id>/<step>', answer],
  ]) {
    const over = result.gzipBytes > BUDGET_BYTES;
    failed ||= over;
    console.log(
      `${over ? '✖' : '✔'} ${name}: ${result.gzipBytes} bytes (${kb(result.gzipBytes)}) in ${result.files.length} files`,
    );
    for (const f of result.files) console.log(`    ${String(f.gzipBytes).padStart(7)}  ${f.file}`);
  }
  if (failed) {
    console.error(
      `✖ over the ${BUDGET_BYTES}-byte budget: see what the page loads above (npm run bench for the details).`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
