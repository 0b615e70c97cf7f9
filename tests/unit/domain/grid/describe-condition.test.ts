import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeCondition, type ConditionDescription } from '@/domain/grid/describe-condition';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Condition, Grid } from '@/domain/grid/schema';

function minimalGrid(): Grid {
  const result = loadGrid(
    JSON.parse(readFileSync(join(__dirname, '../../../fixtures/grids/minimal.json'), 'utf8')),
  );
  if (!result.ok) throw new Error('minimal.json should load');
  return result.grid;
}

const grid = minimalGrid();

const chargeFr = { id: 't-charge', label: 'Charge et temps' };
const chargeEn = { id: 't-charge', label: 'Workload and time' };
const autonomieFr = { id: 't-autonomie', label: 'Autonomie' };

const item1Fr = {
  id: 't-autonomie-1',
  text: "Je peux organiser mon travail avec l'outil.",
  dimension: autonomieFr,
  number: 1,
};

type Row = [string, Condition, string, ConditionDescription];

const table: Row[] = [
  [
    'a dimension below a score',
    { type: 'dimension', dimension: 't-charge', op: 'below', value: 50 },
    'fr',
    { type: 'dimension', op: 'below', dimension: chargeFr, value: 50 },
  ],
  [
    'a dimension at least a score, in English',
    { type: 'dimension', dimension: 't-charge', op: 'atLeast', value: 75 },
    'en',
    { type: 'dimension', op: 'atLeast', dimension: chargeEn, value: 75 },
  ],
  [
    'a dimension below a score for one role’s own mean',
    { type: 'dimension', dimension: 't-charge', op: 'below', value: 50, role: 'employee' },
    'fr',
    { type: 'dimension', op: 'below', dimension: chargeFr, value: 50, role: 'employee' },
  ],
  [
    'a language the grid lacks falls back to its default (French)',
    { type: 'dimension', dimension: 't-charge', op: 'below', value: 25 },
    'de',
    { type: 'dimension', op: 'below', dimension: chargeFr, value: 25 },
  ],
  [
    'an item at least a value, with the label of that point',
    { type: 'item', item: 't-autonomie-1', op: 'atLeast', value: 3 },
    'fr',
    { type: 'item', op: 'atLeast', item: item1Fr, value: 3, valueLabel: "Plutôt d'accord" },
  ],
  [
    'an item on a bipolar scale, third in its dimension',
    { type: 'item', item: 't-autonomie-3', op: 'atMost', value: -1 },
    'en',
    {
      type: 'item',
      op: 'atMost',
      item: {
        id: 't-autonomie-3',
        text: 'Effect of the tool on autonomy',
        dimension: { id: 't-autonomie', label: 'Autonomy' },
        number: 3,
      },
      value: -1,
      valueLabel: 'Risk',
    },
  ],
  [
    'an item value between two points has no point label',
    { type: 'item', item: 't-charge-2', op: 'atMost', value: 2.5 },
    'fr',
    {
      type: 'item',
      op: 'atMost',
      item: {
        id: 't-charge-2',
        text: "Le volume d'information reçu est gérable.",
        dimension: chargeFr,
        number: 2,
      },
      value: 2.5,
      valueLabel: null,
    },
  ],
  [
    'a "don\'t know" rate',
    { type: 'dontKnowRate', dimension: 't-autonomie', above: 0.3 },
    'fr',
    { type: 'dontKnowRate', dimension: autonomieFr, above: 0.3 },
  ],
  [
    'a spread',
    { type: 'spread', dimension: 't-charge', above: 20 },
    'fr',
    { type: 'spread', dimension: chargeFr, above: 20 },
  ],
  [
    'a gap between roles',
    { type: 'roleGap', dimension: 't-charge', above: 15 },
    'fr',
    { type: 'roleGap', dimension: chargeFr, above: 15 },
  ],
  [
    'references the grid does not have keep their id and no label',
    {
      type: 'all',
      conditions: [
        { type: 'dimension', dimension: 'nowhere', op: 'below', value: 10 },
        { type: 'item', item: 'ghost', op: 'atLeast', value: 1 },
      ],
    },
    'fr',
    {
      type: 'all',
      parts: [
        { type: 'dimension', op: 'below', dimension: { id: 'nowhere', label: null }, value: 10 },
        {
          type: 'item',
          op: 'atLeast',
          item: { id: 'ghost', text: null, dimension: null, number: null },
          value: 1,
          valueLabel: null,
        },
      ],
    },
  ],
  [
    'any / not nest in order',
    {
      type: 'any',
      conditions: [
        { type: 'dimension', dimension: 't-autonomie', op: 'below', value: 50 },
        {
          type: 'not',
          condition: { type: 'item', item: 't-autonomie-1', op: 'atLeast', value: 3 },
        },
      ],
    },
    'fr',
    {
      type: 'any',
      parts: [
        { type: 'dimension', op: 'below', dimension: autonomieFr, value: 50 },
        {
          type: 'not',
          part: {
            type: 'item',
            op: 'atLeast',
            item: item1Fr,
            value: 3,
            valueLabel: "Plutôt d'accord",
          },
        },
      ],
    },
  ],
];

describe('describeCondition', () => {
  it.each(table)('%s', (_name, condition, lang, expected) => {
    expect(describeCondition(condition, grid, lang)).toEqual(expected);
  });
});
