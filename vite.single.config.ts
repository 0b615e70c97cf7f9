/// <reference types="vitest/config" />
/**
 * `npm run build:single`: the whole app in ONE file, dist-single/index.html, to send by e-mail or
 * put on a USB key and open from disk (file://). Every chunk (pages, grids, charts, the PDF and
 * its font, English) and the stylesheet are inlined; no service worker (file:// has none).
 * Its Content-Security-Policy allows exactly the inlined script and style, by hash.
 */
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, mergeConfig, type Plugin, type UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base from './vite.config.ts';
import { hashInlineCsp } from './scripts/vite/csp.ts';
import { bundledGridVersions } from './scripts/vite/grid-versions.ts';

/** The favicon as a data: URL, so the single file has no sibling to look for. */
function inlineFavicon(): Plugin {
  const png = readFileSync(new URL('./public/favicon.png', import.meta.url));
  const dataUrl = `data:image/png;base64,${png.toString('base64')}`;
  return {
    name: 'qvt:inline-favicon',
    transformIndexHtml: (html) => html.replace('href="./favicon.png"', `href="${dataUrl}"`),
  };
}

// The app's config without its plugins (PWA, dev-only CSP removal) and test settings.
const shared: UserConfig & { test?: unknown } = { ...base };
delete shared.plugins;
delete shared.test;

export default defineConfig(
  mergeConfig(shared, {
    // Read by src/app/register-sw.ts: no service worker in this build.
    mode: 'single',
    publicDir: false,
    plugins: [react(), bundledGridVersions(), inlineFavicon(), viteSingleFile(), hashInlineCsp()],
    build: {
      outDir: 'dist-single',
      emptyOutDir: true,
      chunkSizeWarningLimit: 10_000,
    },
  }),
);
