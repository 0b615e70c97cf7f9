import { gridLanguageCoverage } from '@/domain/grid/language-coverage';
import { makeDimension, makeGrid, makeItem, makeScale } from '../../../fixtures/make-grid';

// The factory's texts are all { fr, en }. One scale of 2 points and one dimension of one item
// make 7 texts: title, description, 2 point labels, dimension label and description, item text.
const base = {
  scales: [makeScale('yn', [0, 1])],
  dimensions: [makeDimension('d', [makeItem('i', { scale: 'yn' })])],
};

describe('gridLanguageCoverage', () => {
  it.each([
    [
      'fr and en everywhere, both declared',
      makeGrid(base),
      {
        total: 7,
        languages: [
          { lang: 'fr', declared: true, missing: 0 },
          { lang: 'en', declared: true, missing: 0 },
        ],
      },
    ],
    [
      'en declared but missing in the item text',
      makeGrid({
        ...base,
        dimensions: [makeDimension('d', [makeItem('i', { scale: 'yn', text: { fr: 'Énoncé' } })])],
      }),
      {
        total: 7,
        languages: [
          { lang: 'fr', declared: true, missing: 0 },
          { lang: 'en', declared: true, missing: 1 },
        ],
      },
    ],
    [
      'a language used in one text but not declared',
      makeGrid({
        ...base,
        languages: { default: 'fr', available: ['fr'] },
        dimensions: [
          makeDimension('d', [
            makeItem('i', { scale: 'yn', text: { fr: 'Énoncé', en: 'Item', de: 'Aussage' } }),
          ]),
        ],
      }),
      {
        total: 7,
        languages: [
          { lang: 'fr', declared: true, missing: 0 },
          { lang: 'de', declared: false, missing: 6 },
          { lang: 'en', declared: false, missing: 0 },
        ],
      },
    ],
  ])('%s', (_name, grid, expected) => {
    expect(gridLanguageCoverage(grid)).toEqual(expected);
  });
});
