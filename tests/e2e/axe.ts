import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from '@playwright/test';

/**
 * Every axe-core rule, the experimental ones and best practices included (not only the
 * WCAG-tagged ones): `label-content-name-mismatch`, `landmark-unique` and `heading-order` are
 * among those a tag filter leaves out.
 */
export const ALL_AXE_RULES = axe.getRules().map((rule) => rule.ruleId);

/** An axe run over the page with every rule. */
export function axeWithAllRules(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).withRules(ALL_AXE_RULES);
}

/** Axe's violations as one line each: rule, impact, help and where (three places at most). */
export async function axeViolations(builder: AxeBuilder): Promise<string[]> {
  const { violations } = await builder.analyze();
  return violations.map((v) => {
    const where = v.nodes
      .map((n) => n.target.join(' '))
      .slice(0, 3)
      .join(' | ');
    return `${v.id} (${v.impact}) ${v.help} — ${where}`;
  });
}
