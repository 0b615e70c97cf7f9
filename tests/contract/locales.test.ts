import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = join(__dirname, '../../src/i18n/locales');

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function load(lang: string): Map<string, Map<string, string>> {
  const dir = join(LOCALES, lang);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  return new Map(
    files.map((f) => [f, flatten(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Tree)]),
  );
}

const fr = load('fr');
const en = load('en');

describe('locale files', () => {
  it('should have the same namespace files in French and English', () => {
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    expect(fr.size).toBeGreaterThan(0);
  });

  it.each([...fr.keys()])('%s: should have the same keys in both languages', (file) => {
    const frKeys = [...(fr.get(file)?.keys() ?? [])].sort();
    const enKeys = [...(en.get(file)?.keys() ?? [])].sort();
    expect(enKeys).toEqual(frKeys);
  });

  it.each([...fr.keys()])('%s: should use the same placeholders in both languages', (file) => {
    const frFile = fr.get(file) ?? new Map<string, string>();
    const enFile = en.get(file) ?? new Map<string, string>();
    const mismatches: string[] = [];
    for (const [key, text] of frFile) {
      const other = enFile.get(key);
      if (other === undefined) continue;
      if (placeholders(text).join() !== placeholders(other).join()) mismatches.push(key);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([...fr.keys()])('%s: should have no empty text', (file) => {
    const empty = [...(fr.get(file) ?? []), ...(en.get(file) ?? [])]
      .filter(([, text]) => text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
