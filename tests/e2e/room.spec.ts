import type { Page } from '@playwright/test';
import { axeViolations, axeWithAllRules } from './axe';
import { expect, test } from './fixtures';
import {
  createDiagnostic,
  seedAnswers,
  startRespondent,
  storedRespondents,
  tabTo,
} from './helpers';
import { pdfPages } from './pdf-text';

/**
 * The room (docs/architecture.md, « The room »): projection mode with the keyboard alone, the paper
 * questionnaire read back, and a paper copy typed back giving the scores of the same answers
 * given on screen.
 */

const SPREAD = '(i, r, n) => (i * 7 + r * 3) % 6 === 5 ? -1 : (i * (r + 1) + r) % n';

async function seededWorkshop(page: Page, title: string): Promise<string> {
  const id = await createDiagnostic(page, { title, grids: ['uses'], purpose: /Atelier/ });
  await seedAnswers(
    page,
    id,
    [
      ...Array.from({ length: 5 }, () => ({ role: 'employee' })),
      ...Array.from({ length: 4 }, () => ({ role: 'manager' })),
      ...Array.from({ length: 3 }, () => ({ role: 'representative' })),
      { role: 'management' },
    ],
    SPREAD,
  );
  return id;
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await axeViolations(axeWithAllRules(page))).toEqual([]);
}

/** Nothing of the slide is outside the window, and its text is large enough to read. */
async function expectFitsAndLegible(page: Page, minPx: number): Promise<void> {
  const report = await page.evaluate(() => {
    const root = document.querySelector('.projection');
    const out: string[] = [];
    for (const el of root?.querySelectorAll('h1, p, button, th, td, li, text') ?? []) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || el.closest('.visually-hidden')) continue;
      if (box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1)
        out.push(`outside: ${el.tagName} ${el.textContent?.slice(0, 30)}`);
    }
    const sizes = [
      ...(root?.querySelectorAll(
        '.projection__body text, .projection__body p, .projection__body th, .projection__body td, .projection__legend li, .room-dist__group',
      ) ?? []),
    ]
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => {
        if (el instanceof SVGTextElement) {
          // The drawing is scaled to its box: its type size on screen.
          const svg = el.ownerSVGElement!;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return Number(el.getAttribute('font-size')) * scale;
        }
        return parseFloat(getComputedStyle(el).fontSize);
      });
    return { out, smallest: Math.min(...sizes) };
  });
  expect(report.out).toEqual([]);
  expect(report.smallest).toBeGreaterThanOrEqual(minPx);
}

