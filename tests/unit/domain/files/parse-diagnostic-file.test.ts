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
    ['not JSON', '{', { code: 'invalidJson', line: 1, column: 2 }],
    ['an array', '[]', { code: 'wrongKind', expected: 'diagnostic', found: null, format: '' }],
    [
      'a backup',
      JSON.stringify({ ...base, format: 'qvt-numerique/backup' }),
      {
        code: 'wrongKind',
        expected: 'diagnostic',
        found: 'backup',
        format: 'qvt-numerique/backup',
      },
    ],
    [
      'a title over 300 characters',
      JSON.stringify({ ...base, title: 'x'.repeat(301) }),
      {
        code: 'invalidContent',
        kind: 'diagnostic',
        problems: [{ code: 'tooLong', path: 'title', params: { max: 300 } }],
        total: 1,
      },
    ],
  ])('refuses %s', (_name, text, error) => {
    expect(parseDiagnosticFile(text)).toEqual({ ok: false, error });
  });

  it('keeps markup in texts as plain strings (React renders them as text)', () => {
    const text = JSON.stringify({ ...base, title: HOSTILE, organisation: HOSTILE });
    const result = parseDiagnosticFile(text);
    expect(result.ok && [result.diagnostic.title, result.diagnostic.organisation]).toEqual([
      HOSTILE,
      HOSTILE,
    ]);
  });

  it('refuses `constructor` and `__proto__` keys, without touching prototypes', () => {
    const respondents = [
      {
        id: 'r1',
        role: 'employee',
        answers: { 'test-grid': { a1: 3 } },
        comments: { 'test-grid': { 'd-a': 'ok' } },
        createdAt: NOW,
        updatedAt: NOW,
      },
    ];
    const text = JSON.stringify({ ...base, respondents });
    expect(parseDiagnosticFile(text).ok).toBe(true);
    expect(parseDiagnosticFile(text.replace('"a1":3', '"constructor":2,"a1":3'))).toEqual({
      ok: false,
      error: {
        code: 'forbiddenKey',
        key: 'constructor',
        path: 'respondents[0].answers.test-grid.constructor',
      },
    });
    expect(
      parseDiagnosticFile(text.replace('"answers":{', '"answers":{"__proto__":{"a1":1},')),
    ).toEqual({
      ok: false,
      error: { code: 'forbiddenKey', key: '__proto__', path: 'respondents[0].answers.__proto__' },
    });
    expect(({} as Record<string, unknown>).a1).toBeUndefined();
  });
});
