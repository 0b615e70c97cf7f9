/**
 * Campaigns, correctness at scale: a LimeSurvey export read the campaign's way — parsed
 * as a stream into the column store in the worker, its respondents sent in parts packed in typed
 * arrays, unpacked on the page, copied into the diagnostic in steps, aggregated in steps (answers
 * gathered, matrix allocated array by array) — gives the same respondents and the same scores as
 * the ordinary way (the text split whole, the file built at once, `aggregateGrid`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { aggregateGrid, aggregateMatrixSteps } from '@/domain/aggregate/aggregate-grid';
import { ROLES, type Role } from '@/domain/answers/answers';
import {
  buildResponseFileFromCsv,
  type CsvImportOptions,
  suggestMapping,
} from '@/domain/files/csv-import';
import { buildLss, type LssTexts } from '@/domain/files/limesurvey-lss';
import { type ResponseFile } from '@/domain/files/response-file';
import { applyResponseImportSteps, planResponseImport } from '@/domain/files/response-import-plan';
import { ROLE_ANSWER_CODES, surveyPlan } from '@/domain/files/survey-codes';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import { scoreMatrixSteps } from '@/domain/scoring/score-matrix';
import { runToEnd } from '@/domain/run-to-end';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import {
  createCsvWorkerHandler,
  type CsvWorkerResponse,
  RESPONDENTS_PER_MESSAGE,
  unpackRespondents,
} from '@/features/workshop/import/csv-worker-protocol';
import { assembleBuilt } from '@/features/workshop/import/csv-source';
import labelsEn from '@/i18n/locales/en/labels.json';
import surveyEn from '@/i18n/locales/en/survey.json';
import labelsFr from '@/i18n/locales/fr/labels.json';
import surveyFr from '@/i18n/locales/fr/survey.json';
import { limeSurveyExport } from '../../../fixtures/limesurvey-export';

const ROOT = join(__dirname, '../../../..');
const grids: Grid[] = ['uses', 'social-dialogue'].map((name) => {
  const loaded = loadGrid(
    JSON.parse(readFileSync(join(ROOT, `questionnaires/${name}.json`), 'utf8')),
  );
  if (!loaded.ok) throw new Error(name);
  return loaded.grid;
});

const texts = (survey: typeof surveyFr, labels: typeof labelsFr): LssTexts => ({
  title: 'Atelier',
  description: survey.description,
  roleGroup: survey.roleGroup,
  roleQuestion: survey.roleQuestion,
  welcome: survey.welcome,
  end: survey.end,
  dontKnow: labels.answer.dk,
  notApplicable: labels.answer.na,
  roles: labels.role,
});
const xml = buildLss({
  diagnosticId: 'd1',
  grids,
  languages: ['fr', 'en'],
  texts: { fr: texts(surveyFr, labelsFr), en: texts(surveyEn, labelsEn) },
});
const options: CsvImportOptions = {
  grids: grids.map((grid) => ({ grid, hash: 'c'.repeat(64) })),
  diagnostic: { id: 'd1', title: 'Atelier' },
  vocabulary: {
    roles: Object.fromEntries(ROLES.map((r) => [r, [labelsFr.role[r], labelsEn.role[r]]])),
    dontKnow: [labelsFr.answer.dk, labelsEn.answer.dk],
    notApplicable: [labelsFr.answer.na, labelsEn.answer.na],
    roleHeaders: [surveyFr.roleQuestion, surveyEn.roleQuestion],
  },
  exportedAt: '2026-12-07T00:00:00.000Z',
};

/** mulberry32, so the export is the same every run. */
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

/** A LimeSurvey code export of `rows` responses: blanks, « don't know », « not applicable ». */
function exportOf(rows: number): string {
  const random = prng(rows);
  const plan = surveyPlan(grids);
  const responses = Array.from({ length: rows }, (_, r) => {
    const role = ROLES[Math.floor(random() * ROLES.length)] as Role;
    const answers: Record<string, string> = { role: ROLE_ANSWER_CODES[role] };
    for (const q of plan)
      for (const sub of q.items) {
        const x = random();
        const point = Math.floor(random() * q.scale.points.length);
        answers[`${q.code}[${sub.code}]`] =
          x < 0.05
            ? ''
            : x < 0.08 && q.scale.allowDontKnow
              ? 'DK'
              : x < 0.1 && q.scale.allowNotApplicable
                ? 'NA'
                : String(q.scale.points[point]!.value);
      }
    return { id: r + 1, submitted: random() > 0.03, lang: 'fr', answers };
  });
  return limeSurveyExport(xml, responses, {
    headings: 'code',
    answers: 'short',
    separator: ';',
    lang: 'fr',
  });
}

/** The ordinary way: the text split whole, the file built at once. */
function ordinary(text: string): ResponseFile {
  const [header = [], ...body] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
  }).data;
  const mapping = suggestMapping(header, grids, {
    vocabulary: options.vocabulary,
    preview: body.slice(0, 3),
  });
  const result = buildResponseFileFromCsv({ header, rows: body }, mapping, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.file;
}

