import type { Level } from './schema';

/**
 * Default score bands (docs/scoring.md, « Levels »): < 25 critical, 25–50 fragile, 50–75
 * progressing, ≥ 75 favourable. Colours pass WCAG AA against white text-free swatches and are never
 * the only carrier of meaning: the label is always shown beside them.
 */
export const DEFAULT_LEVELS: readonly Level[] = [
  { id: 'critical', min: 0, label: { fr: 'Critique', en: 'Critical' }, color: '#b3261e' },
  { id: 'fragile', min: 25, label: { fr: 'Fragile', en: 'Fragile' }, color: '#b45309' },
  { id: 'progressing', min: 50, label: { fr: 'En progrès', en: 'Progressing' }, color: '#1d4ed8' },
  { id: 'favourable', min: 75, label: { fr: 'Favorable', en: 'Favourable' }, color: '#15803d' },
];