for (const size of [
  { width: 1280, height: 720, minPx: 15 },
  { width: 1920, height: 1080, minPx: 20 },
]) {
  test(`projection with the keyboard alone at ${size.width}×${size.height}, axe clean`, async ({
    page,
  }) => {
    // Four axe runs with every rule, on a shared machine.
    test.setTimeout(300_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    const id = await seededWorkshop(page, 'Atelier projeté');
    await page.goto(`./#/workshop/${id}`);
    const project = page.getByRole('link', { name: 'Projeter en salle' });
    await tabTo(page, project, 200);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/workshop/${id}/projection$`));
    const title = page.getByTestId('slide-title');
    await expect(title).toHaveText('Usages des outils numériques : les rôles comparés');
    // The site's header and footer give the window to the slide.
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.getByTestId('room-radar')).toBeVisible();
    // Everyone, then each visible role, each with its own line and point shape.
    const legend = page.getByRole('list', { name: 'Séries du radar' });
    await expect(legend.getByRole('listitem')).toHaveText([
      'Ensemble (n = 13)',
      'Encadrement (n = 4)',
      'Salarié·e (n = 5)',
    ]);
    const styles = await page
      .locator('[data-testid=room-radar] g[data-series]')
      .evaluateAll((groups) =>
        groups.map((g) => {
          const line = g.querySelector('line');
          const marker = g
            .querySelector('path')
            ?.getAttribute('d')
            ?.replace(/[-\d.,\s]+/g, '');
          return `${line?.getAttribute('stroke-dasharray') ?? 'solid'}|${marker}`;
        }),
      );
    expect(new Set(styles).size).toBe(3);
    await expect(page.getByTestId('projection-status')).toHaveText('Diapositive 1 sur 6');
    await expectFitsAndLegible(page, size.minPx);
    await expectAxeClean(page);

    // Its table twin with T.
    await page.keyboard.press('t');
    const radarTable = page.getByTestId('room-radar-table');
    await expect(radarTable).toBeVisible();
    await expect(radarTable.locator('thead th')).toHaveText([
      'Dimension',
      'Ensemble (n = 13)',
      'Encadrement (n = 4)',
      'Salarié·e (n = 5)',
    ]);
    await expectAxeClean(page);
    await page.keyboard.press('t');

    // The topics, one at a time.
    await page.keyboard.press('ArrowRight');
    await expect(title).toHaveText('Usages des outils numériques : sujet de discussion 1');
    const chart = page.getByTestId('room-distribution');
    await expect(chart).toBeVisible();
    await expectFitsAndLegible(page, size.minPx);
    await expectAxeClean(page);
    await page.keyboard.press('T');
    const table = page.getByTestId('room-distribution-table');
    await expect(table).toBeVisible();
    // Everyone and the visible roles; « don't know » in a column of its own; every row adds
    // up to its group.
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
      );
    // The most divergent item is not asked of employees: the people asked it, and no employee row.
    expect(rows.map((r) => r[0])).toEqual(['Ensemble (n = 8)', 'Encadrement (n = 4)']);
    await expect(table.locator('thead th')).toContainText(['Je ne sais pas']);
    for (const row of rows) {
      const n = Number(/n = (\d+)/.exec(row[0] ?? '')?.[1]);
      expect(row.slice(1).reduce((sum, c) => sum + Number(c), 0)).toBe(n);
    }
    await expectAxeClean(page);
    await page.keyboard.press('T');

    await page.keyboard.press('PageDown');
    await expect(title).toHaveText('Usages des outils numériques : sujet de discussion 2');
    await page.keyboard.press('End');
    await expect(title).toHaveText('Usages des outils numériques : sujet de discussion 5');
    await page.keyboard.press('ArrowRight');
    await expect(title).toHaveText('Usages des outils numériques : sujet de discussion 5');
    await page.keyboard.press('PageUp');
    await expect(title).toHaveText('Usages des outils numériques : sujet de discussion 4');
    await page.keyboard.press('Home');
    await expect(title).toHaveText('Usages des outils numériques : les rôles comparés');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('projection-status')).toHaveText('Diapositive 1 sur 6');

    // No slide names the role the anonymity rule masks.
    for (let i = 0; i < 6; i += 1) {
      await expect(page.getByTestId('projection')).not.toContainText('Direction');
      await expect(page.getByTestId('projection')).not.toContainText('Représentant');
      await page.keyboard.press('ArrowDown');
    }

    // The controls are buttons on the keyboard path too.
    await tabTo(page, page.getByRole('button', { name: 'Quitter' }), 20);
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(new RegExp(`#/workshop/${id}$`));
    await expect(page.getByRole('heading', { level: 1, name: /Atelier projeté/ })).toBeVisible();
    await expect(page.locator('.app-header')).toBeVisible();
  });
}

test('projection in English, and a workshop without answers says so', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const empty = await createDiagnostic(page, { title: 'Empty', grids: ['uses'] });
  const id = await seededWorkshop(page, 'Projected workshop');
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto(`./#/workshop/${id}/projection`);
  await expect(page.getByTestId('slide-title')).toHaveText(
    'Uses of digital tools: the roles compared',
  );
  await expect(page.getByRole('list', { name: 'Series of the radar' })).toContainText(
    'Everyone (n = 13)',
  );
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('slide-title')).toHaveText(
    'Uses of digital tools: topic for discussion 1',
  );
  await expectAxeClean(page);
  await page.goto(`./#/workshop/${empty}/projection`);
  await expect(
    page.getByText('Nothing to project yet: no answers in this workshop.'),
  ).toBeVisible();
});

/** Downloads the paper questionnaire from the paper page and reads its text. */
async function paperPdf(
  page: Page,
  path: string,
  options: { role: string; copies: string; language: string; button: RegExp },
): Promise<string[]> {
  await page
    .getByLabel(/Rôle des personnes|Role of the people/)
    .selectOption({ label: options.role });
  await page.getByLabel(/Nombre d’exemplaires|Number of copies/).fill(options.copies);
  await page
    .getByLabel(/Langue du questionnaire|Language of the questionnaire/)
    .selectOption({ label: options.language });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: options.button }).click();
  await (await download).saveAs(path);
  return (await pdfPages(path)).pages;
}

const CODE = /Code ([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})/;

