import 'i18next';
import type { Resources } from './resources-fr';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
