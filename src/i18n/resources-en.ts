/** English, for types and tests; at run time each namespace file loads on demand (i18n.ts). */
import about from './locales/en/about.json';
import answer from './locales/en/answer.json';
import common from './locales/en/common.json';
import files from './locales/en/files.json';
import gridErrors from './locales/en/grid-errors.json';
import grids from './locales/en/grids.json';
import labels from './locales/en/labels.json';
import newDiagnostic from './locales/en/newDiagnostic.json';
import plan from './locales/en/plan.json';
import report from './locales/en/report.json';
import results from './locales/en/results.json';
import recovery from './locales/en/recovery.json';
import start from './locales/en/start.json';
import survey from './locales/en/survey.json';
import workshop from './locales/en/workshop.json';
import compare from './locales/en/compare.json';
import kits from './locales/en/kits.json';
import room from './locales/en/room.json';
import type { Resources } from './resources-fr';

export const en: Resources = {
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
