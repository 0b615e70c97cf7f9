import { loadNamespaceFile } from '@/i18n/i18n';
import { en } from '@/i18n/resources-en';
import { fr, NAMESPACES } from '@/i18n/resources-fr';

// Namespaces load on demand, found by file name (grid-errors.json → gridErrors): every
// registered namespace must be found, in both languages, with the registered content.
describe('namespace files loaded on demand', () => {
  it('should list the namespaces to check', () => {
    expect(NAMESPACES.length).toBeGreaterThan(10);
    expect(NAMESPACES).toContain('gridErrors');
  });

  it.each(NAMESPACES)('%s: the French file is the registered French resource', async (ns) => {
    expect(await loadNamespaceFile('fr', ns)).toEqual(fr[ns]);
  });

  it.each(NAMESPACES)('%s: the English file is the registered English resource', async (ns) => {
    expect(await loadNamespaceFile('en', ns)).toEqual(en[ns]);
  });

  it('rejects an unknown namespace or language', async () => {
    await expect(loadNamespaceFile('fr', 'nope')).rejects.toThrow('No fr file for nope');
    await expect(loadNamespaceFile('de', 'common')).rejects.toThrow('No de file for common');
  });
});
