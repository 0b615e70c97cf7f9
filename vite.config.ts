/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { dropCspInDev } from './scripts/vite/csp.ts';
import { bundledGridVersions } from './scripts/vite/grid-versions.ts';
import { offlineApp } from './scripts/vite/pwa.ts';
import { routePreload } from './scripts/vite/route-preload.ts';
import { PAGE_FILES } from './src/app/page-files.ts';
import {
  DEFAULT_LANGUAGE,
  LANGUAGE_PREFERENCE,
  LANGUAGES,
  SHELL_NAMESPACES,
} from './src/i18n/languages.ts';
import { preferenceStorageKey } from './src/storage/preferences.ts';

/**
 * What every page that opens a diagnostic needs (reading it from storage, checking it and its
 * grids, saving it), and the context editor at the top of the answer and results pages, in one
 * chunk: the answer page then loads 2 files after the shell rather than 10, each a round trip on
 * a phone network. Modules of the start page stay in its entry.
 */
const OPEN_DIAGNOSTIC = [
  '/src/storage/diagnostics-store.ts',
  '/src/storage/diagnostic-records.ts',
  '/src/storage/respondent-chunks.ts',
  '/src/storage/journal.ts',
  '/src/domain/zod-setup.ts',
  '/src/domain/answers/roles.ts',
  '/src/domain/answers/answers.ts',
  '/src/domain/diagnostic/diagnostic.ts',
  '/src/domain/diagnostic/operations.ts',
  '/src/domain/context/sectors.ts',
  '/src/domain/context/applies-when.ts',
  '/src/domain/context/context-of.ts',
  '/src/domain/context/route-grid.ts',
  '/src/domain/grid/sha256.ts',
  '/src/domain/grid/hash.ts',
  '/src/domain/grid/schema.ts',
  '/src/domain/grid/grid-rules.ts',
  '/src/domain/grid/text.ts',
  '/src/utils/id.ts',
  '/src/utils/slices.ts',
  '/src/i18n/format.ts',
  '/src/shared/diagnostic/use-diagnostic.ts',
  '/src/shared/diagnostic/diagnostic-gate.tsx',
  '/src/shared/diagnostic/resolve-grids.ts',
  '/src/shared/diagnostic/storage-banner.tsx',
  '/src/storage/paper-draft-key.ts',
  '/src/domain/scoring/answer-columns.ts',
  '/src/domain/context/asked-of.ts',
  '/src/domain/legal/reference-ids.ts',
  '/src/shared/context/context-fields.tsx',
  '/src/shared/context/context-editor.tsx',
];

/**
 * The figures the results, workshop and compare pages draw before their first screen: scoring,
 * aggregation, the radar's frame (its drawing, recharts, stays apart). Left to the bundler, this
 * and REPORT_VIEW were eight files of 0.2 to 7 KB, each a request before the first screen;
 * Lighthouse's simulated phone network showed the results page's largest paint some 150 ms later
 * for it (bench/README.md, 2026-12-08). The small modules the grid library and the about page
 * share with them (score display, table scroll, jump) stay apart: those pages would otherwise
 * download the whole chunk.
 */
const FIGURES = [
  '/src/domain/answers/grid-answers.ts',
  '/src/domain/run-to-end.ts',
  '/src/domain/stats.ts',
  '/src/domain/scoring/item-score.ts',
  '/src/domain/scoring/score-matrix.ts',
  '/src/domain/scoring/score-grid.ts',
  '/src/domain/aggregate/anonymity.ts',
  '/src/domain/aggregate/reliability.ts',
  '/src/domain/aggregate/aggregate-grid.ts',
  '/src/domain/report/workshop-report.ts',
  '/src/shared/charts/draw-in-turn.ts',
  '/src/shared/charts/in-view.ts',
  '/src/shared/charts/radar-layout.ts',
  '/src/shared/charts/radar-chart.tsx',
];

/**
 * The report model of the results and compare pages: recommendations, the legal references and
 * kits that apply, the download buttons (the renderers stay apart), in one chunk.
 */
const REPORT_VIEW = [
  '/src/domain/recommend/context.ts',
  '/src/domain/recommend/evaluate.ts',
  '/src/domain/recommend/recommend.ts',
  '/src/domain/legal/select.ts',
  '/src/domain/kits/kits.ts',
  '/src/domain/report/build-report-model.ts',
  '/src/domain/report/reason-figures.ts',
  '/src/report/legal-text.ts',
  '/src/shared/report-download/use-report-download.ts',
  '/src/shared/report-download/pdf-preload.ts',
  '/src/shared/report-download/pdf-button.tsx',
  '/src/shared/report-download/docx-button.tsx',
];

// Relative base: the built files work from any static host, any sub-path, and file://.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    dropCspInDev(),
    bundledGridVersions(),
    offlineApp(),
    routePreload({
      pages: PAGE_FILES,
      languages: LANGUAGES,
      defaultLanguage: DEFAULT_LANGUAGE,
      // French shell texts are in the entry; other languages load them as files.
      shellNamespaces: Object.fromEntries(
        LANGUAGES.map((l) => [l, l === DEFAULT_LANGUAGE ? [] : SHELL_NAMESPACES]),
      ),
      languageKey: preferenceStorageKey(LANGUAGE_PREFERENCE),
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // Browsers the app targets all support <link rel="modulepreload">: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'diagnostic',
              // zod's messages (its locales) stay out: loaded when a record fails to parse.
              test: (id) =>
                (id.includes('/node_modules/zod/') && !id.includes('/locales/')) ||
                OPEN_DIAGNOSTIC.some((m) => id.endsWith(m)),
              includeDependenciesRecursively: false,
            },
            {
              name: 'figures',
              test: (id) => FIGURES.some((m) => id.endsWith(m)),
              includeDependenciesRecursively: false,
            },
            {
              name: 'report-view',
              test: (id) => REPORT_VIEW.some((m) => id.endsWith(m)),
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  test: {
    globals: true,
    restoreMocks: true,
    setupFiles: ['tests/setup.ts'],
    // Pure code runs in Node (fast); components get jsdom.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/setup-dom.ts'],
        },
      },
    ],
  },
});
