/**
 * French is the source language and the fallback: bundled with the app, and the type of every
 * other locale (a key missing in English is caught by tests/contract/locales.test.ts).
 */
import common from './locales/fr/common.json';

export const fr = { common };

export type Resources = typeof fr;
export type Namespace = keyof Resources;
export const NAMESPACES = Object.keys(fr) as Namespace[];
