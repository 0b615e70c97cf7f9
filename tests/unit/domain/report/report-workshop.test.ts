import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import type { Answers, Role } from '@/domain/answers/answers';
import {
  DIAGNOSTIC_FORMAT,
  DIAGNOSTIC_FORMAT_VERSION,
  type Diagnostic,
  type Purpose,
} from '@/domain/diagnostic/diagnostic';
import type { Grid } from '@/domain/grid/schema';
import { buildReportModel, hasWorkshopSections } from '@/domain/report/build-report-model';
import { buildEvolution } from '@/domain/report/evolution-report';
import { TOPIC_LIMITS } from '@/domain/report/workshop-report';
import {
  makeDimension,
  makeGrid,
  makeItem,
  makeScale,
  TEST_SCALES,
} from '../../../fixtures/make-grid';

const HASH = 'a'.repeat(64);
/** The default band bounds: what every figure of these grids (no condition) is shown against. */
const BANDS = [0, 25, 50, 75];
const BAND_BOUNDS = { score: BANDS, spread: [], dkRate: [], roleGap: [] };
const SIDES = { t0: BANDS, t1: BANDS };
const OPTIONS = { lang: 'fr', generatedAt: '2025-03-14T10:30:00.000Z' };

function diagnosticOf(
  grid: Grid,
  people: { role: Role; answers: Answers }[],
  overrides: Partial<Diagnostic> = {},
): Diagnostic {
  return {
    format: DIAGNOSTIC_FORMAT,
    formatVersion: DIAGNOSTIC_FORMAT_VERSION,
    id: 'd1',
    title: 'Atelier télégestion',
    purpose: 'workshop',
    project: { name: 'Planéo', kind: 'mobile-telemanagement', phase: 'deployment' },
    grids: [{ id: grid.id, version: grid.version, hash: HASH, grid: {} }],
    respondents: people.map((p, i) => ({
      id: `r${i}`,
      role: p.role,
      answers: { [grid.id]: p.answers },
      comments: {},
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    })),
    actionPlan: [],
    anonymityThreshold: 3,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    ...overrides,
  };
}

function model(
  grid: Grid,
  people: { role: Role; answers: Answers }[],
  purpose: Purpose = 'workshop',
) {
  const diagnostic = diagnosticOf(grid, people, { purpose });
  return buildReportModel(diagnostic, [{ grid, hash: HASH }], OPTIONS);
}

const grid = makeGrid(); // d-a: a1, a2; d-b: b1, b2 on 1–5 (scores 0, 25, 50, 75, 100)
const high = { a1: 5, a2: 5, b1: 1, b2: 1 }; // d-a 100, d-b 0
const middle = { a1: 3, a2: 3, b1: 3, b2: 3 }; // d-a 50, d-b 50

