import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { UNKNOWN_CONTEXT, type RoutingContext } from '@/domain/context/applies-when';
import { phaseWording, routeGrid } from '@/domain/context/route-grid';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import { scoreGrid } from '@/domain/scoring/score-grid';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

const homeCare: RoutingContext = {
  projectKinds: ['mobile-telemanagement'],
  phase: 'choice',
  size: '11-49',
  cse: 'no',
  unionDelegates: 'no',
  sector: 'health-social',
};
const robotics: RoutingContext = {
  projectKinds: ['robotics'],
  phase: 'in-use',
  size: '250-999',
  cse: 'yes',
  unionDelegates: 'yes',
  sector: 'industry',
};

const grid = makeGrid({
  schemaVersion: 2,
  dimensions: [
    makeDimension('d-a', [
      'a1',
      makeItem('robot', { appliesWhen: { projectKinds: ['robotics'] } }),
      makeItem('deployed', {
        appliesWhen: { phases: ['deployment', 'in-use'] },
      }),
      makeItem('worded', {
        expected: { fr: 'attendu', en: 'expected' },
        observed: { fr: 'observé', en: 'observed' },
        roleWording: [{ roles: ['management'], text: { fr: 'selon vous', en: 'as you hear' } }],
      }),
      makeItem('cse-procedure', {
        appliesWhen: { cse: true, roles: ['management', 'representative'] },
      }),
    ]),
    makeDimension('d-cse', ['c1', 'c2'], {
      appliesWhen: { cse: true, sizeBands: ['50-249', '250-999', '1000+'] },
    }),
    makeDimension('d-robots', [
      makeItem('r1', { appliesWhen: { projectKinds: ['robotics'] } }),
      makeItem('r2', { appliesWhen: { projectKinds: ['robotics'], phases: ['in-use'] } }),
    ]),
  ],
  recommendations: [
    {
      id: 'rec-robot',
      title: { fr: 'Robots', en: 'Robots' },
      body: { fr: 'b', en: 'b' },
      actions: [{ fr: 'a', en: 'a' }],
      audiences: ['company'],
      priority: 'high',
      condition: { type: 'dimension', dimension: 'd-a', op: 'atLeast', value: 0 },
      appliesWhen: { projectKinds: ['robotics'] },
    },
    {
      id: 'rec-all',
      title: { fr: 'Tous', en: 'All' },
      body: { fr: 'b', en: 'b' },
      actions: [{ fr: 'a', en: 'a' }],
      audiences: ['company'],
      priority: 'high',
      condition: { type: 'dimension', dimension: 'd-a', op: 'atLeast', value: 0 },
    },
  ],
});

const itemIds = (g: Grid) => g.dimensions.flatMap((d) => d.items.map((i) => i.id));

describe('routeGrid', () => {
  it('leaves out, for a small home-care telemanagement project before deployment, the robot, deployed-tool and CSE elements, and says why', () => {
    const routed = routeGrid(grid, homeCare);
    expect(itemIds(routed.grid)).toEqual(['a1', 'worded']);
    expect(routed.grid.dimensions.map((d) => d.id)).toEqual(['d-a']);
    expect(routed.grid.recommendations.map((r) => r.id)).toEqual(['rec-all']);
    expect(routed.leftOut).toEqual([
      { kind: 'item', id: 'robot', dimensionId: 'd-a', reasons: ['projectKinds'] },
      { kind: 'item', id: 'deployed', dimensionId: 'd-a', reasons: ['phases'] },
      { kind: 'item', id: 'cse-procedure', dimensionId: 'd-a', reasons: ['cse'] },
      { kind: 'dimension', id: 'd-cse', reasons: ['sizeBands', 'cse'] },
      { kind: 'dimension', id: 'd-robots', reasons: ['projectKinds', 'phases'] },
      { kind: 'recommendation', id: 'rec-robot', reasons: ['projectKinds'] },
    ]);
  });

  it('asks everything that applies to a large robotics project with a CSE', () => {
    const routed = routeGrid(grid, robotics);
    expect(itemIds(routed.grid)).toEqual([
      'a1',
      'robot',
      'deployed',
      'worded',
      'cse-procedure',
      'c1',
      'c2',
      'r1',
      'r2',
    ]);
    expect(routed.leftOut).toEqual([]);
    expect(routed.grid.recommendations.map((r) => r.id)).toEqual(['rec-robot', 'rec-all']);
  });

  it('does not ask a role what it cannot know', () => {
    const routed = routeGrid(grid, robotics, 'employee');
    expect(itemIds(routed.grid)).not.toContain('cse-procedure');
    expect(routed.leftOut).toContainEqual({
      kind: 'item',
      id: 'cse-procedure',
      dimensionId: 'd-a',
      reasons: ['roles'],
    });
    expect(itemIds(routeGrid(grid, robotics, 'representative').grid)).toContain('cse-procedure');
  });

  it('words items for the phase, and for a role before the phase', () => {
    const text = (context: RoutingContext, role?: 'management' | 'employee') =>
      routeGrid(grid, context, role).grid.dimensions[0]!.items.find((i) => i.id === 'worded')!.text
        .fr;
    expect(text(homeCare)).toBe('attendu');
    expect(text(robotics)).toBe('observé');
    expect(text(UNKNOWN_CONTEXT)).toBe('Item worded');
    expect(text(robotics, 'management')).toBe('selon vous');
    expect(text(robotics, 'employee')).toBe('observé');
    expect(phaseWording({ ...homeCare, phase: 'idea' })).toBe('expected');
    expect(phaseWording({ ...homeCare, phase: 'deployment' })).toBe('observed');
  });

  it('keeps what it cannot rule out when the context is unknown, and lists it as uncertain', () => {
    const routed = routeGrid(grid, UNKNOWN_CONTEXT);
    expect(routed.leftOut).toEqual([]);
    expect(itemIds(routed.grid)).toHaveLength(itemIds(grid).length);
    expect(routed.uncertain).toContainEqual({
      kind: 'dimension',
      id: 'd-cse',
      fields: ['sizeBands', 'cse'],
    });
  });

  it('scores the routed grid without counting what was left out (coverage, don’t know rate)', () => {
    const answers = { a1: 4, worded: 'dk' as const, robot: 1, deployed: 1 };
    const scored = scoreGrid(routeGrid(grid, homeCare).grid, answers);
    expect(scored.dimensions).toHaveLength(1);
    const dimension = scored.dimensions[0]!;
    expect(dimension.total).toBe(2);
    expect(dimension.coverage).toBe(0.5);
    expect(dimension.dkRate).toBe(0.5);
    expect(dimension.score).toBe(75);
    // The whole grid would count the robot and deployed-tool answers.
    expect(scoreGrid(grid, answers).dimensions[0]!.score).toBe(25);
  });
});

