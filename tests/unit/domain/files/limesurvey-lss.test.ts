// @vitest-environment jsdom
/**
 * Campaign export (docs/campaigns.md): the `.lss` a diagnostic exports has the structure
 * LimeSurvey's importer reads (XMLImportSurvey: document type, DB version, languages, tables of
 * fields and rows), the layout of a survey LimeSurvey 6.4.2 imported as is
 * (tests/fixtures/limesurvey/uses-survey.lss), and codes within LimeSurvey's rules; its answers
 * come back with no manual mapping and the same scores as the same answers typed in the app.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import type { AnswerValue, Role } from '@/domain/answers/answers';
import { ROLES } from '@/domain/answers/roles';
import {
  buildResponseFileFromCsv,
  type CsvImportOptions,
  suggestMapping,
} from '@/domain/files/csv-import';
import {
  buildCodebook,
  buildLss,
  cdata,
  LSS_DB_VERSION,
  type LssInput,
  type LssTexts,
} from '@/domain/files/limesurvey-lss';
import {
  ANSWER_CODE_RULE,
  QUESTION_CODE_RULE,
  ROLE_ANSWER_CODES,
  SUBQUESTION_CODE_RULE,
  surveyPlan,
} from '@/domain/files/survey-codes';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import labelsEn from '@/i18n/locales/en/labels.json';
import surveyEn from '@/i18n/locales/en/survey.json';
import labelsFr from '@/i18n/locales/fr/labels.json';
import surveyFr from '@/i18n/locales/fr/survey.json';
import {
  type ExportOptions,
  limeSurveyExport,
  readLssTables,
  surveyColumns,
} from '../../../fixtures/limesurvey-export';
import { makeDimension, makeGrid, makeItem, makeScale } from '../../../fixtures/make-grid';

const ROOT = join(__dirname, '../../../..');
const gridOf = (name: string): Grid => {
  const loaded = loadGrid(
    JSON.parse(readFileSync(join(ROOT, `questionnaires/${name}.json`), 'utf8')),
  );
  if (!loaded.ok) throw new Error(name);
  return loaded.grid;
};
const BUNDLED = ['uses', 'risks-opportunities', 'skills', 'social-dialogue'].map(gridOf);
// The real LimeSurvey survey of the fixtures was built from the uses grid before its 2.0.0 edition.
const uses = (() => {
  const loaded = loadGrid(
    JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/grids/1.1.0/uses.json'), 'utf8')),
  );
  if (!loaded.ok) throw new Error('uses 1.1.0');
  return loaded.grid;
})();
const FIXTURE = readFileSync(join(ROOT, 'tests/fixtures/limesurvey/uses-survey.lss'), 'utf8');

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
const input = (grids: readonly Grid[]): LssInput => ({
  diagnosticId: 'd1',
  grids,
  languages: ['fr', 'en'],
  texts: { fr: texts(surveyFr, labelsFr), en: texts(surveyEn, labelsEn) },
});

function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('the .lss structure LimeSurvey imports', () => {
  const xml = buildLss(input([uses]));
  const doc = parseXml(xml);
  const tables = readLssTables(xml);

  it('is a Survey document of LimeSurvey 6 in French (base) and English', () => {
    expect(doc.documentElement.tagName).toBe('document');
    expect(doc.querySelector('document > LimeSurveyDocType')?.textContent).toBe('Survey');
    expect(Number(doc.querySelector('document > DBVersion')?.textContent)).toBe(LSS_DB_VERSION);
    expect(
      [...doc.querySelectorAll('document > languages > language')].map((l) => l.textContent),
    ).toEqual(['fr', 'en']);
    expect(tables.surveys?.[0]).toMatchObject({ language: 'fr', additional_languages: 'en' });
  });

  it('gives every table its fields, and every row exactly those fields', () => {
    for (const element of doc.documentElement.children) {
      if (!element.querySelector(':scope > fields')) continue;
      const fields = [...element.querySelectorAll(':scope > fields > fieldname')].map(
        (f) => f.textContent,
      );
      const rows = element.querySelectorAll(':scope > rows > row');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect([...row.children].map((c) => c.tagName)).toEqual(fields);
    }
  });

  it('has the layout of the survey LimeSurvey 6.4.2 imported and activated as is', () => {
    const ours = readLssTables(xml);
    const real = readLssTables(FIXTURE);
    for (const name of Object.keys(real)) {
      const fields = (t: string) =>
        [
          ...new RegExp(`<${t}>\\s*<fields>([\\s\\S]*?)</fields>`)
            .exec(t === name ? xml : '')![1]!
            .matchAll(/<fieldname>(.*?)<\/fieldname>/g),
        ].map((m) => m[1]);
      const realFields = [
        ...new RegExp(`<${name}>\\s*<fields>([\\s\\S]*?)</fields>`)
          .exec(FIXTURE)![1]!
          .matchAll(/<fieldname>(.*?)<\/fieldname>/g),
      ].map((m) => m[1]);
      expect(fields(name), name).toEqual(realFields);
      expect(ours[name]?.length, name).toBe(real[name]?.length);
    }
    // Same columns, in the same order, as the export of the real survey.
    expect(surveyColumns(xml).columns.map((c) => c.code)).toEqual(
      surveyColumns(FIXTURE).columns.map((c) => c.code),
    );
    // Same answer codes for each question.
    const codes = (t: Record<string, Record<string, string>[]>) =>
      (t.questions ?? []).map((q) => [
        q.title,
        (t.answers ?? []).filter((a) => a.qid === q.qid).map((a) => a.code),
      ]);
    expect(codes(ours)).toEqual(codes(real));
  });

  it('puts one group per dimension after the role group, each text in both languages', () => {
    expect(tables.groups).toHaveLength(1 + uses.dimensions.length);
    expect(tables.group_l10ns).toHaveLength(2 * tables.groups!.length);
    const questionsAndSubs = tables.questions!.length + tables.subquestions!.length;
    expect(tables.question_l10ns).toHaveLength(2 * questionsAndSubs);
    expect(tables.answer_l10ns).toHaveLength(2 * tables.answers!.length);
    const role = tables.questions!.find((q) => q.title === 'role');
    expect(role).toMatchObject({ type: 'L', mandatory: 'Y', gid: tables.groups![0]!.gid });
    expect(tables.answers!.filter((a) => a.qid === role!.qid).map((a) => a.code)).toEqual(
      ROLES.map((r) => ROLE_ANSWER_CODES[r]),
    );
    expect(tables.questions!.filter((q) => q.title !== 'role').every((q) => q.type === 'F')).toBe(
      true,
    );
    // Every sub-question belongs to an array question of its group.
    for (const sub of tables.subquestions!) {
      const parent = tables.questions!.find((q) => q.qid === sub.parent_qid);
      expect(parent?.gid).toBe(sub.gid);
    }
  });

  it('anonymises responses and says so in the welcome text, in each language', () => {
    expect(tables.surveys?.[0]).toMatchObject({
      anonymized: 'Y',
      ipaddr: 'N',
      refurl: 'N',
      datestamp: 'N',
      savetimings: 'N',
      ipanonymize: 'Y',
    });
    const settings = tables.surveys_languagesettings!;
    expect(settings.map((s) => s.surveyls_language)).toEqual(['fr', 'en']);
    expect(settings[0]?.surveyls_welcometext).toContain('Ce questionnaire est anonyme');
    expect(settings[0]?.surveyls_welcometext).toContain('au moins 5 personnes');
    expect(settings[1]?.surveyls_welcometext).toContain('This questionnaire is anonymous');
  });
});

describe('codes within LimeSurvey rules', () => {
  const long = makeGrid({
    id: 'long',
    scales: [makeScale('bipolar', [-2, -1, 0, 1, 2]), makeScale('half', [0.5, 1, 1.5])],
    dimensions: [
      makeDimension('9-a-dimension-id-well-over-twenty-characters', [
        makeItem('an-item-id-well-over-twenty-characters-1', { scale: 'bipolar' }),
        makeItem('an-item-id-well-over-twenty-characters-2', { scale: 'bipolar' }),
        makeItem('an-item-id-well-over-twenty-characters-2x', { scale: 'half' }),
      ]),
      makeDimension('9-a-dimension-id-well-over-twenty-charactersb', [
        makeItem('x', { scale: 'bipolar' }),
      ]),
    ],
  });
  const loadedLong = loadGrid(long);
  if (!loadedLong.ok) throw new Error('long');

  it.each([
    ['the four bundled grids', BUNDLED],
    ['long ids, a −2…2 scale and a decimal one', [loadedLong.grid]],
  ])('%s: question, sub-question and answer codes are valid and unique', (_label, grids) => {
    const tables = readLssTables(buildLss(input(grids)));
    const titles = tables.questions!.map((q) => q.title as string);
    for (const t of titles) expect(t).toMatch(QUESTION_CODE_RULE);
    expect(new Set(titles.map((t) => t.toLowerCase())).size).toBe(titles.length);
    for (const q of tables.questions!) {
      const subs = tables
        .subquestions!.filter((s) => s.parent_qid === q.qid)
        .map((s) => s.title as string);
      for (const s of subs) expect(s).toMatch(SUBQUESTION_CODE_RULE);
      expect(new Set(subs.map((s) => s.toLowerCase())).size).toBe(subs.length);
      const answers = tables.answers!.filter((a) => a.qid === q.qid).map((a) => a.code as string);
      for (const a of answers) expect(a).toMatch(ANSWER_CODE_RULE);
      expect(new Set(answers).size).toBe(answers.length);
    }
  });

  it('keeps any id within the rules (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,60}$/), { minLength: 1, maxLength: 12 }),
        (ids) => {
          const unique = [...new Set(ids)];
          const grid = makeGrid({
            dimensions: [
              makeDimension(
                unique[0]!,
                unique.map((id) => makeItem(id)),
              ),
            ],
          });
          const loaded = loadGrid(grid);
          if (!loaded.ok) return;
          for (const q of surveyPlan([loaded.grid])) {
            expect(q.code).toMatch(QUESTION_CODE_RULE);
            const subs = q.items.map((i) => i.code.toLowerCase());
            for (const s of subs) expect(s).toMatch(SUBQUESTION_CODE_RULE);
            expect(new Set(subs).size).toBe(subs.length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('escaping', () => {
  it('splits ]]> across CDATA sections and drops characters XML forbids', () => {
    expect(cdata('a]]>b\u0001')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
  });

  it('keeps a text with ]]>, < and & whole and well-formed', () => {
    const grid = makeGrid({
      dimensions: [
        makeDimension('d', [
          makeItem('i1', { text: { fr: 'A ]]> B <b> & « C »', en: 'A ]]> B <b> & C' } }),
        ]),
      ],
    });
    const loaded = loadGrid(grid);
    if (!loaded.ok) throw new Error('grid');
    const xml = buildLss(input([loaded.grid]));
    const doc = parseXml(xml);
    const texts = [...doc.querySelectorAll('question_l10ns question')].map((q) => q.textContent);
    expect(texts).toContain('A ]]&gt; B &lt;b&gt; &amp; « C »');
  });
});

describe('the codebook', () => {
  it('lists the role and every item with its column code, texts and answer codes', () => {
    const csv = buildCodebook(input([uses]));
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([
      'code',
      'grid',
      'dimension',
      'item',
      'text_fr',
      'text_en',
      'scale',
      'answer_codes',
      'asked_of',
    ]);
    expect(rows[1]?.[0]).toBe('role');
    expect(rows[1]?.[7]).toContain('MGMT=Direction');
    expect(rows).toHaveLength(2 + 38);
    expect(rows[2]).toEqual([
      'usadequation[usadequation1]',
      'uses',
      'us-adequation',
      'us-adequation-1',
      "L'outil répond à un besoin identifié dans le travail des équipes concernées.",
      'The tool meets a need identified in the work of the teams concerned.',
      'agree4',
      "1=Pas du tout d'accord | 2=Plutôt pas d'accord | 3=Plutôt d'accord | 4=Tout à fait d'accord | DK=Je ne sais pas | NA=Non concerné",
      'MGMT | MGR | EMP | REP | OTH',
    ]);
  });
});

describe('round trip: the exported survey, answered on LimeSurvey, imported with no mapping', () => {
  const grids = BUNDLED;
  const xml = buildLss(input(grids));
  const columns = surveyColumns(xml).columns;
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
  const itemCount = grids.reduce(
    (n, g) => n + g.dimensions.reduce((m, d) => m + d.items.length, 0),
    0,
  );
  const STYLES: ExportOptions[] = [
    { headings: 'code', answers: 'short', separator: ';', lang: 'fr' },
    { headings: 'full', answers: 'long', separator: ',', lang: 'fr' },
    { headings: 'full', answers: 'long', separator: ';', lang: 'en' },
    { headings: 'abbreviated', answers: 'short', separator: ',', lang: 'en' },
    { headings: 'codetext', answers: 'long', separator: ';', lang: 'fr' },
  ];

  // Answers typed in the app: per respondent, a role and, per item, a value, dk, na or nothing.
  const typed = fc.array(
    fc.record({
      role: fc.constantFrom(...ROLES),
      seed: fc.array(fc.nat(7), { minLength: itemCount, maxLength: itemCount }),
    }),
    { minLength: 1, maxLength: 12 },
  );

  it.each(STYLES)(
    '$headings headings, $answers answers, $lang: same respondents, same scores',
    (style) => {
      fc.assert(
        fc.property(typed, (people) => {
          const app = people.map((p) => {
            const answers: Record<string, Record<string, AnswerValue>> = {};
            let k = 0;
            for (const grid of grids) {
              const scales = new Map(grid.scales.map((s) => [s.id, s]));
              for (const d of grid.dimensions)
                for (const item of d.items) {
                  const scale = scales.get(item.scale)!;
                  const pick = p.seed[k++]! % (scale.points.length + 3);
                  if (pick < scale.points.length)
                    (answers[grid.id] ??= {})[item.id] = scale.points[pick]!.value;
                  else if (pick === scale.points.length && scale.allowDontKnow)
                    (answers[grid.id] ??= {})[item.id] = 'dk';
                  else if (pick === scale.points.length + 1 && scale.allowNotApplicable)
                    (answers[grid.id] ??= {})[item.id] = 'na';
                }
            }
            return { role: p.role as Role, answers };
          });
          // What LimeSurvey stores for those answers: codes by column.
          const plan = surveyPlan(grids);
          const responses = app.map((person, i) => {
            const codes: Record<string, string> = { role: ROLE_ANSWER_CODES[person.role] };
            for (const q of plan)
              for (const sub of q.items) {
                const value = person.answers[q.gridId]?.[sub.itemId];
                const point = q.scale.points.findIndex((pt) => pt.value === value);
                const plainCodes = q.scale.points.every(
                  (pt) => Number.isInteger(pt.value) && pt.value >= 0,
                );
                codes[`${q.code}[${sub.code}]`] =
                  value === undefined
                    ? ''
                    : value === 'dk'
                      ? 'DK'
                      : value === 'na'
                        ? 'NA'
                        : plainCodes
                          ? String(value)
                          : `A${point + 1}`;
              }
            return { id: i + 1, submitted: true, lang: 'fr', answers: codes };
          });
          const text = limeSurveyExport(xml, responses, style);
          const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
            skipEmptyLines: 'greedy',
          }).data;
          const [header = [], ...body] = rows;
          const mapping = suggestMapping(header, grids, {
            vocabulary: options.vocabulary,
            preview: body.slice(0, 3),
          });
          expect(mapping.filter((m) => m.kind === 'item')).toHaveLength(itemCount);
          expect(mapping.filter((m) => m.kind === 'role')).toHaveLength(1);
          expect(columns).toHaveLength(itemCount + 1);
          const result = buildResponseFileFromCsv({ header, rows: body }, mapping, options);
          if (!result.ok) throw new Error(JSON.stringify(result.issues));
          const nonEmpty = app.filter((p) => Object.keys(p.answers).length > 0);
          expect(result.file.respondents.map((r) => r.role)).toEqual(nonEmpty.map((p) => p.role));
          for (const grid of grids) {
            const imported = aggregateGrid(
              grid,
              result.file.respondents.map((r) => ({
                id: r.id,
                role: r.role,
                answers: r.answers[grid.id] ?? {},
              })),
            );
            const inApp = aggregateGrid(
              grid,
              nonEmpty.map((p, i) => ({
                id: `app-${i}`,
                role: p.role,
                answers: p.answers[grid.id] ?? {},
              })),
            );
            expect(imported).toEqual(inApp);
          }
        }),
        { numRuns: 10 },
      );
    },
    60_000,
  );
});
