/** English, loaded on demand (its own chunk) when the user switches language. */
import answer from './locales/en/answer.json';
import common from './locales/en/common.json';
import files from './locales/en/files.json';
import labels from './locales/en/labels.json';
import newDiagnostic from './locales/en/newDiagnostic.json';
import start from './locales/en/start.json';
import type { Resources } from './resources-fr';

export const en: Resources = { answer, common, files, labels, newDiagnostic, start };
