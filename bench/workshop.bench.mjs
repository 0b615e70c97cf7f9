#!/usr/bin/env node
/**
 * Workshop import benchmark (bench/README.md, « Workshop import »), in Debian's Chromium:
 *
 *   npm run bench:workshop                  # builds the app, 3 runs of each scenario
 *   npm run bench:workshop -- --quick       # 1 run of each
 *   npm run bench:workshop -- --dist=<dir>  # reuses a build instead of building
 *   npm run bench:workshop -- --cpu-profile=<dir>  # also writes a JS CPU profile of each run
 *                                                  # (slower: not for the figures)
 *
 * `npm run bench` calls it too (with its own build, server and browser): the figures land in
 * bench/results.json under `workshopImport` and in bench/results.md.
 *
 * A diagnostic with the four bundled grids is created through the form, then, in a fresh browser
 * context each run (the stored empty diagnostic, an empty HTTP cache):
 *
 * 1. Response files: 1,000 files (990 participants, 10 of them sent twice), every role, some
 *    "don't know" / "not applicable", some partial, a few comments, written as the app writes
 *    them, are handed at once to the workshop page's file input. Timed: files chosen (the input's
 *    change event) → preview painted; click on "Confirm" → aggregate results painted (the radar
 *    of every grid and the new total).
 * 2. Survey CSV: 10,000 rows × 120 item columns as an online survey tool exports them (a
 *    timestamp, the role, the question texts as headers, answer labels as cells, some empty).
 *    Timed: file chosen → column mapping painted and checked (auto-matched); "Add to batch" →
 *    preview painted; "Confirm" → results painted.
 *
 * "Painted" is the next animation frame after the awaited element is in the page. Responsiveness
 * during each phase: the longest main-thread task (PerformanceObserver 'longtask') and the longest
 * gap between two animation frames. Every figure is the median with min, max and the number of
 * runs; nothing is asserted (the goal, 3 s per phase, is reported beside the figures).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ROOT, buildApp, freshContext, launchBrowser, serve } from './lib/app.mjs';

/** Response files imported at once, and how many of them re-send an earlier participant. */
export const FILES = 1000;
export const RESENT = 10;
/** Survey CSV size. */
export const CSV_ROWS = 10_000;
export const CSV_ITEMS = 120;
/** The goal for each phase (3 s, the page responsive throughout), reported, never asserted. */
export const GOAL_MS = 3000;

const ROLES = ['management', 'manager', 'employee', 'representative', 'other'];
/** Share of each role among participants: mostly employees, as in a real workshop. */
const ROLE_WEIGHTS = [0.05, 0.2, 0.55, 0.1, 0.1];
const ROLE_LABELS_FR = JSON.parse(
  readFileSync(join(ROOT, 'src/i18n/locales/fr/labels.json'), 'utf8'),
);

/** mulberry32: seeded, so every run and machine imports the same files. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickRole(random) {
  let x = random();
  for (let i = 0; i < ROLES.length; i += 1) {
    x -= ROLE_WEIGHTS[i];
    if (x < 0) return ROLES[i];
  }
  return 'employee';
}

function uuid(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Items of a stored grid snapshot with their scale. */
function itemsOf(grid) {
  const scales = new Map(grid.scales.map((s) => [s.id, s]));
  return grid.dimensions.flatMap((d) =>
    d.items.map((item) => ({ dimension: d.id, item, scale: scales.get(item.scale) })),
  );
}

/**
 * The answer of a respondent to one item: leaning by role (the roles diverge), 5 % "don't know"
 * and 3 % "not applicable" where the scale offers them, else a point of the scale; `null` when
 * left unanswered.
 */
function answerFor(random, scale, roleIndex) {
  const x = random();
  if (x < 0.05 && scale.allowDontKnow !== false) return 'dk';
  if (x < 0.08 && scale.allowNotApplicable) return 'na';
  const n = scale.points.length;
  const lean = (roleIndex % 3) - 1; // −1, 0 or +1 point
  const k = Math.min(n - 1, Math.max(0, Math.floor(random() * n) + lean));
  return scale.points[k].value;
}

// ---------------------------------------------------------------------------------------------
// Data

/**
 * 1,000 response files for `diagnostic` (as stored: grids with their snapshot), one participant
 * each, as the app exports them: 990 participants over the five roles, 20 % of them stopping
 * part-way, one in ten with a comment; the last 10 files re-send earlier participants' files.
 */
