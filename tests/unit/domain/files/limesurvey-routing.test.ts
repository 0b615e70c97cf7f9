// @vitest-environment jsdom
/**
 * The survey exported « as routed by its context » (docs/campaigns.md): the `.lss` and the codebook
 * hold only the questions the diagnostic's context asks (`routeGrid`), and what a grid asks of some
 * roles only (`appliesWhen.roles`) carries a LimeSurvey relevance equation on the role question,
 * written as LimeSurvey writes one (`((role.NAOK == "REP" or role.NAOK == "MGMT"))`, read in its
 * test surveys limesurvey_survey_allinoneCondition.lss and
 * limesurvey_survey_425647_subquestion_relevance_edit.lss on 2026-12-07). Answered on LimeSurvey, a
 * respondent leaves blank what was not asked; imported with no mapping, nothing is « not answered »
 * that the respondent's role was not asked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import type { AnswerValue, Role } from '@/domain/answers/answers';
import { ROLES } from '@/domain/answers/roles';
import { type RoutingContext, UNKNOWN, UNKNOWN_CONTEXT } from '@/domain/context/applies-when';
import { routeGrid } from '@/domain/context/route-grid';
import {
  buildResponseFileFromCsv,
  type CsvImportOptions,
  suggestMapping,
} from '@/domain/files/csv-import';
import {
  askedQuestions,
  buildCodebook,
  buildLss,
  type LssInput,
  type LssTexts,
  relevanceOf,
} from '@/domain/files/limesurvey-lss';
import { ROLE_ANSWER_CODES, surveyPlan } from '@/domain/files/survey-codes';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import { scoreGrid } from '@/domain/scoring/score-grid';
import labelsEn from '@/i18n/locales/en/labels.json';
import surveyEn from '@/i18n/locales/en/survey.json';
import labelsFr from '@/i18n/locales/fr/labels.json';
import surveyFr from '@/i18n/locales/fr/survey.json';
import { limeSurveyExport, readLssTables, type LssRow } from '../../../fixtures/limesurvey-export';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

const ROOT = join(__dirname, '../../../..');
const gridOf = (name: string): Grid => {
  const loaded = loadGrid(
    JSON.parse(readFileSync(join(ROOT, `questionnaires/${name}.json`), 'utf8')),
  );
  if (!loaded.ok) throw new Error(name);
  return loaded.grid;
};
const BUNDLED = ['uses', 'risks-opportunities', 'skills', 'social-dialogue'].map(gridOf);

const texts = (survey: typeof surveyFr, labels: typeof labelsFr): LssTexts => ({
  title: survey.title.replace('{{title}}', 'Atelier'),
  description: survey.description,
  roleGroup: survey.roleGroup,
  roleQuestion: survey.roleQuestion,
  welcome: survey.welcome.replace('{{threshold}}', '5'),
  end: survey.end,
  dontKnow: labels.answer.dk,
  notApplicable: labels.answer.na,
  roles: labels.role,
});
const input = (grids: readonly Grid[], context?: RoutingContext): LssInput => ({
  diagnosticId: 'd1',
  grids,
  ...(context ? { context } : {}),
  languages: ['fr', 'en'],
  texts: { fr: texts(surveyFr, labelsFr), en: texts(surveyEn, labelsEn) },
});

/** A company of 250–999 with a CSE, choosing a tool: the CSE questions asked, not those on use. */
const CHOOSING: RoutingContext = {
  projectKinds: ['collaboration'],
  phase: 'choice',
  size: '250-999',
  cse: 'yes',
  unionDelegates: 'yes',
  sector: UNKNOWN,
};
/** A small company without a CSE, the tool in use. */
const SMALL_IN_USE: RoutingContext = {
  projectKinds: ['collaboration'],
  phase: 'in-use',
  size: '11-49',
  cse: 'no',
  unionDelegates: 'no',
  sector: UNKNOWN,
};

/** What LimeSurvey's ExpressionScript accepts here: `1`, or role tests joined by `or`. */
const RELEVANCE = /^(1|\(\(role\.NAOK == "[A-Z]{1,5}"( or role\.NAOK == "[A-Z]{1,5}")*\)\))$/;

/** Evaluates one of our relevance equations for a respondent whose role answer is `code`. */
function relevant(equation: string, code: string): boolean {
  expect(equation).toMatch(RELEVANCE);
  if (equation === '1') return true;
  return [...equation.matchAll(/role\.NAOK == "([A-Z]+)"/g)].some((m) => m[1] === code);
}

