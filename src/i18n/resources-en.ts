/** English, loaded on demand (its own chunk) when the user switches language. */
import answer from './locales/en/answer.json';
import common from './locales/en/common.json';
import files from './locales/en/files.json';
import gridErrors from './locales/en/grid-errors.json';
import labels from './locales/en/labels.json';
import newDiagnostic from './locales/en/newDiagnostic.json';
import plan from './locales/en/plan.json';
import report from './locales/en/report.json';
import results from './locales/en/results.json';
import start from './locales/en/start.json';
import type { Resources } from './resources-fr';

export const en: Resources = {
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
