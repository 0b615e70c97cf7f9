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
 * grids, saving it), in one chunk: the answer page then loads 3 files after the shell rather
 * than 10, each a round trip on a phone network. Modules of the start page stay in its entry.
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