test('the paper questionnaire: a code per copy on every page, boxes and keys, FR and EN', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const id = await createDiagnostic(page, { title: 'Atelier papier', grids: ['social-dialogue'] });
  // The workshop's card leads to the paper page, where copies are printed and typed back.
  await page.goto(`./#/workshop/${id}`);
  await page.getByRole('link', { name: 'Imprimer des questionnaires papier' }).click();
  const fr = await paperPdf(page, testInfo.outputPath('paper-fr.pdf'), {
    role: 'Salarié·e',
    copies: '3',
    language: 'Français',
    button: /Télécharger le questionnaire papier/,
  });
  await expect(page.getByText(/Téléchargé\s:\s.*\(3 exemplaires, \d+ pages\)/)).toBeVisible();
  // Every page carries its copy's code; three copies, three codes, each on its own pages.
  const codes = fr.map((text) => CODE.exec(text)?.[1]);
  expect(codes.every(Boolean)).toBe(true);
  const distinct = [...new Set(codes)];
  expect(distinct).toHaveLength(3);
  const perCopy = fr.length / 3;
  expect(Number.isInteger(perCopy)).toBe(true);
  distinct.forEach((code, copy) => {
    expect(codes.slice(copy * perCopy, (copy + 1) * perCopy).every((c) => c === code)).toBe(true);
  });
  const first = fr.slice(0, perCopy).join('\n').replace(/\s+/g, ' ');
  expect(first).toContain('Questionnaire pour : Salarié·e');
  expect(first).toContain('N’écrivez pas votre nom');
  expect(first).toContain('au moins 3 personnes de ce rôle');
  expect(first).toContain('Je ne sais pas');
  expect(first).toContain('Non concerné');
  expect(first).toContain('[0]');
  expect(first).toContain('[/]');
  // An employee is asked 20 statements of this grid (the CSE's own procedure, the
  // representatives' resources and the negotiations' content are not).
  expect(first).toContain('20 affirmations.');
  expect(first).toMatch(/\b20\. /);
  expect(first).not.toMatch(/\b21\. /);
  expect(fr[0]).toMatch(/Page 1 sur \d+ · exemplaire/);

  const en = await paperPdf(page, testInfo.outputPath('paper-en.pdf'), {
    role: 'Représentant·e du personnel',
    copies: '1',
    language: 'English',
    button: /Télécharger le questionnaire papier/,
  });
  const all = en.join('\n').replace(/\s+/g, ' ');
  expect(all).toContain('Questionnaire for: Employee representative');
  expect(all).toContain('Do not write your name');
  expect(all).toMatch(/Don['’]t know/);
  expect(all).toContain('Not applicable');
  expect(all).not.toContain('Je ne sais pas');
  expect(new Set(en.map((text) => CODE.exec(text)?.[1])).size).toBe(1);
  expect(en[0]).toMatch(/Page 1 of \d+ · copy/);

  // A wrong number of copies is said, and nothing is downloaded.
  await page.getByLabel('Nombre d’exemplaires').fill('0');
  await expect(
    page.getByText('Nombre d’exemplaires : saisissez un nombre entier de 1 à 300.'),
  ).toBeVisible();
});

/** The answer pattern both ways: a point index, `dk`, or `blank`, by question number. */
function pattern(i: number, points: number): number | 'dk' | 'blank' {
  if (i % 11 === 10) return 'blank';
  if (i % 7 === 6) return 'dk';
  return (i * 3 + 1) % points;
}

/** The score table of the results page, as text. */
async function scores(page: Page, id: string): Promise<string[][]> {
  await page.goto(`./#/results/${id}`);
  const table = page.locator('table.score-table').first();
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );
}

