#!/usr/bin/env node
// End-to-end tests: build the app, then run Playwright in Debian's Chromium.
// Without Chromium: a failure under CI=true, one line of advice elsewhere.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chrome)) {
  const advice = `Chromium not found at ${chrome}: install it with "apt-get install -y chromium" (or set CHROME_PATH) to run the end-to-end tests.`;
  if (process.env.CI) {
    console.error(`✖ ${advice}`);
    process.exit(1);
  }
  console.log(`⚠ e2e skipped — ${advice}`);
  process.exit(0);
}

// A custom port gets its own build folder, so parallel runs in one tree don't collide.
const outDir = process.env.E2E_PORT ? `dist-e2e-${process.env.E2E_PORT}` : 'dist';
process.env.E2E_OUTDIR = outDir;
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
if (run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']) !== 0)
  process.exit(1);
if (run('npx', ['vite', 'build', '-c', 'vite.single.config.ts', '--logLevel', 'warn']) !== 0)
  process.exit(1);
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
