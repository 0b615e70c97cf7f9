#!/usr/bin/env node
// Renders public/favicon.svg into the PNG icons of the web app manifest (192 and 512 px), in
// Debian's Chromium. Run again after changing the favicon: `node scripts/build-icons.mjs`.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    const path = new URL(`../public/icons/icon-${size}.png`, import.meta.url).pathname;
    await page.screenshot({ path, omitBackground: true });
    console.log(`wrote ${path}`);
    await page.close();
  }
} finally {
  await browser.close();
}
