/// <reference types="node" />
/**
 * The campaign's main-thread work in steps, timed in CPU time (docs/campaigns.md, « Scale »):
 *   npx vite-node bench/campaign-steps.bench.ts
 *
 * The browser bench (`npm run bench:workshop -- --campaign`) times tasks in wall-clock time,
 * which on a machine shared by many (load 15–25 on 2 cores) counts the time the page waited
 * for a core. Here each step of the work the page runs between two pauses is timed with
 * `process.cpuUsage()` (the CPU time this process used), on 100,000 respondents of the four
 * bundled grids (151 items): the longest step bounds what a slice adds to the page's longest
 * task, whatever the load. Steps: copying the respondents into the diagnostic
 * (`applyResponseImportSteps`), the workshop's completion (`completionSteps`), each grid's
 * aggregate (`aggregateGridSteps`, scoring, groups and Cronbach's α), a part from the CSV worker
 * packed and unpacked (`packRespondents`), and a stored part of respondents copied
 * (`v8.serialize`, the structured clone IndexedDB runs in `put` and in reading a result).
 * Writes bench/campaign-steps-results.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { aggregateGridSteps } from '@/domain/aggregate/aggregate-grid';
import { ROLES, type AnswerValue, type Role } from '@/domain/answers/answers';
import type { Diagnostic, Respondent } from '@/domain/diagnostic/diagnostic';
import { applyResponseImportSteps, type ImportPlan } from '@/domain/files/response-import-plan';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import { completionSteps } from '@/features/workshop/results/completion';
import {
  packRespondents,
  RESPONDENTS_PER_MESSAGE,
  unpackRespondents,
} from '@/features/workshop/import/csv-worker-protocol';
import { RESPONDENTS_PER_CHUNK } from '@/storage/respondent-chunks';

const RESPONDENTS = 100_000;
const ROOT = join(import.meta.dirname ?? __dirname, '..');

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const grids: Grid[] = ['uses', 'risks-opportunities', 'skills', 'social-dialogue'].map((name) => {
  const loaded = loadGrid(
    JSON.parse(readFileSync(join(ROOT, 'questionnaires', `${name}.json`), 'utf8')),
  );
  if (!loaded.ok) throw new Error(name);
  return loaded.grid;
});

const random = prng(21);
const respondents: Respondent[] = Array.from({ length: RESPONDENTS }, (_, r) => {
  const answers: Record<string, Record<string, AnswerValue>> = {};
  for (const grid of grids) {
    const scales = new Map(grid.scales.map((s) => [s.id, s]));
    const own: Record<string, AnswerValue> = {};
    for (const d of grid.dimensions)
      for (const item of d.items) {
        const x = random();
        if (x < 0.02) continue;
        const points = scales.get(item.scale)!.points;
        own[item.id] = x < 0.05 ? 'dk' : points[Math.floor(random() * points.length)]!.value;
      }
    answers[grid.id] = own;
  }
  return {
    id: `survey-${r + 1}`,
    role: ROLES[Math.floor(random() * ROLES.length)] as Role,
    answers,
    comments: {},
    createdAt: '2026-12-07T00:00:00.000Z',
    updatedAt: '2026-12-07T00:00:00.000Z',
  };
});

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Runs a generator to its end, timing each step (the work between two pauses) in CPU ms. */
function timeSteps<T>(steps: Generator<void, T, void>) {
  let longest = 0;
  let count = 0;
  const start = cpuMs();
  let at = start;
  for (;;) {
    const step = steps.next();
    const now = cpuMs();
    longest = Math.max(longest, now - at);
    count += 1;
    at = now;
    if (step.done)
      return { value: step.value, steps: count, longestStepMs: longest, totalMs: now - start };
  }
}

