/**
 * A diagnostic's grids as a LimeSurvey 6 survey structure file (`.lss`, docs/campaigns.md), and the
 * same codes as a codebook CSV for any other survey tool.
 *
 * The `.lss` follows what LimeSurvey's importer reads (application/helpers/admin/import_helper.php,
 * `XMLImportSurvey`, read on 2026-12-07) and the layout of a survey LimeSurvey 6.4.2 imported and
 * activated as is (tests/fixtures/limesurvey/uses-survey.lss): a `document` whose
 * `LimeSurveyDocType` is `Survey`, its `DBVersion` and `languages`, then one element per table
 * (`answers`, `answer_l10ns`, `groups`, `group_l10ns`, `questions`, `subquestions`,
 * `question_l10ns`, `surveys`, `surveys_languagesettings`), each with its `fields` and `rows`,
 * every value in CDATA. The survey has:
 * - a first group with the role question (list, mandatory, short answer codes `MGMT`…),
 * - one group per dimension, holding one Array question per scale the dimension uses
 *   (`survey-codes.ts`: question code from the dimension id, sub-questions from item ids,
 *   answer codes from the scale's values, `DK` and `NA` where the scale offers them),
 * - only what the diagnostic's context asks (`routeGrid`: a dimension or item it routes away is
 *   not in the survey; items in the wording of the project's phase), and, for what a grid asks
 *   of some roles only (`appliesWhen.roles`), a relevance equation on the role question, so
 *   that LimeSurvey does not ask an employee what only representatives answer: on the
 *   sub-question, on its array question and on its group when they too concern only some roles
 *   (`relevanceOf`; ExpressionScript as LimeSurvey writes it, `((role.NAOK == "REP"))`, read in
 *   its own test survey tests/data/surveys/limesurvey_survey_allinoneCondition.lss and its
 *   sub-question relevance in limesurvey_survey_425647_subquestion_relevance_edit.lss, on
 *   2026-12-07),
 * - every text in each language, the grid's default language where a text lacks one,
 * - anonymised responses (`anonymized` Y), no IP address, referrer, dates or timings kept, and
 *   the anonymity notice as the welcome text.
 *
 * Texts are written as HTML-escaped text (LimeSurvey shows question texts as HTML); the XML is
 * built as text, each value in CDATA with `]]>` split. Pure: no DOM, no clock.
 */
import type { Role } from '@/domain/answers/answers';
import { ROLES } from '@/domain/answers/roles';
import { type RoutingContext, UNKNOWN_CONTEXT } from '@/domain/context/applies-when';
import { routeGrid } from '@/domain/context/route-grid';
import type { Dimension, Grid, Item } from '@/domain/grid/schema';
import { sha256Hex } from '@/domain/grid/sha256';
import { pickText } from '@/domain/grid/text';
import { toCsv, type CsvSeparator } from './csv-export';
import {
  answerCodes,
  DONT_KNOW_CODE,
  NOT_APPLICABLE_CODE,
  ROLE_ANSWER_CODES,
  ROLE_QUESTION_CODE,
  surveyPlan,
  type PlannedQuestion,
} from './survey-codes';

/** LimeSurvey 6's database version written in the file (6.4: 620). */
export const LSS_DB_VERSION = 620;

/** The survey's own words in one language (from the locale files: survey.json, labels.json). */
export interface LssTexts {
  title: string;
  description: string;
  roleGroup: string;
  roleQuestion: string;
  /** The anonymity notice, shown before the first question. */
  welcome: string;
  end: string;
  dontKnow: string;
  notApplicable: string;
  roles: Record<Role, string>;
}

export interface LssInput {
  /** The diagnostic's id: the survey id proposed to LimeSurvey derives from it. */
  diagnosticId: string;
  /**
   * The diagnostic's grids as it holds them (not routed): codes are planned on them, as the
   * import plans them, so a question the context leaves out never shifts another's code.
   */
  grids: readonly Grid[];
  /** The diagnostic's context: what it routes away is left out. Unknown: everything is asked. */
  context?: RoutingContext;
  /** Survey languages, the first one the base language. */
  languages: readonly string[];
  texts: Readonly<Record<string, LssTexts>>;
}

