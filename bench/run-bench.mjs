#!/usr/bin/env node
/**
 * `npm run bench`: builds the app, serves it locally (vite preview) and measures it in Debian's
 * Chromium, then writes bench/results.json and bench/results.md. results.md is rewritten whole
 * (its first line says so): notes on what a measurement showed go to bench/README.md, « History ».
 *
 * - Bytes (stable): the JS the start page and the answer page really load before they are usable
 *   (gzip level 9), everything the build emits, and each lazy chunk named from the Vite manifest.
 * - Lighthouse 12, mobile preset (default throttling), median of 3, on the start, answer and
 *   results pages.
 * - Times (noisy): start page usable, full PDF report — median of 5, a fresh browser context
 *   each time.
 * - First screens against the floor (bench/first-screen.bench.mjs): navigation → first question
 *   answerable and → results radars painted, without CPU throttling and at 4×, and the same on
 *   a static one-question page (bench/floor.html), with the ratio to it — median of 5.
 * - The scoring engine (bench/engine.bench.ts, Node).
 * - The workshop import (bench/workshop.bench.mjs, in Chromium against the same build): 1,000
 *   response files and a 10,000-row survey CSV, each phase timed with the page's longest task.
 *
 * Times depend on the machine and on what else runs on it: they are reported (median, min, max,
 * runs), never asserted. Bytes are enforced by bench/check-budget.mjs.
 *
 *   npm run bench
 *   npm run bench -- --quick            # 1 run of each timing, 1 Lighthouse run
 *   npm run bench -- --no-workshop      # without the workshop import (a few minutes)
 *   npm run bench -- --no-lighthouse
 *   npm run bench -- --wait-quiet=600   # before timing, wait up to 600 s for load ≤ CPUs
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
  BUDGET_BYTES,
  CHROME_PATH,
  ROOT,
  TARGET_BYTES,
  answerPageReady,
  buildApp,
  benchChromeArgs,
  createAnsweringDiagnostic,
  emittedJs,
  freshContext,
  gzipSize,
  kb,
  launchBrowser,
  measureRouteJs,
  readManifest,
  serve,
  startPageReady,
} from './lib/app.mjs';
import { seedCompleteDiagnostic } from './lib/seed.mjs';
import { benchFirstScreens, firstScreensMarkdown, installFloor } from './first-screen.bench.mjs';
import { benchWorkshop, campaignMarkdown, workshopMarkdown } from './workshop.bench.mjs';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const LIGHTHOUSE = !args.includes('--no-lighthouse');
const WORKSHOP = !args.includes('--no-workshop');
const WORKSHOP_RUNS = QUICK ? 1 : 3;
const TIMING_RUNS = QUICK ? 1 : 5;
const LIGHTHOUSE_RUNS = QUICK ? 1 : 3;
const WAIT_ARG = args.find((a) => a.startsWith('--wait-quiet'));
/** Up to how long to wait for a quieter machine before timing (0: never wait). */
const WAIT_QUIET_SECONDS = WAIT_ARG ? Number(WAIT_ARG.split('=')[1] ?? 600) : 0;
const OUT_DIR = join(tmpdir(), 'qvt-numerique-bench-dist');
const BENCH_DIR = join(ROOT, 'bench');

const log = (text) => console.log(text);
const load1m = () => Number(loadavg()[0].toFixed(2));

/**
 * With --wait-quiet[=seconds]: waits (10 s at a time) until the 1-minute load average is at most
 * the number of CPUs, or the time is up. Returns the load the phase starts with.
 */