/** Times one call, in CPU ms. */
function timeOnce<T>(work: () => T): { value: T; ms: number } {
  const start = cpuMs();
  const value = work();
  return { value, ms: cpuMs() - start };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const results: Record<string, unknown> = {};
const loadAtStart = loadavg()[0];

// Copying the respondents into the diagnostic.
const diagnostic = {
  id: 'campaign',
  grids: grids.map((g) => ({ id: g.id, version: g.version, hash: 'a'.repeat(64), grid: g })),
  respondents: [],
} as unknown as Diagnostic;
const plan = {
  diagnosticId: 'campaign',
  gridHashes: Object.fromEntries(grids.map((g) => [g.id, 'a'.repeat(64)])),
  files: [],
  add: respondents.map((r) => ({ ...r, fileName: 'survey.csv' })),
  roleCounts: [],
  duplicates: [],
  mismatches: [],
  rejected: [],
  canApply: true,
} as unknown as ImportPlan;
const apply = timeSteps(applyResponseImportSteps(diagnostic, plan, '2026-12-07T00:00:00.000Z'));
results.apply = { ...apply, value: undefined };

const completion = timeSteps(completionSteps(grids, respondents));
results.completion = { ...completion, value: undefined };

results.aggregate = grids.map((grid) => {
  const list = respondents.map((r) => ({
    id: r.id,
    role: r.role,
    answers: r.answers[grid.id] ?? {},
  }));
  const timed = timeSteps(aggregateGridSteps(grid, list, { anonymityThreshold: 3 }));
  return { grid: grid.id, ...timed, value: undefined };
});

// A part from the CSV worker: packed there, unpacked on the page.
const part = respondents
  .slice(0, RESPONDENTS_PER_MESSAGE)
  .map(({ id, role, answers, comments }) => ({ id, role, answers, comments }));
const packed = timeOnce(() => packRespondents(part));
const unpacked = timeOnce(() => unpackRespondents(packed.value!));
const asObjects = timeOnce(() => deserialize(serialize(part)));
results.workerPart = {
  respondents: RESPONDENTS_PER_MESSAGE,
  packMs: round(packed.ms),
  unpackMs: round(unpacked.ms),
  objectsCopiedMs: round(asObjects.ms),
};

// A stored part of respondents, copied as IndexedDB copies it (write, then read back).
const chunk = respondents.slice(0, RESPONDENTS_PER_CHUNK);
const written = timeOnce(() => serialize(chunk));
const read = timeOnce(() => deserialize(written.value));
results.storedPart = {
  respondents: RESPONDENTS_PER_CHUNK,
  megabytes: Math.round((written.value.byteLength / 1048576) * 10) / 10,
  writeCopyMs: round(written.ms),
  readCopyMs: round(read.ms),
};

const summary = {
  name: 'campaign main-thread steps in CPU time (100,000 respondents)',
  respondents: RESPONDENTS,
  items: grids.reduce((n, g) => n + g.dimensions.reduce((m, d) => m + d.items.length, 0), 0),
  date: new Date().toISOString(),
  loadAverage1mAtStart: Math.round(loadAtStart! * 100) / 100,
  loadAverage1mAtEnd: Math.round(loadavg()[0]! * 100) / 100,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', node: process.version },
  apply: {
    steps: apply.steps,
    longestStepMs: round(apply.longestStepMs),
    totalMs: round(apply.totalMs),
  },
  completion: {
    steps: completion.steps,
    longestStepMs: round(completion.longestStepMs),
    totalMs: round(completion.totalMs),
  },
  aggregate: (
    results.aggregate as { grid: string; steps: number; longestStepMs: number; totalMs: number }[]
  ).map((a) => ({
    grid: a.grid,
    steps: a.steps,
    longestStepMs: round(a.longestStepMs),
    totalMs: round(a.totalMs),
  })),
  workerPart: results.workerPart,
  storedPart: results.storedPart,
};
writeFileSync(
  join(ROOT, 'bench', 'campaign-steps-results.json'),
  JSON.stringify(summary, null, 2) + '\n',
);
console.log(JSON.stringify(summary, null, 2));
