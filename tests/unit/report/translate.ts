/** A minimal i18next-like `t` over the report namespace files, for renderer tests. */
import en from '@/i18n/locales/en/report.json';
import fr from '@/i18n/locales/fr/report.json';

type Tree = { [key: string]: string | Tree };

/** `t` bound to the report namespace of `lang`; a missing key is returned as is (like i18next). */
export function makeT(
  lang: 'fr' | 'en',
): (key: string, params?: Record<string, unknown>) => string {
  const tree = (lang === 'fr' ? fr : en) as Tree;
  return (key, params = {}) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) {
      node = typeof node === 'object' ? node[part] : undefined;
    }
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}
