import { ROLES } from '@/domain/answers/answers';
import {
  contrast,
  dashArray,
  markerPath,
  SERIES_STYLES,
} from '@/features/workshop/room/series-styles';

const SERIES = ['all', ...ROLES] as const;

describe('the room radar’s series', () => {
  it('gives every series its own line style and its own point shape (not colour alone)', () => {
    const dashes = SERIES.map((s) => SERIES_STYLES[s].dash);
    const markers = SERIES.map((s) => SERIES_STYLES[s].marker);
    expect(new Set(dashes).size).toBe(SERIES.length);
    expect(new Set(markers).size).toBe(SERIES.length);
    expect(new Set(SERIES.map((s) => markerPath(SERIES_STYLES[s].marker, 0, 0, 10))).size).toBe(
      SERIES.length,
    );
  });

  it('draws every colour with a contrast of at least 3:1 on the white slide', () => {
    for (const s of SERIES) {
      expect(contrast(SERIES_STYLES[s].color, '#ffffff'), s).toBeGreaterThanOrEqual(3);
    }
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('scales dashes to the line’s width, everyone’s line solid', () => {
    expect(dashArray(SERIES_STYLES.all)).toBeUndefined();
    expect(dashArray({ ...SERIES_STYLES.manager, width: 2, dash: '1 2' })).toBe('2 4');
  });
});
