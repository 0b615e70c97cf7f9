import { compareGrids } from '@/domain/compare/compare-grids';
import {
  makeDimension,
  makeGrid,
  makeItem,
  makeRespondent,
  makeScale,
  TEST_SCALES,
} from '../../../fixtures/make-grid';

const t0Grid = makeGrid({
  version: '1.0.0',
  dimensions: [
    makeDimension('d-a', ['a1', 'a2', 'a3']),
    makeDimension('d-b', ['b1', 'b2']),
    makeDimension('d-c', ['c1']),
    makeDimension('d-old', ['o1']),
  ],
});

const t1Grid = makeGrid({
  version: '1.1.0',
  dimensions: [
    makeDimension('d-a', ['a1', makeItem('a2', { reverse: true }), 'a4']),
    makeDimension('d-b', [makeItem('b1', { scale: 'four' }), 'b2']),
    makeDimension('d-c', [makeItem('c1', { weight: 2 })]),
    makeDimension('d-new', ['n1', 'a3']),
  ],
});

const NONE = { t0: false, t1: false };

describe('compareGrids', () => {
  it('compares only the common unchanged items and lists the rest', () => {
    // Common items: a1 (d-a) and b2 (d-b).
    // T0: a1 2 → 25, b2 4 → 75 → grid 50 (the other answers must not count).
    // T1: a1 4, 5 → 75, 100 → 87.5; b2 4, 2 → 75, 25 → 50 → grid 68.75.
    const result = compareGrids(
      {
        grid: t0Grid,
        respondents: [
          makeRespondent('x', 'employee', { a1: 2, a2: 1, a3: 5, b1: 1, b2: 4, c1: 5, o1: 5 }),
        ],
      },
      {
        grid: t1Grid,
        respondents: [
          makeRespondent('y', 'employee', {
            a1: 4,
            a2: 5,
            a4: 1,
            b1: 1,
            b2: 4,
            c1: 1,
            n1: 1,
            a3: 1,
          }),
          makeRespondent('z', 'manager', { a1: 5, b2: 2 }),
        ],
      },
    );
    expect(result).toEqual({
      ok: true,
      gridId: 'test-grid',
      versions: { t0: '1.0.0', t1: '1.1.0' },
      items: {
        added: ['a4', 'n1'],
        removed: ['o1'],
        changed: [
          { itemId: 'a2', changes: ['reverse'] },
          { itemId: 'b1', changes: ['scale'] },
          { itemId: 'c1', changes: ['weight'] },
          { itemId: 'a3', changes: ['dimension'] },
        ],
        common: ['a1', 'b2'],
      },
      dimensions: [
        { dimensionId: 'd-a', items: 1, t0: 25, t1: 87.5, delta: 62.5, notAsked: NONE },
        { dimensionId: 'd-b', items: 1, t0: 75, t1: 50, delta: -25, notAsked: NONE },
        { dimensionId: 'd-c', items: 0, t0: null, t1: null, delta: null, notAsked: NONE },
      ],
      dimensionsOnlyIn: { t0: ['d-old'], t1: ['d-new'] },
      grid: { t0: 50, t1: 68.75, delta: 18.75 },
      n0: 1,
      n1: 2,
    });
  });

  it('refuses two different grids', () => {
    expect(
      compareGrids(
        { grid: t0Grid, respondents: [] },
        { grid: makeGrid({ id: 'another-grid' }), respondents: [] },
      ),
    ).toEqual({ ok: false, reason: 'different_grid' });
  });

  it('compares the same version item by item', () => {
    const grid = makeGrid(); // d-a: a1, a2; d-b: b1, b2
    const result = compareGrids(
      { grid, respondents: [makeRespondent('p', 'other', { a1: 1, a2: 3, b1: 3, b2: 3 })] }, // 25, 50
      { grid, respondents: [makeRespondent('q', 'other', { a1: 3, a2: 3, b1: 'dk', b2: 'dk' })] }, // 50, none
    );
    if (!result.ok) throw new Error('same grid');
    expect(result.items).toEqual({
      added: [],
      removed: [],
      changed: [],
      common: ['a1', 'a2', 'b1', 'b2'],
    });
    expect(result.dimensions).toEqual([
      { dimensionId: 'd-a', items: 2, t0: 25, t1: 50, delta: 25, notAsked: NONE },
      { dimensionId: 'd-b', items: 2, t0: 50, t1: null, delta: null, notAsked: NONE },
    ]);
    expect(result.grid).toEqual({ t0: 37.5, t1: 50, delta: 12.5 });
  });

  it('compares scale values, not scale ids', () => {
    const renamed = makeGrid({
      version: '1.0.1',
      scales: [
        ...TEST_SCALES,
        makeScale('five-bis', [1, 2, 3, 4, 5]),
        makeScale('five-shift', [0, 1, 2, 3, 4]),
      ],
      dimensions: [
        makeDimension('d-a', [
          makeItem('a1', { scale: 'five-bis' }),
          makeItem('a2', { scale: 'five-shift' }),
        ]),
        makeDimension('d-b', ['b1', 'b2']),
      ],
    });
    const result = compareGrids(
      { grid: makeGrid(), respondents: [] },
      { grid: renamed, respondents: [] },
    );
    if (!result.ok) throw new Error('same grid');
    expect(result.items.changed).toEqual([{ itemId: 'a2', changes: ['scale'] }]);
    expect(result.items.common).toEqual(['a1', 'b1', 'b2']);
    expect(result.grid).toEqual({ t0: null, t1: null, delta: null });
    expect(result.n0).toBe(0);
  });

  it('lists several changes of one item', () => {
    const changed = makeGrid({
      dimensions: [
        makeDimension('d-a', [makeItem('a1', { scale: 'four', reverse: true, weight: 3 }), 'a2']),
        makeDimension('d-b', ['b1', 'b2']),
      ],
    });
    const result = compareGrids(
      { grid: makeGrid(), respondents: [] },
      { grid: changed, respondents: [] },
    );
    expect(result.ok && result.items.changed).toEqual([
      { itemId: 'a1', changes: ['scale', 'reverse', 'weight'] },
    ]);
  });

  it('says which side asked a dimension of none of its respondents (« non posée »)', () => {
    const NOT_EMPLOYEES = { roles: ['management', 'manager', 'representative', 'other'] as const };
    const grid = makeGrid({
      schemaVersion: 2,
      dimensions: [
        makeDimension('d-all', ['a1', 'a2']),
        makeDimension('d-cse', ['c1', 'c2'], { appliesWhen: { roles: [...NOT_EMPLOYEES.roles] } }),
      ],
    });
    // T0: employees only, never asked d-cse. T1: a representative too. Nobody answers d-cse
    // in T0 (not asked), and T1's employee did not either (not asked of them).
    const result = compareGrids(
      {
        grid,
        respondents: [
          makeRespondent('e1', 'employee', { a1: 2, a2: 2 }),
          makeRespondent('e2', 'employee', { a1: 4, a2: 4 }),
        ],
      },
      {
        grid,
        respondents: [
          makeRespondent('e3', 'employee', { a1: 3, a2: 3 }),
          makeRespondent('r1', 'representative', { a1: 3, a2: 3, c1: 5, c2: 5 }),
        ],
      },
    );
    if (!result.ok) throw new Error('same grid');
    const cse = result.dimensions.find((d) => d.dimensionId === 'd-cse');
    expect(cse).toMatchObject({
      t0: null,
      t1: 100,
      delta: null,
      notAsked: { t0: true, t1: false },
    });
    expect(result.dimensions.find((d) => d.dimensionId === 'd-all')?.notAsked).toEqual(NONE);

    // Asked but unanswered is not « not asked »; nor is a side without respondents.
    const unanswered = compareGrids(
      { grid, respondents: [makeRespondent('r2', 'representative', { a1: 1, a2: 1 })] },
      { grid, respondents: [] },
    );
    if (!unanswered.ok) throw new Error('same grid');
    expect(unanswered.dimensions.find((d) => d.dimensionId === 'd-cse')?.notAsked).toEqual(NONE);
  });
});
