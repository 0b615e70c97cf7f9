import {
  answerForKey,
  answerKeys,
  answersOfEntry,
  keyOfAnswer,
  paperSequence,
} from '@/domain/room/paper-sequence';
import { routeGrid } from '@/domain/context/route-grid';
import { UNKNOWN_CONTEXT } from '@/domain/context/applies-when';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

const grid = makeGrid({
  dimensions: [
    makeDimension('d-a', ['a1', makeItem('a2', { scale: 'bipolar' })]),
    makeDimension('d-b', [makeItem('b1', { scale: 'yesno' }), 'b2']),
  ],
});
const other = makeGrid({ id: 'other-grid', dimensions: [makeDimension('d-x', ['x1'])] });
const scale = (id: string) => grid.scales.find((s) => s.id === id)!;

describe('paper sequence', () => {
  it('lists the items grid by grid, dimension by dimension, numbered from 1 across grids', () => {
    const questions = paperSequence([grid, other]);
    expect(questions.map((q) => `${q.number} ${q.grid.id} ${q.dimensionId} ${q.item.id}`)).toEqual([
      '1 test-grid d-a a1',
      '2 test-grid d-a a2',
      '3 test-grid d-b b1',
      '4 test-grid d-b b2',
      '5 other-grid d-x x1',
    ]);
    expect(questions[1]?.scale.id).toBe('bipolar');
  });

  it('follows the routed grid: an item left out for the role is not printed', () => {
    const routed = makeGrid({
      dimensions: [
        makeDimension('d-a', [
          'a1',
          makeItem('a2', { appliesWhen: { roles: ['representative'] } } as never),
        ]),
      ],
    });
    const forEmployee = routeGrid(routed, UNKNOWN_CONTEXT, 'employee').grid;
    const forRepresentative = routeGrid(routed, UNKNOWN_CONTEXT, 'representative').grid;
    expect(paperSequence([forEmployee]).map((q) => q.item.id)).toEqual(['a1']);
    expect(paperSequence([forRepresentative]).map((q) => q.item.id)).toEqual(['a1', 'a2']);
  });
});

describe('answer keys', () => {
  it('types the points by their position from 1, then 0 for don’t know and / for not applicable', () => {
    expect(answerKeys(scale('five')).map((k) => `${k.key}=${k.value}`)).toEqual([
      '1=1',
      '2=2',
      '3=3',
      '4=4',
      '5=5',
      '0=dk',
      '/=na',
    ]);
    // A bipolar scale −2…2 is typed 1…5; it has no « not applicable ».
    expect(answerKeys(scale('bipolar')).map((k) => `${k.key}=${k.value}`)).toEqual([
      '1=-2',
      '2=-1',
      '3=0',
      '4=1',
      '5=2',
      '0=dk',
    ]);
    // Values 0 and 1, no « don't know »: 1 types 0, 2 types 1.
    expect(answerKeys(scale('yesno')).map((k) => `${k.key}=${k.value}`)).toEqual([
      '1=0',
      '2=1',
      '/=na',
    ]);
  });

  it('reads a key: an answer, blank for Space, nothing for a key that types nothing here', () => {
    expect(answerForKey(scale('five'), '4')).toBe(4);
    expect(answerForKey(scale('bipolar'), '1')).toBe(-2);
    expect(answerForKey(scale('five'), '0')).toBe('dk');
    expect(answerForKey(scale('five'), '/')).toBe('na');
    expect(answerForKey(scale('five'), ' ')).toBe('blank');
    expect(answerForKey(scale('five'), '6')).toBeNull();
    expect(answerForKey(scale('yesno'), '0')).toBeNull();
    expect(answerForKey(scale('bipolar'), '/')).toBeNull();
    expect(answerForKey(scale('five'), 'a')).toBeNull();
  });

  it('shows an answer as the key that typed it', () => {
    expect(keyOfAnswer(scale('bipolar'), 2)).toBe('5');
    expect(keyOfAnswer(scale('five'), 'dk')).toBe('0');
    expect(keyOfAnswer(scale('five'), undefined)).toBeNull();
    expect(keyOfAnswer(scale('five'), 9)).toBeNull();
  });

  it('stores what was typed as the answer page would, by grid, blanks left out', () => {
    const questions = paperSequence([grid, other]);
    const typed = ['3', '1', '2', ' ', '0'].map((key, i) => {
      const value = answerForKey(questions[i]!.scale, key);
      return value === 'blank' || value === null ? undefined : value;
    });
    expect(answersOfEntry(questions, typed)).toEqual({
      'test-grid': { a1: 3, a2: -2, b1: 1 },
      'other-grid': { x1: 'dk' },
    });
  });
});