async function quietEnough() {
  const limit = cpus().length;
  const until = Date.now() + WAIT_QUIET_SECONDS * 1000;
  while (load1m() > limit && Date.now() < until) {
    log(`  … load ${load1m()} > ${limit}: waiting for a quieter machine`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
  return load1m();
}

/** Median, min and max of a list of numbers, with the number of runs. */
function stats(values, digits = 0) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (x) => Number(x.toFixed(digits));
  return {
    median: round(median),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    runs: sorted.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Bytes

/** Files a manifest chunk loads with it (itself and its static imports, recursively). */
function staticClosure(manifest, key, seen = new Set()) {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

/**
 * The lazy chunks, named from the Vite manifest: charts (the chunk with recharts), the PDF
 * renderer with its font, each bundled grid, English, CSV and QR code when they exist, and the
 * jspdf plugins the report never loads. Each with its own size, and with the chunks it needs
 * that the entry does not already carry.
 */
function lazyChunks(manifest, sizes) {
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const entryFiles = new Set([...staticClosure(manifest, entryKey)].map((k) => manifest[k].file));
  const groups = [
    ['charts (recharts)', (k) => /radar-drawing|recharts/.test(k)],
    ['PDF renderer + font (jspdf)', (k) => /render-pdf|report\/fonts|dejavu/.test(k)],
    ['Word renderer (docx)', (k) => /render-docx/.test(k)],
    ['CSV (papaparse)', (k) => /papaparse|csv/i.test(k) && manifest[k].isDynamicEntry],
    [
      'QR code (qrcode, jsqr)',
      (k) => /qrcode|jsqr|\bqr\b|qr-/i.test(k) && manifest[k].isDynamicEntry,
    ],
    ['English locale', (k) => /resources-en|locales\/en\//.test(k)],
    ...Object.keys(manifest)
      .filter((k) => /^questionnaires\/[^/]+\.json$/.test(k) && !k.includes('legal-references'))
      .map((k) => [`grid ${k.replace(/^questionnaires\/|\.json$/g, '')}`, (key) => key === k]),
    [
      'jspdf optional plugins (html2canvas, dompurify, canvg: never loaded)',
      (k) => /html2canvas|dompurify|canvg/.test(k),
    ],
  ];
  const out = [];
  for (const [name, test] of groups) {
    const keys = Object.keys(manifest).filter((k) => k !== entryKey && test(k));
    if (keys.length === 0) continue;
    const own = new Set(keys.map((k) => manifest[k].file));
    const closure = new Set();
    for (const k of keys) for (const c of staticClosure(manifest, k)) closure.add(manifest[c].file);
    const extra = [...closure].filter((f) => f.endsWith('.js') && !entryFiles.has(f));
    out.push({
      name,
      files: [...own],
      gzipBytes: [...own].reduce((s, f) => s + (sizes.get(f) ?? 0), 0),
      withImportsGzipBytes: extra.reduce((s, f) => s + (sizes.get(f) ?? 0), 0),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Times in Chromium

/**
 * Milliseconds from navigation to `selector` being in the page, enabled and laid out (taken at
 * the next animation frame, i.e. when it can be painted), in a fresh context each run.
 */
async function timeUntil(browser, url, selector, storageState) {
  const context = await freshContext(browser, storageState);
  await context.addInitScript((sel) => {
    const observer = new MutationObserver(() => {
      const el = document.querySelector(sel);
      if (!el || el.disabled || el.getClientRects().length === 0) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        window.__benchReadyAt = performance.now();
      });
    });
    // Attributes too: a control can become enabled with no node added after it.
    observer.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled', 'class', 'hidden', 'style'],
    });
  }, selector);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: 30_000 });
  const ms = await page.evaluate(() => window.__benchReadyAt);
  await context.close();
  return ms;
}

/** Milliseconds from the click on "Télécharger le rapport PDF" to the download, fresh context. */
async function timePdf(browser, url, storageState) {
  const context = await freshContext(browser, storageState);
  const page = await context.newPage();
  await page.goto(url);
  const button = page.getByRole('button', { name: 'Télécharger le rapport PDF' });
  await button.waitFor({ state: 'visible' });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  const started = performance.now();
  // A DOM click: no actionability waits of Playwright inside the measured time.
  await button.evaluate((el) => el.click());
  const file = await download;
  const ms = performance.now() - started;
  const name = file.suggestedFilename();
  const path = await file.path();
  const bytes = path ? readFileSync(path).length : 0;
  await context.close();
  return { ms, name, bytes };
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

/**
 * Main-thread CPU time of a page load, from Lighthouse's own trace: thread time, which a busy
 * machine inflates much less than the wall time Lighthouse simulates from. `beforeLcpMs`: the
 * tasks that started before the observed LCP; `blockingAt4xMs`: the blocking time (each task's
 * part over 50 ms, after the first contentful paint) were every task 4× its CPU time, as
 * Lighthouse's 4× slowdown makes it; `longestMs`: the longest task.
 */
function mainThreadCpu(trace) {
  const events = trace?.traceEvents ?? [];
  const mainThreads = events.filter(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const tasksOf = (t) => events.filter((e) => e.pid === t.pid && e.tid === t.tid);
  // The page's renderer: the main thread with the most tasks.
  const main = mainThreads
    .map((t) => tasksOf(t))
    .sort(
      (a, b) =>
        b.filter((e) => e.name === 'RunTask').length - a.filter((e) => e.name === 'RunTask').length,
    )[0];
  if (!main) return null;
  const pid = main[0]?.pid;
  const marks = (name) => events.filter((e) => e.name === name && e.pid === pid);
  const navigation = marks('navigationStart').find((e) =>
    String(e.args?.data?.documentLoaderURL ?? '').startsWith('http'),
  )?.ts;
  if (navigation === undefined) return null;
  const after = (list) => list.filter((e) => e.ts >= navigation);
  const fcp = after(marks('firstContentfulPaint'))[0]?.ts ?? navigation;
  const lcp = after(marks('largestContentfulPaint::Candidate')).at(-1)?.ts ?? fcp;
  const tasks = after(main.filter((e) => e.name === 'RunTask' && e.ph === 'X'));
  const cpuMs = (e) => (e.tdur ?? e.dur) / 1000;
  const sum = (list, f) => list.reduce((total, e) => total + f(e), 0);
  return {
    beforeLcpMs: sum(
      tasks.filter((e) => e.ts < lcp),
      cpuMs,
    ),
    blockingAt4xMs: sum(
      tasks.filter((e) => e.ts >= fcp),
      (e) => Math.max(0, 4 * cpuMs(e) - 50),
    ),
    longestMs: Math.max(0, ...tasks.map(cpuMs)),
  };
}

/** Lighthouse (mobile preset: the default form factor and simulated throttling) on `url`. */
async function lighthouseRuns(url, runs, userDataDir) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', ...benchChromeArgs()],
    ...(userDataDir ? { userDataDir } : {}),
  });
  const results = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      // Storage reset (Lighthouse's default) clears the service worker, Cache Storage and the
      // HTTP cache before each run, and keeps IndexedDB: the seeded diagnostic stays.
      const { lhr, artifacts } = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
      results.push({
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        fcp: lhr.audits['first-contentful-paint'].numericValue,
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        benchmarkIndex: lhr.environment?.benchmarkIndex ?? 0,
        cpu: mainThreadCpu(artifacts?.Trace),
        lcpElement:
          lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node
            ?.snippet ?? null,
      });
    }
  } finally {
    chrome.kill();
  }
  return {
    score: stats(results.map((r) => r.score)),
    fcpMs: stats(results.map((r) => r.fcp)),
    lcpMs: stats(results.map((r) => r.lcp)),
    tbtMs: stats(results.map((r) => r.tbt)),
    cls: stats(
      results.map((r) => r.cls),
      3,
    ),
    lcpElement: results[0]?.lcpElement ?? null,
    // Lighthouse's own measure of the CPU while it ran (a quiet desktop scores ~1000–2500).
    benchmarkIndex: stats(results.map((r) => r.benchmarkIndex)),
    // From the trace's CPU time (see mainThreadCpu): comparable across loads where wall times are not.
    cpuBeforeLcpMs: stats(results.map((r) => r.cpu?.beforeLcpMs ?? 0)),
    cpuBlockingAt4xMs: stats(results.map((r) => r.cpu?.blockingAt4xMs ?? 0)),
    cpuLongestTaskMs: stats(results.map((r) => r.cpu?.longestMs ?? 0)),
    formFactor: 'mobile',
    throttling: 'simulated (Lighthouse default: slow 4G, 4× CPU slowdown)',
  };
}

