import { wrapLabel } from '@/features/results/radar-chart';

describe('wrapLabel (radar axis labels)', () => {
  it('should break between words within the width', () => {
    expect(wrapLabel('Messagerie et surcharge informationnelle', 18)).toEqual([
      'Messagerie et',
      'surcharge',
      'informationnelle',
    ]);
  });

  it('should cut a word longer than a line, and end a label too long with an ellipsis', () => {
    expect(wrapLabel('Informationnelle', 8)).toEqual(['Informa-', 'tionnel-', 'le']);
    const lines = wrapLabel('Résolution de problèmes et autonomie face à l’outil', 10, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(10);
  });

  it('should keep a short label whole', () => {
    expect(wrapLabel('Compétences', 22)).toEqual(['Compétences']);
  });
});