describe('report model: roles compared', () => {
  it('should give the mean of everyone and of each visible role per dimension', () => {
    const m = model(grid, [
      ...Array.from({ length: 3 }, () => ({ role: 'employee' as const, answers: high })),
      ...Array.from({ length: 3 }, () => ({ role: 'manager' as const, answers: middle })),
    ]);
    expect(m.workshop?.roles).toEqual([
      {
        gridId: 'test-grid',
        title: 'Test grid',
        roles: [
          { role: 'manager', n: 3 },
          { role: 'employee', n: 3 },
        ],
        masked: 0,
        dimensions: [
          {
            id: 'd-a',
            label: 'Dimension d-a',
            all: 75,
            byRole: [50, 100],
            notAsked: [false, false],
            bounds: BANDS,
          },
          {
            id: 'd-b',
            label: 'Dimension d-b',
            all: 25,
            byRole: [50, 0],
            notAsked: [false, false],
            bounds: BANDS,
          },
        ],
      },
    ]);
  });

  it('should leave a role under the threshold out entirely, and the role masked by secondary suppression too', () => {
    // employee 4 visible, manager 3 visible, representative 1 masked (primary); 1 < 3 masked
    // respondents could be deduced by subtraction, so the smallest visible role (manager) is
    // masked too (secondary): 4 masked, only employees shown apart.
    const people = [
      ...Array.from({ length: 4 }, () => ({ role: 'employee' as const, answers: high })),
      ...Array.from({ length: 3 }, () => ({ role: 'manager' as const, answers: middle })),
      { role: 'representative' as const, answers: { a1: 1, a2: 1, b1: 5, b2: 5 } },
    ];
    const m = model(grid, people);
    const roles = m.workshop?.roles[0];
    expect(roles?.roles).toEqual([{ role: 'employee', n: 4 }]);
    expect(roles?.masked).toBe(4);
    expect(roles?.dimensions.map((d) => d.byRole)).toEqual([[100], [0]]);
    // Everyone still counts in "all": (4 × 100 + 3 × 50 + 0) / 8.
    expect(roles?.dimensions[0]?.all).toBeCloseTo(68.75, 8);
    expect(m.participation).toMatchObject({ roles: [{ role: 'employee', n: 4 }], masked: 4 });
    // Neither masked role appears anywhere in the model, under any key.
    const json = JSON.stringify(m);
    expect(json).not.toContain('representative');
    expect(json).not.toContain('manager');
    // With only one visible role, no gap between roles can be shown.
    expect(m.workshop?.topics[0]?.roleGaps).toEqual([]);
  });

  it('should show no role apart when none reaches the threshold', () => {
    const m = model(grid, [
      { role: 'employee', answers: high },
      { role: 'employee', answers: middle },
      { role: 'manager', answers: middle },
    ]);
    expect(m.workshop?.roles).toEqual([]);
    expect(m.participation.roles).toEqual([]);
    expect(m.participation.masked).toBe(3);
    expect(JSON.stringify(m.workshop)).not.toMatch(/employee|manager/);
  });

  it('should withhold a visible role’s dimension that fewer than the threshold answered', () => {
    // Three employees, only two answered d-b: their d-b mean would expose two people.
    const m = model(grid, [
      { role: 'employee', answers: high },
      { role: 'employee', answers: high },
      { role: 'employee', answers: { a1: 3, a2: 3 } },
    ]);
    const dims = m.workshop?.roles[0]?.dimensions;
    expect(dims?.[0]?.byRole[0]).toBeCloseTo((100 + 100 + 50) / 3, 8);
    expect(dims?.[1]?.byRole).toEqual([null]);
    // The overall mean of d-b is the whole group's (two scores), not a role shown apart.
    expect(dims?.[1]?.all).toBe(0);
  });

  it('should hold the very numbers the workshop page reads from aggregateGrid', () => {
    const answers = (k: number): Answers => ({
      a1: 1 + (k % 5),
      a2: 1 + ((k * 2) % 5),
      b1: k % 4 === 0 ? 'dk' : 1 + ((k * 3) % 5),
      b2: 1 + ((k + 1) % 5),
    });
    const roles: Role[] = ['employee', 'manager', 'management', 'employee', 'other'];
    const people = Array.from({ length: 17 }, (_, k) => ({
      role: roles[k % roles.length] ?? 'employee',
      answers: answers(k),
    }));
    const m = model(grid, people, 'negotiation');
    const aggregate = aggregateGrid(
      grid,
      people.map((p, i) => ({ id: `r${i}`, role: p.role, answers: p.answers })),
      { anonymityThreshold: 3 },
    );
    const roles0 = m.workshop?.roles[0];
    expect(roles0?.roles.map((r) => r.role)).toEqual(aggregate.roles.map((r) => r.role));
    expect(roles0?.masked).toBe(aggregate.masked.respondents);
    aggregate.dimensions.forEach((d, i) => {
      expect(roles0?.dimensions[i]?.all).toBe(d.score);
      expect(roles0?.dimensions[i]?.byRole).toEqual(
        aggregate.roles.map((r) => r.dimensions[i]?.score ?? null),
      );
    });
    const topics = m.workshop?.topics[0];
    expect(topics?.dimensions.map((d) => [d.id, d.sd, d.mean, d.n])).toEqual(
      aggregate.divergence.dimensions
        .slice(0, TOPIC_LIMITS.dimensions)
        .map((d) => [d.dimensionId, d.sd, d.mean, d.n]),
    );
    expect(topics?.roleGaps.map((g) => [g.id, g.roleA, g.roleB, g.gap])).toEqual(
      aggregate.divergence.roleGaps
        .slice(0, TOPIC_LIMITS.roleGaps)
        .map((g) => [g.dimensionId, g.roleA, g.roleB, g.gap]),
    );
    expect(topics?.items.map((i) => [i.id, i.sd, i.n])).toEqual(
      aggregate.divergence.items.slice(0, TOPIC_LIMITS.items).map((i) => [i.itemId, i.sd, i.n]),
    );
  });
});

