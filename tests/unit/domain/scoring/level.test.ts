import { DEFAULT_LEVELS } from '@/domain/grid/levels';
import type { Level } from '@/domain/grid/schema';
import { levelOf, levelsOf } from '@/domain/scoring/level';
import { makeGrid } from '../../../fixtures/make-grid';

describe('levelOf with the default bands', () => {
  it.each([
    { score: 0, expected: 'critical' },
    { score: 24.999, expected: 'critical' },
    { score: 25, expected: 'fragile' },
    { score: 49.999, expected: 'fragile' },
    { score: 50, expected: 'progressing' },
    { score: 74.999, expected: 'progressing' },
    { score: 75, expected: 'favourable' },
    { score: 100, expected: 'favourable' },
  ])('$score → $expected', ({ score, expected }) => {
    expect(levelOf(score, DEFAULT_LEVELS)?.id).toBe(expected);
  });

  it('has no level without a score', () => {
    expect(levelOf(null, DEFAULT_LEVELS)).toBeNull();
    expect(levelOf(Number.NaN, DEFAULT_LEVELS)).toBeNull();
  });
});

describe('levelOf with custom bands', () => {
  const custom: Level[] = [
    { id: 'low', min: 0, label: { fr: 'Bas' }, color: '#000000' },
    { id: 'mid', min: 40, label: { fr: 'Moyen' }, color: '#111111' },
    { id: 'top', min: 80, label: { fr: 'Haut' }, color: '#222222' },
  ];
  const unordered = [custom[2], custom[0], custom[1]] as Level[];
  const startingAt10: Level[] = [
    { id: 'some', min: 10, label: { fr: 'Un peu' }, color: '#000000' },
  ];

  it.each([
    { levels: custom, score: 39.99, expected: 'low' },
    { levels: custom, score: 40, expected: 'mid' },
    { levels: custom, score: 79.99, expected: 'mid' },
    { levels: custom, score: 80, expected: 'top' },
    { levels: unordered, score: 50, expected: 'mid' },
    { levels: unordered, score: 90, expected: 'top' },
    { levels: startingAt10, score: 10, expected: 'some' },
    { levels: startingAt10, score: 9, expected: null },
  ])('$score → $expected', ({ levels, score, expected }) => {
    expect(levelOf(score, levels)?.id ?? null).toBe(expected);
  });
});

describe('levelsOf', () => {
  it('uses the default bands when the grid has none', () => {
    expect(levelsOf(makeGrid())).toBe(DEFAULT_LEVELS);
  });

  it("uses the grid's own bands", () => {
    const levels = [{ id: 'only', min: 0, label: { fr: 'Seul' }, color: '#000000' }];
    expect(levelsOf(makeGrid({ levels })).map((level) => level.id)).toEqual(['only']);
  });
});
