import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { GridError } from '@/domain/grid/grid-errors';
import {
  createTranslate,
  describeGridPath,
  formatGridError,
  formatGridErrorMessage,
  formatGridPath,
  GRID_FIELD_NAMES,
  parseGridPath,
} from '@/domain/grid/locate';
import en from '@/i18n/locales/en/grid-errors.json';
import { frenchTypography } from '@/domain/text/french-typography';
import fr from '@/i18n/locales/fr/grid-errors.json';

const MINIMAL: unknown = JSON.parse(
  readFileSync(join(__dirname, '../../../fixtures/grids/minimal.json'), 'utf8'),
);
const T = { fr: createTranslate(fr), en: createTranslate(en) };

describe('formatGridPath and parseGridPath', () => {
  it.each([
    [[], ''],
    [['id'], 'id'],
    [['dimensions', 2, 'items', 0, 'scale'], 'dimensions[2].items[0].scale'],
    [[3], '[3]'],
    [['title', 'e n'], 'title["e n"]'],
    [['title', ''], 'title[""]'],
    [['title', '0'], 'title["0"]'],
    [['a', 'b"]c'], 'a["b\\"]c"]'],
    [['$schema'], '$schema'],
    [['t-autonomie'], 't-autonomie'],
  ])('%j ↔ %s', (segments, path) => {
    expect(formatGridPath(segments)).toBe(path);
    expect(parseGridPath(path)).toEqual(segments);
  });

  it('round-trips any segments', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(), fc.string())), (segments) => {
        expect(parseGridPath(formatGridPath(segments))).toEqual(segments);
      }),
    );
  });

  it('never throws on malformed paths', () => {
    fc.assert(
      fc.property(fc.string(), (path) => {
        expect(Array.isArray(parseGridPath(path))).toBe(true);
      }),
    );
  });
});

