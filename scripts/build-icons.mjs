#!/usr/bin/env node
// Renders public/favicon.svg (the drawing) into PNG: the page's favicon (48 px) and the icons of
// the web app manifest (192 and 512 px), in Debian's Chromium. Run again after changing the
// drawing: `node scripts/build-icons.mjs`. The app links only PNGs: Chrome draws an SVG icon on
// the page's main thread (a whole SVG document), which was seen as a 14–25 ms task while the
// first question loads; a PNG is decoded off the main thread.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const [size, file] of [
    [48, 'favicon.png'],
    [192, 'icons/icon-192.png'],
    [512, 'icons/icon-512.png'],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    const path = new URL(`../public/${file}`, import.meta.url).pathname;
    await page.screenshot({ path, omitBackground: true });
    console.log(`wrote ${path}`);
    await page.close();
  }
} finally {
  await browser.close();
}