/** Item ids LimeSurvey asks a respondent of `role`: sub-question, question and group relevant. */
function askedOf(tables: Record<string, LssRow[]>, role: Role): Set<string> {
  const code = ROLE_ANSWER_CODES[role];
  const groups = new Map(tables.groups!.map((g) => [g.gid, g]));
  const questions = new Map(tables.questions!.map((q) => [q.qid, q]));
  const asked = new Set<string>();
  for (const sub of tables.subquestions!) {
    const question = questions.get(sub.parent_qid)!;
    const group = groups.get(question.gid)!;
    if (
      relevant(sub.relevance!, code) &&
      relevant(question.relevance!, code) &&
      relevant(group.grelevance!, code)
    )
      asked.add(`${question.title}[${sub.title}]`);
  }
  return asked;
}

/** The column codes of the items of grids routed for a role: what the app asks that role. */
function appAsks(grids: readonly Grid[], context: RoutingContext, role: Role): Set<string> {
  const codes = new Map(
    surveyPlan(grids).flatMap((q) =>
      q.items.map((sub) => [`${q.gridId}/${sub.itemId}`, `${q.code}[${sub.code}]`] as const),
    ),
  );
  const asked = new Set<string>();
  for (const grid of grids)
    for (const d of routeGrid(grid, context, role).grid.dimensions)
      for (const item of d.items) asked.add(codes.get(`${grid.id}/${item.id}`)!);
  return asked;
}

describe('relevanceOf', () => {
  it('is 1 for every role, else tests on the role question as LimeSurvey writes them', () => {
    expect(relevanceOf(null)).toBe('1');
    expect(relevanceOf(['representative'])).toBe('((role.NAOK == "REP"))');
    // In ROLES order, whatever the order given.
    expect(relevanceOf(['representative', 'management', 'manager'])).toBe(
      '((role.NAOK == "MGMT" or role.NAOK == "MGR" or role.NAOK == "REP"))',
    );
    for (const role of ROLES) expect(relevanceOf([role])).toMatch(RELEVANCE);
  });
});

describe('the survey holds what the context asks', () => {
  it.each([
    ['choosing, with a CSE', CHOOSING],
    ['in use, small, no CSE', SMALL_IN_USE],
  ])('%s: routed-away questions absent, every question asked present', (_label, context) => {
    const tables = readLssTables(buildLss(input(BUNDLED, context)));
    const inSurvey = new Set(
      tables.subquestions!.map((s) => {
        const q = tables.questions!.find((x) => x.qid === s.parent_qid)!;
        return `${q.title}[${s.title}]`;
      }),
    );
    const everyRole = new Set(ROLES.flatMap((role) => [...appAsks(BUNDLED, context, role)]));
    expect(inSurvey).toEqual(everyRole);
    // Something was routed away, and it is not in the survey.
    const all = surveyPlan(BUNDLED).flatMap((q) => q.items.map((s) => `${q.code}[${s.code}]`));
    const away = all.filter((code) => !everyRole.has(code));
    expect(away.length).toBeGreaterThan(0);
    for (const code of away) expect(inSurvey.has(code)).toBe(false);
    // A group per dimension asked, none empty.
    for (const group of tables.groups!.slice(1))
      expect(tables.questions!.some((q) => q.gid === group.gid)).toBe(true);
  });

  it('a dimension the context routes away has no group (no CSE: no CSE consultation)', () => {
    const xml = buildLss(input(BUNDLED, SMALL_IN_USE));
    expect(xml).not.toContain('sdinfoconsultation');
    expect(buildLss(input(BUNDLED, CHOOSING))).toContain('sdinfoconsultation');
  });

  it('keeps the codes of the whole grids (the import plans them so): none shifts', () => {
    const whole = new Map(
      surveyPlan(BUNDLED).map((q) => [`${q.gridId}/${q.dimensionId}/${q.scale.id}`, q.code]),
    );
    for (const q of askedQuestions(BUNDLED, SMALL_IN_USE))
      expect(q.code).toBe(whole.get(`${q.gridId}/${q.dimensionId}/${q.scale.id}`));
  });

  it('writes the wording of the phase', () => {
    const uses = BUNDLED[0]!;
    const phased = uses.dimensions.flatMap((d) => d.items).find((i) => i.expected !== undefined);
    expect(phased).toBeDefined();
    const fr = (context: RoutingContext) =>
      readLssTables(buildLss(input([uses], context)))
        .question_l10ns!.filter((l) => l.language === 'fr')
        .map((l) => l.question);
    expect(fr(CHOOSING)).toContain(phased!.expected!.fr!.replace(/&/g, '&amp;'));
  });
});

