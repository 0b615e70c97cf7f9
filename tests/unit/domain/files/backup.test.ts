import fc from 'fast-check';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { createDiagnostic } from '@/domain/diagnostic/operations';
import {
  buildBackup,
  parseBackup,
  planRestore,
  resolveRestore,
  serializeBackup,
  type Backup,
  type BackupGrid,
  type DeviceContents,
} from '@/domain/files/backup';
import { loadGrid } from '@/domain/grid/load-grid';
import { makeGrid } from '../../../fixtures/make-grid';

const NOW = '2025-03-01T10:00:00.000Z';
const GRID_SOURCE = makeGrid();
const GRID = (() => {
  const result = loadGrid(GRID_SOURCE);
  if (!result.ok) throw new Error('fixture grid invalid');
  return { grid: result.grid, hash: result.hash, source: GRID_SOURCE };
})();

function diagnostic(id: string, title = `Diagnostic ${id}`): Diagnostic {
  return createDiagnostic(
    {
      title,
      purpose: 'upstream',
      project: { name: 'Outil', kind: 'collaboration', phase: 'idea' },
      grids: [GRID],
    },
    { id, now: NOW },
  );
}

const CUSTOM: BackupGrid = {
  source: makeGrid({ id: 'my-grid' }),
  addedAt: NOW,
  fileName: 'g.json',
};

/** A backup file as text, with parts of it replaced. */
function file(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'qvt-numerique/backup',
    formatVersion: 1,
    createdAt: NOW,
    diagnostics: [diagnostic('d1')],
    grids: [CUSTOM],
    ...overrides,
  });
}