describe('report model: topics for discussion', () => {
  it('should list the largest role gap, the most spread dimension and items with their distribution', () => {
    const m = model(grid, [
      ...Array.from({ length: 3 }, () => ({ role: 'employee' as const, answers: high })),
      ...Array.from({ length: 3 }, () => ({ role: 'manager' as const, answers: middle })),
    ]);
    const topics = m.workshop?.topics[0];
    // Both dimensions: gap 50 between the roles; the tie keeps the grid order.
    expect(topics?.roleGaps).toEqual([
      {
        id: 'd-a',
        label: 'Dimension d-a',
        roleA: 'employee',
        meanA: 100,
        roleB: 'manager',
        meanB: 50,
        gap: 50,
        bounds: BAND_BOUNDS,
      },
      {
        id: 'd-b',
        label: 'Dimension d-b',
        roleA: 'manager',
        meanA: 50,
        roleB: 'employee',
        meanB: 0,
        gap: 50,
        bounds: BAND_BOUNDS,
      },
    ]);
    expect(topics?.dimensions.map((d) => d.id)).toEqual(['d-a', 'd-b']);
    expect(topics?.dimensions[0]?.mean).toBe(75);
    expect(topics?.items).toHaveLength(4);
    const a1 = topics?.items.find((i) => i.id === 'a1');
    expect(a1).toMatchObject({ text: 'Item a1', dimension: 'Dimension d-a', n: 6, mean: 75 });
    // The `five` scale allows "don't know" and "not applicable": both rows are there, at 0.
    expect(a1?.distribution).toEqual([
      { kind: 'value', value: 1, label: 'v1', count: 0 },
      { kind: 'value', value: 2, label: 'v2', count: 0 },
      { kind: 'value', value: 3, label: 'v3', count: 3 },
      { kind: 'value', value: 4, label: 'v4', count: 0 },
      { kind: 'value', value: 5, label: 'v5', count: 3 },
      { kind: 'dk', count: 0 },
      { kind: 'na', count: 0 },
    ]);
  });

  it('should count "no answer" and leave out dk/na rows a scale does not offer', () => {
    const yesno = makeGrid({
      scales: [
        ...TEST_SCALES,
        makeScale('yn', [0, 1], { allowDontKnow: false, allowNotApplicable: false }),
      ],
      dimensions: [
        makeDimension('d-y', [makeItem('y1', { scale: 'yn' }), makeItem('y2', { scale: 'yn' })]),
      ],
    });
    const m = model(yesno, [
      { role: 'employee', answers: { y1: 0, y2: 1 } },
      { role: 'employee', answers: { y1: 1, y2: 1 } },
      { role: 'employee', answers: { y2: 0 } },
    ]);
    const y1 = m.workshop?.topics[0]?.items.find((i) => i.id === 'y1');
    expect(y1?.distribution).toEqual([
      { kind: 'value', value: 0, label: 'v0', count: 1 },
      { kind: 'value', value: 1, label: 'v1', count: 1 },
      { kind: 'missing', count: 1 },
    ]);
  });

  it('should keep at most the workshop page’s number of entries', () => {
    const wide = makeGrid({
      dimensions: Array.from({ length: 6 }, (_, d) => makeDimension(`d${d}`, [`i${d}a`, `i${d}b`])),
    });
    const people = Array.from({ length: 8 }, (_, k) => ({
      role: (k % 2 === 0 ? 'employee' : 'manager') as Role,
      answers: Object.fromEntries(
        Array.from({ length: 6 }, (_, d) => [
          [`i${d}a`, 1 + ((k + d) % 5)],
          [`i${d}b`, 1 + ((k * (d + 1)) % 5)],
        ]).flat(),
      ) as Answers,
    }));
    const topics = model(wide, people).workshop?.topics[0];
    expect(topics?.dimensions).toHaveLength(TOPIC_LIMITS.dimensions);
    expect(topics?.roleGaps).toHaveLength(TOPIC_LIMITS.roleGaps);
    expect(topics?.items).toHaveLength(TOPIC_LIMITS.items);
    // Largest spread first.
    const sds = topics?.items.map((i) => i.sd) ?? [];
    expect([...sds].sort((a, b) => b - a)).toEqual(sds);
  });
});