test('a paper copy typed back gives the scores of the same answers given on screen', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // On screen: an employee answers the pattern.
  const onScreen = await createDiagnostic(page, { title: 'À l’écran', grids: ['social-dialogue'] });
  await startRespondent(page, 'Salarié·e');
  let index = 0;
  for (;;) {
    const groups = page.locator('fieldset.likert');
    const count = await groups.count();
    for (let i = 0; i < count; i += 1) {
      const radios = groups.nth(i).getByRole('radio');
      const n = (await radios.count()) - 2; // the scale's points, then « don't know », « not applicable »
      const choice = pattern(index, n);
      if (choice === 'dk')
        await groups.nth(i).getByRole('radio', { name: 'Je ne sais pas' }).check();
      else if (choice !== 'blank') await radios.nth(choice).check();
      index += 1;
    }
    const next = page.getByRole('link', { name: /Dimension suivante|Relire et terminer/ });
    const label = await next.textContent();
    await next.click();
    if (label?.includes('Relire')) break;
    await expect(page.locator('fieldset.likert').first()).toBeVisible();
  }
  expect(index).toBe(20);
  const screenScores = await scores(page, onScreen);

  // On paper: the same answers, typed back from a copy's code.
  const typedBack = await createDiagnostic(page, {
    title: 'Sur papier',
    grids: ['social-dialogue'],
  });
  await page.goto(`./#/workshop/${typedBack}/paper`);
  const pages = await paperPdf(page, testInfo.outputPath('copy.pdf'), {
    role: 'Salarié·e',
    copies: '1',
    language: 'Français',
    button: /Télécharger le questionnaire papier/,
  });
  const code = CODE.exec(pages[0] ?? '')?.[1] ?? '';
  await expect(
    page.getByRole('heading', { level: 1, name: /Saisie des questionnaires papier/ }),
  ).toBeVisible();
  // A code typed wrong is refused, with what is wrong.
  await page
    .getByLabel('Code de l’exemplaire')
    .fill(code.slice(0, -1) + (code.endsWith('0') ? '1' : '0'));
  await page.getByRole('radio', { name: 'Salarié·e' }).check();
  await page.getByRole('button', { name: 'Commencer la saisie' }).click();
  await expect(page.getByText(/n’est pas un code valide/)).toBeVisible();
  await page.getByLabel('Code de l’exemplaire').fill(code.toLowerCase().replace('-', ' '));
  await page.getByRole('button', { name: 'Commencer la saisie' }).click();
  const key = page.getByTestId('entry-key');
  await expect(key).toBeFocused();
  for (let i = 0; i < 20; i += 1) {
    await expect(page.getByText(`affirmation ${i + 1} sur 20`)).toBeVisible();
    const points = await page.locator('.paper-entry__key:not(.is-apart)').count();
    const choice = pattern(i, points);
    // A slip, corrected with Backspace, on the fifth statement.
    if (i === 4) {
      await page.keyboard.press('2');
      await page.keyboard.press('Backspace');
      await expect(page.getByText('affirmation 5 sur 20')).toBeVisible();
    }
    await page.keyboard.press(
      choice === 'blank' ? ' ' : choice === 'dk' ? '0' : String(choice + 1),
    );
  }
  await expect(
    page.getByRole('heading', { level: 1, name: `Récapitulatif de l’exemplaire ${code}` }),
  ).toBeFocused();
  await expect(page.getByTestId('entry-summary-counts')).toContainText('sur 20 affirmations');
  await page
    .getByRole('button', { name: 'Enregistrer cet exemplaire dans l’atelier' })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Exemplaire ${code} enregistré` }),
  ).toBeVisible();
  await expectAxeClean(page);

  // The same copy again is one respondent: refused unless the earlier entry is replaced.
  await page.getByRole('button', { name: 'Saisir un autre exemplaire' }).click();
  await page.getByLabel('Code de l’exemplaire').fill(code);
  await page.getByRole('radio', { name: 'Salarié·e' }).check();
  await page.getByRole('button', { name: 'Commencer la saisie' }).click();
  await expect(page.getByText(`L’exemplaire ${code} a déjà été saisi`)).toBeVisible();

  const stored = await storedRespondents(page, typedBack);
  expect(stored.map((r) => `${r.id} ${r.role}`)).toEqual([`paper-${code} employee`]);
  const paperScores = await scores(page, typedBack);
  expect(paperScores.length).toBeGreaterThan(3);
  expect(paperScores).toEqual(screenScores);
});

test('the entry screen in English, on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const id = await createDiagnostic(page, { title: 'Paper', grids: ['uses'] });
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto(`./#/workshop/${id}/paper`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Typing in paper copies: Paper' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Start typing' }).click();
  await expect(
    page.getByText('Code of the copy: enter the code printed at the top of the page.'),
  ).toBeVisible();
  await expect(
    page.getByText('Role: choose the role printed at the top of the copy.'),
  ).toBeVisible();
  await page.getByLabel('Code of the copy').fill('7K2Q9XM6');
  await page.getByRole('radio', { name: 'Line manager' }).check();
  await page.getByRole('button', { name: 'Start typing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Copy 7K2Q-9XM6' })).toBeVisible();
  // On a phone the answers are buttons too.
  await page.getByRole('button', { name: /Tend to agree/ }).click();
  await expect(page.getByText('Statement 1: Tend to agree.')).toBeVisible();
  await page.keyboard.press('9');
  await expect(page.getByText('The key “9” types nothing for statement 2')).toBeVisible();
  await expectAxeClean(page);
});
