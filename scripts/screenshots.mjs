#!/usr/bin/env node
// `npm run screenshots`: builds the app, serves it, and takes the README's images from it
// (docs/images/): the results page with its radars, a workshop with roles compared, a page of
// the PDF report. Run it again after a change to what these pages show, so the images stay true.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chrome)) {
  console.error(`✖ Chromium not found at ${chrome}: install it, or set CHROME_PATH.`);
  process.exit(1);
}
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
if (
  run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', 'dist-screens', '--emptyOutDir'])
)
  process.exit(1);
process.exit(run('npx', ['playwright', 'test', '-c', 'playwright.screenshots.config.ts']));
