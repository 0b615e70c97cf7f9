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
 * The column store (`src/domain/scoring/answer-columns.ts`): a stored part as columns, written
 * and read back with its one-pass check, against the same part as objects read back through
 * zod; each grid aggregated from columns; and the heap the respondents take, with a full
 * garbage collection's time, built key by key (as before) and rebuilt from columns.
 * Writes bench/campaign-steps-results.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { aggregateColumnsSteps, aggregateGridSteps } from '@/domain/aggregate/aggregate-grid';
import {
  type AnswerColumns,
  checkAnswerColumns,
  fromAnswerColumns,
  toAnswerColumns,
} from '@/domain/scoring/answer-columns';
import { Respondent as RespondentSchema } from '@/domain/diagnostic/diagnostic';
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

// The column store: a stored part written and read back as columns, against objects + zod.
const asColumns = timeOnce(() => serialize(toAnswerColumns(chunk)));
const columnsBack = timeOnce(() => {
  const checked = checkAnswerColumns(deserialize(asColumns.value));
  if (typeof checked === 'string') throw new Error(checked);
  return fromAnswerColumns(checked);
});
const objectsBack = timeOnce(() =>
  (deserialize(written.value) as unknown[]).map((r) => RespondentSchema.parse(r)),
);
results.columnPart = {
  respondents: RESPONDENTS_PER_CHUNK,
  megabytes: Math.round((asColumns.value.byteLength / 1048576) * 100) / 100,
  writeMs: round(asColumns.ms),
  readCheckedMs: round(columnsBack.ms),
  objectsReadThroughZodMs: round(objectsBack.ms),
};

// Every part as columns (as stored), then each grid aggregated from them, without objects.
const parts: AnswerColumns[] = [];
for (let at = 0; at < RESPONDENTS; at += RESPONDENTS_PER_CHUNK)
  parts.push(toAnswerColumns(respondents.slice(at, at + RESPONDENTS_PER_CHUNK))!);
const roles = Uint8Array.from(respondents, (r) => ROLES.indexOf(r.role));
results.aggregateColumns = grids.map((grid) => {
  const items = grid.dimensions.flatMap((d) => d.items.map((i) => i.id));
  const codes = items.map(() => new Int8Array(RESPONDENTS));
  for (const [p, part] of parts.entries()) {
    const own = part.grids.find((g) => g.gridId === grid.id)!;
    for (const [i, id] of own.items.entries())
      codes[items.indexOf(id)]!.set(own.codes[i]!, p * RESPONDENTS_PER_CHUNK);
  }
  const timed = timeSteps(
    aggregateColumnsSteps(grid, { gridId: grid.id, items, codes }, roles, {
      anonymityThreshold: 3,
    }),
  );
  return {
    grid: grid.id,
    steps: timed.steps,
    longestStepMs: round(timed.longestStepMs),
    totalMs: round(timed.totalMs),
  };
});

// The heap the respondents take, and a full collection's time: as built so far (key by key,
// as the import built them before), then rebuilt from the columns (as storage and the worker
// parts now build them).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heapOf(build: () => unknown) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  gc();
  const after = process.memoryUsage().heapUsed;
  const start = performance.now();
  gc();
  const gcMs = performance.now() - start;
  return { kept, megabytes: Math.round((after - before) / 1e6), fullGcMs: round(gcMs) };
}
// Dropped from here: only the copies below are kept while measured.
const keyByKey = heapOf(() =>
  respondents.map((r) => ({
    ...r,
    answers: Object.fromEntries(
      Object.entries(r.answers).map(([g, a]) => {
        const own: Record<string, AnswerValue> = {};
        for (const [k, v] of Object.entries(a)) own[k] = v;
        return [g, own];
      }),
    ),
  })),
);
keyByKey.kept = null;
const fromColumns = heapOf(() => parts.flatMap((part) => fromAnswerColumns(part)));
fromColumns.kept = null;
const columnsOnly = heapOf(() => parts.map((part) => toAnswerColumns(fromAnswerColumns(part))));
results.heap = {
  respondents: RESPONDENTS,
  objectsKeyByKey: { megabytes: keyByKey.megabytes, fullGcMs: keyByKey.fullGcMs },
  objectsFromColumns: { megabytes: fromColumns.megabytes, fullGcMs: fromColumns.fullGcMs },
  columnsOnly: { megabytes: columnsOnly.megabytes, fullGcMs: columnsOnly.fullGcMs },
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
  columnPart: results.columnPart,
  aggregateColumns: results.aggregateColumns,
  heap: results.heap,
};
writeFileSync(
  join(ROOT, 'bench', 'campaign-steps-results.json'),
  JSON.stringify(summary, null, 2) + '\n',
);
console.log(JSON.stringify(summary, null, 2));