describe('describeGridPath', () => {
  it.each([
    ['', 'grille', 'grid'],
    [
      'dimensions[0].items[0].scale',
      'dimension « Autonomie », item 1, échelle',
      'dimension “Autonomy”, item 1, scale',
    ],
    [
      'dimensions[1].label.fr',
      'dimension « Charge et temps », libellé, langue « fr »',
      'dimension “Workload and time”, label, language “fr”',
    ],
    [
      'recommendations[1].condition.conditions[1].condition.item',
      'recommandation « Revoir le cahier des charges », condition, sous-condition 2, condition niée, item visé',
      'recommendation “Revise the specification”, condition, sub-condition 2, negated condition, target item',
    ],
    [
      'scales[1].points[0].value',
      'échelle « bipolar5 », point 1, valeur',
      'scale “bipolar5”, point 1, value',
    ],
    [
      'sources[0].id',
      'source « Séminaire Fact QVT et numérique (Anact) », identifiant',
      'source “Fact QWL and digital seminar (Anact)”, id',
    ],
    [
      'recommendations[0].actions[1].en',
      'recommandation « Négocier le droit à la déconnexion », action 2, langue « en »',
      'recommendation “Negotiate the right to disconnect”, action 2, language “en”',
    ],
    [
      'recommendations[0].audiences[0]',
      'recommandation « Négocier le droit à la déconnexion », public 1',
      'recommendation “Negotiate the right to disconnect”, audience 1',
    ],
    [
      'dimensions[0].items[1].sources[0]',
      'dimension « Autonomie », item 2, source citée n° 1',
      'dimension “Autonomy”, item 2, cited source no. 1',
    ],
    [
      'dimensions[0].items[2].poles.low.fr',
      'dimension « Autonomie », item 3, pôles, pôle bas, langue « fr »',
      'dimension “Autonomy”, item 3, poles, low pole, language “fr”',
    ],
    ['levels[1].color', 'niveau 2, couleur', 'level 2, colour'],
    ['dimensions[5].items[0]', 'dimension 6, item 1', 'dimension 6, item 1'],
    [
      'languages.available[1]',
      'langues, langue disponible n° 2',
      'languages, available language no. 2',
    ],
    ['title["e n"]', 'titre, langue « e n »', 'title, language “e n”'],
    ['foo.bar', 'champ « foo », champ « bar »', 'field “foo”, field “bar”'],
    ['dimensions.x', 'dimensions, champ « x »', 'dimensions, field “x”'],
    ['[0]', 'élément 1', 'element 1'],
  ])('%s', (path, inFrench, inEnglish) => {
    expect(describeGridPath(MINIMAL, path, 'fr', T.fr)).toBe(frenchTypography(inFrench));
    expect(describeGridPath(MINIMAL, path, 'en', T.en)).toBe(inEnglish);
  });

  it('quotes a grid’s label as its file writes it, with the interface’s French spacing around', () => {
    // minimal.json writes « Degré d'accord » with a straight apostrophe: the file's text is kept.
    expect(describeGridPath(MINIMAL, 'scales[0].allowDontKnow', 'fr', T.fr)).toBe(
      "échelle «\u00a0Degré d'accord\u00a0», option «\u00a0ne sait pas\u00a0»",
    );
    expect(describeGridPath(MINIMAL, 'scales[0].allowDontKnow', 'en', T.en)).toBe(
      'scale “Degree of agreement”, “don’t know” option',
    );
  });

  it('falls back to the grid’s default language, then to the id, then to a number', () => {
    expect(describeGridPath(MINIMAL, 'dimensions[0]', 'de', T.en)).toBe('dimension “Autonomie”');
    const noLabel = { dimensions: [{ id: 'd-one' }, { label: 3 }] };
    expect(describeGridPath(noLabel, 'dimensions[0]', 'fr', T.fr)).toBe(
      frenchTypography('dimension « d-one »'),
    );
    expect(describeGridPath(noLabel, 'dimensions[1]', 'fr', T.fr)).toBe('dimension 2');
    expect(describeGridPath(null, 'dimensions[0].items[0]', 'fr', T.fr)).toBe(
      'dimension 1, item 1',
    );
  });

  it('shortens long labels', () => {
    const grid = { dimensions: [{ label: { fr: 'x'.repeat(100) } }] };
    expect(describeGridPath(grid, 'dimensions[0]', 'fr', T.fr)).toBe(
      frenchTypography(`dimension « ${'x'.repeat(59)}… »`),
    );
  });

  it('has a word for every field of the format, in both languages', () => {
    for (const field of GRID_FIELD_NAMES) {
      for (const translate of [T.fr, T.en]) {
        const words = describeGridPath({}, formatGridPath(['checklist', field]), 'fr', translate);
        expect(words).not.toMatch(/place\.|\{\{/);
      }
    }
  });

  it('quotes an unknown field name as written, braces included (never interpolated)', () => {
    for (const lang of ['fr', 'en'] as const) {
      const text = describeGridPath(MINIMAL, formatGridPath(['{{lang}}']), lang, T[lang]);
      expect(text).toContain('{{lang}}');
    }
  });

  it('never leaves a key or a placeholder untranslated', () => {
    // A field name the grid's author wrote is quoted as is (see the test above), so the
    // generated names leave out the two patterns this property looks for.
    const segment = fc.oneof(
      fc.nat({ max: 3 }),
      fc.constantFrom(...GRID_FIELD_NAMES),
      fc.string({ maxLength: 4 }).filter((name) => !/place\.|\{\{/.test(name)),
    );
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 8 }),
        fc.constantFrom('fr', 'en'),
        (segments, lang) => {
          const text = describeGridPath(MINIMAL, formatGridPath(segments), lang, T[lang]);
          expect(text).not.toMatch(/place\.|\{\{/);
          expect(text.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('formatGridError', () => {
  const cases: [GridError, string, string][] = [
    [
      { code: 'unknown_scale', path: 'dimensions[0].items[0].scale', params: { id: 'agree5' } },
      'dimension « Autonomie », item 1, échelle : l’échelle « agree5 » n’existe pas dans la grille',
      'dimension “Autonomy”, item 1, scale: the scale “agree5” does not exist in the grid',
    ],
    [
      {
        code: 'wrong_type',
        path: 'dimensions[0].items[1].reverse',
        params: { expected: 'boolean', received: 'string' },
      },
      'dimension « Autonomie », item 2, sens inversé : type incorrect : vrai ou faux (true/false) attendu, un texte trouvé',
      'dimension “Autonomy”, item 2, reversed: wrong type: expected true or false, found a string',
    ],
    [
      { code: 'invalid_json_at', path: '', params: { line: 3, column: 1 } },
      'grille : le fichier n’est pas un JSON valide : erreur de syntaxe ligne 3, colonne 1',
      'grid: the file is not valid JSON: syntax error at line 3, column 1',
    ],
    [
      {
        code: 'condition_value_out_of_scale',
        path: 'recommendations[1].condition.conditions[1].condition.value',
        params: { value: 5, scale: 'agree4', min: 1, max: 4 },
      },
      'recommandation « Revoir le cahier des charges », condition, sous-condition 2, condition niée, valeur : la valeur 5 sort de l’échelle « agree4 » de l’item (de 1 à 4)',
      'recommendation “Revise the specification”, condition, sub-condition 2, negated condition, value: the value 5 is outside the item’s scale “agree4” (1 to 4)',
    ],
  ];

  it.each(cases)('%j', (error, inFrench, inEnglish) => {
    expect(formatGridError(error, MINIMAL, 'fr', T.fr)).toBe(frenchTypography(inFrench));
    expect(formatGridError(error, MINIMAL, 'en', T.en)).toBe(inEnglish);
  });

  it('formats the message alone', () => {
    expect(
      formatGridErrorMessage({ code: 'duplicate_id', path: 'x', params: { id: 'a-1' } }, T.en),
    ).toBe('the id “a-1” is already used earlier in the grid; every id must be unique');
  });
});

describe('createTranslate', () => {
  const t = createTranslate({ a: 'A {{x}} and {{ y }}', n: { b: 'B' }, bad: 3 });
  it.each([
    ['a', { x: 1, y: 'z' }, 'A 1 and z'],
    ['a', { x: 1 }, 'A 1 and {{ y }}'],
    ['n.b', {}, 'B'],
    ['n', {}, 'n'],
    ['missing', {}, 'missing'],
    ['bad', {}, 'bad'],
    ['a.constructor', {}, 'a.constructor'],
    ['toString', {}, 'toString'],
  ])('%s %j → %s', (key, params, expected) => {
    expect(t(key, params)).toBe(expected);
  });
});
