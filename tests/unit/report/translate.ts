/**
 * A minimal i18next-like `t` over the report namespace files, for renderer tests. Unlike
 * i18next, a missing key throws: a renderer asking for a key the locale files lack would print
 * the key itself in a user's PDF, and a test must fail on it.
 */
import enKits from '@/i18n/locales/en/kits.json';
import en from '@/i18n/locales/en/report.json';
import frKits from '@/i18n/locales/fr/kits.json';
import fr from '@/i18n/locales/fr/report.json';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * `t` bound to the report namespace of `lang`, with i18next's plural suffixes for `count`; keys
 * `kits:…` read the kits namespace, which the app loads with the report one.
 */
export function makeT(
  lang: 'fr' | 'en',
): (key: string, params?: Record<string, unknown>) => string {
  const report = (lang === 'fr' ? fr : en) as Tree;
  const kits = (lang === 'fr' ? frKits : enKits) as Tree;
  const plurals = new Intl.PluralRules(lang);
  return (fullKey, params = {}) => {
    const inKits = fullKey.startsWith('kits:');
    const tree = inKits ? kits : report;
    const key = inKits ? fullKey.slice('kits:'.length) : fullKey;
    const count = params.count;
    const text =
      (typeof count === 'number' ? lookup(tree, `${key}_${plurals.select(count)}`) : undefined) ??
      lookup(tree, key);
    if (text === undefined) throw new Error(`missing report translation: ${lang} « ${fullKey} »`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}