/** The campaign's way: streamed into the column store, sent packed, unpacked. */
async function campaign(text: string, how: CsvImportOptions = options): Promise<ResponseFile> {
  const out: CsvWorkerResponse[] = [];
  const handle = createCsvWorkerHandler((message) => out.push(structuredClone(message)));
  await handle({ type: 'parse', file: new Blob([text], { type: 'text/csv' }) });
  const parsed = out.pop();
  if (parsed?.type !== 'parsed') throw new Error(JSON.stringify(parsed));
  const mapping = suggestMapping(parsed.header, grids, {
    vocabulary: options.vocabulary,
    preview: parsed.preview,
  });
  await handle({ type: 'build', id: 1, want: 'file', mapping, options: how });
  const built = out.at(-1);
  if (built?.type !== 'built') throw new Error(JSON.stringify(built));
  const parts = out.flatMap((m) =>
    m.type === 'built-part' ? ['packed' in m ? unpackRespondents(m.packed) : m.respondents] : [],
  );
  expect(out.filter((m) => m.type === 'built-part' && 'packed' in m).length).toBe(parts.length);
  const result = assembleBuilt(built.result, parts);
  if (!result.ok) throw new Error('not built');
  return result.file;
}

describe('the campaign path and the ordinary path give the same scores', () => {
  it('on a small export (more than one part, blanks, DK, NA, incomplete rows)', async () => {
    const rows = RESPONDENTS_PER_MESSAGE * 2 + 37;
    const text = exportOf(rows);
    const whole = ordinary(text);
    const streamed = await campaign(text);
    expect(streamed).toEqual(whole);

    // Into a diagnostic in steps, the plan's answers taken.
    const diagnostic = {
      id: 'd1',
      grids: grids.map((g) => ({ id: g.id, version: g.version, hash: 'c'.repeat(64), grid: g })),
      respondents: [],
    } as unknown as Diagnostic;
    const plan = planResponseImport(diagnostic, [
      { name: 'survey.csv', result: { ok: true, file: streamed, source: 'survey' } },
    ]);
    expect(plan.rejected).toEqual([]);
    const applied = runToEnd(
      applyResponseImportSteps(diagnostic, plan, '2026-12-07T00:00:00.000Z', { take: true }),
    );
    if (!applied.ok) throw new Error(applied.code);
    const respondents = applied.diagnostic.respondents;
    expect(respondents).toHaveLength(whole.respondents.length);

    for (const grid of grids) {
      const inWhole = aggregateGrid(
        grid,
        whole.respondents.map((r) => ({
          id: r.id,
          role: r.role,
          answers: r.answers[grid.id] ?? {},
        })),
        { anonymityThreshold: 3 },
      );
      // As the workshop does: answers and roles gathered, matrix in steps (allocated array by
      // array when large), aggregate in steps.
      // Each row is scored on what its role is asked (docs/scoring.md, « Asked or not »).
      const answers = respondents.map((r) => r.answers[grid.id] ?? {});
      const roles = respondents.map((r) => r.role);
      const steps = (function* () {
        const matrix = yield* scoreMatrixSteps(grid, answers, 50, roles);
        return yield* aggregateMatrixSteps(grid, matrix, roles, { anonymityThreshold: 3 });
      })();
      expect(runToEnd(steps)).toEqual(inWhole);
    }
  }, 60_000);
});

describe('the campaign path: response ids and incomplete responses', () => {
  const emptyDiagnostic = {
    id: 'd1',
    grids: grids.map((g) => ({ id: g.id, version: g.version, hash: 'c'.repeat(64), grid: g })),
    respondents: [],
  } as unknown as Diagnostic;
  const asSurvey = (name: string, file: ResponseFile) => ({
    name,
    result: { ok: true as const, file, source: 'survey' as const },
  });

  it('counts a response once, whether it is twice in a file, in two files or already imported', async () => {
    const text = exportOf(RESPONDENTS_PER_MESSAGE + 20);
    const [header, ...body] = text.trimEnd().split(/\r?\n/);
    // The last 30 rows again at the end of the same export (the same response ids).
    const twice = [header, ...body, ...body.slice(-30)].join('\r\n');
    const file = await campaign(twice);
    const once = await campaign(text);
    // The repeated rows read (incomplete ones are left out, as in the first copy).
    const repeated = file.respondents.length - once.respondents.length;
    expect(repeated).toBeGreaterThan(20);
    const plan = planResponseImport(emptyDiagnostic, [
      asSurvey('a.csv', file),
      asSurvey('b.csv', once),
    ]);
    expect(plan.add.map((r) => r.id)).toEqual(once.respondents.map((r) => r.id));
    expect(plan.duplicates).toHaveLength(repeated + once.respondents.length);
    expect(plan.duplicates.every((d) => d.reason === 'inBatch' && d.identical)).toBe(true);
    const applied = runToEnd(applyResponseImportSteps(emptyDiagnostic, plan, '2026-12-07'));
    if (!applied.ok) throw new Error(applied.code);
    const again = planResponseImport(applied.diagnostic, [asSurvey('c.csv', once)]);
    expect(again.add).toEqual([]);
    expect(again.canApply).toBe(false);
    expect(again.duplicates.every((d) => d.reason === 'inDiagnostic')).toBe(true);
  }, 60_000);

  it('leaves incomplete responses out by default, and keeps them when asked', async () => {
    const text = exportOf(RESPONDENTS_PER_MESSAGE * 2 + 11);
    const [header = [], ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
      skipEmptyLines: 'greedy',
    }).data;
    const submitted = header.findIndex((h) => h === 'submitdate');
    const incomplete = new Set(
      rows.filter((row) => row[submitted] === '').map((row) => `survey-${row[0]}`),
    );
    expect(incomplete.size).toBeGreaterThan(0);
    const completeOnly = await campaign(text);
    const all = await campaign(text, { ...options, keepIncomplete: true });
    expect(completeOnly.respondents.some((r) => incomplete.has(r.id))).toBe(false);
    expect(all.respondents.filter((r) => incomplete.has(r.id)).length).toBe(incomplete.size);
    expect(all.respondents.length - completeOnly.respondents.length).toBe(incomplete.size);
  }, 60_000);
});