/**
 * A planned question as the survey asks it: only the items the context keeps, each in the
 * wording of the phase, with the roles it is asked of (`null`: every role).
 */
export interface AskedQuestion extends Omit<PlannedQuestion, 'items'> {
  /** The grid as routed by the context. */
  grid: Grid;
  /** The dimension as routed by the context. */
  dimension: Dimension;
  items: { code: string; itemId: string; item: Item; roles: readonly Role[] | null }[];
  /** The roles any of its items is asked of (`null`: every role). */
  roles: readonly Role[] | null;
}

/** Roles in `ROLES` order, `null` when every role (no condition on roles). */
function rolesOf(...lists: (readonly Role[] | undefined)[]): readonly Role[] | null {
  const given = lists.filter((list): list is readonly Role[] => list !== undefined);
  if (given.length === 0) return null;
  const kept = ROLES.filter((role) => given.every((list) => list.includes(role)));
  return kept.length === ROLES.length ? null : kept;
}

/** The union of role lists, `null` when any is every role. */
function unionOf(lists: readonly (readonly Role[] | null)[]): readonly Role[] | null {
  if (lists.some((list) => list === null)) return null;
  const kept = ROLES.filter((role) => lists.some((list) => list?.includes(role)));
  return kept.length === ROLES.length ? null : kept;
}

/**
 * The survey's questions: the codes planned on the grids as stored (`surveyPlan`, the import's
 * plan), kept where the context asks them (`routeGrid`), with the roles each item is asked of
 * (its dimension's and its own `appliesWhen.roles`). An item asked of no role is left out, and
 * a question left with no item.
 */
export function askedQuestions(
  grids: readonly Grid[],
  context: RoutingContext = UNKNOWN_CONTEXT,
): AskedQuestion[] {
  const routed = new Map(grids.map((grid) => [grid.id, routeGrid(grid, context).grid]));
  const asked: AskedQuestion[] = [];
  for (const planned of surveyPlan(grids)) {
    const grid = routed.get(planned.gridId);
    const dimension = grid?.dimensions.find((d) => d.id === planned.dimensionId);
    if (!grid || !dimension) continue;
    const items = new Map(dimension.items.map((item) => [item.id, item]));
    const kept: AskedQuestion['items'] = [];
    for (const sub of planned.items) {
      const item = items.get(sub.itemId);
      if (!item) continue;
      const roles = rolesOf(dimension.appliesWhen?.roles, item.appliesWhen?.roles);
      if (roles !== null && roles.length === 0) continue;
      kept.push({ ...sub, item, roles });
    }
    if (kept.length === 0) continue;
    asked.push({
      ...planned,
      grid,
      dimension,
      items: kept,
      roles: unionOf(kept.map((k) => k.roles)),
    });
  }
  return asked;
}

/**
 * A LimeSurvey relevance equation (ExpressionScript) true for respondents of these roles: `1`
 * for every role, else `((role.NAOK == "REP" or role.NAOK == "MGMT"))` over the role question's
 * answer codes, as LimeSurvey writes a condition on a list question (`.NAOK`: the role question
 * is on an earlier page, its value is read without being « not applicable » itself).
 */
export function relevanceOf(roles: readonly Role[] | null): string {
  if (roles === null) return '1';
  if (roles.length === 0) return '0';
  const tests = ROLES.filter((role) => roles.includes(role)).map(
    (role) => `${ROLE_QUESTION_CODE}.NAOK == "${ROLE_ANSWER_CODES[role]}"`,
  );
  return `((${tests.join(' or ')}))`;
}

/** A six-digit survey id from the diagnostic id (LimeSurvey assigns another when it is taken). */
export function surveyIdOf(diagnosticId: string): number {
  return 100000 + (Number.parseInt(sha256Hex(diagnosticId).slice(0, 8), 16) % 900000);
}

