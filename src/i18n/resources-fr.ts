/**
 * French is the source language and the fallback: bundled with the app, and the type of every
 * other locale (a key missing in English is caught by tests/contract/locales.test.ts).
 */
import answer from './locales/fr/answer.json';
import common from './locales/fr/common.json';
import files from './locales/fr/files.json';
import gridErrors from './locales/fr/grid-errors.json';
import labels from './locales/fr/labels.json';
import newDiagnostic from './locales/fr/newDiagnostic.json';
import plan from './locales/fr/plan.json';
import report from './locales/fr/report.json';
import results from './locales/fr/results.json';
import start from './locales/fr/start.json';

export const fr = {
  answer,
  common,
  files,
  gridErrors,
  labels,
  newDiagnostic,
  plan,
  report,
  results,
  start,
};

export type Resources = typeof fr;
export type Namespace = keyof Resources;
export const NAMESPACES = Object.keys(fr) as Namespace[];
