import { openApp, test } from './fixtures';
import { checkLayout } from './layout-check';
import { seedTourData, switchLanguage, tour } from './tour';

for (const lang of ['fr', 'en'] as const) {
  test(`every page is laid out at 360, 1280 and 1920 px, in ${lang === 'fr' ? 'French' : 'English'}: nothing empty, nothing wider than the screen, no text out of its box`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openApp(page);
    const ids = await seedTourData(page);
    await switchLanguage(page, lang);
    await tour(page, lang, ids, (name) => checkLayout(page, name));
  });
}
