import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { ErrorBoundary } from '@/app/error-boundary';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { makeI18n } from '../make-i18n';

const exported: string[] = [];
vi.mock('@/shared/diagnostic/export-diagnostic', () => ({
  exportDiagnostic: (d: Diagnostic) => exported.push(d.id),
}));
vi.mock('@/storage/diagnostics-store', () => ({
  listDiagnostics: () =>
    Promise.resolve({ ok: true, diagnostics: [{ id: 'd1' }, { id: 'd2' }], rejected: [] }),
}));

function Boom({ error }: { error: Error | null }): null {
  if (error) throw error;
  return null;
}

function page(lang: 'fr' | 'en', resetKey: string, error: Error | null, i18n: typeof i18next) {
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary resetKey={resetKey}>
        <Boom error={error} />
        <p>page content</p>
      </ErrorBoundary>
    </I18nextProvider>
  );
}

describe('ErrorBoundary', () => {
  beforeEach(() => {
    exported.length = 0;
    // React reports caught errors on the console; keep the test output readable.
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  it.each([
    [
      'fr',
      new Error('x is undefined'),
      'Cette page a rencontré un problème',
      'Une erreur inattendue',
      'Détail technique : x is undefined',
    ],
    [
      'en',
      new Error('x is undefined'),
      'This page ran into a problem',
      'An unexpected error',
      'Technical detail: x is undefined',
    ],
    [
      'fr',
      new TypeError('Failed to fetch dynamically imported module: /assets/a.js'),
      'Cette page a rencontré un problème',
      'Une partie de l’application n’a pas pu être chargée',
      'Détail technique : Failed to fetch',
    ],
  ] as const)(
    'in %s, explains %s without losing the shell',
    async (lang, error, title, body, detail) => {
      const i18n = await makeI18n(lang);
      render(page(lang, '/results/d1', error, i18n));
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(title);
      expect(screen.getByRole('alert')).toHaveTextContent(body);
      expect(screen.getByRole('alert')).toHaveTextContent(detail);
      expect(screen.queryByText('page content')).toBeNull();
    },
  );

  it('exports every diagnostic, offers home, and clears itself on the next route', async () => {
    const i18n = await makeI18n('fr');
    const { rerender } = render(page('fr', '/results/d1', new Error('boom'), i18n));
    expect(screen.getByRole('link', { name: 'Revenir à l’accueil' })).toHaveAttribute('href', '#/');
    await userEvent.click(screen.getByRole('button', { name: 'Exporter tous les diagnostics' }));
    expect(exported).toEqual(['d1', 'd2']);
    expect(await screen.findByText('2 diagnostics exportés.')).toBeInTheDocument();
    rerender(page('fr', '/', null, i18n));
    expect(screen.getByText('page content')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
