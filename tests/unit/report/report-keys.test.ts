// @vitest-environment node
/**
 * The report's translation keys are typed from the locale files (src/report/report-keys.ts): a
 * misspelt key, or one the locale files lack, fails `npm run typecheck` — each
 * `@ts-expect-error` below fails the typecheck if its key ever becomes valid — and the test
 * translator throws on it at run time.
 */
import type { LegalKey } from '@/report/legal-text';
import type { ReportKey } from '@/report/report-keys';
import type { Translate } from '@/report/report-text';
import { makeT } from './translate';

describe('the report’s typed translation keys', () => {
  const t: Translate = makeT('fr');

  it('takes the report’s keys, the kits’ keys as kits:…, and plural keys by their base name', () => {
    expect(t('summary.title')).toBe('Synthèse');
    expect(t('kits:pdf.deployment')).toBe('Kit de déploiement');
    expect(t('partial.unanswered', { count: 2, list: 'a, b' })).toContain('a, b');
    expectTypeOf<'legal.cond.size'>().toMatchTypeOf<ReportKey>();
    // Every key the legal texts use exists in the report namespace.
    expectTypeOf<LegalKey>().toMatchTypeOf<ReportKey>();
  });

  it('refuses a misspelt key, another namespace’s key and a key without its namespace', () => {
    // @ts-expect-error a misspelt key
    expect(() => t('summary.titel')).toThrow('missing report translation');
    // @ts-expect-error a key of the results namespace
    expect(() => t('docx.button')).toThrow('missing report translation');
    // @ts-expect-error a kits key asked without its namespace
    expect(() => t('pdf.deployment')).toThrow('missing report translation');
    // @ts-expect-error a subtree is not a text
    expect(() => t('legal.cond')).toThrow('missing report translation');
  });
});
