#!/usr/bin/env node
/**
 * First screens against the floor (bench/README.md), in Debian's Chromium:
 *
 * - navigation → first question answerable (the answer page of a diagnostic with the four
 *   bundled grids: the first radio enabled and laid out);
 * - navigation → results radars painted (the results page of a complete diagnostic: every chart
 *   of its first screen holds its radar polygon; the charts below draw as they come into view);
 * - the same two measures on `bench/floor.html`, a static page with one question and one radar
 *   in SVG and no script: the floor no app can beat on this machine. Each measure is printed
 *   with its ratio to the floor.
 *
 * Each without CPU throttling and at 4× (Chrome DevTools Protocol
 * `Emulation.setCPUThrottlingRate`), in a fresh browser context each run (empty HTTP cache, the
 * diagnostic in IndexedDB), the four pages in turn within a run so that the load of the
 * machine weighs on each alike. "Painted" is the next animation frame after the awaited element
 * is in the page; the clock is the page's own (`performance.now()`, from navigation). Each run
 * also notes whether the loading text ("Chargement…") was ever in the page.
 *
 *   npm run bench:first                         # builds the app, 5 runs
 *   npm run bench:first -- --runs=3
 *   npm run bench:first -- --dist=<a> --dist=<b> # reuses builds, served side by side and measured
 *                                               # alternately (A, B, A, B…): before/after
 *
 * `npm run bench` calls it too (its build, server and browser): bench/results.json
 * `firstScreens`, and a table in bench/results.md. Times are reported, never asserted.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ROOT,
  buildApp,
  createAnsweringDiagnostic,
  freshContext,
  launchBrowser,
  serve,
} from './lib/app.mjs';
import { seedCompleteDiagnostic } from './lib/seed.mjs';

/** The floor page, copied next to the app's index.html so that the same server serves it. */
export const FLOOR_PAGE = 'bench-floor.html';
export const CPU_RATES = [1, 4];
const LOADING_TEXT = 'Chargement…';

/** What "ready" means, checked in the page on every DOM change. */
const READY = {
  question: `(() => {
    const el = document.querySelector('main .likert input[type="radio"]');
    return !!el && !el.disabled && el.getClientRects().length > 0;
  })()`,
  // The charts of the first screen: those with a fifth of their box in view, the share from
  // which the app draws a radar (src/shared/charts/in-view.ts); the others draw when scrolled to.
  radars: `(() => {
    const inView = (c) => {
      const r = c.getBoundingClientRect();
      const shown = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
      return r.height > 0 && shown / r.height >= 0.2;
    };
    const charts = [...document.querySelectorAll('main figure.chart')].filter(inView);
    return charts.length > 0 && charts.every((c) => c.querySelector('.recharts-radar-polygon'));
  })()`,
};

/** Copies bench/floor.html into a build's directory (served as `FLOOR_PAGE`). */
export function installFloor(outDir) {
  copyFileSync(join(ROOT, 'bench', 'floor.html'), join(outDir, FLOOR_PAGE));
}

/**
 * One navigation in a fresh context: milliseconds from navigation to `ready` painted, and
 * whether the loading text was in the page at any time before.
 */
export async function timeFirstScreen(browser, url, ready, { storageState, cpuRate = 1 } = {}) {
  const context = await freshContext(browser, storageState);
  await context.addInitScript(
    ({ check, loadingText }) => {
      const isReady = new Function(`return ${check}`);
      const observer = new MutationObserver(() => {
        if (!window.__benchLoadingSeen && document.body?.textContent?.includes(loadingText))
          window.__benchLoadingSeen = true;
        if (!isReady()) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          window.__benchReadyAt = performance.now();
        });
      });
      // Attributes too: the first question's radios are enabled by an attribute change once the
      // stored answers are read, with no node added after it.
      observer.observe(document, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['disabled', 'class', 'hidden', 'style'],
      });
    },
    { check: READY[ready], loadingText: LOADING_TEXT },
  );
  const page = await context.newPage();
  if (cpuRate !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: 60_000 });
  const { ms, loadingSeen } = await page.evaluate(() => ({
    ms: window.__benchReadyAt,
    loadingSeen: window.__benchLoadingSeen === true,
  }));
  await context.close();
  return { ms, loadingSeen };
}

/**
 * The diagnostics the measures open, created on `baseUrl` (IndexedDB is per origin): one being
 * answered (the answer page's address) and a complete one (the results page's).
 */
export async function prepareDiagnostics(browser, baseUrl) {
  const setup = await freshContext(browser);
  const page = await setup.newPage();
  const { answerHash } = await createAnsweringDiagnostic(page, baseUrl);
  const answerState = await setup.storageState({ indexedDB: true });
  const full = await createAnsweringDiagnostic(page, baseUrl, 'Rapport complet');
  await seedCompleteDiagnostic(page, full.id, { perRole: 2, actions: 15 });
  const resultsState = await setup.storageState({ indexedDB: true });
  await setup.close();
  return {
    answerHash,
    answerState,
    resultsHash: `#/results/${encodeURIComponent(full.id)}`,
    resultsState,
  };
}

/** The four measures of one run at one CPU rate, in turn. */
export async function firstScreenRun(browser, baseUrl, diagnostics, cpuRate) {
  const floorUrl = new URL(FLOOR_PAGE, baseUrl).href;
  const options = { cpuRate };
  return {
    question: await timeFirstScreen(browser, baseUrl + diagnostics.answerHash, 'question', {
      ...options,
      storageState: diagnostics.answerState,
    }),
    floorQuestion: await timeFirstScreen(browser, floorUrl, 'question', options),
    radars: await timeFirstScreen(browser, baseUrl + diagnostics.resultsHash, 'radars', {
      ...options,
      storageState: diagnostics.resultsState,
    }),
    floorRadars: await timeFirstScreen(browser, floorUrl, 'radars', options),
  };
}