describe('report model: when the workshop sections appear', () => {
  it('should have none for one respondent outside a workshop', () => {
    const m = model(grid, [{ role: 'employee', answers: high }], 'upstream');
    expect(m.workshop).toBeNull();
    expect(m.evolution).toBeNull();
  });

  it('should have them for a workshop, even alone, with nothing to show yet', () => {
    const m = model(grid, [{ role: 'employee', answers: high }], 'workshop');
    expect(m.workshop).toEqual({ roles: [], topics: [], reliability: [] });
  });

  it('should have them from two respondents whatever the purpose', () => {
    const people = [
      { role: 'employee' as const, answers: high },
      { role: 'employee' as const, answers: middle },
    ];
    expect(hasWorkshopSections(diagnosticOf(grid, people, { purpose: 'negotiation' }))).toBe(true);
    const m = model(grid, people, 'negotiation');
    expect(m.workshop?.roles).toEqual([]);
    expect(m.workshop?.topics[0]?.dimensions.map((d) => d.id)).toEqual(['d-a', 'd-b']);
  });

  it('should leave out a grid nobody answered', () => {
    const m = model(grid, [
      { role: 'employee', answers: {} },
      { role: 'employee', answers: {} },
      { role: 'employee', answers: {} },
    ]);
    expect(m.workshop).toEqual({ roles: [], topics: [], reliability: [] });
  });
});

