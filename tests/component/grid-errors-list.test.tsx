import { act, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { GridError } from '@/domain/grid/grid-errors';
import { GridErrorsList } from '@/features/grids/grid-errors-list';
import { makeI18n } from './make-i18n';
import { frenchTypography } from '@/domain/text/french-typography';

// A grid input, as read from a file: labels of the places come from it.
const input = {
  languages: { default: 'fr', available: ['fr', 'en'] },
  dimensions: [
    {
      id: 'autonomie',
      label: { fr: 'Autonomie', en: 'Autonomy' },
      items: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3', scale: 'accord5' }],
    },
  ],
};

const errors: GridError[] = [
  { code: 'unknown_scale', path: 'dimensions[0].items[2].scale', params: { id: 'accord5' } },
  {
    code: 'unknown_key',
    path: 'dimensions[0].items[0]',
    params: { key: 'revers', allowed: 'id, text, scale, reverse' },
  },
  { code: 'missing_default_language', path: 'title', params: { lang: 'fr' } },
];

async function renderList(lang: 'fr' | 'en', props: Parameters<typeof GridErrorsList>[0]) {
  const i18n = await makeI18n(lang);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <GridErrorsList {...props} />
    </I18nextProvider>,
  );
  return { i18n, view };
}

describe('GridErrorsList', () => {
  it('should announce the count and list every error with its place, in French', async () => {
    await renderList('fr', { errors, input });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'La grille contient 3 erreurs. Rien n’a été enregistré.',
    );
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(
      [
        'dimension « Autonomie », item 3, échelle : l’échelle « accord5 » n’existe pas dans la grille' +
          ' Chemin dans le fichier : dimensions[0].items[2].scale',
        'dimension « Autonomie », item 1 : le champ « revers » n’existe pas dans le format des grilles (champs possibles : id, text, scale, reverse)' +
          ' Chemin dans le fichier : dimensions[0].items[0]',
        'titre : le texte manque dans la langue par défaut de la grille (« fr »)' +
          ' Chemin dans le fichier : title',
      ].map(frenchTypography),
    );
  });

  it('should word the same errors in English, labels in English too', async () => {
    await renderList('en', { errors, input, fileName: 'my-grid.json' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The file “my-grid.json” has 3 errors. Nothing was stored.',
    );
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'dimension “Autonomy”, item 3, scale: the scale “accord5” does not exist in the grid',
    );
    expect(items[1]).toHaveTextContent(
      'dimension “Autonomy”, item 1: the field “revers” is not part of the grid format',
    );
  });

  it('should follow a language switch without being given the errors again', async () => {
    const { i18n } = await renderList('fr', { errors: errors.slice(0, 1), input });
    expect(screen.getByRole('alert')).toHaveTextContent('La grille contient 1 erreur.');
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    expect(screen.getByRole('alert')).toHaveTextContent('The grid has 1 error.');
    expect(screen.getByRole('listitem')).toHaveTextContent(
      'dimension “Autonomy”, item 3, scale: the scale “accord5” does not exist in the grid',
    );
  });

  it('should place a file-level error on the grid when the file is not JSON', async () => {
    await renderList('fr', {
      errors: [{ code: 'invalid_json_at', path: '', params: { line: 3, column: 5 } }],
      input: undefined,
      fileName: 'cassee.json',
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Le fichier « cassee.json » contient 1 erreur. Rien n’a été enregistré.',
    );
    expect(screen.getByRole('listitem').textContent).toBe(
      frenchTypography(
        'grille : le fichier n’est pas un JSON valide : erreur de syntaxe ligne 3, colonne 5',
      ),
    );
  });

  it('should count every error when the list was cut short, and say so', async () => {
    const many: GridError[] = Array.from({ length: 100 }, (_, i) => ({
      code: 'unknown_scale',
      path: `dimensions[0].items[${i}].scale`,
      params: { id: `s${i}` },
    }));
    many.push({ code: 'too_many_errors', path: '', params: { shown: 100, total: 250 } });
    await renderList('fr', { errors: many, input: {} });
    expect(screen.getByRole('alert')).toHaveTextContent('La grille contient 250 erreurs.');
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(100);
    expect(
      screen.getByText(
        'liste tronquée : 250 erreurs au total, seules les 100 premières sont affichées',
      ),
    ).toBeInTheDocument();
  });
});
