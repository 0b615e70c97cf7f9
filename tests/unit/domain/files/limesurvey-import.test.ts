/**
 * Campaign import (docs/campaigns.md): a real LimeSurvey 6 export (tests/fixtures/limesurvey/) and
 * every other export style LimeSurvey writes for that survey map with no manual step; the response
 * id is the respondent's identity; incomplete responses are kept or left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import {
  buildResponseFileFromCsv,
  type ColumnTarget,
  type CsvImportOptions,
  isPlatformColumn,
  suggestMapping,
  valueKey,
} from '@/domain/files/csv-import';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import {
  type ExportOptions,
  limeSurveyExport,
  responsesOfCodeExport,
} from '../../../fixtures/limesurvey-export';

const ROOT = join(__dirname, '../../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
// The real LimeSurvey survey below was built from the uses grid before its 2.0.0 edition.
const loaded = loadGrid(JSON.parse(read('tests/fixtures/grids/1.1.0/uses.json')));
if (!loaded.ok) throw new Error('uses grid');
const grid: Grid = loaded.grid;
const LSS = read('tests/fixtures/limesurvey/uses-survey.lss');
const REAL = read('tests/fixtures/limesurvey/responses-codes.csv');

const split = (text: string) => {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  const [header = [], ...rest] = rows;
  return { header, rows: rest };
};

const options = (extra: Partial<CsvImportOptions> = {}): CsvImportOptions => ({
  grids: [{ grid, hash: 'b'.repeat(64) }],
  diagnostic: { id: 'd1', title: 'Campagne' },
  vocabulary: {
    roles: {
      management: ['Direction', 'Senior management'],
      manager: ['Encadrement', 'Line manager'],
      employee: ['Salarié·e', 'Employee'],
      representative: ['Représentant·e du personnel', 'Employee representative'],
      other: ['Autre', 'Other'],
    },
    dontKnow: ['Je ne sais pas', "Don't know"],
    notApplicable: ['Non concerné', 'Not applicable'],
    roleHeaders: [
      "Quelle est votre fonction dans l'organisation ?",
      'What is your role in the organisation?',
    ],
  },
  exportedAt: '2026-12-07T00:00:00.000Z',
  ...extra,
});

const itemCount = grid.dimensions.reduce((n, d) => n + d.items.length, 0);
const real = split(REAL);
const responses = responsesOfCodeExport(real.rows, real.header);

function importOf(text: string, extra: Partial<CsvImportOptions> = {}) {
  const table = split(text);
  const mapping = suggestMapping(table.header, [grid], {
    vocabulary: options().vocabulary,
    preview: table.rows.slice(0, 3),
  });
  return { table, mapping, result: buildResponseFileFromCsv(table, mapping, options(extra)) };
}

const kinds = (mapping: ColumnTarget[]) => mapping.map((t) => t.kind);

describe('the real LimeSurvey 6 export (headings and answers as codes, `;`)', () => {
  it('maps every item column, the role, the response id and the submission date', () => {
    const { mapping } = importOf(REAL);
    expect(itemCount).toBe(38);
    expect(kinds(mapping).filter((k) => k === 'item')).toHaveLength(38);
    expect(kinds(mapping).slice(0, 6)).toEqual([
      'responseId',
      'completion',
      'ignore',
      'ignore',
      'ignore',
      'role',
    ]);
    // Each item column maps to the item its sub-question code names.
    real.header.forEach((name, c) => {
      const sub = /\[us([a-z]+)(\d)\]$/.exec(name);
      if (sub)
        expect(mapping[c]).toEqual({
          kind: 'item',
          gridId: 'uses',
          itemId: `us-${sub[1]}-${sub[2]}`,
        });
    });
  });

  it('reads 40 complete responses with their roles; the incomplete one is left out, or kept', () => {
    const { result } = importOf(REAL);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.respondents).toBe(40);
    expect(result.summary).toEqual({ rows: 41, complete: 40, incomplete: 1, leftOut: 1 });
    expect(result.file.respondents[0]).toMatchObject({ id: 'survey-1', role: 'other' });
    expect(result.file.respondents[1]).toMatchObject({ id: 'survey-2', role: 'management' });
    expect(result.file.respondents[0]?.answers.uses).toMatchObject({
      'us-adequation-1': 2,
      'us-appropriation-5': 'na',
      'us-regles-3': 'dk',
    });
    // Response 41 stopped before any answer: kept, it is an empty row. Response 2 stopped half way.
    const partial = responses.map((r) => (r.id === 2 ? { ...r, submitted: false } : r));
    const style = { headings: 'code', answers: 'short', lang: 'fr', separator: ';' } as const;
    const left = importOf(limeSurveyExport(LSS, partial, style)).result;
    expect(left.ok && left.file.respondents.map((r) => r.id)).not.toContain('survey-2');
    expect(left.summary).toEqual({ rows: 41, complete: 39, incomplete: 2, leftOut: 2 });
    const kept = importOf(limeSurveyExport(LSS, partial, style), { keepIncomplete: true }).result;
    expect(kept.ok && kept.respondents).toBe(40);
    expect(kept.ok && kept.emptyRows).toBe(1);
    expect(kept.ok && kept.file.respondents[1]?.id).toBe('survey-2');
    expect(kept.summary.leftOut).toBe(0);
  });
});

const STYLES: [string, ExportOptions][] = [];
for (const headings of ['code', 'full', 'abbreviated', 'codetext'] as const)
  for (const answers of ['short', 'long'] as const)
    for (const lang of ['fr', 'en'])
      STYLES.push([
        `${headings} headings, ${answers} answers, ${lang}, ${lang === 'fr' ? ';' : ','}`,
        { headings, answers, lang, separator: lang === 'fr' ? ';' : ',' },
      ]);

describe('every other export style LimeSurvey writes for that survey', () => {
  const reference = importOf(REAL).result;
  if (!reference.ok) throw new Error('reference');

  it.each(STYLES)('%s: maps every column by itself and reads the same respondents', (_l, style) => {
    const text = limeSurveyExport(LSS, responses, style);
    const { table, mapping, result } = importOf(text);
    expect(kinds(mapping).filter((k) => k === 'item')).toHaveLength(38);
    expect(mapping.filter((t) => t.kind === 'role')).toHaveLength(1);
    expect(mapping.filter((t) => t.kind === 'responseId')).toHaveLength(1);
    // The item columns map to the same items as the code headings, column by column.
    expect(mapping.slice(5)).toEqual(importOf(REAL).mapping.slice(5));
    // Nothing left unrecognised but the platform's own columns.
    expect(
      table.header.filter((h, c) => mapping[c]?.kind === 'ignore' && !isPlatformColumn(h)),
    ).toEqual([]);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.file.respondents).toEqual(reference.file.respondents);
  });

  it('abbreviated headings repeat (identical cut texts): column order tells them apart', () => {
    const text = limeSurveyExport(LSS, responses, {
      headings: 'abbreviated',
      answers: 'short',
      lang: 'fr',
      separator: ';',
    });
    const { header } = split(text);
    const repeated = header.filter((h, i) => header.indexOf(h) !== i);
    expect(repeated.length).toBeGreaterThan(0);
  });

  it('counts the same response once, from any two export styles', () => {
    const a = importOf(limeSurveyExport(LSS, responses, STYLES[3]![1])).result;
    const b = importOf(limeSurveyExport(LSS, responses, STYLES[12]![1])).result;
    if (!a.ok || !b.ok) throw new Error('not read');
    expect(a.file.respondents.map((r) => r.id)).toEqual(b.file.respondents.map((r) => r.id));
  });
});

describe('role values mapped like columns', () => {
  const csv = (roles: string[]) =>
    [
      'id;submitdate;Quelle est votre fonction ?;usadequation[usadequation1]',
      ...roles.map((r, i) => `${i + 1};2026-01-01;${r};3`),
    ].join('\n');

  it('recognises « Salarié », « Cadre », « Élu CSE » and their inclusive spellings', () => {
    const { mapping, result } = importOf(
      csv(['Salarié', 'Cadre', 'Élu CSE', 'Salarié·e', 'Élu(e) CSE', 'Direction']),
    );
    expect(kinds(mapping)).toEqual(['responseId', 'completion', 'role', 'item']);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.file.respondents.map((r) => r.role)).toEqual([
      'employee',
      'manager',
      'representative',
      'employee',
      'representative',
      'management',
    ]);
    expect(result.roleValues.map((v) => [v.value, v.count, v.role])).toEqual([
      ['Salarié', 2, 'employee'],
      ['Cadre', 1, 'manager'],
      ['Élu CSE', 2, 'representative'],
      ['Direction', 1, 'management'],
    ]);
  });

  it('lists the others, then reads them as the user chose', () => {
    const text = csv(['Stagiaire', 'Salarié', 'stagiaire', 'Intérimaire']);
    const first = importOf(text).result;
    expect(first.ok).toBe(false);
    expect(first.roleValues.filter((v) => v.role === null).map((v) => v.value)).toEqual([
      'Stagiaire',
      'Intérimaire',
    ]);
    const chosen = importOf(text, {
      values: {
        roles: { [valueKey('Stagiaire')]: 'other', [valueKey('Intérimaire')]: 'employee' },
        answers: {},
      },
    }).result;
    expect(chosen.ok && chosen.file.respondents.map((r) => r.role)).toEqual([
      'other',
      'employee',
      'other',
      'employee',
    ]);
  });

  it("reads unknown answer texts as « don't know », « not applicable » or blank when chosen", () => {
    const text = [
      'id;role;usadequation[usadequation1]',
      '1;EMP;Sans opinion',
      '2;EMP;Pas concerné',
      '3;EMP;-',
      '4;EMP;2',
    ].join('\n');
    const first = importOf(text).result;
    expect(first.ok).toBe(false);
    expect(first.unknownAnswers.map((v) => [v.value, v.count])).toEqual([
      ['Sans opinion', 1],
      ['Pas concerné', 1],
      ['-', 1],
    ]);
    const chosen = importOf(text, {
      values: {
        roles: {},
        answers: {
          [valueKey('Sans opinion')]: 'dk',
          [valueKey('Pas concerné')]: 'na',
          [valueKey('-')]: 'blank',
        },
      },
    }).result;
    if (!chosen.ok) throw new Error(JSON.stringify(chosen.issues));
    expect(chosen.file.respondents.map((r) => r.answers.uses?.['us-adequation-1'])).toEqual([
      'dk',
      'na',
      2,
    ]);
    expect(chosen.emptyRows).toBe(1);
  });

  it('keeps a heading the user mapped before', () => {
    const header = ['Q1', 'Poste occupé'];
    const remembered = { q1: { kind: 'item', gridId: 'uses', itemId: 'us-regles-2' } as const };
    expect(suggestMapping(header, [grid], { remembered })).toEqual([
      { kind: 'item', gridId: 'uses', itemId: 'us-regles-2' },
      { kind: 'role' },
    ]);
  });
});