/**
 * A Chromium profile holding a diagnostic being answered and a complete one, for Lighthouse on
 * the answer and results pages.
 */
async function seededProfile(baseUrl) {
  const dir = mkdtempSync(join(tmpdir(), 'qvt-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROME_PATH,
    args: benchChromeArgs(),
    locale: 'fr-FR',
    serviceWorkers: 'block',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const { answerHash } = await createAnsweringDiagnostic(page, baseUrl, 'Lighthouse');
  const full = await createAnsweringDiagnostic(page, baseUrl, 'Lighthouse, résultats');
  await seedCompleteDiagnostic(page, full.id, { perRole: 2, actions: 15 });
  await context.close();
  return { dir, answerHash, resultsHash: `#/results/${encodeURIComponent(full.id)}` };
}

// ---------------------------------------------------------------------------------------------
// Node benchmarks

function runNodeBench(script, resultFile) {
  if (!existsSync(join(BENCH_DIR, script))) return { measured: false, note: 'not measured' };
  log(`▶ ${script}`);
  const run = spawnSync('npx', ['vite-node', `bench/${script}`], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const path = join(BENCH_DIR, resultFile);
  if (run.status !== 0) return { measured: false, note: `bench/${script} failed (${run.status})` };
  if (!existsSync(path)) return { measured: false, note: `bench/${script} wrote no ${resultFile}` };
  return { measured: true, results: JSON.parse(readFileSync(path, 'utf8')) };
}

// ---------------------------------------------------------------------------------------------

const started = Date.now();
log(`▶ building into ${OUT_DIR}`);
await buildApp(OUT_DIR);
installFloor(OUT_DIR);
const manifest = readManifest(OUT_DIR);
const emitted = emittedJs(OUT_DIR);
const sizes = new Map(emitted.map((f) => [f.file, f.gzipBytes]));

const server = await serve(OUT_DIR);
log(`▶ serving on ${server.url}`);
const browser = await launchBrowser();
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    loadAverage1m: load1m(),
    node: process.version,
    chromium: browser.version(),
    note: 'Shared, noisy machine: times vary from run to run; only bytes are enforced (bench/check-budget.mjs).',
  },
  budgetBytes: BUDGET_BYTES,
  targetBytes: TARGET_BYTES,
};

try {
  // Diagnostics to work on, kept as storage states (IndexedDB) for fresh contexts.
  const setup = await freshContext(browser);
  const setupPage = await setup.newPage();
  const { answerHash } = await createAnsweringDiagnostic(setupPage, server.url);
  const answerState = await setup.storageState({ indexedDB: true });
  const full = await createAnsweringDiagnostic(setupPage, server.url, 'Rapport complet');
  await seedCompleteDiagnostic(setupPage, full.id, { perRole: 2, actions: 15 });
  const pdfState = await setup.storageState({ indexedDB: true });
  await setup.close();

  log('▶ bytes');
  const startContext = await freshContext(browser);
  const start = await measureRouteJs(startContext, `${server.url}#/`, startPageReady);
  await startContext.close();
  const answerContext = await freshContext(browser, answerState);
  const answer = await measureRouteJs(answerContext, server.url + answerHash, answerPageReady);
  await answerContext.close();
  const lazy = manifest ? lazyChunks(manifest, sizes) : [];
  const heavy = lazy.filter((g) => !g.name.startsWith('English'));
  const leaked = heavy.flatMap((g) => g.files).filter((f) => start.files.some((s) => s.file === f));
  results.bytes = {
    initialJsGzipBytes: { startPage: start, answerPage: answer },
    totalJsGzipBytes: emitted.reduce((s, f) => s + f.gzipBytes, 0),
    totalJsBytes: emitted.reduce((s, f) => s + f.bytes, 0),
    jsFiles: emitted.length,
    lazyChunks: lazy,
    lazyChunksLoadedByStartPage: leaked,
    emitted,
    css: (() => {
      const file = Object.values(manifest ?? {}).find((m) => m.isEntry)?.css?.[0];
      return file ? { file, gzipBytes: gzipSize(readFileSync(join(OUT_DIR, file))) } : null;
    })(),
  };
  log(`  start page ${kb(start.gzipBytes)}, answer page ${kb(answer.gzipBytes)}`);

  log(`▶ times (${TIMING_RUNS} run${TIMING_RUNS === 1 ? '' : 's'} each, fresh context each)`);
  const timesLoad = await quietEnough();
  const startTimes = [];
  const pdfRuns = [];
  for (let i = 0; i < TIMING_RUNS; i += 1) {
    startTimes.push(
      await timeUntil(browser, `${server.url}#/`, 'main a.button--primary[href="#/new"]'),
    );
    pdfRuns.push(
      await timePdf(browser, `${server.url}#/results/${encodeURIComponent(full.id)}`, pdfState),
    );
  }
  results.times = {
    startPageUsableMs: stats(startTimes),
    pdfReportMs: {
      ...stats(pdfRuns.map((r) => r.ms)),
      what: '4 grids (151 items), 10 respondents (2 per role), 15 action-plan lines; click → download, first time in a fresh context (the renderer, font and report texts are fetched when the page is idle or the button is hovered or focused: here as the click’s pointer reaches the button, or before)',
      file: pdfRuns[0]?.name,
      pdfBytes: pdfRuns[0]?.bytes,
    },
    viewport: '1280×800, no CPU or network throttling (localhost)',
    loadAverage1mAtStart: timesLoad,
  };
  log(
    `  start ${results.times.startPageUsableMs.median} ms, PDF ${results.times.pdfReportMs.median} ms`,
  );

  log(`▶ first screens against the floor (${TIMING_RUNS} run${TIMING_RUNS === 1 ? '' : 's'})`);
  const firstScreensLoad = await quietEnough();
  const diagnostics = {
    answerHash,
    answerState,
    resultsHash: `#/results/${encodeURIComponent(full.id)}`,
    resultsState: pdfState,
  };
  results.firstScreens = {
    ...(await benchFirstScreens(browser, server.url, diagnostics, { runs: TIMING_RUNS, log })),
    loadAverage1mAtStart: firstScreensLoad,
  };

  if (LIGHTHOUSE) {
    log(
      `▶ Lighthouse, mobile (${LIGHTHOUSE_RUNS} run${LIGHTHOUSE_RUNS === 1 ? '' : 's'} per page)`,
    );
    const lighthouseLoad = await quietEnough();
    const profile = await seededProfile(server.url);
    try {
      results.lighthouseMobile = {
        startPage: await lighthouseRuns(`${server.url}#/`, LIGHTHOUSE_RUNS),
        answerPage: await lighthouseRuns(
          server.url + profile.answerHash,
          LIGHTHOUSE_RUNS,
          profile.dir,
        ),
        resultsPage: await lighthouseRuns(
          server.url + profile.resultsHash,
          LIGHTHOUSE_RUNS,
          profile.dir,
        ),
        loadAverage1mAtStart: lighthouseLoad,
      };
    } finally {
      rmSync(profile.dir, { recursive: true, force: true });
    }
    log(
      `  start ${results.lighthouseMobile.startPage.score.median}, answer ${results.lighthouseMobile.answerPage.score.median}, results ${results.lighthouseMobile.resultsPage.score.median}`,
    );
  }

  if (WORKSHOP) {
    log(`▶ workshop import (${WORKSHOP_RUNS} run${WORKSHOP_RUNS === 1 ? '' : 's'})`);
    await quietEnough();
    const workshop = await benchWorkshop(browser, server.url, { runs: WORKSHOP_RUNS, log });
    writeFileSync(
      join(BENCH_DIR, 'workshop-results.json'),
      JSON.stringify({ date: new Date().toISOString(), ...workshop }, null, 2) + '\n',
    );
    results.workshopImport = { measured: true, results: workshop };
  } else results.workshopImport = { measured: false, note: 'not run (--no-workshop)' };
} finally {
  await browser.close();
  await server.close();
}

results.engine = runNodeBench('engine.bench.ts', 'engine-results.json');
results.durationSeconds = Math.round((Date.now() - started) / 1000);

writeFileSync(join(BENCH_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(BENCH_DIR, 'results.md'), markdown(results));
log(markdown(results));
log('✔ wrote bench/results.json and bench/results.md');

// ---------------------------------------------------------------------------------------------

function markdown(r) {
  const s = (x, unit = ' ms') =>
    `${x.median}${unit} (min ${x.min}, max ${x.max}, ${x.runs} run${x.runs === 1 ? '' : 's'})`;
  const b = r.bytes;
  const page = (p) => `${kb(p.gzipBytes)} (${p.gzipBytes} B, ${p.files.length} files)`;
  const ok = (bytes) =>
    bytes <= r.targetBytes
      ? '✔ target'
      : bytes <= r.budgetBytes
        ? '✔ budget, over target'
        : '✖ over budget';
  const lines = [
    '# Benchmark results',
    '',
    '> Generated by `npm run bench` (bench/run-bench.mjs), which rewrites this file whole: do not edit it by hand. What the figures showed, and the history of measurements, are in bench/README.md.',
    '',
    `${r.date} — ${r.machine.cpus} CPU (${r.machine.cpuModel}), load ${r.machine.loadAverage1m}, Node ${r.machine.node}, Chromium ${r.machine.chromium}.`,
    '',
    `> ${r.machine.note} Every time is a median with min, max and the number of runs.`,
    '',
    '## JS before the page is usable (gzip level 9, measured in Chromium)',
    '',
    `| Page | Initial JS | Budget ${kb(r.budgetBytes)} / target ${kb(r.targetBytes)} |`,
    '|---|---|---|',
    `| Start \`#/\` | ${page(b.initialJsGzipBytes.startPage)} | ${ok(b.initialJsGzipBytes.startPage.gzipBytes)} |`,
    `| Answer \`#/answer/<id>/<step>\` | ${page(b.initialJsGzipBytes.answerPage)} | ${ok(b.initialJsGzipBytes.answerPage.gzipBytes)} |`,
    '',
    `All JS emitted: ${kb(b.totalJsGzipBytes)} gzip in ${b.jsFiles} files (${kb(b.totalJsBytes)} raw)${b.css ? `; CSS ${kb(b.css.gzipBytes)} gzip` : ''}.`,
    `Lazy chunks loaded by the start page: ${b.lazyChunksLoadedByStartPage.length === 0 ? 'none' : b.lazyChunksLoadedByStartPage.join(', ')}.`,
    '',
    '| Lazy chunk | gzip | with its imports not in the entry |',
    '|---|---|---|',
    ...b.lazyChunks.map(
      (c) => `| ${c.name} | ${kb(c.gzipBytes)} | ${kb(c.withImportsGzipBytes)} |`,
    ),
    '',
  ];
  if (r.lighthouseMobile) {
    const l = r.lighthouseMobile;
    lines.push(
      `## Lighthouse 12, mobile (${l.startPage.throttling}; load ${l.loadAverage1mAtStart} at start)`,
      '',
      '| Page | Score | FCP | LCP | TBT | CLS |',
      '|---|---|---|---|---|---|',
      ...[
        ['Start', l.startPage],
        ['Answer', l.answerPage],
        ['Results', l.resultsPage],
      ].map(
        ([name, p]) =>
          `| ${name} | ${s(p.score, '')} | ${s(p.fcpMs)} | ${s(p.lcpMs)} | ${s(p.tbtMs)} | ${p.cls.median} |`,
      ),
      '',
      `Lighthouse's CPU benchmark index while it ran (median): start ${l.startPage.benchmarkIndex.median}, answer ${l.answerPage.benchmarkIndex.median}, results ${l.resultsPage.benchmarkIndex.median} — a quiet desktop scores about 1000–2500; lower means a busy machine and inflated TBT. LCP element: start \`${l.startPage.lcpElement}\`, answer \`${l.answerPage.lcpElement}\`, results \`${l.resultsPage.lcpElement}\`.`,
      '',
      "Main-thread CPU time in the same loads, from Lighthouse's trace (thread time: a busy machine inflates it far less than the wall times above), unthrottled:",
      '',
      '| Page | CPU before LCP | Blocking time were each task 4× its CPU time | Longest task (CPU) |',
      '|---|---|---|---|',
      ...[
        ['Start', l.startPage],
        ['Answer', l.answerPage],
        ['Results', l.resultsPage],
      ]
        .filter(([, p]) => p.cpuBeforeLcpMs)
        .map(
          ([name, p]) =>
            `| ${name} | ${s(p.cpuBeforeLcpMs)} | ${s(p.cpuBlockingAt4xMs)} | ${s(p.cpuLongestTaskMs)} |`,
        ),
      '',
    );
  } else lines.push('## Lighthouse', '', 'Not run (--no-lighthouse).', '');
  if (r.times) {
    lines.push(
      `## Times in Chromium (${r.times.viewport}; load ${r.times.loadAverage1mAtStart} at start)`,
      '',
      '| Measure | Median (min, max, runs) |',
      '|---|---|',
      `| Start page usable (navigation → start button) | ${s(r.times.startPageUsableMs)} |`,
      `| Full PDF report (click → download) | ${s(r.times.pdfReportMs)} |`,
      '',
      `PDF: ${r.times.pdfReportMs.what}; ${r.times.pdfReportMs.file}, ${kb(r.times.pdfReportMs.pdfBytes ?? 0)}.`,
      '',
    );
  }
  if (r.firstScreens)
    lines.push(
      firstScreensMarkdown(
        r.firstScreens,
        `First screens against the floor (load ${r.firstScreens.loadAverage1mAtStart} at start)`,
      ),
    );
  lines.push('## Scoring, aggregation and import (Node)', '');
  const engine = r.engine;
  if (engine.measured) {
    const e = engine.results;
    lines.push(
      `${e.name}: ${e.respondents} respondents × ${e.items} items — ${e.median_ms} ms (min ${e.min_ms}, max ${e.max_ms}, ${e.runs} runs).`,
      '',
      ...(e.phases ?? []).map(
        (p) => `- ${p.phase}: ${p.median_ms} ms (min ${p.min_ms}, max ${p.max_ms})`,
      ),
      '',
    );
  } else lines.push(`Engine: ${engine.note}.`, '');
  const w = r.workshopImport;
  if (w?.measured) lines.push(workshopMarkdown(w.results));
  else
    lines.push(
      '## Workshop import in Chromium',
      '',
      `1,000 response files, 10,000-row survey CSV: ${w?.note ?? 'not measured'}.`,
      '',
    );
  // The campaign has a bench of its own (a few minutes more): its last figures, with their date.
  const campaignPath = join(BENCH_DIR, 'campaign-results.json');
  if (existsSync(campaignPath))
    lines.push(campaignMarkdown(JSON.parse(readFileSync(campaignPath, 'utf8'))));
  else
    lines.push(
      '## Campaign import in Chromium',
      '',
      'Not measured yet: `npm run bench:workshop -- --campaign`.',
      '',
    );
  return lines.join('\n');
}