describe('questions for some roles are asked of those roles only', () => {
  it('on the bundled grids, LimeSurvey asks each role exactly what the app asks it', () => {
    for (const context of [CHOOSING, SMALL_IN_USE, UNKNOWN_CONTEXT]) {
      const tables = readLssTables(buildLss(input(BUNDLED, context)));
      for (const role of ROLES)
        expect(askedOf(tables, role), `${role}`).toEqual(appAsks(BUNDLED, context, role));
    }
  });

  it('an employee is not asked the CSE consultation questions; a representative is', () => {
    const tables = readLssTables(buildLss(input(BUNDLED, CHOOSING)));
    const sub = tables.subquestions!.find((s) => s.title === 'sdinfoconsultation5')!;
    expect(sub.relevance).toBe(
      '((role.NAOK == "MGMT" or role.NAOK == "MGR" or role.NAOK == "REP" or role.NAOK == "OTH"))',
    );
    expect(askedOf(tables, 'employee').has('sdinfoconsultation[sdinfoconsultation5]')).toBe(false);
    expect(askedOf(tables, 'representative').has('sdinfoconsultation[sdinfoconsultation5]')).toBe(
      true,
    );
    // Items asked of everyone carry no condition.
    const open = tables.subquestions!.find((s) => s.title === 'usadequation1')!;
    expect(open.relevance).toBe('1');
  });

  it('a dimension for some roles makes its group relevant to them; an empty intersection drops the item', () => {
    const grid = makeGrid({
      dimensions: [
        makeDimension(
          'reps',
          [
            makeItem('r1'),
            makeItem('r2', { appliesWhen: { roles: ['representative', 'management'] } }),
            makeItem('r3', { appliesWhen: { roles: ['employee'] } }),
          ],
          { appliesWhen: { roles: ['representative'] } },
        ),
        makeDimension('all', [
          makeItem('a1'),
          makeItem('a2', { appliesWhen: { roles: ['manager'] } }),
        ]),
      ],
    });
    const tables = readLssTables(buildLss(input([grid])));
    const byTitle = (t: string) => tables.subquestions!.find((s) => s.title === t);
    expect(byTitle('r1')?.relevance).toBe('((role.NAOK == "REP"))');
    expect(byTitle('r2')?.relevance).toBe('((role.NAOK == "REP"))');
    expect(byTitle('r3')).toBeUndefined();
    expect(byTitle('a1')?.relevance).toBe('1');
    expect(byTitle('a2')?.relevance).toBe('((role.NAOK == "MGR"))');
    const reps = tables.questions!.find((q) => q.title === 'reps')!;
    const all = tables.questions!.find((q) => q.title === 'all')!;
    expect(reps.relevance).toBe('((role.NAOK == "REP"))');
    expect(all.relevance).toBe('1');
    const group = (gid: string) => tables.groups!.find((g) => g.gid === gid)!;
    expect(group(reps.gid!).grelevance).toBe('((role.NAOK == "REP"))');
    expect(group(all.gid!).grelevance).toBe('1');
    // The role question itself is always asked, first.
    const role = tables.questions!.find((q) => q.title === 'role')!;
    expect(role.relevance).toBe('1');
    expect(group(role.gid!).group_order).toBe('0');
  });

  it('asks each role what the app asks it, whatever the role conditions (property)', () => {
    const roleSet = fc.option(fc.subarray([...ROLES], { minLength: 1 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ own: roleSet, items: fc.array(roleSet, { minLength: 1, maxLength: 4 }) }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (dimensions) => {
          const grid = makeGrid({
            dimensions: dimensions.map((d, di) =>
              makeDimension(
                `d${di}`,
                d.items.map((roles, ii) =>
                  makeItem(`d${di}-i${ii}`, roles ? { appliesWhen: { roles } } : {}),
                ),
                d.own ? { appliesWhen: { roles: d.own } } : {},
              ),
            ),
          });
          const tables = readLssTables(buildLss(input([grid])));
          for (const role of ROLES)
            expect(askedOf(tables, role)).toEqual(appAsks([grid], UNKNOWN_CONTEXT, role));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the codebook follows the same routing', () => {
  it('leaves out what the context routes away and says whom each item is asked of', () => {
    const csv = buildCodebook(input(BUNDLED, CHOOSING));
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]?.at(-1)).toBe('asked_of');
    const codes = rows.slice(2).map((r) => r[0]);
    const everyRole = new Set(ROLES.flatMap((role) => [...appAsks(BUNDLED, CHOOSING, role)]));
    expect(new Set(codes)).toEqual(everyRole);
    expect(rows[1]?.at(-1)).toBe('MGMT | MGR | EMP | REP | OTH');
    const cse = rows.find((r) => r[0] === 'sdinfoconsultation[sdinfoconsultation5]');
    expect(cse?.at(-1)).toBe('MGMT | MGR | REP | OTH');
    const open = rows.find((r) => r[0] === 'usadequation[usadequation1]');
    expect(open?.at(-1)).toBe('MGMT | MGR | EMP | REP | OTH');
  });
});

describe('round trip: blanks where LimeSurvey did not ask', () => {
  const context = CHOOSING;
  const xml = buildLss(input(BUNDLED, context));
  const tables = readLssTables(xml);
  const options: CsvImportOptions = {
    grids: BUNDLED.map((grid) => ({ grid, hash: 'c'.repeat(64) })),
    diagnostic: { id: 'd1', title: 'Atelier' },
    vocabulary: {
      roles: Object.fromEntries(ROLES.map((r) => [r, [labelsFr.role[r], labelsEn.role[r]]])),
      dontKnow: [labelsFr.answer.dk, labelsEn.answer.dk],
      notApplicable: [labelsFr.answer.na, labelsEn.answer.na],
      roleHeaders: [surveyFr.roleQuestion, surveyEn.roleQuestion],
    },
    exportedAt: '2026-12-07T00:00:00.000Z',
  };
  const plan = askedQuestions(BUNDLED, context);

  it.each([
    { headings: 'code', answers: 'short', separator: ';', lang: 'fr' } as const,
    { headings: 'full', answers: 'long', separator: ',', lang: 'en' } as const,
  ])(
    '$headings headings: no « not answered » where not asked, the same answers where asked',
    (style) => {
      fc.assert(
        fc.property(
          fc.array(fc.record({ role: fc.constantFrom(...ROLES), seed: fc.nat() }), {
            minLength: 1,
            maxLength: 10,
          }),
          (people) => {
            // Each respondent answers every question LimeSurvey shows them, a point of the scale.
            const responses = people.map((person, i) => {
              const asked = askedOf(tables, person.role);
              const codes: Record<string, string> = { role: ROLE_ANSWER_CODES[person.role] };
              let k = person.seed;
              for (const q of plan)
                for (const sub of q.items) {
                  const column = `${q.code}[${sub.code}]`;
                  const plain = q.scale.points.every(
                    (p) => Number.isInteger(p.value) && p.value >= 0,
                  );
                  const point = k++ % q.scale.points.length;
                  codes[column] = !asked.has(column)
                    ? ''
                    : plain
                      ? String(q.scale.points[point]!.value)
                      : `A${point + 1}`;
                }
              return { id: 100 + i, submitted: true, lang: 'fr', answers: codes };
            });
            const text = limeSurveyExport(xml, responses, style);
            const [header = [], ...body] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
              skipEmptyLines: 'greedy',
            }).data;
            const mapping = suggestMapping(header, BUNDLED, {
              vocabulary: options.vocabulary,
              preview: body.slice(0, 3),
            });
            expect(mapping.filter((m) => m.kind === 'item')).toHaveLength(
              plan.reduce((n, q) => n + q.items.length, 0),
            );
            const result = buildResponseFileFromCsv({ header, rows: body }, mapping, options);
            if (!result.ok) throw new Error(JSON.stringify(result.issues));
            expect(result.file.respondents).toHaveLength(people.length);
            result.file.respondents.forEach((respondent, i) => {
              const role = people[i]!.role;
              expect(respondent.role).toBe(role);
              for (const grid of BUNDLED) {
                // As the app asks this respondent: every item answered, none missing.
                const routed = routeGrid(grid, context, role).grid;
                const answers = (respondent.answers[grid.id] ?? {}) as Record<string, AnswerValue>;
                const score = scoreGrid(routed, answers);
                for (const d of score.dimensions) expect(d.missing).toBe(0);
                // And nothing recorded for what was not asked (not even « not applicable »).
                const askedIds = new Set(
                  routed.dimensions.flatMap((d) => d.items.map((x) => x.id)),
                );
                for (const itemId of Object.keys(answers)) expect(askedIds.has(itemId)).toBe(true);
              }
            });
          },
        ),
        { numRuns: 8 },
      );
    },
    60_000,
  );
});
