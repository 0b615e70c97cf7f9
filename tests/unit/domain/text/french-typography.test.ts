import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frenchSpacingIn, frenchTypography } from '@/domain/text/french-typography';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('frenchTypography', () => {
  it.each([
    ['Niveau global: 62', `Niveau global${NBSP}: 62`],
    ['Niveau global : 62', `Niveau global${NBSP}: 62`],
    ['Pourquoi? Parce que!', `Pourquoi${NNBSP}? Parce que${NNBSP}!`],
    ['un ; deux', `un${NNBSP}; deux`],
    ['« télégestion »', `«${NBSP}télégestion${NBSP}»`],
    ['«télégestion»', `«${NBSP}télégestion${NBSP}»`],
    ["L'outil et l'équipe d'aujourd'hui", 'L’outil et l’équipe d’aujourd’hui'],
    ['20% et 0 %', `20${NNBSP}% et 0${NNBSP}%`],
    ['{{count}} réponses : {{list}}', `{{count}} réponses${NBSP}: {{list}}`],
    ['{{share}}%', `{{share}}${NNBSP}%`],
    ['Vraiment ?!', `Vraiment${NNBSP}?!`],
    ['(voir ci-dessous) :', `(voir ci-dessous)${NBSP}:`],
    [' ; ', `${NNBSP}; `],
    [' : ', `${NBSP}: `],
    [`${NNBSP}; `, `${NNBSP}; `],
  ])('%j → %j', (input, output) => {
    expect(frenchTypography(input)).toBe(output);
  });

  it.each([
    'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000036262382',
    'de 10:30 à 12:00',
    'ratio 1:2',
    'art. L2315-94 (2°)',
    '',
  ])('leaves %j alone', (input) => {
    expect(frenchTypography(input)).toBe(input);
  });

  it('is idempotent', () => {
    const alphabet = fc.constantFrom(..."ab éL'’:;?!%«» 0129{}()".split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const once = frenchTypography(chars.join(''));
        expect(frenchTypography(once)).toBe(once);
      }),
    );
  });
});

describe('frenchSpacingIn (English text)', () => {
  it('finds a space before high punctuation and guillemets', () => {
    expect(frenchSpacingIn('Overall level : 62')).toEqual(['l :']);
    expect(frenchSpacingIn('the « uses » grid')).toEqual(['«', '»']);
    expect(frenchSpacingIn(' ; ')).toEqual([' ;']);
  });

  it('finds nothing in English typography', () => {
    expect(frenchSpacingIn('Overall level: 62. Why? Because! A; B “quoted” 20%')).toEqual([]);
  });
});
