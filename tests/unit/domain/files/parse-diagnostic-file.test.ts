import { createDiagnostic } from '@/domain/diagnostic/operations';
import { parseDiagnosticFile } from '@/domain/files/parse-diagnostic-file';
import { loadGrid } from '@/domain/grid/load-grid';
import { makeGrid } from '../../../fixtures/make-grid';

const NOW = '2025-03-01T10:00:00.000Z';
const source = makeGrid();
const loaded = loadGrid(source);
if (!loaded.ok) throw new Error('fixture grid invalid');
const base = createDiagnostic(
  {
    title: 'Fichier',
    purpose: 'negotiation',
    project: { name: 'Outil', kind: 'other', phase: 'choice' },
    grids: [{ grid: loaded.grid, hash: loaded.hash, source }],
  },
  { id: 'd1', now: NOW },
);

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(1)</script>';

describe('parseDiagnosticFile', () => {
  it.each([
    ['not JSON', '{', { ok: false, code: 'invalidJson' }],
    [
      'an array',
      '[]',
      {
        ok: false,
        code: 'notDiagnostic',
        detail: 'Invalid input: expected object, received array',
      },
    ],
    [
      'another format',
      JSON.stringify({ ...base, format: 'qvt-numerique/backup' }),
      {
        ok: false,
        code: 'notDiagnostic',
        detail: 'format: Invalid input: expected "qvt-numerique/diagnostic"',
      },
    ],
    [
      'a title over 300 characters',
      JSON.stringify({ ...base, title: 'x'.repeat(301) }),
      {
        ok: false,
        code: 'notDiagnostic',
        detail: 'title: Too big: expected string to have <=300 characters',
      },
    ],
  ])('refuses %s', (_name, text, expected) => {
    expect(parseDiagnosticFile(text)).toEqual(expected);
  });

  it('keeps markup in texts as plain strings (React renders them as text)', () => {
    const text = JSON.stringify({ ...base, title: HOSTILE, organisation: HOSTILE });
    const result = parseDiagnosticFile(text);
    expect(result.ok && [result.diagnostic.title, result.diagnostic.organisation]).toEqual([
      HOSTILE,
      HOSTILE,
    ]);
  });

  it('keeps a `constructor` key as an own answer and drops `__proto__` without touching prototypes', () => {
    const text = JSON.stringify({
      ...base,
      respondents: [
        {
          id: 'r1',
          role: 'employee',
          answers: { 'test-grid': { constructor: 2, a1: 3 } },
          comments: { 'test-grid': { 'd-a': 'ok' } },
          createdAt: NOW,
          updatedAt: NOW,
        },
      ],
    })
      .replace('"d-a":"ok"', '"d-a":"ok","__proto__":"x"')
      .replace('"answers":{', '"answers":{"__proto__":{"a1":1},');
    const result = parseDiagnosticFile(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const respondent = result.diagnostic.respondents[0];
    expect(Object.keys(respondent?.answers ?? {})).toEqual(['test-grid']);
    expect(Object.getPrototypeOf(respondent?.answers)).toBe(Object.prototype);
    expect(respondent?.answers['test-grid']).toEqual({ constructor: 2, a1: 3 });
    expect(respondent?.comments['test-grid']).toEqual({ 'd-a': 'ok' });
    expect(({} as Record<string, unknown>).a1).toBeUndefined();
  });
});
