import { expect, test } from './fixtures';
import { createDiagnostic, seedAnswers } from './helpers';
import { pdfPages } from './pdf-text';

// Each respondent answers differently, so the answers spread and the roles differ.
const SPREAD = '(i, r, n) => i % 9 === 4 ? -1 : (i + r * 2 + (r % 3) * i) % n';

/** The PDF text between two section titles (the first occurrence of each, in order). */
function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  expect(start, from).toBeGreaterThanOrEqual(0);
  expect(end, to).toBeGreaterThan(start);
  return text.slice(start, end);
}

test('workshop PDF: participation, roles compared and topics, never a masked role', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const id = await createDiagnostic(page, {
    title: 'Atelier télégestion',
    purpose: /Atelier/,
    grids: ['uses', 'social-dialogue'],
  });
  // Five employees and three managers are shown apart; one representative and two "other"
  // (three people together, at the threshold of 3) are only counted.
  await seedAnswers(
    page,
    id,
    [
      ...Array.from({ length: 5 }, () => ({ role: 'employee' })),
      ...Array.from({ length: 3 }, () => ({ role: 'manager' })),
      { role: 'representative' },
      { role: 'other' },
      { role: 'other' },
    ],
    SPREAD,
  );
  await page.goto(`./#/results/${id}`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).click();
  const path = testInfo.outputPath('workshop.pdf');
  await (await download).saveAs(path);
  const text = (await pdfPages(path)).pages.join('\n');

  const workshop = between(text, 'Participation', 'Plan d’action');
  for (const title of ['Rôles comparés', 'Sujets à discuter', 'Plus grands écarts entre rôles']) {
    expect(workshop).toContain(title);
  }
  expect(workshop).toContain('Répondants : 11');
  expect(workshop).toContain('Salarié·e');
  expect(workshop).toContain('Encadrement');
  expect(workshop).toContain('(n = 5)');
  expect(workshop).toContain('comptés seulement dans « Tous » : 3');
  // The masked roles' labels appear nowhere in these sections.
  expect(workshop).not.toContain('Représentant·e du personnel');
  expect(workshop).not.toMatch(/\bAutre\b/);
  expect(workshop).not.toContain('(n = 1)');
  expect(workshop).not.toContain('(n = 2)');
  // No evolution section without a baseline.
  expect(text).not.toContain('Évolution depuis le diagnostic de départ');
});

test('compare page: the T1 report with an evolution section against T0', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const t0 = await createDiagnostic(page, { title: 'Avant le déploiement', grids: ['uses'] });
  await seedAnswers(page, t0, [{ role: 'employee' }], '(i, r, n) => 1');
  const t1 = await createDiagnostic(page, { title: 'Après le déploiement', grids: ['uses'] });
  await seedAnswers(page, t1, [{ role: 'employee' }], '(i, r, n) => n - 1');
  await page.goto(`./#/compare/${t0}/${t1}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Comparaison : Avant le déploiement → Après le déploiement',
  );
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le rapport PDF avec l’évolution' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^apres-le-deploiement-\d{4}-\d{2}-\d{2}\.pdf$/);
  const path = testInfo.outputPath('evolution.pdf');
  await file.saveAs(path);
  const { pages, info } = await pdfPages(path);
  const text = pages.join('\n');
  expect(info.Title).toBe('Après le déploiement');
  const evolution = between(text, 'Évolution depuis le diagnostic de départ', 'Plan d’action');
  expect(evolution).toContain('« Avant le déploiement »');
  expect(evolution).toContain('Usages des outils numériques');
  expect(evolution).toMatch(/Même version \(\d+\.\d+\.\d+\) des deux côtés\./);
  expect(evolution).toContain('Les deux versions ont les mêmes questions');
  // Lowest point at T0, highest at T1: every dimension moves up.
  expect(evolution).toMatch(/\+\d+/);
  // One respondent per side, not a workshop: no workshop sections.
  expect(text).not.toContain('Rôles comparés');
});