function fail(text: string) {
  const result = parseBackup(text);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('parseBackup', () => {
  it('reads back what buildBackup wrote', () => {
    const written = buildBackup({
      diagnostics: [diagnostic('d1'), diagnostic('d2')],
      grids: [CUSTOM],
      createdAt: NOW,
      appVersion: '0.1.0',
    });
    const result = parseBackup(serializeBackup(written));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.createdAt).toBe(NOW);
    expect(result.backup.appVersion).toBe('0.1.0');
    expect(result.backup.diagnostics.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(result.backup.diagnostics[0]).toEqual(diagnostic('d1'));
    expect(result.backup.grids.map((g) => [g.key, g.fileName])).toEqual([
      ['my-grid@1.0.0', 'g.json'],
    ]);
  });

  it('reads an empty backup', () => {
    const result = parseBackup(file({ diagnostics: [], grids: [] }));
    expect(result).toEqual({ ok: true, backup: { createdAt: NOW, diagnostics: [], grids: [] } });
  });

  it('ignores a leading byte-order mark', () => {
    expect(parseBackup('\ufeff' + file()).ok).toBe(true);
  });

  const badRole = { ...diagnostic('d2'), respondents: [{ role: 'boss' }] };
  const brokenGridCopy = {
    ...diagnostic('d2'),
    grids: [{ id: 'test-grid', version: '1.0.0', hash: 'a'.repeat(64), grid: { id: 'x' } }],
  };
  const jsSource = makeGrid({
    id: 'js-grid',
    sources: [{ id: 's1', label: { fr: 'Source', en: 'Source' }, url: 'https://example.org/' }],
  });
  (jsSource.sources[0] as { url: string }).url = 'javascript:alert(1)';

  /** The reader's error for one content problem of a backup. */
  const content = (code: string, path: string, params: Record<string, string | number> = {}) => ({
    code: 'invalidContent',
    kind: 'backup',
    problems: [{ code, path, params }],
    total: 1,
  });

  it.each([
    ['not JSON', 'backup', { code: 'invalidJson', line: 1, column: 1 }],
    ['an array', '[]', { code: 'wrongKind', expected: 'backup', found: null, format: '' }],
    [
      'a single diagnostic file',
      JSON.stringify(diagnostic('d1')),
      {
        code: 'wrongKind',
        expected: 'backup',
        found: 'diagnostic',
        format: 'qvt-numerique/diagnostic',
      },
    ],
    [
      'a later format version',
      file({ formatVersion: 2 }),
      { code: 'unsupportedVersion', kind: 'backup', found: '2', expected: 1 },
    ],
    [
      'diagnostics not a list',
      file({ diagnostics: {} }),
      content('type', 'diagnostics', { expected: 'array', received: 'object' }),
    ],
    [
      'a __proto__ key',
      file().replace('"createdAt"', '"__proto__":{"polluted":1},"createdAt"'),
      { code: 'forbiddenKey', key: '__proto__', path: '__proto__' },
    ],
    [
      'a respondent without an id',
      file({ diagnostics: [diagnostic('d1'), badRole] }),
      expect.objectContaining({
        code: 'invalidContent',
        kind: 'backup',
        problems: expect.arrayContaining([
          { code: 'required', path: 'diagnostics[1].respondents[0].id', params: {} },
          {
            code: 'choice',
            path: 'diagnostics[1].respondents[0].role',
            params: expect.objectContaining({ value: 'boss' }),
          },
        ]),
      }),
    ],
    [
      'a diagnostic whose grid copy does not load',
      file({ diagnostics: [brokenGridCopy] }),
      content('invalidGrid', 'diagnostics[0].grids[0].grid', { value: 'test-grid' }),
    ],
    [
      'two diagnostics with one id',
      file({ diagnostics: [diagnostic('d1'), diagnostic('d1', 'Other')] }),
      content('duplicate', 'diagnostics[1].id', { value: 'd1' }),
    ],
    [
      'a custom grid entry without a date',
      file({ grids: [{ source: GRID_SOURCE }] }),
      content('required', 'grids[0].addedAt'),
    ],
    [
      'a custom grid that does not load',
      file({ grids: [CUSTOM, { source: { id: 'x' }, addedAt: NOW }] }),
      content('invalidGrid', 'grids[1].source', { value: 'x' }),
    ],
    [
      'a custom grid with a javascript: link',
      file({ grids: [{ source: jsSource, addedAt: NOW }] }),
      content('invalidGrid', 'grids[0].source', { value: 'js-grid' }),
    ],
    [
      'the same custom grid twice',
      file({ grids: [CUSTOM, CUSTOM] }),
      content('duplicate', 'grids[1].source.id', { value: 'my-grid@1.0.0' }),
    ],
  ])('refuses %s', (_name, text, error) => {
    expect(fail(text).error).toEqual(error);
  });

  it('leaves Object.prototype alone when a file carries __proto__', () => {
    parseBackup(file().replace('"createdAt"', '"__proto__":{"polluted":1},"createdAt"'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('planRestore and resolveRestore', () => {
  const d1 = diagnostic('d1');
  const d2 = diagnostic('d2');
  const d2Changed = { ...diagnostic('d2'), title: 'Changed on the other device' };
  const d3 = diagnostic('d3');
  const customKey = 'my-grid@1.0.0';
  const customHash = (() => {
    const r = loadGrid(CUSTOM.source);
    return r.ok ? r.hash : '';
  })();

  function backupOf(diagnostics: Diagnostic[], withGrid = true): Backup {
    const result = parseBackup(
      serializeBackup(
        buildBackup({ diagnostics, grids: withGrid ? [CUSTOM] : [], createdAt: NOW }),
      ),
    );
    if (!result.ok) throw new Error('fixture backup invalid');
    return result.backup;
  }

  it.each([
    // device, backup → new, same, clashing diagnostics; new, same, clashing grids
    ['an empty device', [], [], [d1, d2], [['d1', 'd2'], [], []], [[customKey], [], []]],
    [
      'the same data',
      [d1, d2],
      [{ key: customKey, hash: customHash }],
      [d1, d2],
      [[], ['d1', 'd2'], []],
      [[], [customKey], []],
    ],
    [
      'one changed, one new',
      [d1, d2Changed],
      [{ key: customKey, hash: 'f'.repeat(64) }],
      [d1, d2, d3],
      [['d3'], ['d1'], ['d2']],
      [[], [], [customKey]],
    ],
  ] as const)(
    'on %s, sorts each entry',
    (_name, onDevice, deviceGrids, incoming, [nw, same, clash], [gNew, gSame, gClash]) => {
      const device: DeviceContents = { diagnostics: [...onDevice], grids: [...deviceGrids] };
      const plan = planRestore(device, backupOf([...incoming]));
      expect(plan.newDiagnostics.map((d) => d.id)).toEqual(nw);
      expect(plan.sameDiagnostics.map((d) => d.id)).toEqual(same);
      expect(plan.clashingDiagnostics.map((c) => c.incoming.id)).toEqual(clash);
      expect(plan.newGrids.map((g) => g.key)).toEqual(gNew);
      expect(plan.sameGrids.map((g) => g.key)).toEqual(gSame);
      expect(plan.clashingGrids.map((g) => g.key)).toEqual(gClash);
    },
  );

  const device: DeviceContents = {
    diagnostics: [d1, d2Changed],
    grids: [{ key: customKey, hash: 'f'.repeat(64) }],
  };
  const plan = planRestore(device, backupOf([d1, d2, d3]));
  const ids = () => {
    let n = 0;
    return () => `new-${(n += 1)}`;
  };
  const copyTitle = (title: string) => `${title} (restored)`;

  it('keeping both: a clash comes back as a copy, the device keeps its own', () => {
    const writes = resolveRestore(plan, 'keepBoth', { newId: ids(), copyTitle });
    expect(writes.diagnostics.map((d) => [d.id, d.title])).toEqual([
      ['d3', 'Diagnostic d3'],
      ['new-1', 'Diagnostic d2 (restored)'],
    ]);
    expect(writes.copies).toEqual([{ from: 'd2', to: 'new-1' }]);
    expect(writes.replacedDiagnostics).toEqual([]);
    expect(writes.grids).toEqual([]);
    expect(writes.keptGrids).toEqual([customKey]);
  });

  it('replacing: a clash overwrites the device copy, under its own id', () => {
    const writes = resolveRestore(plan, 'replace', { newId: ids(), copyTitle });
    expect(writes.diagnostics.map((d) => [d.id, d.title])).toEqual([
      ['d3', 'Diagnostic d3'],
      ['d2', 'Diagnostic d2'],
    ]);
    expect(writes.replacedDiagnostics).toEqual(['d2']);
    expect(writes.copies).toEqual([]);
    expect(writes.grids.map((g) => g.key)).toEqual([customKey]);
    expect(writes.replacedGrids).toEqual([customKey]);
  });

  it('keeping both never overwrites a device diagnostic and restores every incoming one', () => {
    const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const titled = fc.tuple(idArb, fc.constantFrom('T1', 'T2')).map(([id, t]) => diagnostic(id, t));
    const unique = (list: Diagnostic[]) => [...new Map(list.map((d) => [d.id, d])).values()];
    fc.assert(
      fc.property(
        fc.array(titled, { maxLength: 5 }),
        fc.array(titled, { maxLength: 5 }),
        (mine, theirs) => {
          const onDevice = unique(mine);
          const backup = backupOf(unique(theirs), false);
          const writes = resolveRestore(
            planRestore({ diagnostics: onDevice, grids: [] }, backup),
            'keepBoth',
            { newId: ids(), copyTitle },
          );
          const deviceIds = new Set(onDevice.map((d) => d.id));
          // Nothing on the device is overwritten…
          expect(writes.diagnostics.filter((d) => deviceIds.has(d.id))).toEqual([]);
          // …and every incoming diagnostic is on the device afterwards (written, or already there).
          const after = [...onDevice, ...writes.diagnostics];
          for (const d of backup.diagnostics) {
            expect(
              after.some(
                (x) => x.id === d.id || writes.copies.some((c) => c.from === d.id && c.to === x.id),
              ),
            ).toBe(true);
          }
        },
      ),
    );
  });
});
