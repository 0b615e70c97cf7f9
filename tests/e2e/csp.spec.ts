import { expect, openApp, test } from './fixtures';
import { seedTourData, tour, switchLanguage } from './tour';

test('the Content-Security-Policy is in force and no page violates it, in French and English', async ({
  page,
  guard,
}) => {
  test.setTimeout(180_000);
  // Collected in the page from its first script on; the fixtures also fail on console errors,
  // which is where Chromium reports a blocked script, style or request.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  await openApp(page);
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self';");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-eval');
  // The policy really applies: an inline script injected now is refused.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
    return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
  });
  expect(ran).toBe(false);
  const refused = await page.evaluate(() =>
    (window as unknown as { cspViolations: string[] }).cspViolations.splice(0),
  );
  expect(refused.map((v) => v.split(' ')[0])).toEqual(['script-src-elem']);
  // Chromium logs that refusal as a console error: it is the probe's, take it out of the guard
  // (which keeps failing the test on any other console error, CSP reports included).
  await expect.poll(() => guard.consoleErrors.length).toBe(1);
  expect(guard.consoleErrors.splice(0)[0]).toContain('Content Security Policy');

  const ids = await seedTourData(page);
  const violations: string[] = [];
  for (const lang of ['fr', 'en'] as const) {
    await switchLanguage(page, lang);
    await tour(page, lang, ids, async (name) => {
      const found = await page.evaluate(() =>
        (window as unknown as { cspViolations: string[] }).cspViolations.splice(0),
      );
      violations.push(...found.map((v) => `${lang} ${name}: ${v}`));
    });
    // The PDF (jspdf and its embedded font) runs under the same policy.
    await page.goto(`./#/results/${ids.t0}`);
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: lang === 'fr' ? 'Télécharger le rapport PDF' : /PDF/ })
      .click();
    await download;
    violations.push(
      ...(await page.evaluate(() =>
        (window as unknown as { cspViolations: string[] }).cspViolations.splice(0),
      )),
    );
  }
  expect(violations).toEqual([]);
});
