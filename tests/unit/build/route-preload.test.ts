import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  namespaceFile,
  preloadScript,
  routeFiles,
  routePreload,
} from '../../../scripts/vite/route-preload';
import { PAGE_FILES } from '@/app/page-files';

const ROOT = '/app';

function chunk(fileName: string, moduleIds: string[], imports: string[] = [], isEntry = false) {
  return {
    type: 'chunk' as const,
    fileName,
    isEntry,
    facadeModuleId: moduleIds[0] ?? null,
    moduleIds,
    imports,
  };
}

/** A bundle like the app's: an entry, a page sharing a chunk with it, locale chunks. */
function bundle() {
  const list = [
    chunk('assets/index.js', ['/app/src/main.tsx'], ['assets/runtime.js'], true),
    chunk('assets/runtime.js', ['/app/runtime']),
    chunk(
      'assets/answer-page.js',
      ['/app/src/features/answer/answer-page.tsx'],
      ['assets/runtime.js', 'assets/index.js', 'assets/diagnostic.js'],
    ),
    chunk('assets/diagnostic.js', ['/app/src/storage/diagnostics-store.ts'], ['assets/index.js']),
    chunk('assets/answer-fr.js', ['/app/src/i18n/locales/fr/answer.json']),
    chunk('assets/answer-en.js', ['/app/src/i18n/locales/en/answer.json']),
    chunk('assets/errors-fr.js', ['/app/src/i18n/locales/fr/grid-errors.json']),
    chunk('assets/errors-en.js', ['/app/src/i18n/locales/en/grid-errors.json']),
    chunk('assets/common-en.js', ['/app/src/i18n/locales/en/common.json']),
    // A translation file inside a bigger chunk (a page imports it statically).
    chunk('assets/new-page.js', [
      '/app/src/features/start/new-diagnostic-page.tsx',
      '/app/src/i18n/locales/fr/newDiagnostic.json',
    ]),
    chunk('assets/new-en.js', ['/app/src/i18n/locales/en/newDiagnostic.json']),
  ];
  return Object.fromEntries(list.map((c) => [c.fileName, c]));
}

const PAGES = {
  answer: { module: 'src/features/answer/answer-page.tsx', namespaces: ['answer', 'gridErrors'] },
  new: { module: 'src/features/start/new-diagnostic-page.tsx', namespaces: ['newDiagnostic'] },
};
const SHELL = { fr: [], en: ['common'] };

describe('route preload: which files each route needs', () => {
  it('lists the page chunk and its imports, without the files the entry already loads', () => {
    const files = routeFiles(bundle(), ROOT, PAGES, ['fr', 'en'], SHELL);
    expect(files.pages.answer).toEqual(['assets/answer-page.js', 'assets/diagnostic.js']);
    expect(files.pages.new).toEqual(['assets/new-page.js']);
  });

  it('finds each namespace file per language, kebab-case or camelCase, and the shell texts', () => {
    const files = routeFiles(bundle(), ROOT, PAGES, ['fr', 'en'], SHELL);
    expect(files.languages.fr).toEqual({
      '': [],
      answer: ['assets/answer-fr.js', 'assets/errors-fr.js'],
      new: ['assets/new-page.js'],
    });
    expect(files.languages.en?.['']).toEqual(['assets/common-en.js']);
    expect(files.languages.en?.answer).toEqual(['assets/answer-en.js', 'assets/errors-en.js']);
  });

  it('fails the build when a page or a translation file cannot be found', () => {
    expect(() =>
      routeFiles(bundle(), ROOT, { x: { module: 'src/nowhere.tsx', namespaces: [] } }, ['fr'], {}),
    ).toThrow(/no chunk for src\/nowhere\.tsx/);
    expect(() =>
      routeFiles(
        bundle(),
        ROOT,
        { answer: { module: PAGES.answer.module, namespaces: ['results'] } },
        ['fr'],
        {},
      ),
    ).toThrow(/fr "results"/);
  });

  it('names namespace files the way src/i18n/i18n.ts reads them', () => {
    expect(namespaceFile('gridErrors')).toBe('grid-errors');
    expect(namespaceFile('answer')).toBe('answer');
  });
});

/**
 * Runs the generated module against a fake page; returns the links it added. What it leaves for a
 * later task goes into `later`, each with the links there were when it was asked for.
 */
function runScript(
  hash: string,
  stored: string | null | Error,
  later: { run: () => void; linksBefore: number }[] = [],
  intl: unknown = Intl,
) {
  const source = preloadScript(routeFiles(bundle(), ROOT, PAGES, ['fr', 'en'], SHELL), {
    languageKey: 'qvt:language',
    defaultLanguage: 'fr',
    assetsDir: 'assets',
  });
  const links: { rel: string; href: string; fetchPriority: string }[] = [];
  const document = {
    createElement: () => ({ rel: '', href: '', fetchPriority: '' }),
    head: { append: (link: (typeof links)[number]) => links.push(link) },
  };
  const localStorage = {
    getItem: () => {
      if (stored instanceof Error) throw stored;
      return stored;
    },
  };
  const setTimeout = (run: () => void) => later.push({ run, linksBefore: links.length });
  const body = source.replaceAll('import.meta.url', 'scriptUrl');
  new Function('document', 'localStorage', 'location', 'scriptUrl', 'setTimeout', 'Intl', body)(
    document,
    localStorage,
    { hash },
    'https://example.org/app/assets/route-preload-x.js',
    setTimeout,
    intl,
  );
  return links;
}

