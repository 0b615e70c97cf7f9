import fc from 'fast-check';
import { replaceStrings, stringLiterals } from '@/domain/text/json-strings';
import { listTexts } from '@/domain/text/text-sources';

const RAW = `{
  "title": { "fr": "L'outil : oui", "en": "The tool" },
  "list": ["a \\"quoted\\" b", 3, true, null, { "k": "v" }],
  "n": -1.5e3
}
`;

describe('stringLiterals', () => {
  it('should find every string value with its path, keys excluded, escapes included', () => {
    const found = stringLiterals(RAW).map((s) => [s.path, RAW.slice(s.start, s.end)]);
    expect(found).toEqual([
      ['title.fr', `"L'outil : oui"`],
      ['title.en', '"The tool"'],
      ['list[0]', '"a \\"quoted\\" b"'],
      ['list[4].k', '"v"'],
    ]);
  });

  it('should give the same paths as listTexts on a locale-like file', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => !/[.[\]]/.test(k)),
          fc.oneof(fc.string(), fc.array(fc.string())),
        ),
        (tree) => {
          const raw = JSON.stringify(tree, null, 2);
          const paths = stringLiterals(raw).map((s) => s.path);
          expect(paths).toEqual(listTexts(tree, { kind: 'locale', lang: 'fr' }).map((t) => t.path));
        },
      ),
    );
  });
});

describe('replaceStrings', () => {
  it('should rewrite only the strings named, and keep the layout of the rest', () => {
    const out = replaceStrings(RAW, new Map([['title.fr', 'L’outil\u00a0: oui']]));
    expect(out).toBe(RAW.replace(`"L'outil : oui"`, '"L’outil\u00a0: oui"'));
    expect(JSON.parse(out)).toMatchObject({ title: { fr: 'L’outil\u00a0: oui', en: 'The tool' } });
  });

  it('should escape what JSON needs and change nothing for an empty map', () => {
    expect(replaceStrings(RAW, new Map())).toBe(RAW);
    const out = replaceStrings(RAW, new Map([['list[4].k', 'a "b"\n']]));
    expect((JSON.parse(out) as { list: unknown[] }).list[4]).toEqual({ k: 'a "b"\n' });
  });

  it('should refuse a path that is not a string of the file', () => {
    expect(() => replaceStrings(RAW, new Map([['title.de', 'x']]))).toThrow(/not found/);
  });
});
