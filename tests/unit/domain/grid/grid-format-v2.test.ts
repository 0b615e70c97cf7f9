/**
 * Grid format 2 (applicability and worded variants) and the migration of what version 1 wrote:
 * bundled grids, custom grids and the grid copies pinned in stored diagnostics.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNKNOWN_CONTEXT } from '@/domain/context/applies-when';
import { routingContextOf } from '@/domain/context/context-of';
import { routeGrid } from '@/domain/context/route-grid';
import { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { migrateDiagnostic, planGridMigration } from '@/domain/diagnostic/migrate';
import { addRespondent, createDiagnostic, setAnswer } from '@/domain/diagnostic/operations';
import { parseValidGrid } from '@/domain/grid/grid-rules';
import { loadGrid, loadGridText } from '@/domain/grid/load-grid';
import { GRID_SCHEMA_VERSION, type Grid } from '@/domain/grid/schema';
import { scoreGrid } from '@/domain/scoring/score-grid';

const NAMES = ['risks-opportunities', 'social-dialogue'] as const;
const v1Source = (name: string): unknown =>
  JSON.parse(readFileSync(`tests/fixtures/grids/v1/${name}.json`, 'utf8'));
const v2Text = (name: string) => readFileSync(`questionnaires/${name}.json`, 'utf8');
// The 1.1.0 editions (format 2), as shipped before the grids' second edition (2.0.0).
const v11Text = (name: string) => readFileSync(`tests/fixtures/grids/1.1.0/${name}.json`, 'utf8');
const loaded = (input: unknown) => {
  const result = loadGrid(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
};
const itemIds = (grid: Grid) => grid.dimensions.flatMap((d) => d.items.map((i) => i.id));

describe('grid format 2', () => {
  it('is the version this application writes, and the bundled grids use it', () => {
    expect(GRID_SCHEMA_VERSION).toBe(2);
    for (const name of NAMES) {
      const result = loadGridText(v2Text(name));
      expect(result.ok && result.grid.schemaVersion).toBe(2);
    }
  });

  it('reads a version 1 grid as it is: no field added, so its content hash and answers stay', () => {
    for (const name of NAMES) {
      const { grid } = loaded(v1Source(name));
      expect(grid.schemaVersion).toBe(1);
      const json = JSON.stringify(grid);
      for (const key of ['appliesWhen', 'expected', 'observed', 'roleWording'])
        expect(json).not.toContain(`"${key}"`);
      // Nothing routes a version 1 grid away, whatever the context.
      const routed = routeGrid(grid, {
        projectKinds: ['collaboration'],
        phase: 'idea',
        size: '1-10',
        cse: 'no',
        unionDelegates: 'no',
        sector: 'retail',
      });
      expect(routed.leftOut).toEqual([]);
      expect(itemIds(routed.grid)).toEqual(itemIds(grid));
      expect(parseValidGrid(v1Source(name))).not.toBeNull();
    }
  });

  it('refuses a version 2 field in a version 1 grid, saying where and which version it needs', () => {
    const source = v1Source('social-dialogue') as {
      dimensions: { items: Record<string, unknown>[] }[];
    };
    source.dimensions[0]!.items[1]!.appliesWhen = { cse: true };
    const result = loadGrid(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        code: 'needs_schema_version',
        path: 'dimensions[0].items[1].appliesWhen',
        params: { key: 'appliesWhen', version: 2 },
      },
    ]);
    expect(parseValidGrid(source)).toBeNull();
  });

  it('refuses a malformed appliesWhen with its path', () => {
    const source = JSON.parse(v2Text('uses')) as {
      dimensions: { items: Record<string, unknown>[] }[];
    };
    source.dimensions[0]!.items[0]!.appliesWhen = { phases: ['later'] };
    const result = loadGrid(source);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.path)).toEqual([
        'dimensions[0].items[0].appliesWhen.phases[0]',
      ]);
  });
});

describe('moving a diagnostic pinned on a format 1 bundled grid (1.0.0) to format 2 (1.1.0)', () => {
  for (const name of NAMES) {
    it(`${name}: keeps every answer, sets nothing aside`, () => {
      const old = loaded(v1Source(name));
      const next = loaded(JSON.parse(v11Text(name)));
      const plan = planGridMigration(old.grid, next.grid);
      expect(plan.removed).toEqual([]);
      expect(plan.changed).toEqual([]);
      expect(plan.kept.map((k) => k.itemId)).toEqual(itemIds(old.grid));

      let diagnostic = createDiagnostic(
        {
          title: 'v1',
          purpose: 'upstream',
          project: { name: '', kind: 'robotics', phase: 'in-use' },
          grids: [{ grid: old.grid, hash: old.hash, source: v1Source(name) }],
        },
        { id: 'd', now: 't0' },
      );
      diagnostic = addRespondent(diagnostic, { id: 'r', role: 'management' }, 't0');
      itemIds(old.grid).forEach((itemId, i) => {
        diagnostic = setAnswer(
          diagnostic,
          { respondentId: 'r', gridId: old.grid.id, itemId },
          i % 5 === 0 ? 'dk' : (i % 4) + 1,
          't0',
        );
      });
      const stored = Diagnostic.parse(JSON.parse(JSON.stringify(diagnostic)));
      const migrated = migrateDiagnostic(stored, old.grid.id, next, 't1');
      expect(migrated.respondents[0]!.answers).toEqual(stored.respondents[0]!.answers);
      expect(migrated.respondents[0]!.setAside).toBeUndefined();
      expect(migrated.grids[0]!.version).toBe(next.grid.version);

      // Before and after, a context that leaves nothing out scores the same answers alike.
      const answers = stored.respondents[0]!.answers[old.grid.id]!;
      const before = scoreGrid(old.grid, answers);
      const after = scoreGrid(routeGrid(next.grid, UNKNOWN_CONTEXT, 'management').grid, answers);
      expect(after.dimensions.map((d) => d.answered)).toEqual(
        before.dimensions.map((d) => d.answered),
      );
    });
  }
});

describe('the diagnostic’s context', () => {
  const base = createDiagnostic(
    {
      title: 'ctx',
      purpose: 'upstream',
      project: { name: 'Tablettes', kind: 'mobile-telemanagement', phase: 'choice' },
      size: '11-49',
      grids: [loaded(JSON.parse(v2Text('uses')))],
    },
    { id: 'd', now: 't0' },
  );

  it('is optional: a diagnostic stored before it was asked still reads, its context from the older fields', () => {
    const stored = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    expect(stored.context).toBeUndefined();
    const parsed = Diagnostic.parse(stored);
    expect(routingContextOf(parsed)).toEqual({
      projectKinds: ['mobile-telemanagement'],
      phase: 'choice',
      size: '11-49',
      cse: 'unknown',
      unionDelegates: 'unknown',
      sector: 'unknown',
    });
  });

  it('is stored and read back when asked, and a bad value is refused with its path', () => {
    const context = {
      projectKinds: ['mobile-telemanagement', 'ai'],
      phase: 'unknown',
      size: '11-49',
      cse: 'no',
      unionDelegates: 'unknown',
      sector: 'health-social',
    } as const;
    const parsed = Diagnostic.parse(JSON.parse(JSON.stringify({ ...base, context })));
    expect(routingContextOf(parsed)).toEqual(context);
    const bad = Diagnostic.safeParse({ ...base, context: { ...context, cse: 'maybe' } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]!.path).toEqual(['context', 'cse']);
  });
});
