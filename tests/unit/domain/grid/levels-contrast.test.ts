import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_LEVELS } from '@/domain/grid/levels';
import { isBundledGridFile } from '@/grid-library/grid-files';

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('level colours', () => {
  it('computes contrast the WCAG way (black on white is 21:1, white on white 1:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });

  it('each default level colour holds 4.5:1 against the white page and the PDF, so it could even carry text', () => {
    for (const level of DEFAULT_LEVELS) {
      expect(contrast(level.color, '#ffffff'), level.id).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('every level a bundled grid defines holds at least 3:1 against white (WCAG 1.4.11)', () => {
    const files = readdirSync('questionnaires').filter(isBundledGridFile);
    expect(files.length).toBe(4);
    for (const file of files) {
      const grid = JSON.parse(readFileSync(`questionnaires/${file}`, 'utf8')) as {
        levels?: { id: string; color: string }[];
      };
      for (const level of grid.levels ?? DEFAULT_LEVELS) {
        expect(contrast(level.color, '#ffffff'), `${file} ${level.id}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