describe('the bundled grids, routed', () => {
  const load = (name: string): Grid => {
    const result = loadGrid(JSON.parse(readFileSync(`questionnaires/${name}.json`, 'utf8')));
    if (!result.ok) throw new Error(name);
    return result.grid;
  };
  const ro = load('risks-opportunities');
  const sd = load('social-dialogue');
  const uses = load('uses');

  it('never asks robot items nor fires the robotics recommendation for a telemanagement project', () => {
    const routed = routeGrid(ro, homeCare);
    expect(itemIds(routed.grid)).not.toEqual(
      expect.arrayContaining(['ro-charge-5', 'ro-collectif-4', 'ro-sante-2']),
    );
    for (const id of ['ro-charge-5', 'ro-collectif-4', 'ro-sante-2'])
      expect(itemIds(routed.grid)).not.toContain(id);
    expect(routed.grid.recommendations.map((r) => r.id)).not.toContain('ro-rec-robotique');
    const robot = routeGrid(ro, robotics);
    for (const id of ['ro-charge-5', 'ro-collectif-4', 'ro-sante-2'])
      expect(itemIds(robot.grid)).toContain(id);
    expect(robot.grid.recommendations.map((r) => r.id)).toContain('ro-rec-robotique');
  });

  it('asks a 20-person company without CSE no CSE-consultation item and offers the small-company recommendations', () => {
    const routed = routeGrid(sd, homeCare);
    expect(routed.grid.dimensions.map((d) => d.id)).not.toContain('sd-info-consultation');
    const recs = routed.grid.recommendations.map((r) => r.id);
    expect(recs).not.toContain('sd-rec-consultation-cse');
    expect(recs).not.toContain('sd-rec-negociation-qvct');
    expect(recs).toContain('sd-rec-petite-entreprise');
    expect(recs).toContain('sd-rec-deconnexion-charte');
    const large = routeGrid(sd, robotics).grid.recommendations.map((r) => r.id);
    expect(large).toContain('sd-rec-consultation-cse');
    expect(large).not.toContain('sd-rec-petite-entreprise');
  });

  it('does not ask employees about the CSE consultation procedure', () => {
    const employee = routeGrid(sd, robotics, 'employee');
    expect(employee.grid.dimensions.map((d) => d.id)).not.toContain('sd-info-consultation');
    const representative = routeGrid(sd, robotics, 'representative');
    expect(representative.grid.dimensions.map((d) => d.id)).toContain('sd-info-consultation');
  });

  it('asks about a deployed tool only once deployed, or in its expected wording before', () => {
    const before = routeGrid(uses, homeCare).grid;
    expect(itemIds(before)).not.toContain('us-fiabilite-1');
    const help = before.dimensions.flatMap((d) => d.items).find((i) => i.id === 'us-fiabilite-4');
    expect(help?.text.fr).toMatch(/est prévue/);
    expect(itemIds(routeGrid(uses, robotics).grid)).toContain('us-fiabilite-1');
  });
});