export function responseFiles(diagnostic, count = FILES, resent = RESENT) {
  const random = prng(7);
  const grids = diagnostic.grids.map((g) => ({ ...g, items: itemsOf(g.grid) }));
  const header = {
    format: 'qvt-numerique/responses',
    formatVersion: 1,
    exportedAt: '2026-03-02T10:00:00.000Z',
    diagnostic: { id: diagnostic.id, title: diagnostic.title },
    grids: grids.map(({ id, version, hash }) => ({ id, version, hash })),
  };
  const files = [];
  for (let i = 0; i < count - resent; i += 1) {
    const role = pickRole(random);
    const roleIndex = ROLES.indexOf(role);
    const partial = random() < 0.2;
    const answers = {};
    const comments = {};
    for (const grid of grids) {
      const stopAt = partial ? Math.floor(random() * grid.items.length) : grid.items.length;
      if (stopAt === 0) continue;
      answers[grid.id] = {};
      grid.items.slice(0, stopAt).forEach(({ item, scale }) => {
        answers[grid.id][item.id] = answerFor(random, scale, roleIndex);
      });
      if (random() < 0.1)
        comments[grid.id] = {
          [grid.items[0].dimension]:
            `Participant ${i + 1} : l’outil change l’organisation du travail.`,
        };
    }
    const file = { ...header, respondents: [{ id: uuid(random), role, answers, comments }] };
    files.push({
      name: `reponses-${String(i + 1).padStart(4, '0')}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file, null, 2) + '\n'),
    });
  }
  for (let k = 0; k < resent; k += 1) {
    const again = files[Math.floor((k * (count - resent)) / resent)];
    files.push({ ...again, name: again.name.replace('.json', '-renvoi.json') });
  }
  return files;
}

function csvCell(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A survey tool's CSV export: `Horodateur`, `Rôle`, then 120 questions (the first 30 items of
 * each bundled grid) headed by their French text; answers as French scale labels, « Je ne sais
 * pas » / « Non concerné », empty when skipped (15 % of respondents skip the last grid).
 */
export function surveyCsv(diagnostic, rows = CSV_ROWS, itemCount = CSV_ITEMS) {
  const random = prng(11);
  const perGrid = Math.ceil(itemCount / diagnostic.grids.length);
  const columns = diagnostic.grids
    .flatMap((g, gridIndex) =>
      itemsOf(g.grid)
        .slice(0, perGrid)
        .map((entry) => ({ ...entry, gridIndex })),
    )
    .slice(0, itemCount);
  const lastGrid = diagnostic.grids.length - 1;
  const lines = [
    ['Horodateur', 'Rôle', ...columns.map(({ item }) => item.text.fr)].map(csvCell).join(','),
  ];
  for (let r = 0; r < rows; r += 1) {
    const role = pickRole(random);
    const roleIndex = ROLES.indexOf(role);
    const skipsLast = random() < 0.15;
    const minutes = r % 60;
    const cells = [
      `2026/03/${String(2 + Math.floor(r / 1440)).padStart(2, '0')} ${String(Math.floor(r / 60) % 24).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(r % 57).padStart(2, '0')}`,
      ROLE_LABELS_FR.role[role],
    ];
    for (const { scale, gridIndex } of columns) {
      if ((skipsLast && gridIndex === lastGrid) || random() < 0.02) {
        cells.push('');
        continue;
      }
      const value = answerFor(random, scale, roleIndex);
      cells.push(
        value === 'dk'
          ? ROLE_LABELS_FR.answer.dk
          : value === 'na'
            ? ROLE_LABELS_FR.answer.na
            : scale.points.find((p) => p.value === value).label.fr,
      );
    }
    lines.push(cells.map(csvCell).join(','));
  }
  return { text: lines.join('\r\n') + '\r\n', columns: columns.length };
}

/** Campaign size: respondents of a large employer's survey (docs/campaigns.md, « Scale »). */
export const CAMPAIGN_ROWS = 100_000;
/** The campaign's targets (import to radars, heap), reported, never asserted. */
export const CAMPAIGN_GOAL_MS = 15_000;
export const CAMPAIGN_HEAP_GOAL_MB = 400;
export const CAMPAIGN_TASK_GOAL_MS = 200;

const ROLE_CODES = {
  management: 'MGMT',
  manager: 'MGR',
  employee: 'EMP',
  representative: 'REP',
  other: 'OTH',
};

/**
 * A LimeSurvey response export of the survey the app exports for `diagnostic` (every item of the
 * four grids): headings and answers as codes, `;`, every cell quoted, UTF-8 with a byte-order
 * mark, LimeSurvey's own columns first; 3 % of responses incomplete (no submit date). The codes
 * follow src/domain/files/survey-codes.ts (the bundled grids' ids need no cut).
 */
export function campaignCsv(diagnostic, rows = CAMPAIGN_ROWS) {
  const random = prng(21);
  const columns = [];
  // A question code already taken gets a number, as survey-codes.ts's `unique` gives it (a
  // dimension with two scales of the same first letter: `usmessagerieF`, then `usmessagerieF2`).
  const used = new Set(['role']);
  const unique = (code) => {
    let candidate = code;
    for (let n = 2; used.has(candidate.toLowerCase()); n += 1)
      candidate = code.slice(0, 20 - String(n).length) + String(n);
    used.add(candidate.toLowerCase());
    return candidate;
  };
  for (const { grid } of diagnostic.grids) {
    const scales = new Map(grid.scales.map((sc) => [sc.id, sc]));
    for (const d of grid.dimensions) {
      const base = d.id.replace(/[^A-Za-z0-9]/g, '');
      const order = [];
      for (const item of d.items) if (!order.includes(item.scale)) order.push(item.scale);
      const codes = order.map((scaleId, k) =>
        unique(k === 0 ? base : base + scaleId.replace(/[^A-Za-z]/g, '')[0].toUpperCase()),
      );
      for (const item of d.items) {
        const scale = scales.get(item.scale);
        const q = codes[order.indexOf(item.scale)];
        const plain = scale.points.every((p) => Number.isInteger(p.value) && p.value >= 0);
        columns.push({ code: `${q}[${item.id.replace(/[^A-Za-z0-9]/g, '')}]`, scale, plain });
      }
    }
  }
  const quote = (cells) => cells.map((c) => `"${c}"`).join(';');
  const lines = [
    '\uFEFF' +
      quote([
        'id',
        'submitdate',
        'lastpage',
        'startlanguage',
        'seed',
        'role',
        ...columns.map((c) => c.code),
      ]),
  ];
  let incomplete = 0;
  for (let r = 0; r < rows; r += 1) {
    const role = pickRole(random);
    const roleIndex = ROLES.indexOf(role);
    const done = random() >= 0.03;
    if (!done) incomplete += 1;
    const cells = [
      String(r + 1),
      done ? '2026-03-02 10:00:00' : '',
      done ? '9' : '4',
      'fr',
      '',
      ROLE_CODES[role],
    ];
    for (const { scale, plain } of columns) {
      if (random() < 0.02) {
        cells.push('');
        continue;
      }
      const value = answerFor(random, scale, roleIndex);
      cells.push(
        value === 'dk'
          ? 'DK'
          : value === 'na'
            ? 'NA'
            : plain
              ? String(value)
              : `A${scale.points.findIndex((p) => p.value === value) + 1}`,
      );
    }
    lines.push(quote(cells));
  }
  return {
    text: lines.join('\r\n') + '\r\n',
    columns: columns.length,
    complete: rows - incomplete,
  };
}

// ---------------------------------------------------------------------------------------------
// In the page

/**
 * Installed before the app: long tasks (PerformanceObserver 'longtask', buffered), every
 * animation frame's time, and the time of each `change` on a file input (captured on the
 * document, before React's handler runs).
 */
function instrument() {
  const bench = { longTasks: [], frames: [], chosenAt: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.noLongTask = true;
  }
  const tick = (time) => {
    bench.frames.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  document.addEventListener(
    'change',
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file')
        bench.chosenAt.push(performance.now());
    },
    true,
  );
  /**
   * Resolves with the time of the first animation frame after `test()` holds (checked on every
   * DOM change); the promise is kept on `__bench.wait`.
   */
  bench.when = (test) => {
    bench.wait = new Promise((resolve) => {
      const check = () => {
        if (!test()) return false;
        requestAnimationFrame(() => resolve(performance.now()));
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(() => {
        if (check()) observer.disconnect();
      });
      observer.observe(document, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
    });
  };
}

/**
 * Arms a wait in the page for `predicate` (the source of a function, run in the page). Given as
 * an expression to the DevTools protocol: the app's CSP forbids eval in the page itself.
 */
async function arm(page, predicate) {
  await page.evaluate(`window.__bench.when(${predicate})`);
}

/** The painted time of the armed wait. */
async function painted(page, timeout = 300_000) {
  return page.evaluate(
    (ms) =>
      Promise.race([
        window.__bench.wait,
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
      ]),
    timeout,
  );
}

/** Longest long task and longest gap between animation frames from `from` to `to` (page ms). */
async function responsiveness(page, from, to) {
  return page.evaluate(
    ([a, b]) => {
      const bench = window.__bench;
      // Tasks overlapping the phase, clipped to it: the task that dispatches the change event
      // also holds the test driver's own work before it.
      let longestTask = 0;
      let blocked = 0;
      for (const t of bench.longTasks) {
        const duration = Math.min(b, t.start + t.duration) - Math.max(a, t.start);
        if (duration <= 0) continue;
        longestTask = Math.max(longestTask, duration);
        blocked += Math.max(0, duration - 50);
      }
      let longestFrameGap = 0;
      let previous = null;
      for (const f of bench.frames) {
        if (f < a) {
          previous = f;
          continue;
        }
        if (previous !== null) longestFrameGap = Math.max(longestFrameGap, f - previous);
        previous = f;
        if (f > b) break;
      }
      return { longestTask, longestFrameGap, blockingTime: blocked };
    },
    [from, to],
  );
}

/** Clicks a button by its visible name with a DOM click (no Playwright waits); page time. */
async function clickAt(page, name) {
  const button = page.getByRole('button', { name });
  await button.waitFor({ state: 'visible' });
  return button.evaluate((el) => {
    if (el.disabled) throw new Error(`"${el.textContent}" is disabled`);
    const at = performance.now();
    el.click();
    return at;
  });
}

// Predicates, run in the page (function sources).
const previewShown = `() =>
  document.querySelector('[data-testid="preview-to-add"]') !== null &&
  [...document.querySelectorAll('.import-preview button')].some((b) =>
    b.textContent.includes('Confirmer l’import'))`;
const mappingChecked = `() =>
  document.querySelector('.csv-mapping [data-testid="csv-mapping"] select') !== null &&
  document.querySelector('.csv-mapping .notice') !== null`;

/**
 * The total is `n` and every grid's results are shown: the aggregate section no longer busy,
 * each grid with its radar box laid out, and each radar in view drawn. A radar draws when a fifth
 * of its box comes into view (src/shared/charts/in-view.ts), so one below the fold has its box
 * and its tables, and is drawn when the reader scrolls to it.
 */
function resultsShown(n) {
  return `() => {
    const total = document.querySelector('[data-testid="participation-total"]');
    if (!total || !total.textContent.replace(/\\s/g, '').includes('${n}')) return false;
    const section = document.querySelector('#aggregate');
    if (!section || section.getAttribute('aria-busy') === 'true') return false;
    const grids = [...section.querySelectorAll('section[data-grid-id]')];
    return grids.length > 0 && grids.every((g) => {
      const box = g.querySelector('.radar');
      if (!box) return false;
      const r = box.getBoundingClientRect();
      const seen = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
      return seen < r.height / 5 || box.querySelector('.recharts-radar') !== null;
    });
  }`;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** Creates the workshop's diagnostic (four bundled grids) through the form; returns it as stored. */
export async function createWorkshopDiagnostic(browser, baseUrl) {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${baseUrl}#/new`);
  await page.getByLabel('Titre du diagnostic').fill('Atelier banc d’essai');
  await page.getByRole('checkbox').nth(3).waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Créer et commencer' }).click();
  await page.waitForURL(/#\/answer\/[^/]+/);
  const id = decodeURIComponent(/#\/answer\/([^/]+)/.exec(page.url())[1]);
  const diagnostic = await page.evaluate(async (key) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('qvt-numerique');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const d = await new Promise((resolve, reject) => {
        const req = db.transaction('diagnostics').objectStore('diagnostics').get(key);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      if (d) return d;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return null;
  }, id);
  if (!diagnostic) throw new Error(`diagnostic ${id} not stored`);
  if (diagnostic.respondents.length !== 0) throw new Error('the new diagnostic has respondents');
  const state = await context.storageState({ indexedDB: true });
  await context.close();
  return { diagnostic, state };
}

export async function openWorkshop(browser, baseUrl, state, diagnosticId) {
  const context = await freshContext(browser, state);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  await page.goto(`${baseUrl}#/workshop/${encodeURIComponent(diagnosticId)}`);
  await page.getByTestId('response-files-input').waitFor({ state: 'attached' });
  await page.getByText('Personne n’a encore répondu.').first().waitFor();
  return { context, page };
}

async function chosenAt(page) {
  return page.evaluate(() => window.__bench.chosenAt.at(-1));
}

/**
 * With `file`, records the page's JavaScript CPU profile (DevTools protocol) until the returned
 * function is called, then writes it (open it in Chromium's DevTools, Performance panel).
 */
async function startProfile(context, page, file) {
  if (!file) return async () => undefined;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
  };
}

/** One run of the response-file scenario. */
async function responseFilesRun(browser, baseUrl, state, diagnostic, files, expected, profile) {
  const { context, page } = await openWorkshop(browser, baseUrl, state, diagnostic.id);
  const stopProfile = await startProfile(context, page, profile);
  try {
    await arm(page, previewShown);
    await page.getByTestId('response-files-input').setInputFiles(files, { timeout: 300_000 });
    const previewAt = await painted(page);
    const chosen = await chosenAt(page);
    const toAdd = await page.getByTestId('preview-to-add').textContent();
    if (!toAdd.replace(/\s/g, '').includes(String(expected)))
      throw new Error(`preview says "${toAdd}", expected ${expected} to add`);
    await arm(page, resultsShown(expected));
    const confirmAt = await clickAt(page, /Confirmer l’import/);
    const resultsAt = await painted(page);
    await stopProfile();
    return {
      preview: { ms: previewAt - chosen, ...(await responsiveness(page, chosen, previewAt)) },
      results: { ms: resultsAt - confirmAt, ...(await responsiveness(page, confirmAt, resultsAt)) },
    };
  } finally {
    await context.close();
  }
}

/** One run of the survey-CSV scenario. */
async function csvRun(browser, baseUrl, state, diagnostic, csv, expected, profile) {
  const { context, page } = await openWorkshop(browser, baseUrl, state, diagnostic.id);
  const stopProfile = await startProfile(context, page, profile);
  try {
    await arm(page, mappingChecked);
    await page.getByTestId('response-files-input').setInputFiles([csv], { timeout: 300_000 });
    const mappingAt = await painted(page);
    const chosen = await chosenAt(page);
    const mapped = await page
      .locator('.csv-mapping select')
      .evaluateAll((selects) => selects.filter((s) => s.value.startsWith('item:')).length);
    const ready = await page.locator('.csv-mapping .notice').textContent();
    if (!/prêts? à être ajoutés? au lot/.test(ready))
      throw new Error(`the mapping is not ready: ${ready}`);
    await arm(page, previewShown);
    const addAt = await clickAt(page, 'Ajouter au lot');
    const previewAt = await painted(page);
    await arm(page, resultsShown(expected));
    const confirmAt = await clickAt(page, /Confirmer l’import/);
    const resultsAt = await painted(page);
    await stopProfile();
    return {
      mappedColumns: mapped,
      mapping: { ms: mappingAt - chosen, ...(await responsiveness(page, chosen, mappingAt)) },
      preview: { ms: previewAt - addAt, ...(await responsiveness(page, addAt, previewAt)) },
      results: { ms: resultsAt - confirmAt, ...(await responsiveness(page, confirmAt, resultsAt)) },
    };
  } finally {
    await context.close();
  }
}

/**
 * Peak JS heap of the page while `work` runs: the DevTools protocol's heap usage, read every
 * 100 ms (the CSV worker's own heap is not counted).
 */
async function withPeakHeap(context, page, work) {
  const cdp = await context.newCDPSession(page);
  let peak = 0;
  let stop = false;
  const poll = (async () => {
    while (!stop) {
      try {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        peak = Math.max(peak, usedSize);
      } catch {
        // the page is navigating
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    const result = await work();
    return { result, peakHeapMb: Math.round(peak / 1048576) };
  } finally {
    stop = true;
    await poll;
  }
}

/**
 * One run of the campaign scenario: a 100,000-respondent LimeSurvey export chosen →
 * mapping checked (no manual step); "Add to batch" → preview; confirm → every grid's results
 * shown (`resultsShown`); reload → shown again (read back from storage); deleted from the start
 * page.
 */
async function campaignRun(browser, baseUrl, state, diagnostic, csv, expected, profileDir) {
  const { context, page } = await openWorkshop(browser, baseUrl, state, diagnostic.id);
  const profile = (name) => profileDir && join(profileDir, `campaign-${name}.cpuprofile`);
  try {
    const stopImportProfile = await startProfile(context, page, profile('import'));
    const { result, peakHeapMb } = await withPeakHeap(context, page, async () => {
      await arm(page, mappingChecked);
      await page.getByTestId('response-files-input').setInputFiles([csv], { timeout: 600_000 });
      const mappingAt = await painted(page, 600_000);
      const chosen = await chosenAt(page);
      const ready = await page.locator('.csv-mapping .notice').textContent();
      if (!/prêts? à être ajoutés? au lot/.test(ready))
        throw new Error(`the mapping is not ready: ${ready}`);
      await arm(page, previewShown);
      const addAt = await clickAt(page, 'Ajouter au lot');
      const previewAt = await painted(page, 600_000);
      await arm(page, resultsShown(expected));
      const confirmAt = await clickAt(page, /Confirmer l’import/);
      const resultsAt = await painted(page, 600_000);
      return {
        mapping: { ms: mappingAt - chosen, ...(await responsiveness(page, chosen, mappingAt)) },
        preview: { ms: previewAt - addAt, ...(await responsiveness(page, addAt, previewAt)) },
        results: {
          ms: resultsAt - confirmAt,
          ...(await responsiveness(page, confirmAt, resultsAt)),
        },
        importToRadarsMs: resultsAt - chosen,
      };
    });
    await stopImportProfile();
    // Saved? Wait until the stored record says so, then reopen.
    const saveStarted = performance.now();
    await page.waitForFunction(
      async (key) => {
        const db = await new Promise((resolve, reject) => {
          const req = indexedDB.open('qvt-numerique');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const head = await new Promise((resolve) => {
          const req = db.transaction('diagnostics').objectStore('diagnostics').get(key);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve(undefined);
        });
        db.close();
        return head?.respondentChunks?.respondents > 0;
      },
      diagnostic.id,
      { timeout: 600_000, polling: 500 },
    );
    const savedMs = performance.now() - saveStarted;
    await arm(page, '() => true');
    const stopReopenProfile = await startProfile(context, page, profile('reopen'));
    const reloadStarted = performance.now();
    await page.reload();
    await page.evaluate(`window.__bench.when(${resultsShown(expected)})`);
    await painted(page, 600_000);
    const reopenMs = performance.now() - reloadStarted;
    await stopReopenProfile();
    const reopen = await responsiveness(page, 0, await page.evaluate(() => performance.now()));
    await page.goto(`${baseUrl}#/`);
    const deleteStarted = performance.now();
    let deleteMs = null;
    try {
      await page
        .getByRole('button', { name: /^Supprimer « Atelier banc/ })
        .click({ timeout: 300_000 });
      await page
        .getByRole('dialog', { name: 'Supprimer ce diagnostic ?' })
        .getByRole('button', { name: 'Supprimer' })
        .click();
      await page
        .getByRole('status')
        .filter({ hasText: 'a été supprimé' })
        .waitFor({ timeout: 600_000 });
      deleteMs = performance.now() - deleteStarted;
    } catch (error) {
      console.log(`  delete not measured: ${String(error).split('\n')[0]}`);
    }
    return { ...result, peakHeapMb, savedMs, reopen: { ms: reopenMs, ...reopen }, deleteMs };
  } finally {
    await context.close();
  }
}

/** The campaign scenario alone: `npm run bench:workshop -- --campaign`. */
export async function benchCampaign(
  browser,
  baseUrl,
  { runs = 1, log = console.log, profileDir = null } = {},
) {
  const { diagnostic, state } = await createWorkshopDiagnostic(browser, baseUrl);
  const { text, columns, complete } = campaignCsv(diagnostic);
  const dir = mkdtempSync(join(tmpdir(), 'qvt-bench-campaign-'));
  const csv = join(dir, 'results-survey.csv');
  writeFileSync(csv, text);
  const megabytes = Number((Buffer.byteLength(text) / 1048576).toFixed(1));
  log(
    `  campaign CSV ${CAMPAIGN_ROWS} rows × ${columns} items (${megabytes} MB), ${complete} complete`,
  );
  const loadAtStart = load1m();
  const results = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const r = await campaignRun(browser, baseUrl, state, diagnostic, csv, complete, profileDir);
      results.push(r);
      log(
        `  campaign run ${i + 1}: import to radars ${Math.round(r.importToRadarsMs)} ms (mapping ${Math.round(r.mapping.ms)}, preview ${Math.round(r.preview.ms)}, results ${Math.round(r.results.ms)}), longest task ${Math.round(Math.max(r.mapping.longestTask, r.preview.longestTask, r.results.longestTask))} ms, peak heap ${r.peakHeapMb} MB, saved after ${Math.round(r.savedMs)} ms, reopen ${Math.round(r.reopen.ms)} ms (longest task ${Math.round(r.reopen.longestTask)} ms), delete ${r.deleteMs === null ? 'not measured' : `${Math.round(r.deleteMs)} ms`}, load ${load1m()}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    name: 'campaign import in Chromium (100,000 respondents)',
    rows: CAMPAIGN_ROWS,
    itemColumns: columns,
    complete,
    megabytes,
    loadAverage1mAtStart: loadAtStart,
    loadAverage1mAtEnd: load1m(),
    goals: {
      importToRadarsMs: CAMPAIGN_GOAL_MS,
      peakHeapMb: CAMPAIGN_HEAP_GOAL_MB,
      longestTaskMs: CAMPAIGN_TASK_GOAL_MS,
    },
    importToRadarsMs: stats(results.map((r) => r.importToRadarsMs)),
    mapping: phaseStats(results, 'mapping', 'file chosen → column mapping painted and checked'),
    preview: phaseStats(results, 'preview', '"Add to batch" → preview painted'),
    results: phaseStats(
      results,
      'results',
      "confirm → every grid's results shown (radars in view drawn)",
    ),
    peakHeapMb: stats(results.map((r) => r.peakHeapMb)),
    savedMs: stats(results.map((r) => r.savedMs)),
    reopen: phaseStats(
      results,
      'reopen',
      "reload → every grid's results shown from storage (radars in view drawn)",
    ),
    deleteMs: results.every((r) => r.deleteMs !== null)
      ? stats(results.map((r) => r.deleteMs))
      : null,
  };
}

/** Median, min and max of a list of numbers, with the number of runs. */
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

function phaseStats(runs, key, what) {
  return {
    what,
    ms: stats(runs.map((r) => r[key].ms)),
    longestTaskMs: stats(runs.map((r) => r[key].longestTask)),
    longestFrameGapMs: stats(runs.map((r) => r[key].longestFrameGap)),
    blockingTimeMs: stats(runs.map((r) => r[key].blockingTime)),
  };
}

const load1m = () => Number(loadavg()[0].toFixed(2));

/**
 * Runs both scenarios `runs` times against the app served at `baseUrl`; returns the results
 * (what `npm run bench` stores under `workshopImport`).
 */
export async function benchWorkshop(
  browser,
  baseUrl,
  { runs = 3, log = console.log, profileDir = null } = {},
) {
  const profile = (name) => (profileDir ? join(profileDir, `${name}.cpuprofile`) : null);
  const { diagnostic, state } = await createWorkshopDiagnostic(browser, baseUrl);
  const files = responseFiles(diagnostic);
  const fileBytes = files.reduce((s, f) => s + f.buffer.length, 0);
  const expectedFromFiles = FILES - RESENT;
  const { text, columns } = surveyCsv(diagnostic);
  const csvBytes = Buffer.byteLength(text);
  // Handed to the input as files on disk, as a user picks them: buffers would be sent through
  // the DevTools protocol in base64 and turned into files by script in the page, which is the
  // test driver's work, not the app's (and slow for 25 MB).
  const dir = mkdtempSync(join(tmpdir(), 'qvt-bench-workshop-files-'));
  const paths = files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.buffer);
    return path;
  });
  const csv = join(dir, 'export-enquete.csv');
  writeFileSync(csv, text);
  log(
    `  ${files.length} response files (${(fileBytes / 1048576).toFixed(1)} MB), CSV ${CSV_ROWS} rows × ${columns} items (${(csvBytes / 1048576).toFixed(1)} MB)`,
  );

  const loadAtStart = load1m();
  const fileRuns = [];
  const csvRuns = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const f = await responseFilesRun(
        browser,
        baseUrl,
        state,
        diagnostic,
        paths,
        expectedFromFiles,
        profile(`files-run${i + 1}`),
      );
      fileRuns.push(f);
      log(
        `  files run ${i + 1}: preview ${Math.round(f.preview.ms)} ms (longest task ${Math.round(f.preview.longestTask)} ms), results ${Math.round(f.results.ms)} ms (longest task ${Math.round(f.results.longestTask)} ms), load ${load1m()}`,
      );
      const c = await csvRun(
        browser,
        baseUrl,
        state,
        diagnostic,
        csv,
        CSV_ROWS,
        profile(`csv-run${i + 1}`),
      );
      csvRuns.push(c);
      log(
        `  CSV run ${i + 1}: mapping ${Math.round(c.mapping.ms)} ms (longest task ${Math.round(c.mapping.longestTask)} ms), preview ${Math.round(c.preview.ms)} ms (longest task ${Math.round(c.preview.longestTask)} ms), results ${Math.round(c.results.ms)} ms (longest task ${Math.round(c.results.longestTask)} ms), ${c.mappedColumns} columns auto-matched, load ${load1m()}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    name: 'workshop import in Chromium',
    goalMsPerPhase: GOAL_MS,
    loadAverage1mAtStart: loadAtStart,
    loadAverage1mAtEnd: load1m(),
    viewport: '1280×800, no CPU or network throttling (localhost), fresh context each run',
    responseFiles: {
      files: files.length,
      participants: expectedFromFiles,
      resentFiles: RESENT,
      megabytes: Number((fileBytes / 1048576).toFixed(2)),
      items: diagnostic.grids.reduce((s, g) => s + itemsOf(g.grid).length, 0),
      grids: diagnostic.grids.length,
      preview: phaseStats(fileRuns, 'preview', 'files chosen → preview painted'),
      results: phaseStats(
        fileRuns,
        'results',
        "confirm → every grid's results shown (radars in view drawn)",
      ),
    },
    surveyCsv: {
      rows: CSV_ROWS,
      itemColumns: columns,
      autoMatchedColumns: csvRuns[0]?.mappedColumns ?? 0,
      megabytes: Number((csvBytes / 1048576).toFixed(2)),
      mapping: phaseStats(csvRuns, 'mapping', 'file chosen → column mapping painted and checked'),
      preview: phaseStats(csvRuns, 'preview', '"Add to batch" → preview painted'),
      results: phaseStats(
        csvRuns,
        'results',
        "confirm → every grid's results shown (radars in view drawn)",
      ),
    },
  };
}

/** The workshop section of bench/results.md. */
export function workshopMarkdown(w) {
  const s = (x) =>
    `${x.median} ms (min ${x.min}, max ${x.max}, ${x.runs} run${x.runs === 1 ? '' : 's'})`;
  const row = (label, p) =>
    `| ${label} | ${s(p.ms)} | ${p.ms.median <= w.goalMsPerPhase ? '✔' : '✖'} | ${p.longestTaskMs.median} ms | ${p.longestFrameGapMs.median} ms |`;
  const f = w.responseFiles;
  const c = w.surveyCsv;
  return [
    `## Workshop import in Chromium (${w.viewport}; load ${w.loadAverage1mAtStart} at start, ${w.loadAverage1mAtEnd} at end)`,
    '',
    `${f.files} response files (${f.participants} participants, ${f.resentFiles} files sent twice; ${f.grids} grids, ${f.items} items; ${f.megabytes} MB) and a survey CSV of ${c.rows} rows × ${c.itemColumns} item columns (${c.autoMatchedColumns} matched automatically; ${c.megabytes} MB). Goal: each phase under ${w.goalMsPerPhase} ms, the page responsive. Longest task and longest frame gap are medians over the runs.`,
    '',
    '| Phase | Time, median (min, max, runs) | ≤ goal | Longest task | Longest frame gap |',
    '|---|---|---|---|---|',
    row(`Files: ${f.preview.what}`, f.preview),
    row(`Files: ${f.results.what}`, f.results),
    row(`CSV: ${c.mapping.what}`, c.mapping),
    row(`CSV: ${c.preview.what}`, c.preview),
    row(`CSV: ${c.results.what}`, c.results),
    '',
  ].join('\n');
}

/** The campaign section of bench/results.md, from bench/campaign-results.json. */
export function campaignMarkdown(c) {
  const s = (x) =>
    `${x.median} ms (min ${x.min}, max ${x.max}, ${x.runs} run${x.runs === 1 ? '' : 's'})`;
  const mark = (ok) => (ok ? '✔' : '✖');
  const row = (label, p) =>
    `| ${label} | ${s(p.ms)} | ${p.longestTaskMs.median} ms | ${p.longestFrameGapMs.median} ms |`;
  const longest = Math.max(
    ...[c.mapping, c.preview, c.results, c.reopen].map((p) => p.longestTaskMs.median),
  );
  return [
    `## Campaign import in Chromium (${c.date.slice(0, 10)}, \`npm run bench:workshop -- --campaign\`; load ${c.loadAverage1mAtStart} at start, ${c.loadAverage1mAtEnd} at end)`,
    '',
    `A LimeSurvey response export of ${c.rows.toLocaleString('en-GB')} rows × ${c.itemColumns} item columns (${c.megabytes} MB; ${c.complete.toLocaleString('en-GB')} complete responses), imported through the workshop page's file input as a user would, with no manual mapping.`,
    '',
    '| Target | Measured | Met |',
    '|---|---|---|',
    `| Import to radars under ${c.goals.importToRadarsMs / 1000} s | ${s(c.importToRadarsMs)} | ${mark(c.importToRadarsMs.median < c.goals.importToRadarsMs)} |`,
    `| No task over ${c.goals.longestTaskMs} ms (import and reload) | longest ${longest} ms | ${mark(longest <= c.goals.longestTaskMs)} |`,
    `| Peak JS heap under ${c.goals.peakHeapMb} MB | ${c.peakHeapMb.median} MB | ${mark(c.peakHeapMb.median < c.goals.peakHeapMb)} |`,
    '',
    '| Phase | Time, median (min, max, runs) | Longest task | Longest frame gap |',
    '|---|---|---|---|',
    row(c.mapping.what, c.mapping),
    row(c.preview.what, c.preview),
    row(c.results.what, c.results),
    row(c.reopen.what, c.reopen),
    '',
    `Saved (in the background, after the radars): ${c.savedMs.median} ms. Deleted whole: ${c.deleteMs.median} ms.`,
    '',
  ].join('\n');
}

/** Replaces the section of bench/results.md headed `heading…` with `section`, or adds it. */
function replaceSection(text, heading, section) {
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const old = new RegExp(`(^## ${escaped}[^\\n]*\\n[\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm');
  return old.test(text) ? text.replace(old, `${section}\n\n`) : `${text.trimEnd()}\n\n${section}\n`;
}

// ---------------------------------------------------------------------------------------------
// Standalone

async function main() {
  const args = process.argv.slice(2);
  const runs = args.includes('--quick') ? 1 : 3;
  const distArg = args.find((a) => a.startsWith('--dist='));
  const profileDir = args.find((a) => a.startsWith('--cpu-profile='))?.slice(14) || null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const started = performance.now();
  let outDir = distArg?.slice('--dist='.length);
  let built = null;
  if (!outDir) {
    built = mkdtempSync(join(tmpdir(), 'qvt-bench-workshop-'));
    outDir = built;
    console.log(`▶ building into ${outDir}`);
    await buildApp(outDir);
  }
  const server = await serve(outDir);
  const browser = await launchBrowser();
  console.log(`▶ workshop import (${runs} run${runs === 1 ? '' : 's'}), serving on ${server.url}`);
  const chromium = browser.version();
  let results;
  try {
    if (args.includes('--campaign')) {
      const campaign = await benchCampaign(browser, server.url, { runs: 1, profileDir });
      campaign.date = new Date().toISOString();
      campaign.machine = {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? '',
        node: process.version,
        chromium,
      };
      writeFileSync(
        join(ROOT, 'bench', 'campaign-results.json'),
        JSON.stringify(campaign, null, 2) + '\n',
      );
      const mdPath = join(ROOT, 'bench', 'results.md');
      if (existsSync(mdPath)) {
        const text = readFileSync(mdPath, 'utf8');
        const next = replaceSection(
          text,
          'Campaign import in Chromium',
          campaignMarkdown(campaign).trimEnd(),
        );
        writeFileSync(mdPath, next.trimEnd() + '\n');
      }
      console.log(campaignMarkdown(campaign));
      console.log(
        '✔ wrote bench/campaign-results.json, updated the campaign part of bench/results.md',
      );
      return;
    }
    results = await benchWorkshop(browser, server.url, { runs, profileDir });
  } finally {
    await browser.close();
    await server.close();
    if (built) rmSync(built, { recursive: true, force: true });
  }
  results.date = new Date().toISOString();
  results.machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    node: process.version,
    chromium,
  };
  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  writeFileSync(
    join(ROOT, 'bench', 'workshop-results.json'),
    JSON.stringify(results, null, 2) + '\n',
  );
  mergeIntoResults(results);
  console.log(workshopMarkdown(results));
  console.log('✔ wrote bench/workshop-results.json, updated the workshop part of bench/results.*');
}

/**
 * Puts these figures into the last full bench's results (bench/results.json `workshopImport`, and
 * the workshop section of bench/results.md, replaced or added at the end), leaving the rest as is.
 */
export function mergeIntoResults(results) {
  const jsonPath = join(ROOT, 'bench', 'results.json');
  const mdPath = join(ROOT, 'bench', 'results.md');
  if (existsSync(jsonPath)) {
    const all = JSON.parse(readFileSync(jsonPath, 'utf8'));
    all.workshopImport = { measured: true, results };
    writeFileSync(jsonPath, JSON.stringify(all, null, 2) + '\n');
  }
  if (existsSync(mdPath)) {
    const text = readFileSync(mdPath, 'utf8');
    const section = workshopMarkdown(results).trimEnd();
    const old = /(^## Workshop import in Chromium[^\n]*\n[\s\S]*?)(?=^## |(?![\s\S]))/m;
    const placeholder = /^Workshop import \(1,000 response files, 10,000-row CSV\):.*$/m;
    const next = old.test(text)
      ? text.replace(old, `${section}\n\n`)
      : placeholder.test(text)
        ? text.replace(placeholder, section)
        : `${text.trimEnd()}\n\n${section}\n`;
    writeFileSync(mdPath, next.trimEnd() + '\n');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
