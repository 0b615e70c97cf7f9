/**
 * Route preload: the browser starts downloading the page in the address (its code, its CSS, its
 * translation files) while it is still downloading the app's shell, instead of after the shell
 * has run. On a phone network that saves a round trip or more before the first question.
 *
 * The build writes a small module, `assets/route-preload-<hash>.js`, and loads it from
 * index.html before the app, `async` (no inline script: the Content-Security-Policy forbids them). It
 * reads the route from the address's hash and the remembered language, and adds a low-priority
 * `<link rel="modulepreload">` for each file of that page only (its CSS, a few hundred bytes, is
 * left to the page: a preloaded style sheet was seen holding the first paint back). The page
 * itself still imports its chunks as before: a file the list misses is fetched then, and a wrong
 * guess costs bytes, never a broken page. Last, it sets up the browser's number formatting, which
 * every first screen needs, while the main thread has nothing else to do.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export type PageFiles = Record<string, { module: string; namespaces: readonly string[] }>;

type Chunk = {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  moduleIds: string[];
  imports: string[];
};
type Asset = { type: 'asset'; fileName: string; source: string | Uint8Array };

/** The file of a namespace: `gridErrors` → `grid-errors`. */
export function namespaceFile(namespace: string): string {
  return namespace.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Reads the bundle: for each page, its chunk and every chunk it imports statically (without the
 * entry's, already loading), and the translation files of each language.
 */
export function routeFiles(
  bundle: Record<string, Chunk | Asset>,
  root: string,
  pages: PageFiles,
  languages: readonly string[],
  shellNamespaces: Record<string, readonly string[]>,
): { pages: Record<string, string[]>; languages: Record<string, Record<string, string[]>> } {
  const chunks = Object.values(bundle).filter((c): c is Chunk => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const byModule = new Map(chunks.map((c) => [c.facadeModuleId, c]));

  const closure = (start: Chunk, skip: Set<string>): Chunk[] => {
    const seen = new Set<string>();
    const out: Chunk[] = [];
    const visit = (chunk: Chunk) => {
      if (seen.has(chunk.fileName) || skip.has(chunk.fileName)) return;
      seen.add(chunk.fileName);
      out.push(chunk);
      for (const file of chunk.imports) {
        const next = byFile.get(file);
        if (next) visit(next);
      }
    };
    visit(start);
    return out;
  };

  const entryFiles = new Set<string>();
  for (const entry of chunks.filter((c) => c.isEntry))
    for (const c of closure(entry, new Set())) entryFiles.add(c.fileName);

  const result: Record<string, string[]> = {};
  for (const [route, { module }] of Object.entries(pages)) {
    const start = byModule.get(resolve(root, module));
    if (!start) throw new Error(`route-preload: no chunk for ${module} (route "${route}")`);
    result[route] = closure(start, entryFiles).map((c) => c.fileName);
  }

  // Per language: each route's translation files, plus the shell's where they are not bundled.
  // A translation file is its own chunk, or inside one a page imports statically.
  // Its file is named like the namespace or in kebab case (src/i18n/i18n.ts reads both).
  const localeChunk = (language: string, namespace: string) => {
    const ids = [namespaceFile(namespace), namespace].map((name) =>
      resolve(root, `src/i18n/locales/${language}/${name}.json`),
    );
    const file = chunks.find((c) => ids.some((id) => c.moduleIds.includes(id)))?.fileName;
    if (!file) throw new Error(`route-preload: no chunk holds ${language} "${namespace}"`);
    return file;
  };
  const perLanguage: Record<string, Record<string, string[]>> = {};
  for (const language of languages) {
    const files: Record<string, string[]> = {};
    files[''] = (shellNamespaces[language] ?? []).map((ns) => localeChunk(language, ns));
    for (const [route, { namespaces }] of Object.entries(pages))
      files[route] = namespaces.map((ns) => localeChunk(language, ns));
    perLanguage[language] = files;
  }
  return { pages: result, languages: perLanguage };
}

/** The module that runs in the page (plain ES2020, no imports). */
export function preloadScript(
  files: ReturnType<typeof routeFiles>,
  options: { languageKey: string; defaultLanguage: string; assetsDir: string },
): string {
  // File names without "assets/" and ".js": the script counts in every page's initial JS.
  const strip = (file: string) => file.slice(options.assetsDir.length + 1).replace(/\.js$/, '');
  const pages = Object.fromEntries(
    Object.entries(files.pages).map(([route, list]) => [route, list.map(strip)]),
  );
  const languages = Object.fromEntries(
    Object.entries(files.languages).map(([language, routes]) => [
      language,
      Object.fromEntries(Object.entries(routes).map(([route, list]) => [route, list.map(strip)])),
    ]),
  );
  // Written small, as it is shipped. P: route → page files; L: language → route → texts ('' for
  // the shell's); l: the remembered language; r: the route; each link low priority (after the
  // shell's own files: a head start for the page, never a delay for the first paint).
  return [
    `const P=${JSON.stringify(pages)},L=${JSON.stringify(languages)};`,
    `let l=${JSON.stringify(options.defaultLanguage)};`,
    `try{const s=localStorage.getItem(${JSON.stringify(options.languageKey)});if(s&&Object.hasOwn(L,s))l=s}catch{}`,
    `const r=(/^#\\/([a-z]+)/.exec(location.hash)||[])[1]||"",k=Object.hasOwn(P,r);`,
    `for(const f of new Set([...(k?P[r]:[]),...L[l][""],...(k?L[l][r]:[])])){`,
    `const a=document.createElement("link");a.rel="modulepreload";a.fetchPriority="low";`,
    `a.href=new URL("./"+f+".js",import.meta.url).href;document.head.append(a)}`,
    // Then, in a task of its own while the app downloads, the browser's number data: the first
    // number format of a page costs 15-20 ms on the bench machine (four times that on a phone),
    // once per page, and every page shows a number in its first screen. Made here, the main
    // thread would otherwise wait for the network; made by the page, it delayed its first screen.
    `setTimeout(()=>{try{new Intl.NumberFormat(l,{style:"percent"}).format(0)}catch{}})`,
    '',
  ].join('\n');
}

/**
 * The plugin. `pages` maps a route (the hash's first segment) to its page module and
 * namespaces; `shellNamespaces` lists, per language, the namespaces the shell loads as files.
 */
export function routePreload(options: {
  pages: PageFiles;
  languages: readonly string[];
  defaultLanguage: string;
  shellNamespaces: Record<string, readonly string[]>;
  languageKey: string;
}): Plugin {
  let root = process.cwd();
  let assetsDir = 'assets';
  return {
    name: 'qvt:route-preload',
    apply: 'build',
    // After Vite has written index.html into the bundle.
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      assetsDir = config.build.assetsDir;
    },
    generateBundle(_output, bundle) {
      const html = bundle['index.html'] as Asset | undefined;
      if (!html || typeof html.source !== 'string') return;
      const files = routeFiles(
        bundle as unknown as Record<string, Chunk | Asset>,
        root,
        options.pages,
        options.languages,
        options.shellNamespaces,
      );
      const source = preloadScript(files, { ...options, assetsDir });
      const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
      const fileName = `${assetsDir}/route-preload-${hash}.js`;
      this.emitFile({ type: 'asset', fileName, source });
      // Before the app's script, and `async`: it runs as soon as it is fetched, in a task of its
      // own, while the app is still downloading. Without `async` it waited for the document's
      // other module scripts to be ready and ran in the same task as the app's (about 40 ms of
      // evaluation, 150 ms at a phone's speed), so the page's files were asked for only after the
      // whole app had downloaded and run.
      const tag = `<script type="module" async crossorigin src="./${fileName}"></script>`;
      const appScript = /<script type="module"[^>]*src="[^"]*index-[^"]*\.js"><\/script>/;
      if (!appScript.test(html.source))
        throw new Error('route-preload: no app script in index.html');
      html.source = html.source.replace(appScript, (app) => `${tag}\n    ${app}`);
    },
  };
}
