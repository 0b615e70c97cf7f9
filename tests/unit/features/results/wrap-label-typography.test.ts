import { wrapLabel } from '@/shared/charts/radar-layout';

describe('wrapLabel and French no-break spaces', () => {
  it('should never break a label at a no-break space, and keep it', () => {
    const label = 'Usages de l’outil\u00a0: «\u00a0télégestion\u00a0» et suivi';
    const lines = wrapLabel(label, 10);
    expect(lines.join(' ')).toBe(label);
    expect(lines.some((l) => l.startsWith(':') || l.startsWith('»'))).toBe(false);
    expect(lines).toContain('l’outil\u00a0:');
    expect(lines).toContain('«\u00a0télégestion\u00a0»');
  });

  it('should still break at ordinary spaces', () => {
    expect(wrapLabel('Charge et intensité du travail', 12)).toEqual([
      'Charge et',
      'intensité du',
      'travail',
    ]);
  });
});
