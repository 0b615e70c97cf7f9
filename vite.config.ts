/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { dropCspInDev } from './scripts/vite/csp.ts';
import { offlineApp } from './scripts/vite/pwa.ts';

// Relative base: the built files work from any static host, any sub-path, and file://.
export default defineConfig({
  base: './',
  plugins: [react(), dropCspInDev(), offlineApp()],
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