/** Median, min and max, with the number of runs. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    median: Math.round(median),
    min: Math.round(sorted[0]),
    max: Math.round(sorted[sorted.length - 1]),
    runs: sorted.length,
  };
}

const load1m = () => Number(loadavg()[0].toFixed(2));

/** Sums up runs (each `firstScreenRun`'s result with the load before it) at one CPU rate. */
export function summarise(runs) {
  const measure = (key) => ({
    ...stats(runs.map((r) => r[key].ms)),
    loadingSeen: runs.filter((r) => r[key].loadingSeen).length,
  });
  const question = measure('question');
  const radars = measure('radars');
  const floorQuestion = measure('floorQuestion');
  const floorRadars = measure('floorRadars');
  const ratio = (a, b) => Number((a.median / Math.max(1, b.median)).toFixed(1));
  return {
    question,
    radars,
    floorQuestion,
    floorRadars,
    questionToFloor: ratio(question, floorQuestion),
    radarsToFloor: ratio(radars, floorRadars),
    loads: runs.map((r) => r.load),
  };
}

/** Every measure, `runs` times at each CPU rate (the rates alternate run by run). */
export async function benchFirstScreens(browser, baseUrl, diagnostics, { runs = 5, log } = {}) {
  const byRate = Object.fromEntries(CPU_RATES.map((rate) => [rate, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const rate of CPU_RATES) {
      const load = load1m();
      const run = await firstScreenRun(browser, baseUrl, diagnostics, rate);
      byRate[rate].push({ ...run, load });
      log?.(
        `  run ${i + 1}, CPU ${rate}×, load ${load}: question ${Math.round(run.question.ms)} ms (floor ${Math.round(run.floorQuestion.ms)}), radars ${Math.round(run.radars.ms)} ms (floor ${Math.round(run.floorRadars.ms)})`,
      );
    }
  }
  return {
    what: 'fresh context each run (empty HTTP cache, the diagnostic in IndexedDB), 1280×800, localhost; floor: bench/floor.html',
    byCpuRate: Object.fromEntries(CPU_RATES.map((rate) => [rate, summarise(byRate[rate])])),
  };
}

/** The Markdown table of `benchFirstScreens`' result. */
export function firstScreensMarkdown(result, title = 'First screens against the floor') {
  const cell = (m) =>
    `${m.median} ms (${m.min}–${m.max}, ${m.runs} runs${m.loadingSeen ? `; loading text in ${m.loadingSeen}` : ''})`;
  const lines = [
    `## ${title}`,
    '',
    `Median (min–max, runs) from navigation, ${result.what}. The floor is a static page with one question and one SVG radar, no script; "×" is the ratio of the medians to it.`,
    '',
    '| CPU | First question answerable | floor | × | Results radars painted | floor | × | load (1 min) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [rate, r] of Object.entries(result.byCpuRate)) {
    const loads = r.loads.length ? `${Math.min(...r.loads)}–${Math.max(...r.loads)}` : '–';
    lines.push(
      `| ${rate}× | ${cell(r.question)} | ${cell(r.floorQuestion)} | ${r.questionToFloor} | ${cell(r.radars)} | ${cell(r.floorRadars)} | ${r.radarsToFloor} | ${loads} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const runsArg = args.find((a) => a.startsWith('--runs='));
  const runs = runsArg ? Number(runsArg.split('=')[1]) : 5;
  let dists = args.filter((a) => a.startsWith('--dist=')).map((a) => resolve(a.slice(7)));
  if (dists.length === 0) {
    const outDir = mkdtempSync(join(tmpdir(), 'qvt-first-screen-'));
    console.log(`▶ building into ${outDir}`);
    await buildApp(outDir);
    dists = [outDir];
  }
  const browser = await launchBrowser();
  const builds = [];
  try {
    for (const dist of dists) {
      installFloor(dist);
      const server = await serve(dist);
      const diagnostics = await prepareDiagnostics(browser, server.url);
      builds.push({ dist, server, diagnostics, byRate: { 1: [], 4: [] } });
      console.log(`▶ ${dist} on ${server.url}`);
    }
    // Builds alternate within each run, so that they share the machine's moods.
    for (let i = 0; i < runs; i += 1) {
      for (const rate of CPU_RATES) {
        for (const build of builds) {
          const load = load1m();
          const run = await firstScreenRun(browser, build.server.url, build.diagnostics, rate);
          build.byRate[rate].push({ ...run, load });
          console.log(
            `  ${basename(build.dist)} run ${i + 1}, CPU ${rate}×, load ${load}: question ${Math.round(run.question.ms)} ms${run.question.loadingSeen ? ' (loading text seen)' : ''}, floor ${Math.round(run.floorQuestion.ms)}; radars ${Math.round(run.radars.ms)} ms${run.radars.loadingSeen ? ' (loading text seen)' : ''}, floor ${Math.round(run.floorRadars.ms)}`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    for (const build of builds) await build.server.close();
  }
  for (const build of builds) {
    const result = {
      what: 'fresh context each run, 1280×800, localhost; floor: bench/floor.html',
      byCpuRate: Object.fromEntries(CPU_RATES.map((rate) => [rate, summarise(build.byRate[rate])])),
    };
    console.log(firstScreensMarkdown(result, build.dist));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
