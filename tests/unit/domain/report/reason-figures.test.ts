import type { FiredReasonReport } from '@/domain/report/report-model';
import { reasonFigures } from '@/domain/report/reason-figures';

const BANDS = [0, 25, 50, 75];
const base = { target: 'T', n: 1, bounds: BANDS } as const;

describe('reasonFigures', () => {
  it('never shows a score on the wrong side of its threshold', () => {
    const r: FiredReasonReport = {
      ...base,
      kind: 'dimension',
      op: 'below',
      threshold: 50,
      observed: 49.7,
    };
    const f = reasonFigures(r);
    expect(f.key).toBe('dimension.below');
    expect(f.observed).toEqual({ value: 49.7, digits: 1 });
    expect(f.threshold).toEqual({ value: 50, digits: 0 });
  });

  it('shows a role gap as the difference of the two means shown in the topics', () => {
    // 86.67 − 53.33 = 33.33, but the topics show 87 and 53: the reason says 34 as they do.
    const r: FiredReasonReport = {
      ...base,
      kind: 'roleGap',
      op: 'above',
      threshold: 20,
      observed: 33.333333333,
      bounds: [20],
      means: { high: 86.666666667, low: 53.333333333, bounds: BANDS },
    };
    expect(reasonFigures(r).observed).toEqual({ value: 34, digits: 0 });
  });

  it('gives one answer by its label and a mean only for several people', () => {
    const one: FiredReasonReport = {
      ...base,
      kind: 'item',
      op: 'atMost',
      threshold: -1,
      observed: -2,
      bounds: [-1],
      observedLabel: 'Pas du tout d’accord',
      thresholdLabel: 'Plutôt pas d’accord',
    };
    expect(reasonFigures(one)).toMatchObject({
      key: 'item.atMost',
      observedLabel: 'Pas du tout d’accord',
      thresholdLabel: 'Plutôt pas d’accord',
    });
    const several = { ...one, n: 3, observed: -1.666666667 };
    expect(reasonFigures(several)).toMatchObject({
      key: 'item.atMostMean',
      observedLabel: null,
      observed: { value: -1.7, digits: 1 },
    });
  });

  it('shows a « don’t know » share above its threshold in per cent, with a decimal when needed', () => {
    const r: FiredReasonReport = {
      ...base,
      kind: 'dontKnowRate',
      op: 'above',
      threshold: 0.3,
      observed: 0.304,
      bounds: [0.3],
    };
    const f = reasonFigures(r);
    expect(f.percent).toBe(true);
    expect(f.observed).toEqual({ value: 30.4, digits: 1 });
    expect(f.threshold).toEqual({ value: 30, digits: 0 });
  });
});
