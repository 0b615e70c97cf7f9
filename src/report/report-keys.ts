/**
 * The translation keys of the PDF and Word report, derived from the French locale files (the
 * source language; tests/contract/locales.test.ts keeps English's keys the same): the `report`
 * namespace's keys, and the `kits` namespace's as `kits:…`. A misspelt or missing key fails
 * `npm run typecheck`. Plural keys (`…_one`, `…_other`) are asked by their base name with a
 * `count`, as i18next does.
 */
import type kits from '@/i18n/locales/fr/kits.json';
import type report from '@/i18n/locales/fr/report.json';

/** The dotted paths of a locale tree's strings: `summary.title`, `legal.cond.size`… */
export type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** A key, and its base name when it is a plural form. */
type Askable<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base | K : K;

export type ReportKey = Askable<LeafKeys<typeof report>> | `kits:${Askable<LeafKeys<typeof kits>>}`;
