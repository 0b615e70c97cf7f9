/**
 * Context routing (docs/writing-a-grid.md, `appliesWhen`): the same four grids asked in two
 * companies. A 20-employee home-care service choosing a telemanagement tool is asked no robot item
 * and no CSE-consultation item, and gets the small-company recommendations; a 300-employee robotics
 * plant with a CSE and union delegates is asked the robot items and gets the CSE-consultation
 * recommendation. The results page and the PDF's method annex say what the context left out, and
 * why.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedAnswers } from './helpers';
import { pdfPages } from './pdf-text';

type Context = {
  title: string;
  kinds: string[];
  phase: string;
  size: string;
  sector: string;
  cse: 'Oui' | 'Non' | 'Je ne sais pas';
  unionDelegates: 'Oui' | 'Non' | 'Je ne sais pas';
};

const HOME_CARE: Context = {
  title: 'Télégestion – aide à domicile, 20 salariés',
  kinds: ['Outils mobiles et télégestion'],
  phase: 'Choix de l’outil',
  size: '11 à 49 salariés',
  sector: 'Santé, action sociale, aide à domicile',
  cse: 'Non',
  unionDelegates: 'Non',
};

const ROBOTICS: Context = {
  title: 'Cellule robotisée – usine de 300 salariés',
  kinds: ['Robotique et automatisation'],
  phase: 'Outil en usage',
  size: '250 à 999 salariés',
  sector: 'Industrie',
  cse: 'Oui',
  unionDelegates: 'Oui',
};

const ROBOT_ITEM = 'Surveiller des robots ou des machines automatisées';
const ROBOT_SAFETY_ITEM =
  'Les opérateurs connaissent les règles de sécurité à appliquer autour des robots';
const CSE_ITEM = 'Le CSE a été consulté sur le projet numérique avant sa mise en œuvre.';
const CSE_REC = 'Organiser l’information-consultation du CSE avant le déploiement';
const ROBOT_REC =
  'Robotique : étude participative, analyse d’impacts et échanges autour des cellules';
const SMALL_RECS = [
  'Sans CSE consulté sur le projet : s’appuyer sur les leviers qui existent',
  'Petite entreprise : encadrer les données et le suivi de l’activité avec les salariés',
];

/** Fills the start form with a context and creates the diagnostic with the four grids. */
async function createWithContext(page: Page, context: Context): Promise<string> {
  await page.goto('./#/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau diagnostic' })).toBeVisible();
  await page.getByLabel('Titre du diagnostic').fill(context.title);
  const kinds = page.getByRole('group', { name: /De quel type de projet/ });
  for (const kind of context.kinds) await kinds.getByRole('checkbox', { name: kind }).check();
  await page.getByLabel('Où en est le projet ?').selectOption({ label: context.phase });
  await page
    .getByLabel('Combien de salariés compte l’entreprise ?')
    .selectOption({ label: context.size });
  await page.getByLabel('Dans quel secteur ?').selectOption({ label: context.sector });
  await page
    .getByRole('group', { name: /comité social et économique/ })
    .getByRole('radio', { name: context.cse, exact: true })
    .check();
  await page
    .getByRole('group', { name: /délégués syndicaux/ })
    .getByRole('radio', { name: context.unionDelegates, exact: true })
    .check();
  await expect(
    page
      .getByRole('group', { name: 'Grilles à utiliser' })
      .getByRole('checkbox', { checked: true }),
  ).toHaveCount(4);
  await page.getByRole('button', { name: 'Créer et commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Qui répond ?' })).toBeVisible();
  const match = /#\/answer\/([^/]+)/.exec(page.url());
  if (!match?.[1]) throw new Error('no diagnostic id in ' + page.url());
  return decodeURIComponent(match[1]);
}

const VERIFIED = /État du droit vérifié au \d{1,2} \S+ \d{4}\s; ce n’est pas un conseil juridique/;

