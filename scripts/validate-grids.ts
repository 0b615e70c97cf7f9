/**
 * Checks grid files: `npm run validate:grids [-- files...] [--lang fr|en]`.
 *
 * Without files, checks the bundled grids (`questionnaires/*.json` but the schema). Each file
 * goes through `loadGridText` (as in the app) and `checkGridTranslations` (every text in every
 * declared language); across files, grid, dimension, item and recommendation ids must be unique.
 * Prints `file: path: message` for each error (French | English, or one language with --lang)
 * and `file: OK (…)` for valid grids; exits 1 on any error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GridError } from '@/domain/grid/grid-errors';
import { isBundledGridFile } from '@/grid-library/grid-files';
import { checkGridTranslations, loadGridText } from '@/domain/grid/load-grid';
import { createTranslate, formatGridErrorMessage, type Translate } from '@/domain/grid/locate';
import type { Grid } from '@/domain/grid/schema';
import en from '@/i18n/locales/en/grid-errors.json';
import fr from '@/i18n/locales/fr/grid-errors.json';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TRANSLATORS: Record<string, Translate> = {
  fr: createTranslate(fr),
  en: createTranslate(en),
};

type Options = { files: string[]; langs: string[] };

function parseArgs(args: readonly string[]): Options | string {
  const files: string[] = [];
  let langs = ['fr', 'en'];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const lang = arg === '--lang' ? args[++i] : arg.slice('--lang='.length);
      if (lang === undefined || !(lang in TRANSLATORS)) return `--lang expects fr or en`;
      langs = [lang];
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  return { files, langs };
}

function bundledGridFiles(): string[] {
  const dir = join(ROOT, 'questionnaires');
  return readdirSync(dir)
    .filter(isBundledGridFile)
    .sort()
    .map((name) => join(dir, name));
}

function message(error: GridError, langs: readonly string[]): string {
  return langs
    .map((lang) => formatGridErrorMessage(error, TRANSLATORS[lang] as Translate))
    .join(' | ');
}

/** Ids that must be unique across all bundled grids, with their paths. */
function globalIds(grid: Grid): { id: string; path: string }[] {
  const ids = [{ id: grid.id, path: 'id' }];
  grid.dimensions.forEach((dimension, d) => {
    ids.push({ id: dimension.id, path: `dimensions[${d}].id` });
    dimension.items.forEach((item, i) => {
      ids.push({ id: item.id, path: `dimensions[${d}].items[${i}].id` });
    });
  });
  grid.recommendations.forEach((recommendation, r) => {
    ids.push({ id: recommendation.id, path: `recommendations[${r}].id` });
  });
  return ids;
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(`validate-grids: ${options}`);
    return 2;
  }
  const files = options.files.length > 0 ? options.files : bundledGridFiles();
  const name = (file: string): string =>
    options.files.length > 0 ? file : relative(ROOT, file).split('\\').join('/');
  if (files.length === 0) {
    console.log('validate-grids: no grid file in questionnaires/');
    return 0;
  }
  let failed = false;
  const owners = new Map<string, string>();
  for (const file of files) {
    const shown = name(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.log(`${shown}: cannot read the file (${(error as Error).message})`);
      failed = true;
      continue;
    }
    const result = loadGridText(text);
    const errors = result.ok ? checkGridTranslations(result.grid) : result.errors;
    if (result.ok) {
      for (const { id, path } of globalIds(result.grid)) {
        const owner = owners.get(id);
        if (owner === undefined) owners.set(id, result.grid.id);
        else {
          errors.push({ code: 'duplicate_id_in_other_grid', path, params: { id, grid: owner } });
        }
      }
    }
    for (const error of errors) {
      const where = error.path === '' ? '' : `${error.path}: `;
      console.log(`${shown}: ${where}${message(error, options.langs)}`);
    }
    if (errors.length > 0) {
      failed = true;
    } else if (result.ok) {
      const { grid, hash } = result;
      const items = grid.dimensions.reduce((sum, dimension) => sum + dimension.items.length, 0);
      console.log(
        `${shown}: OK (${grid.dimensions.length} dimensions, ${items} items, ` +
          `${grid.recommendations.length} recommendations, hash ${hash.slice(0, 8)})`,
      );
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
