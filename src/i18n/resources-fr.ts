/**
 * French is the source language and the fallback, and the type of every other locale (a key
 * missing in English is caught by tests/contract/locales.test.ts). This registry is for types
 * and tests: at run time each namespace file is its own chunk, loaded when a page needs it
 * (src/i18n/i18n.ts; only the shell's namespaces are in the entry chunk).
 */
import about from './locales/fr/about.json';
import answer from './locales/fr/answer.json';
import common from './locales/fr/common.json';
import files from './locales/fr/files.json';
import gridErrors from './locales/fr/grid-errors.json';
import grids from './locales/fr/grids.json';
import labels from './locales/fr/labels.json';
import newDiagnostic from './locales/fr/newDiagnostic.json';
import plan from './locales/fr/plan.json';
import report from './locales/fr/report.json';
import results from './locales/fr/results.json';
import recovery from './locales/fr/recovery.json';
import start from './locales/fr/start.json';
import survey from './locales/fr/survey.json';
import workshop from './locales/fr/workshop.json';
import compare from './locales/fr/compare.json';
import kits from './locales/fr/kits.json';
import room from './locales/fr/room.json';

export const fr = {
  about,
  answer,
  common,
  files,
  gridErrors,
  grids,
  labels,
  newDiagnostic,
  plan,
  report,
  results,
  recovery,
  start,
  survey,
  workshop,
  compare,
  kits,
  room,
};

export type Resources = typeof fr;
export type Namespace = keyof Resources;
export const NAMESPACES = Object.keys(fr) as Namespace[];
