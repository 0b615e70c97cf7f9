/**
 * French typography in the source texts: `npm run fix:typography [-- --check] [files...]`.
 *
 * Rewrites every French text of the locale files (`src/i18n/locales/fr/*.json`), of the grids
 * (every `fr` of a localized text in `questionnaires/*.json`) and of the legal catalogue (its
 * `fr` texts and its French `source` citations) with `frenchTypography`: no-break spaces before
 * « : » and inside « », narrow no-break spaces before ; ? ! and %, curly apostrophes. English is
 * never typographed the French way: it must have no French spacing (« Overall level : »), no
 * guillemets, none of the terms the English glossary forbids. The mechanical English fixes
 * (`englishFixes`: spacing removed, “quotes”, Tend to agree, remote management, early-stage
 * diagnostic) are made too; what needs rewording by a person is reported (among others « works
 * council (CSE) » at the first mention in a text, then « works council »: `acronymIssuesIn`).
 *
 * `--check` changes nothing: it prints `file: JSON path: problem` for each offender and exits 1
 * if there is any. Without it, French texts are rewritten in place (idempotent: a second run
 * changes nothing) and the JSON is formatted by prettier, as `npm run format` would; English
 * problems left are printed and make the script exit 1, to be fixed by hand.
 * Without files, works on all the files above.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { acronymIssuesIn, englishFixes, forbiddenEnglishIn } from '@/domain/text/english-glossary';
import { frenchSpacingIn, frenchTypography } from '@/domain/text/french-typography';
import { replaceStrings } from '@/domain/text/json-strings';
import { listTexts, mapTexts, type TextSource } from '@/domain/text/text-sources';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = join(ROOT, 'src/i18n/locales');
const GRIDS = join(ROOT, 'questionnaires');

/** What a file holds, from where it sits. */
function sourceOf(file: string): TextSource | null {
  const rel = relative(ROOT, file).replaceAll('\\', '/');
  const locale = /^src\/i18n\/locales\/(fr|en)\/[^/]+\.json$/.exec(rel);
  if (locale) return { kind: 'locale', lang: locale[1] as 'fr' | 'en' };
  if (/^questionnaires\/[^/]+\.json$/.test(rel) && !rel.endsWith('.schema.json')) {
    return rel.endsWith('legal-references.json')
      ? { kind: 'localized', frenchKeys: ['source'] }
      : { kind: 'localized' };
  }
  return null;
}

function defaultFiles(): string[] {
  const json = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
      .sort()
      .map((f) => join(dir, f));
  return [...json(join(LOCALES, 'fr')), ...json(join(LOCALES, 'en')), ...json(GRIDS)];
}

/**
 * Problems of an English text: French spacing, guillemets, forbidden glossary terms, the works
 * council or the CSSCT without its acronym at the first mention (or a bare acronym).
 */
function englishProblems(text: string): string[] {
  return [
    ...frenchSpacingIn(text).map((s) => `French spacing or guillemet « ${s} » in English`),
    ...forbiddenEnglishIn(text).map((term) => `« ${term} »: the English glossary forbids it`),
    ...acronymIssuesIn(text),
  ];
}

const show = (text: string) =>
  JSON.stringify(text.length > 90 ? `${text.slice(0, 87)}…` : text)
    .replaceAll('\u00a0', '⍽')
    .replaceAll('\u202f', '⍽');

async function main(args: readonly string[]): Promise<number> {
  const check = args.includes('--check');
  const named = args.filter((a) => !a.startsWith('--'));
  const files = named.length > 0 ? named.map((f) => join(process.cwd(), f)) : defaultFiles();
  let problems = 0;
  let rewritten = 0;
  for (const file of files) {
    const source = sourceOf(file);
    const rel = relative(ROOT, file);
    if (!source) {
      console.error(`${rel}: not a locale file, a grid or the legal catalogue; left alone`);
      problems += 1;
      continue;
    }
    const raw = readFileSync(file, 'utf8');
    const json: unknown = JSON.parse(raw);
    for (const { path, lang, text } of listTexts(json, source)) {
      if (lang === 'en') {
        // Without --check, the mechanical fixes are made: only what remains is reported.
        for (const problem of englishProblems(check ? text : englishFixes(text))) {
          console.log(`${rel}: ${path}: ${problem}: ${show(text)}`);
          problems += 1;
        }
      } else if (check && frenchTypography(text) !== text) {
        console.log(`${rel}: ${path}: French typography missing: ${show(text)}`);
        problems += 1;
      }
    }
    if (check) continue;
    const changes = new Map<string, string>();
    mapTexts(json, source, ({ path, lang, text }) => {
      const fixed = lang === 'fr' ? frenchTypography(text) : englishFixes(text);
      if (fixed !== text) changes.set(path, fixed);
      return fixed;
    });
    const options = (await resolveConfig(file)) ?? {};
    const out = await format(replaceStrings(raw, changes), { ...options, filepath: file });
    if (out !== raw) {
      writeFileSync(file, out);
      rewritten += 1;
      console.log(`${rel}: French typography applied`);
    }
  }
  if (!check) console.log(`${rewritten} file(s) rewritten, ${files.length} read.`);
  if (problems > 0) console.log(`${problems} problem(s).`);
  return problems > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
