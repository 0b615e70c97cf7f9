/**
 * The docs stay true to the repository, and the code cites only what is in it:
 *
 * - every repository path written in `docs/*.md`, `README.md`, `bench/README.md` and
 *   `questionnaires/README.md` (in backticks, in a link, or in the text) exists, and every file name
 *   given alone in backticks is a file of the repository, so a file moved or renamed without its
 *   docs fails here with the doc and line that name it; a link to a section names a heading there;
 * - no source, test, script or benchmark code cites a document that is not in the repository: the
 *   product brief, a numbered user journey, or an issue by number (say the rule, or point to
 *   `docs/…`); `bench/README.md`'s history may name measurements by issue where words would not.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadGrid } from '@/domain/grid/load-grid';

const ROOT = join(__dirname, '../..');

/** Not the repository's own files: dependencies, builds, test output. */
const SKIPPED = /^(node_modules|\.git|dist[^/]*|test-results|playwright-report|coverage)$/;

/** Every file and folder of the repository, as `a/b/c` paths from its root (folders end in `/`). */
function repositoryEntries(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = dir ? `${dir}/${name}` : name;
      if (!dir && SKIPPED.test(name)) continue;
      if (statSync(join(ROOT, path)).isDirectory()) {
        out.push(`${path}/`);
        walk(path);
      } else out.push(path);
    }
  };
  walk('');
  return out;
}

const ENTRIES = repositoryEntries();
const FILES = ENTRIES.filter((e) => !e.endsWith('/'));
const TOP_FOLDERS = new Set(ENTRIES.filter((e) => /^[^/]+\/$/.test(e)).map((e) => e.slice(0, -1)));

/**
 * A path as written in a doc, as a test on repository entries: `<code>` and `*` stand for any
 * name part, `{fr,en}` for either, and a trailing `/` names a folder (a path may also name a
 * folder without it).
 */
