import { labelRoom, wrapLabel } from '@/shared/charts/radar-layout';

describe('wrapLabel (radar axis labels)', () => {
  it('should break between words within the width', () => {
    expect(wrapLabel('Messagerie et surcharge informationnelle', 18)).toEqual([
      'Messagerie et',
      'surcharge',
      'informationnelle',
    ]);
  });

  it('should never break inside a word: a long word keeps its own line, whole', () => {
    expect(wrapLabel('Informationnelle', 8)).toEqual(['Informationnelle']);
    expect(wrapLabel('Actions collectives syndicales', 8)).toEqual([
      'Actions',
      'collectives',
      'syndicales',
    ]);
  });

  it('may break a compound word after its hyphen', () => {
    expect(wrapLabel('Information-consultation du CSE', 16)).toEqual([
      'Information-',
      'consultation du',
      'CSE',
    ]);
  });

  it('should never cut a label with an ellipsis: every word is kept', () => {
    const label = 'Résolution de problèmes et autonomie face à l’outil numérique au quotidien';
    const lines = wrapLabel(label, 10);
    expect(lines.join(' ')).toBe(label);
    expect(lines.some((l) => l.includes('…'))).toBe(false);
  });

  it('should keep a short label whole', () => {
    expect(wrapLabel('Compétences', 22)).toEqual(['Compétences']);
  });

  it('should leave room for the widest label line beside the radar', () => {
    const room = labelRoom(['Information-consultation du CSE', 'Santé'], 12);
    expect(room.chars).toBeGreaterThanOrEqual(16);
    expect(room.side).toBeGreaterThan(16 * 12 * 0.5);
  });
});