describe('report model: evolution (T0 → T1)', () => {
  const g0 = makeGrid({
    version: '1.0.0',
    dimensions: [
      makeDimension('d-a', ['a1', 'a2']),
      makeDimension('d-b', ['b1', 'b2']),
      makeDimension('d-old', ['o1']),
    ],
  });
  const g1 = makeGrid({
    version: '1.1.0',
    dimensions: [
      makeDimension('d-a', ['a1', makeItem('a2', { reverse: true }), 'a3']),
      makeDimension('d-b', ['b1', 'b2']),
    ],
  });
  const d0 = diagnosticOf(
    g0,
    [{ role: 'employee', answers: { a1: 2, a2: 5, b1: 1, b2: 3, o1: 5 } }],
    {
      id: 't0',
      title: 'Départ',
      updatedAt: '2024-03-01T00:00:00.000Z',
    },
  );
  const d1 = diagnosticOf(g1, [
    { role: 'employee', answers: { a1: 4, a2: 1, a3: 5, b1: 3, b2: 3 } },
    { role: 'manager', answers: { a1: 5, a2: 1, a3: 5, b1: 5, b2: 3 } },
  ]);

  it('should give both scores and the delta per dimension on the common unchanged items', () => {
    const evolution = buildEvolution(
      { diagnostic: d0, grids: [{ grid: g0, hash: HASH }] },
      { diagnostic: d1, grids: [{ grid: g1, hash: HASH }] },
      'fr',
    );
    expect(evolution.baseline).toEqual({
      id: 't0',
      title: 'Départ',
      updatedAt: '2024-03-01T00:00:00.000Z',
      respondents: 1,
    });
    expect(evolution.respondents).toBe(2);
    const [g] = evolution.grids;
    expect(g?.versions).toEqual({ t0: '1.0.0', t1: '1.1.0' });
    // d-a on a1 only: T0 25; T1 (75 + 100) / 2 = 87.5. d-b: T0 (0 + 50) / 2 = 25; T1 the
    // respondents' (50 + 50) / 2 = 50 and (100 + 50) / 2 = 75, so 62.5. Grid T1 (87.5 + 62.5) / 2.
    expect(g?.dimensions).toEqual([
      {
        id: 'd-a',
        label: 'Dimension d-a',
        t0: 25,
        t1: 87.5,
        delta: 62.5,
        items: 1,
        notAsked: { t0: false, t1: false },
        bounds: SIDES,
      },
      {
        id: 'd-b',
        label: 'Dimension d-b',
        t0: 25,
        t1: 62.5,
        delta: 37.5,
        items: 2,
        notAsked: { t0: false, t1: false },
        bounds: SIDES,
      },
    ]);
    expect(g?.grid).toEqual({ t0: 25, t1: 75, delta: 50, bounds: SIDES });
    expect(g?.leftOut).toEqual({
      added: ['Item a3'],
      removed: ['Item o1'],
      changed: [{ item: 'Item a2', changes: ['reverse'] }],
    });
    expect(g?.dimensionsOnly).toEqual({ t0: ['Dimension d-old'], t1: [] });
    expect(g?.commonItems).toBe(3);
    expect(evolution.notCompared).toEqual([]);
  });

  it('should list a T1 grid that T0 does not have as not compared', () => {
    const other = makeGrid({ id: 'other-grid' });
    const evolution = buildEvolution(
      { diagnostic: d0, grids: [{ grid: g0, hash: HASH }] },
      {
        diagnostic: d1,
        grids: [
          { grid: other, hash: HASH },
          { grid: g1, hash: HASH },
        ],
      },
      'fr',
    );
    expect(evolution.grids.map((g) => g.gridId)).toEqual(['test-grid']);
    expect(evolution.notCompared).toEqual(['other-grid']);
  });
});

describe('report model: comments of a small role', () => {
  const SECRET = 'Le seul délégué : la direction ne nous consulte jamais';
  const withComments = (people: { role: Role; answers: Answers; comment?: string }[]) => {
    const diagnostic = diagnosticOf(grid, people);
    diagnostic.respondents.forEach((respondent, i) => {
      const comment = people[i]?.comment;
      if (comment !== undefined) respondent.comments = { [grid.id]: { 'd-a': comment } };
    });
    return diagnostic;
  };

  it('never holds the comment of a role under the threshold beside other roles', () => {
    const diagnostic = withComments([
      ...Array.from({ length: 5 }, (_, i) => ({
        role: 'employee' as const,
        answers: high,
        comment: `Salarié ${i}`,
      })),
      { role: 'representative', answers: middle, comment: SECRET },
    ]);
    const m = buildReportModel(diagnostic, [{ grid, hash: HASH }], OPTIONS);
    const json = JSON.stringify(m);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain('representative');
    expect(m.comments.flatMap((g) => g.comments)).toHaveLength(5);
  });

  it('keeps the comments when everyone answered in one role (a diagnostic of one person)', () => {
    const diagnostic = withComments([{ role: 'employee', answers: high, comment: SECRET }]);
    const m = buildReportModel(diagnostic, [{ grid, hash: HASH }], OPTIONS);
    expect(m.comments.flatMap((g) => g.comments)).toEqual([SECRET]);
  });
});