/** The PDF's references section: from its title to the action plan. */
function referencesSection(text: string): string {
  const start = text.indexOf('Références juridiques Les textes sur lesquels reposent');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('Plan d’action', start);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end);
}

/** Every item answered at the lowest point of its scale (robot and CSE items included). */
const LOWEST = '() => 0';

async function downloadPdf(page: Page, path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).click();
  await (await download).saveAs(path);
  const { pages } = await pdfPages(path);
  return pages.join('\n').replace(/\s+/g, ' ');
}

test('routing: a small home-care telemanagement project before deployment and a large robotics project are asked what applies to them', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);

  // --- 20-employee home-care telemanagement, choosing the tool ---------------------------------
  const small = await createWithContext(page, HOME_CARE);
  // Answers are written for every item of the grids, even those the context does not ask:
  // they are kept, never scored.
  await seedAnswers(page, small, [{ role: 'management' }], LOWEST);

  // The page still holds the diagnostic read before the answers were written: read it again.
  await page.goto(`./#/answer/${small}/risks-opportunities.ro-charge`);
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Charge, rythme et intensité' }),
  ).toBeVisible();
  await expect(page.locator('.answer-main')).not.toContainText(ROBOT_ITEM);
  // No CSE-consultation dimension in the list of what is asked.
  await expect(page.locator('.answer-nav')).not.toContainText('Information-consultation du CSE');
  // Deployed-tool items are asked in their « expected » wording before deployment.
  await page.goto(`./#/answer/${small}/uses.us-fiabilite`);
  await expect(page.locator('.answer-main')).toContainText(
    'une aide rapidement accessible est prévue',
  );
  await expect(page.locator('.answer-main')).not.toContainText('Des pannes, des lenteurs');

  await page.goto(`./#/results/${small}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(HOME_CARE.title);
  const recommendations = page.locator('#recommendations');
  await expect(recommendations).toContainText(SMALL_RECS[0]!);
  await expect(recommendations).toContainText(SMALL_RECS[1]!);
  await expect(recommendations).not.toContainText(CSE_REC);
  await expect(recommendations).not.toContainText(ROBOT_REC);
  const leftOut = page.locator('#grid-risks-opportunities details.left-out');
  await leftOut.locator('summary').click();
  await expect(leftOut).toContainText(ROBOT_ITEM);
  await expect(leftOut).toContainText('selon le type de projet');
  await expect(page.locator('#grid-social-dialogue details.left-out')).toContainText(
    'Dimension « Information-consultation du CSE »',
  );
  // The score table shows only what was asked: 8 + 8 + 8 + 6 dimensions.
  await expect(page.locator('table.score-table tbody tr')).toHaveCount(30);
  // Legal references: only those the context allows (11–49 employees, no CSE, no delegates).
  await page.getByLabel('Afficher les recommandations pour').selectOption('all');
  const legal = page.locator('#legal');
  for (const kept of ['ct-l2312-5', 'ct-l1222-4', 'ct-l1121-1', 'rgpd-art-13'])
    await expect(legal.locator(`[data-legal-ref-id="${kept}"]`)).toHaveCount(1);
  // Nor the CSSCT (300 employees and a CSE) nor the machinery rules (robots) here.
  for (const gone of [
    'ct-l2312-8',
    'ct-l2315-94',
    'ct-l2312-38',
    'ct-l2312-59',
    'ct-l2242-17',
    'ct-l2315-36',
    'ct-r4312-1',
  ])
    await expect(legal.locator(`[data-legal-ref-id="${gone}"]`)).toHaveCount(0);
  await expect(legal.locator('[data-legal-ref-id="ct-l2312-5"]')).toContainText(VERIFIED);

  const smallPdf = await downloadPdf(page, testInfo.outputPath('small.pdf'));
  expect(smallPdf).toContain('Ce que le contexte a laissé de côté');
  expect(smallPdf).toContain(`Question « ${ROBOT_ITEM}`);
  expect(smallPdf).toContain('selon le type de projet');
  expect(smallPdf).toContain('Délégués syndicaux');
  expect(smallPdf).toContain(SMALL_RECS[0]!.slice(0, 60));
  const smallRefs = referencesSection(smallPdf);
  expect(smallRefs).toContain('Code du travail, art. L2312-5');
  expect(smallRefs).toMatch(VERIFIED);
  expect(smallRefs).not.toContain('L2312-8');
  expect(smallRefs).not.toContain('Code du travail, art. L2242-17');
  expect(smallRefs).not.toContain('L2315-36');
  expect(smallRefs).not.toContain('R4312-1');
  // The health recommendation fires here too: its CSSCT reference is left out, and the annex says why.
  expect(smallPdf).toContain(
    'Code du travail, art. L2315-36 à L2315-38 (taille de l’entreprise, présence d’un CSE)',
  );
  // The CSE-consultation recommendation appears once: in the annex, as left out, with why.
  expect(smallPdf.split(CSE_REC).length - 1).toBe(1);
  expect(smallPdf).toContain(
    `Recommandation « ${CSE_REC} » — selon l’effectif de l’entreprise, la présence d’un CSE`,
  );

  // --- 300-employee robotics plant with a CSE and union delegates ------------------------------
  const large = await createWithContext(page, ROBOTICS);
  await seedAnswers(page, large, [{ role: 'management' }], LOWEST);
  await page.goto(`./#/answer/${large}/risks-opportunities.ro-charge`);
  await page.reload();
  await expect(page.locator('.answer-main')).toContainText(ROBOT_ITEM);
  await page.goto(`./#/answer/${large}/risks-opportunities.ro-sante`);
  await expect(page.locator('.answer-main')).toContainText(ROBOT_SAFETY_ITEM);
  await page.goto(`./#/answer/${large}/social-dialogue.sd-info-consultation`);
  await expect(page.locator('.answer-main')).toContainText(CSE_ITEM);

  await page.goto(`./#/results/${large}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ROBOTICS.title);
  await expect(page.locator('#recommendations')).toContainText(CSE_REC);
  await expect(page.locator('#recommendations')).toContainText(ROBOT_REC);
  for (const title of SMALL_RECS)
    await expect(page.locator('#recommendations')).not.toContainText(title);
  // Left out here: only what is written for small companies.
  const largeLeftOut = page.locator('#grid-risks-opportunities details.left-out');
  await expect(largeLeftOut).not.toContainText(ROBOT_ITEM);
  await expect(page.locator('#grid-uses details.left-out')).toContainText(
    `Recommandation « ${SMALL_RECS[1]!} »`,
  );
  await expect(page.locator('table.score-table tbody tr')).toHaveCount(32);
  // CSE and union delegates known: their references apply, without « s'applique si ».
  await page.getByLabel('Afficher les recommandations pour').selectOption('all');
  const largeLegal = page.locator('#legal');
  // With them, the CSSCT (from 300 employees: the 250–999 band contains the threshold without
  // settling it) and the machinery rules that apply on the day verified (robotics project).
  for (const kept of [
    'ct-l2312-8',
    'ct-l2315-94',
    'ct-l2315-80',
    'ct-l2242-17',
    'ct-l2312-38',
    'ct-l2315-36',
    'ct-r4312-1',
  ]) {
    const card = largeLegal.locator(`[data-legal-ref-id="${kept}"]`);
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId('legal-depends')).toHaveCount(0);
  }
  await expect(largeLegal.locator('[data-legal-ref-id="ct-l2312-5"]')).toHaveCount(0);

  const largePdf = await downloadPdf(page, testInfo.outputPath('large.pdf'));
  expect(largePdf).toContain(CSE_REC);
  const largeRefs = referencesSection(largePdf);
  expect(largeRefs).toContain('Code du travail, art. L2312-8');
  expect(largeRefs).toContain('Code du travail, art. L2315-94, 2°');
  expect(largeRefs).toContain('Code du travail, art. L2242-17');
  expect(largeRefs).toContain('Code du travail, art. L2315-36 à L2315-38');
  expect(largeRefs).toContain('Code du travail, art. L4311-1 et R4312-1 (annexe I)');
  expect(largeRefs).toContain('20 janvier 2027');
  expect(largeRefs).toMatch(VERIFIED);
  expect(largeRefs).not.toContain('S’applique si : un CSE existe');
  expect(largePdf).not.toContain(`Question « ${ROBOT_ITEM}`);
});

test('routing: changing the context re-routes the questions and keeps the answers', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const id = await createWithContext(page, HOME_CARE);
  await seedAnswers(page, id, [{ role: 'management' }], LOWEST);
  await page.goto(`./#/results/${id}`);
  await expect(page.locator('table.score-table tbody tr')).toHaveCount(30);

  // Change to a robotics plant in use, with a CSE and union delegates: everything is asked.
  const editor = page.locator('details.context-editor');
  await editor.locator('summary').click();
  await editor.getByRole('checkbox', { name: 'Outils mobiles et télégestion' }).uncheck();
  await editor.getByRole('checkbox', { name: 'Robotique et automatisation' }).check();
  await editor.getByLabel('Où en est le projet ?').selectOption({ label: 'Outil en usage' });
  await editor
    .getByLabel('Combien de salariés compte l’entreprise ?')
    .selectOption({ label: '250 à 999 salariés' });
  await editor
    .getByRole('group', { name: /comité social/ })
    .getByRole('radio', { name: 'Oui', exact: true })
    .check();
  await editor
    .getByRole('group', { name: /délégués syndicaux/ })
    .getByRole('radio', { name: 'Oui', exact: true })
    .check();
  await editor.getByRole('button', { name: 'Enregistrer le contexte' }).click();
  await expect(editor.getByRole('status')).toContainText('Contexte enregistré');
  // The answers seeded for the CSE and robot items were kept: now asked, they count.
  await expect(page.locator('table.score-table tbody tr')).toHaveCount(32);
  await expect(page.locator('#recommendations')).toContainText(CSE_REC);

  // And back: the same 30 dimensions, the same score as at first.
  await page.reload();
  const again = page.locator('details.context-editor');
  await again.locator('summary').click();
  await again.getByRole('checkbox', { name: 'Robotique et automatisation' }).uncheck();
  await again.getByRole('checkbox', { name: 'Outils mobiles et télégestion' }).check();
  await again.getByLabel('Où en est le projet ?').selectOption({ label: 'Choix de l’outil' });
  await again
    .getByLabel('Combien de salariés compte l’entreprise ?')
    .selectOption({ label: '11 à 49 salariés' });
  await again
    .getByRole('group', { name: /comité social/ })
    .getByRole('radio', { name: 'Non', exact: true })
    .check();
  await again
    .getByRole('group', { name: /délégués syndicaux/ })
    .getByRole('radio', { name: 'Non', exact: true })
    .check();
  await again.getByRole('button', { name: 'Enregistrer le contexte' }).click();
  await expect(page.locator('table.score-table tbody tr')).toHaveCount(30);
  await expect(page.locator('#recommendations')).not.toContainText(CSE_REC);
  const stored = await page.evaluate(async (diagnosticId) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('qvt-numerique');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const record: { respondents: { answers: Record<string, Record<string, unknown>> }[] } =
      await new Promise((resolve, reject) => {
        const req = db.transaction('diagnostics').objectStore('diagnostics').get(diagnosticId);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    db.close();
    return record.respondents[0]!.answers;
  }, id);
  // The robot and CSE answers are still stored, though not asked in this context.
  expect(stored['risks-opportunities']!['ro-charge-5']).toBe(1);
  expect(stored['social-dialogue']!['sd-info-consultation-5']).toBe(1);
});
