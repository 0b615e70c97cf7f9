/** English, loaded on demand (its own chunk) when the user switches language. */
import common from './locales/en/common.json';
import type { Resources } from './resources-fr';

export const en: Resources = { common };