function pathPattern(written: string): RegExp {
  let source = '';
  for (const part of written.split(/(<[^<>/]*>|\*|\{[^{}/]*\})/)) {
    if (part === '*' || /^<.*>$/.test(part)) source += '[^/]*';
    else if (/^\{.*\}$/.test(part))
      source += `(?:${part
        .slice(1, -1)
        .split(',')
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|')})`;
    else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source.replace(/\/$/, '')}/?$`);
}

function exists(written: string, entries: readonly string[] = ENTRIES): boolean {
  const pattern = pathPattern(written);
  return entries.some((entry) => pattern.test(entry));
}

type Mention = { line: number; path: string };

/** Trailing characters of a sentence or a line number, not of a path. */
const trimEnd = (path: string) => path.replace(/(:\d+)?[.,;:)'’»]*$/, '');

/**
 * The repository paths a Markdown doc mentions: any `folder/…` token whose first folder is one of
 * the repository's (`src/…`, `docs/…`), links to local files (relative to the doc), and in
 * backticks, file names alone (`score-matrix.ts`), which must exist somewhere in the repository.
 * Addresses (`#/results/<id>`, `http…`), builds (`dist/`, `assets/…`) and paths with « … » are
 * not repository paths.
 */
function mentionedPaths(
  text: string,
  docPath: string,
  topFolders: ReadonlySet<string> = TOP_FOLDERS,
): { paths: Mention[]; names: Mention[] } {
  const paths: Mention[] = [];
  const names: Mention[] = [];
  const docDir = dirname(docPath);
  text.split('\n').forEach((content, index) => {
    const line = index + 1;
    for (const match of content.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = (match[1] ?? '').replace(/#.*$/, '');
      if (target === '' || /^[a-z]+:/i.test(target)) continue;
      paths.push({ line, path: join(docDir, target).split(sep).join('/') });
    }
    for (const match of content.matchAll(/(?<![\w.#/<>@-])([\w.-]+\/[^\s`'"()\]|]*)/g)) {
      const token = trimEnd(match[1] ?? '');
      const first = token.split('/')[0] ?? '';
      if (!topFolders.has(first) || token.includes('…')) continue;
      paths.push({ line, path: token });
    }
    for (const match of content.matchAll(/`([^`\s/]+\.(?:ts|tsx|mjs|js|json|css|md|html))`/g)) {
      const name = match[1] ?? '';
      if (/[<>*{]/.test(name)) continue;
      names.push({ line, path: name });
    }
  });
  return { paths, names };
}

/** Files the build writes (vite-plugin-pwa's service worker), named in the docs but not in the repository. */
const BUILT = new Set(['sw.js']);

const DOCS = [
  'README.md',
  'bench/README.md',
  'questionnaires/README.md',
  ...FILES.filter((f) => /^docs\/[^/]+\.md$/.test(f)),
];

describe('paths written in the docs', () => {
  it('reads the docs it is meant to read', () => {
    expect(DOCS).toContain('docs/architecture.md');
    expect(DOCS).toContain('docs/scoring.md');
    expect(DOCS.length).toBeGreaterThan(8);
  });

  it.each(DOCS)('%s: every repository path it names exists', (doc) => {
    const { paths } = mentionedPaths(readFileSync(join(ROOT, doc), 'utf8'), doc);
    const missing = paths.filter((m) => !exists(m.path)).map((m) => `${doc}:${m.line} ${m.path}`);
    expect(missing, 'paths to fix in the doc (moved or renamed files?)').toEqual([]);
  });

  it.each(DOCS.filter((doc) => doc !== 'bench/README.md'))(
    '%s: every file name it gives in backticks is a file of the repository',
    (doc) => {
      const names = new Set(FILES.map((f) => f.split('/').pop()));
      const { names: mentioned } = mentionedPaths(readFileSync(join(ROOT, doc), 'utf8'), doc);
      const missing = mentioned.filter((m) => !names.has(m.path) && !BUILT.has(m.path));
      expect(missing.map((m) => `${doc}:${m.line} ${m.path}`)).toEqual([]);
    },
  );

  it('finds paths in backticks, links and text, and reports one that does not exist', () => {
    const doc = [
      'See `src/domain/scoring/score-matrix.ts` and [kits](kits.md), [README](../README.md#add).',
      'Per language: `src/i18n/locales/<code>/`, `src/i18n/locales/{fr,en}/*.json`.',
      'Run `npx vite-node bench/campaign-steps.bench.ts`; the kernel (src/domain/gone.ts).',
      'Not paths: `#/results/<id>`, `dist-e2e-4415/`, https://example.org/src/x, src/features/….',
      'A name: `score-matrix.ts`, and one that is not there: `nowhere-at-all.ts`.',
    ].join('\n');
    const { paths, names } = mentionedPaths(doc, 'docs/example.md');
    expect(paths.map((m) => m.path)).toEqual([
      'docs/kits.md',
      'README.md',
      'src/domain/scoring/score-matrix.ts',
      'src/i18n/locales/<code>/',
      'src/i18n/locales/{fr,en}/*.json',
      'bench/campaign-steps.bench.ts',
      'src/domain/gone.ts',
    ]);
    expect(paths.filter((m) => !exists(m.path)).map((m) => `${m.line} ${m.path}`)).toEqual([
      '3 src/domain/gone.ts',
    ]);
    expect(names.map((m) => m.path)).toEqual(['score-matrix.ts', 'nowhere-at-all.ts']);
  });

  it('reads placeholders, globs and braces as any name of that place', () => {
    const entries = ['src/i18n/locales/fr/', 'src/i18n/locales/fr/common.json', 'src/a.ts'];
    expect(exists('src/i18n/locales/<code>/', entries)).toBe(true);
    expect(exists('src/i18n/locales/{fr,en}/*.json', entries)).toBe(true);
    expect(exists('src/i18n/locales/{de,it}/*.json', entries)).toBe(false);
    expect(exists('src/i18n/locales/fr', entries)).toBe(true);
    expect(exists('src/b.ts', entries)).toBe(false);
  });
});

/**
 * « product brief », « journey 5 », « issue #7 », « issues #15 and #16 », « (#16) », « #19 point 8 »:
 * documents that are not in the repository. Built from parts so that this file does not match.
 */
const CITATION = new RegExp(
  [
    ['product', 'brief'].join(' '),
    String.raw`\bjourneys? \d`,
    String.raw`\bissues? #?\d`,
    String.raw`\(#\d+\)`,
    String.raw`#\d+,? points?\b`,
  ].join('|'),
  'i',
);

function sourceFiles(): string[] {
  return FILES.filter((f) => /^(src|tests|scripts|bench)\//.test(f))
    .filter((f) => /\.(ts|tsx|mts|mjs|js|cjs|css|html)$/.test(f))
    .filter((f) => f !== relative(ROOT, __filename).split(sep).join('/'));
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown file's headings (not of lines in code blocks). */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  let inCode = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const heading = /^#{1,6} (.*)$/.exec(line);
    if (!inCode && heading) anchors.add(slug(heading[1] ?? ''));
  }
  return anchors;
}

describe('docs/architecture.md answers « where is the rule for … » with one link', () => {
  const architecture = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
  it.each([
    ['scoring', 'scoring.md#scores'],
    ['levels', 'scoring.md#levels'],
    ['anonymity', 'scoring.md#anonymity'],
    ['recommendation firing', 'scoring.md#conditions-of-recommendations'],
    ['file formats', 'file-formats.md'],
    ['migration', 'writing-a-grid.md#6-versions-and-migration'],
    ['PDF sections', '#the-report-pdf-and-word'],
    ['routing', 'writing-a-grid.md#applicability-applieswhen-and-worded-variants'],
    ['legal references', 'writing-a-grid.md#legal-references-legalrefs'],
    ['kits', 'kits.md'],
    ['campaigns', 'campaigns.md'],
  ])('%s → %s', (_rule, target) => {
    expect(architecture).toContain(`](${target})`);
  });
});

describe('bench/results.md is generated, its history is in bench/README.md', () => {
  const notice =
    'Generated by `npm run bench` (bench/run-bench.mjs), which rewrites this file whole';
  it('says so on its first lines, and the bench writes that line', () => {
    const results = readFileSync(join(ROOT, 'bench/results.md'), 'utf8');
    expect(results.split('\n').slice(0, 4).join('\n')).toContain(notice);
    expect(readFileSync(join(ROOT, 'bench/run-bench.mjs'), 'utf8')).toContain(notice);
  });

  it('holds no hand-written section after the generated ones', () => {
    const headings = readFileSync(join(ROOT, 'bench/results.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('## '));
    const generated =
      /^## (JS before|Lighthouse|Times in Chromium|First screens against the floor \(load|Scoring, aggregation|Workshop import in Chromium|Campaign import in Chromium)/;
    expect(headings.filter((h) => !generated.test(h))).toEqual([]);
    expect(readFileSync(join(ROOT, 'bench/README.md'), 'utf8')).toContain('## History');
  });
});

describe('docs/writing-a-grid.md shows what the command prints', () => {
  it('gives the example grid’s content hash as `npm run validate:grids` prints it', () => {
    const result = loadGrid(
      JSON.parse(readFileSync(join(ROOT, 'docs/examples/example-grid.json'), 'utf8')) as unknown,
    );
    if (!result.ok) throw new Error('the example grid does not load');
    const guide = readFileSync(join(ROOT, 'docs/writing-a-grid.md'), 'utf8');
    expect(guide).toContain(
      `# docs/examples/example-grid.json: OK (2 dimensions, 5 items, 3 recommendations, hash ${result.hash.slice(0, 8)})`,
    );
  });
});

describe('links to a section of a doc', () => {
  it.each(DOCS)('%s: every `file.md#section` it links to is a heading there', (doc) => {
    const docDir = dirname(doc);
    const broken: string[] = [];
    readFileSync(join(ROOT, doc), 'utf8')
      .split('\n')
      .forEach((content, index) => {
        for (const match of content.matchAll(/\]\(([^)\s#]*\.md|)#([^)\s]+)\)/g)) {
          const target = match[1] ? join(docDir, match[1]).split(sep).join('/') : doc;
          if (!FILES.includes(target)) continue; // reported by the paths test
          const anchors = anchorsOf(readFileSync(join(ROOT, target), 'utf8'));
          if (!anchors.has(match[2] ?? ''))
            broken.push(`${doc}:${index + 1} ${target}#${match[2]}`);
        }
      });
    expect(broken, 'a heading was renamed, or the link is wrong').toEqual([]);
  });

  it('makes anchors as GitHub does', () => {
    expect(slug('6. Versions and migration')).toBe('6-versions-and-migration');
    expect(slug('Applicability (`appliesWhen`) and worded variants')).toBe(
      'applicability-applieswhen-and-worded-variants',
    );
    expect(slug('Reasons and « partial »')).toBe('reasons-and--partial-');
    expect(anchorsOf('# A\n```\n# not a heading\n```\n## B c')).toEqual(new Set(['a', 'b-c']));
  });
});

describe('citations of documents that are not in the repository', () => {
  it('reads the sources, tests, scripts and benchmarks', () => {
    const files = sourceFiles();
    expect(files).toContain('src/domain/scoring/score-matrix.ts');
    expect(files).toContain('scripts/run-tests.mjs');
    expect(files).toContain('bench/workshop.bench.mjs');
    expect(files.some((f) => f.startsWith('tests/e2e/'))).toBe(true);
  });

  it('finds none in src/, tests/, scripts/ or bench/ code', () => {
    const found = sourceFiles().flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (CITATION.test(line) ? [`${file}:${i + 1} ${line.trim()}`] : [])),
    );
    expect(found, 'say the rule, or point to a doc in the repository (docs/…)').toEqual([]);
  });

  it.each([
    ['(product brief §5)', true],
    ['the PDF report (journey 5)', true],
    ['frozen while it opened (issue #7)', true],
    ['Issues #15 and #16: in a workshop', true],
    ['Issue #21, point 2', true],
    ['remembered (#19 point 8)', true],
    ['with roles (#16)', true],
    ['color: #333; the issues it found; page 5 of the journey', false],
  ])('%s → %s', (text, cites) => {
    expect(CITATION.test(text)).toBe(cites);
  });
});