describe('route preload: the script in the page', () => {
  it('preloads the answer page, its shared chunk and its French texts, at low priority', () => {
    const links = runScript('#/answer/d1/step', null);
    expect(links.map((l) => l.href)).toEqual([
      'https://example.org/app/assets/answer-page.js',
      'https://example.org/app/assets/diagnostic.js',
      'https://example.org/app/assets/answer-fr.js',
      'https://example.org/app/assets/errors-fr.js',
    ]);
    expect(links.every((l) => l.rel === 'modulepreload' && l.fetchPriority === 'low')).toBe(true);
  });

  it('takes the remembered language, with the shell texts it loads as files', () => {
    const links = runScript('#/answer', 'en').map((l) => l.href.replace(/.*\//, ''));
    expect(links).toEqual([
      'answer-page.js',
      'diagnostic.js',
      'common-en.js',
      'answer-en.js',
      'errors-en.js',
    ]);
  });

  it('never lists a file twice', () => {
    const links = runScript('#/new', null).map((l) => l.href.replace(/.*\//, ''));
    expect(links).toEqual(['new-page.js']);
  });

  it('adds nothing for the start page or an unknown route, and survives odd storage', () => {
    expect(runScript('', null)).toEqual([]);
    expect(runScript('#/nowhere', null)).toEqual([]);
    expect(runScript('#/toString', null)).toEqual([]);
    expect(runScript('#/answer', 'toString').map((l) => l.href)).toContain(
      'https://example.org/app/assets/answer-fr.js',
    );
    expect(runScript('#/answer', new Error('blocked')).length).toBe(4);
  });
});

describe('route preload: the number formatting every first screen needs', () => {
  function formats(hash: string, stored: string | null) {
    const made: { locale: string; options: Intl.NumberFormatOptions; formatted: unknown[] }[] = [];
    class NumberFormat {
      private readonly entry: (typeof made)[number];
      constructor(locale: string, options: Intl.NumberFormatOptions) {
        this.entry = { locale, options, formatted: [] };
        made.push(this.entry);
      }
      format(value: number) {
        this.entry.formatted.push(value);
        return '';
      }
    }
    const later: { run: () => void; linksBefore: number }[] = [];
    const links = runScript(hash, stored, later, { NumberFormat });
    return { made, later, links };
  }

  it('sets it up in the page’s language, in a task of its own after the links', () => {
    const { made, later, links } = formats('#/answer/d1/step', 'en');
    expect(made).toEqual([]);
    expect(later).toHaveLength(1);
    expect(later[0]?.linksBefore).toBe(links.length);
    later[0]?.run();
    expect(made).toEqual([{ locale: 'en', options: { style: 'percent' }, formatted: [0] }]);
  });

  it('does it on every route, the start page too, in French by default', () => {
    const { made, later } = formats('', null);
    later.forEach((task) => task.run());
    expect(made.map((m) => m.locale)).toEqual(['fr']);
  });

  it('never breaks the page when the browser cannot format numbers', () => {
    const later: { run: () => void; linksBefore: number }[] = [];
    runScript('#/results/d1', null, later, {
      NumberFormat: function () {
        throw new RangeError('no number data');
      },
    });
    expect(() => later.forEach((task) => task.run())).not.toThrow();
  });
});

describe('route preload: the pages it knows are the app’s lazy pages', () => {
  it('lists exactly the pages pages.ts loads lazily', () => {
    const app = readFileSync(resolve(__dirname, '../../../src/app/pages.ts'), 'utf8');
    const lazy = [...app.matchAll(/lazyComponent\(\(\) =>\s*import\('@\/([^']+)'\)/g)].map(
      (m) => `src/${m[1]}.tsx`,
    );
    const known = Object.values(PAGE_FILES).map((p) => p.module);
    expect(lazy.length).toBeGreaterThan(0);
    expect([...known].sort()).toEqual([...lazy].sort());
  });
});

describe('route preload: the tag in index.html', () => {
  function build(html: string) {
    const plugin = routePreload({
      pages: PAGES,
      languages: ['fr', 'en'],
      defaultLanguage: 'fr',
      shellNamespaces: SHELL,
      languageKey: 'qvt:language',
    });
    (plugin.configResolved as (c: unknown) => void)({ root: ROOT, build: { assetsDir: 'assets' } });
    const files: { fileName: string; source: string }[] = [];
    const output: Record<string, unknown> = {
      ...bundle(),
      'index.html': { type: 'asset', fileName: 'index.html', source: html },
    };
    (plugin.generateBundle as (this: unknown, o: unknown, b: unknown) => void).call(
      { emitFile: (file: { fileName: string; source: string }) => files.push(file) },
      {},
      output,
    );
    return { html: (output['index.html'] as { source: string }).source, files };
  }

  it('loads the script async, before the app: it asks for the page while the app downloads', () => {
    const { html, files } = build(
      '<head><script type="module" crossorigin src="./assets/index-abc.js"></script></head>',
    );
    expect(files).toHaveLength(1);
    const tag = `<script type="module" async crossorigin src="./${files[0]!.fileName}"></script>`;
    expect(html.indexOf(tag)).toBeGreaterThanOrEqual(0);
    expect(html.indexOf(tag)).toBeLessThan(html.indexOf('index-abc.js'));
  });

  it('fails the build when index.html has no app script to put it before', () => {
    expect(() => build('<head></head>')).toThrow(/no app script/);
  });
});
