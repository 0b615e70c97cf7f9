/**
 * Which languages a grid is written in: for every language declared available or used in any
 * text, how many texts lack it (through `checkGridTranslations`, the check bundled grids pass).
 */
import { checkGridTranslations, listGridTexts } from './load-grid';
import type { Grid } from './schema';

export type LanguageCoverage = {
  lang: string;
  /** Listed in `languages.available` (or the default language). */
  declared: boolean;
  /** Texts without this language (0: every text has it). */
  missing: number;
};

/**
 * The coverage of each language, default language first, then declared ones in their order,
 * then undeclared ones found in texts, alphabetically. `total` is the number of texts.
 */
export function gridLanguageCoverage(grid: Grid): {
  total: number;
  languages: LanguageCoverage[];
} {
  const texts = listGridTexts(grid);
  const declared = [grid.languages.default, ...grid.languages.available].filter(
    (lang, i, all) => all.indexOf(lang) === i,
  );
  const found = new Set<string>();
  for (const { text } of texts) for (const lang of Object.keys(text)) found.add(lang);
  const extra = [...found].filter((lang) => !declared.includes(lang)).sort();
  const all = [...declared, ...extra];
  const errors = checkGridTranslations({
    ...grid,
    languages: { default: grid.languages.default, available: all },
  });
  const missing = new Map<string, number>();
  for (const error of errors) {
    const lang = String(error.params.lang);
    missing.set(lang, (missing.get(lang) ?? 0) + 1);
  }
  return {
    total: texts.length,
    languages: all.map((lang) => ({
      lang,
      declared: declared.includes(lang),
      missing: missing.get(lang) ?? 0,
    })),
  };
}