/** Characters XML 1.0 forbids (control characters but tab and line breaks). */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A value in CDATA: forbidden characters dropped, `]]>` split across two sections. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replace(XML_FORBIDDEN, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Plain text as HTML text (LimeSurvey shows question texts as HTML). */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Row = Record<string, string | number | null>;

/** One table: its fields, then its rows, each value in CDATA (empty and null as `<x/>`). */
function table(name: string, fields: readonly string[], rows: readonly Row[]): string {
  const lines = [` <${name}>`, '  <fields>'];
  for (const field of fields) lines.push(`   <fieldname>${field}</fieldname>`);
  lines.push('  </fields>', '  <rows>');
  for (const row of rows) {
    lines.push('   <row>');
    for (const field of fields) {
      const value = row[field];
      lines.push(
        value === null || value === undefined || value === ''
          ? `    <${field}/>`
          : `    <${field}>${cdata(String(value))}</${field}>`,
      );
    }
    lines.push('   </row>');
  }
  lines.push('  </rows>', ` </${name}>`);
  return lines.join('\n');
}

const QUESTION_FIELDS = [
  'qid',
  'parent_qid',
  'sid',
  'gid',
  'type',
  'title',
  'preg',
  'other',
  'mandatory',
  'question_order',
  'scale_id',
  'same_default',
  'relevance',
  'modulename',
  'encrypted',
  'question_theme_name',
  'same_script',
] as const;

/** Survey settings: anonymised responses, nothing that could identify a respondent kept. */
function surveyRow(sid: number, languages: readonly string[]): Row {
  return {
    sid,
    gsid: 1,
    admin: '',
    adminemail: '',
    anonymized: 'Y',
    format: 'G',
    savetimings: 'N',
    template: 'fruity_twentythree',
    language: languages[0] ?? 'fr',
    additional_languages: languages.slice(1).join(' '),
    datestamp: 'N',
    usecookie: 'N',
    allowregister: 'N',
    allowsave: 'N',
    autonumber_start: 0,
    autoredirect: 'N',
    allowprev: 'Y',
    printanswers: 'N',
    ipaddr: 'N',
    refurl: 'N',
    showsurveypolicynotice: 0,
    publicstatistics: 'N',
    publicgraphs: 'N',
    listpublic: 'N',
    htmlemail: 'Y',
    sendconfirmation: 'N',
    tokenanswerspersistence: 'N',
    assessments: 'N',
    usecaptcha: 'N',
    usetokens: 'N',
    tokenlength: 15,
    showxquestions: 'Y',
    showgroupinfo: 'B',
    shownoanswer: 'Y',
    showqnumcode: 'X',
    bouncetime: null,
    bounceprocessing: 'N',
    showwelcome: 'Y',
    showprogress: 'Y',
    questionindex: 0,
    navigationdelay: 0,
    nokeyboard: 'N',
    alloweditaftercompletion: 'N',
    googleanalyticsstyle: 0,
    ipanonymize: 'Y',
    tokenencryptionoptions:
      '{"enabled":"N","columns":{"firstname":"N","lastname":"N","email":"N"}}',
  };
}

const SURVEY_FIELDS = Object.keys(surveyRow(0, ['fr']));

/** The `.lss` text of a survey for the grids (see the module comment). */
export function buildLss(input: LssInput): string {
  const { grids, languages } = input;
  const sid = surveyIdOf(input.diagnosticId);
  const textsOf = (lang: string): LssTexts => {
    const texts = input.texts[lang] ?? input.texts[languages[0] ?? ''];
    if (!texts) throw new Error(`no survey texts for ${lang}`);
    return texts;
  };
  const answers: Row[] = [];
  const answerL10ns: Row[] = [];
  const groups: Row[] = [];
  const groupL10ns: Row[] = [];
  const questions: Row[] = [];
  const subquestions: Row[] = [];
  const questionL10ns: Row[] = [];
  let nextQid = 1;
  let nextAid = 1;
  const ids = { answer: 1, group: 1, question: 1 };
  const question = (row: Partial<Row>): Row => ({
    sid,
    preg: null,
    other: 'N',
    scale_id: 0,
    same_default: 0,
    relevance: 1,
    modulename: null,
    encrypted: 'N',
    same_script: 0,
    ...row,
  });
  const addGroup = (
    gid: number,
    order: number,
    name: (lang: string) => string,
    description: (lang: string) => string,
    grelevance = '1',
  ) => {
    groups.push({ gid, sid, group_order: order, randomization_group: null, grelevance });
    for (const language of languages)
      groupL10ns.push({
        id: ids.group++,
        gid,
        group_name: htmlText(name(language)),
        description: htmlText(description(language)),
        language,
        sid,
        group_order: order,
        randomization_group: null,
        grelevance,
      });
  };
  const addText = (qid: number, text: (lang: string) => string, help: (lang: string) => string) => {
    for (const language of languages)
      questionL10ns.push({
        id: ids.question++,
        qid,
        question: htmlText(text(language)),
        help: htmlText(help(language)),
        language,
        script: null,
      });
  };
  const addAnswer = (
    qid: number,
    code: string,
    order: number,
    value: number,
    text: (lang: string) => string,
  ) => {
    const aid = nextAid++;
    answers.push({ aid, qid, code, sortorder: order, assessment_value: value, scale_id: 0 });
    for (const language of languages)
      answerL10ns.push({ id: ids.answer++, aid, answer: htmlText(text(language)), language });
  };

  // The role question comes first, alone in its group.
  addGroup(
    1,
    0,
    (l) => textsOf(l).roleGroup,
    () => '',
  );
  const roleQid = nextQid++;
  questions.push(
    question({
      qid: roleQid,
      parent_qid: 0,
      gid: 1,
      type: 'L',
      title: ROLE_QUESTION_CODE,
      mandatory: 'Y',
      question_order: 0,
      question_theme_name: 'listradio',
    }),
  );
  addText(
    roleQid,
    (l) => textsOf(l).roleQuestion,
    () => '',
  );
  ROLES.forEach((role, order) =>
    addAnswer(roleQid, ROLE_ANSWER_CODES[role], order, 0, (l) => textsOf(l).roles[role]),
  );

  const asked = askedQuestions(grids, input.context);
  /** Each dimension's roles: its group is relevant to them only. */
  const groupRoles = new Map<string, readonly Role[] | null>();
  for (const q of asked) {
    const key = `${q.gridId}/${q.dimensionId}`;
    groupRoles.set(
      key,
      groupRoles.has(key) ? unionOf([groupRoles.get(key) ?? null, q.roles]) : q.roles,
    );
  }
  let gid = 1;
  let lastDimension = '';
  let order = 0;
  for (const planned of asked) {
    const { grid, dimension } = planned;
    const text = (value: Record<string, string> | undefined) => (lang: string) =>
      value ? pickText(value, lang, grid.languages.default) : '';
    const key = `${grid.id}/${dimension.id}`;
    if (key !== lastDimension) {
      gid += 1;
      order = 0;
      lastDimension = key;
      addGroup(
        gid,
        gid - 1,
        text(dimension.label),
        text(dimension.description),
        relevanceOf(groupRoles.get(key) ?? null),
      );
    }
    const qid = nextQid++;
    questions.push(
      question({
        qid,
        parent_qid: 0,
        gid,
        type: 'F',
        title: planned.code,
        mandatory: 'N',
        question_order: order++,
        relevance: relevanceOf(planned.roles),
        question_theme_name: 'arrays/array',
      }),
    );
    addText(qid, text(dimension.label), text(planned.scale.label));
    planned.items.forEach((sub, subOrder) => {
      const sqid = nextQid++;
      subquestions.push(
        question({
          qid: sqid,
          parent_qid: qid,
          gid,
          type: 'F',
          title: sub.code,
          mandatory: null,
          question_order: subOrder,
          relevance: relevanceOf(sub.roles),
          question_theme_name: null,
        }),
      );
      addText(sqid, text(sub.item.text), () => '');
    });
    const codes = answerCodes(planned.scale);
    codes.forEach(({ code, value }, index) =>
      addAnswer(qid, code, index, value, text(planned.scale.points[index]?.label)),
    );
    let next = codes.length;
    if (planned.scale.allowDontKnow)
      addAnswer(qid, DONT_KNOW_CODE, next++, 0, (l) => textsOf(l).dontKnow);
    if (planned.scale.allowNotApplicable)
      addAnswer(qid, NOT_APPLICABLE_CODE, next++, 0, (l) => textsOf(l).notApplicable);
  }

  const settings = languages.map((language) => {
    const texts = textsOf(language);
    return {
      surveyls_survey_id: sid,
      surveyls_language: language,
      surveyls_title: htmlText(texts.title),
      surveyls_description: htmlText(texts.description),
      surveyls_welcometext: `<p>${htmlText(texts.welcome)}</p>`,
      surveyls_endtext: `<p>${htmlText(texts.end)}</p>`,
      surveyls_dateformat: 1,
      surveyls_numberformat: language === 'en' ? 0 : 1,
    };
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<document>',
    ' <LimeSurveyDocType>Survey</LimeSurveyDocType>',
    ` <DBVersion>${LSS_DB_VERSION}</DBVersion>`,
    ' <languages>',
    ...languages.map((l) => `  <language>${l}</language>`),
    ' </languages>',
    table('answers', ['aid', 'qid', 'code', 'sortorder', 'assessment_value', 'scale_id'], answers),
    table('answer_l10ns', ['id', 'aid', 'answer', 'language'], answerL10ns),
    table('groups', ['gid', 'sid', 'group_order', 'randomization_group', 'grelevance'], groups),
    table(
      'group_l10ns',
      [
        'id',
        'gid',
        'group_name',
        'description',
        'language',
        'sid',
        'group_order',
        'randomization_group',
        'grelevance',
      ],
      groupL10ns,
    ),
    table('questions', QUESTION_FIELDS, questions),
    table('subquestions', QUESTION_FIELDS, subquestions),
    table('question_l10ns', ['id', 'qid', 'question', 'help', 'language', 'script'], questionL10ns),
    table('surveys', SURVEY_FIELDS, [surveyRow(sid, languages)]),
    table(
      'surveys_languagesettings',
      [
        'surveyls_survey_id',
        'surveyls_language',
        'surveyls_title',
        'surveyls_description',
        'surveyls_welcometext',
        'surveyls_endtext',
        'surveyls_dateformat',
        'surveyls_numberformat',
      ],
      settings,
    ),
    '</document>',
    '',
  ].join('\n');
}

/** A text cell a spreadsheet will not read as a formula. */
function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The codebook: one row per item the survey asks (its column code `question[sub-question]`,
 * grid, dimension, text in each language, scale, `code=label` answer codes, and the role codes
 * it is asked of: `asked_of`, every role's code when everyone is asked), the role question
 * first. The same codes and the same routing as the `.lss`, for a survey built by hand in any
 * other tool.
 */
export function buildCodebook(input: LssInput, separator: CsvSeparator = ';'): string {
  const { grids, languages } = input;
  const first = input.texts[languages[0] ?? ''];
  const codesOf = (roles: readonly Role[] | null) =>
    ROLES.filter((role) => roles === null || roles.includes(role))
      .map((role) => ROLE_ANSWER_CODES[role])
      .join(' | ');
  const rows: string[][] = [
    [
      'code',
      'grid',
      'dimension',
      'item',
      ...languages.map((l) => `text_${l}`),
      'scale',
      'answer_codes',
      'asked_of',
    ],
  ];
  if (first)
    rows.push([
      ROLE_QUESTION_CODE,
      '',
      '',
      '',
      ...languages.map((l) => input.texts[l]?.roleQuestion ?? first.roleQuestion),
      'role',
      ROLES.map((role) => `${ROLE_ANSWER_CODES[role]}=${first.roles[role]}`).join(' | '),
      codesOf(null),
    ]);
  for (const planned of askedQuestions(grids, input.context)) {
    const { grid, dimension } = planned;
    const lang = languages[0] ?? grid.languages.default;
    const codes = answerCodes(planned.scale).map(
      ({ code }, i) =>
        `${code}=${pickText(planned.scale.points[i]?.label ?? {}, lang, grid.languages.default)}`,
    );
    if (planned.scale.allowDontKnow && first) codes.push(`${DONT_KNOW_CODE}=${first.dontKnow}`);
    if (planned.scale.allowNotApplicable && first)
      codes.push(`${NOT_APPLICABLE_CODE}=${first.notApplicable}`);
    for (const sub of planned.items)
      rows.push([
        `${planned.code}[${sub.code}]`,
        grid.id,
        dimension.id,
        sub.itemId,
        ...languages.map((l) => pickText(sub.item.text, l, grid.languages.default)),
        planned.scale.id,
        codes.join(' | '),
        codesOf(sub.roles),
      ]);
  }
  return toCsv(
    rows.map((row) => row.map(safeCell)),
    separator,
  );
}
