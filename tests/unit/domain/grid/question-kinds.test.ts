/**
 * Grid format 2: the kind of items and scales, and role-scoped dimension conditions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGrid } from '@/domain/grid/load-grid';
import { evaluateCondition } from '@/domain/recommend/evaluate';
import type { EvaluationContext } from '@/domain/recommend/context';

type Source = {
  scales: Record<string, unknown>[];
  dimensions: { items: Record<string, unknown>[] }[];
  recommendations: Record<string, unknown>[];
};
const v2 = (): Source => JSON.parse(readFileSync('questionnaires/uses.json', 'utf8')) as Source;
const v1 = (): Source =>
  JSON.parse(readFileSync('tests/fixtures/grids/v1/social-dialogue.json', 'utf8')) as Source;

describe('kinds of items and scales', () => {
  it('accepts an item and its scale of the same kind', () => {
    const source = v2();
    const item = source.dimensions[0]!.items[0]!;
    const scale = source.scales.find((s) => s.id === item.scale)!;
    scale.kind = 'agreement';
    item.kind = 'agreement';
    expect(loadGrid(source).ok).toBe(true);
  });

  it('refuses an item whose kind is not its scale’s, saying both kinds and where', () => {
    const source = v2();
    const item = source.dimensions[0]!.items[0]!;
    const scale = source.scales.find((s) => s.id === item.scale)!;
    scale.kind = 'agreement';
    item.kind = 'fact';
    const result = loadGrid(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        code: 'scale_kind_mismatch',
        path: 'dimensions[0].items[0].kind',
        params: { kind: 'fact', scale: item.scale, scaleKind: 'agreement' },
      },
    ]);
  });

  it('refuses an unknown kind with its path', () => {
    const source = v2();
    source.dimensions[0]!.items[0]!.kind = 'opinion';
    const result = loadGrid(source);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.path)).toEqual(['dimensions[0].items[0].kind']);
  });

  it('is a version 2 field: a version 1 grid using it is told which version it needs', () => {
    const source = v1();
    source.scales[0]!.kind = 'agreement';
    const result = loadGrid(source);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        {
          code: 'needs_schema_version',
          path: 'scales[0].kind',
          params: { key: 'kind', version: 2 },
        },
      ]);
  });
});

describe('role-scoped dimension conditions', () => {
  const dimensionId = (source: Source) =>
    (JSON.parse(JSON.stringify(source)) as { dimensions: { id: string }[] }).dimensions[0]!.id;

  it('accepts a known role and refuses an unknown one with its path', () => {
    const source = v2();
    const dimension = dimensionId(source);
    source.recommendations[0]!.condition = {
      type: 'dimension',
      dimension,
      op: 'below',
      value: 50,
      role: 'employee',
    };
    expect(loadGrid(source).ok).toBe(true);
    source.recommendations[0]!.condition = {
      type: 'any',
      conditions: [{ type: 'dimension', dimension, op: 'below', value: 50, role: 'boss' }],
    };
    const result = loadGrid(source);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.path)).toEqual([
        'recommendations[0].condition.conditions[0].role',
      ]);
  });

  it('is a version 2 field', () => {
    const source = v1();
    const dimension = dimensionId(source);
    source.recommendations[0]!.condition = {
      type: 'not',
      condition: { type: 'dimension', dimension, op: 'below', value: 50, role: 'employee' },
    };
    const result = loadGrid(source);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        {
          code: 'needs_schema_version',
          path: 'recommendations[0].condition.condition.role',
          params: { key: 'role', version: 2 },
        },
      ]);
  });

  it('never reads the whole group’s score in place of a role’s', () => {
    const ctx: EvaluationContext = {
      source: 'aggregate',
      dimensions: new Map([['d', { score: 10, dkRate: 0, spread: null, roleGap: null }]]),
      items: new Map(),
    };
    const grouped = evaluateCondition(
      { type: 'dimension', dimension: 'd', op: 'below', value: 50 },
      ctx,
    );
    expect(grouped.fired).toBe(true);
    const scoped = evaluateCondition(
      { type: 'dimension', dimension: 'd', op: 'below', value: 50, role: 'employee' },
      ctx,
    );
    expect(scoped.fired).toBe(false);
  });
});
