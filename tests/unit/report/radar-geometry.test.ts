import {
  axisAngles,
  filledShapes,
  labelAnchor,
  pointAt,
  polygonSegments,
  radarPoints,
  ringPolygon,
  type Point,
} from '@/report/radar-geometry';

const C: Point = { x: 100, y: 100 };
const S3 = Math.sqrt(3) / 2;

function close(actual: Point | null | undefined, expected: Point): void {
  expect(actual).not.toBeNull();
  expect(actual?.x).toBeCloseTo(expected.x, 6);
  expect(actual?.y).toBeCloseTo(expected.y, 6);
}

describe('axisAngles', () => {
  it.each([
    [1, [-90]],
    [3, [-90, 30, 150]],
    [4, [-90, 0, 90, 180]],
    [6, [-90, -30, 30, 90, 150, 210]],
  ])('should start at the top and go clockwise for %i axes', (n, degrees) => {
    const angles = axisAngles(n);
    expect(angles).toHaveLength(degrees.length);
    angles.forEach((a, i) => expect((a * 180) / Math.PI).toBeCloseTo(degrees[i] ?? NaN, 9));
  });

  it('should give no axis for 0 dimensions', () => {
    expect(axisAngles(0)).toEqual([]);
  });
});

describe('pointAt', () => {
  it.each([
    // angle (deg), score, expected point (center 100,100, radius 40; y grows downwards)
    [-90, 100, { x: 100, y: 60 }],
    [-90, 50, { x: 100, y: 80 }],
    [0, 50, { x: 120, y: 100 }],
    [90, 25, { x: 100, y: 110 }],
    [180, 75, { x: 70, y: 100 }],
    [30, 100, { x: 100 + 40 * S3, y: 120 }],
    [-90, 0, { x: 100, y: 100 }],
    [0, 150, { x: 140, y: 100 }],
    [0, -20, { x: 100, y: 100 }],
  ])('at %i° with score %i should be %o', (deg, score, expected) => {
    close(pointAt(C, 40, (deg * Math.PI) / 180, score), expected);
  });
});

describe('radarPoints', () => {
  it('should place one point per score and leave null scores as gaps (not at the centre)', () => {
    const points = radarPoints(C, 40, [100, 50, null, 25]);
    expect(points).toHaveLength(4);
    close(points[0], { x: 100, y: 60 });
    close(points[1], { x: 120, y: 100 });
    expect(points[2]).toBeNull();
    close(points[3], { x: 90, y: 100 });
  });

  it('should draw a score of 0 at the centre, unlike a null score', () => {
    const points = radarPoints(C, 40, [0, null, 0]);
    close(points[0], { x: 100, y: 100 });
    expect(points[1]).toBeNull();
  });
});

describe('polygonSegments', () => {
  const p = (x: number, y: number): Point => ({ x, y });

  it('should close the outline when every axis has a score', () => {
    const pts = [p(0, 0), p(1, 0), p(1, 1)];
    expect(polygonSegments(pts)).toEqual([
      { from: p(0, 0), to: p(1, 0) },
      { from: p(1, 0), to: p(1, 1) },
      { from: p(1, 1), to: p(0, 0) },
    ]);
  });

  it('should break the outline on both sides of a null score', () => {
    const pts = [p(0, 0), p(1, 0), null, p(0, 1)];
    expect(polygonSegments(pts)).toEqual([
      { from: p(0, 0), to: p(1, 0) },
      { from: p(0, 1), to: p(0, 0) },
    ]);
  });

  it.each([
    ['all null', [null, null, null, null], 0],
    ['a lone point between gaps', [{ x: 1, y: 1 }, null, null, null], 0],
    ['two adjacent nulls in five', [{ x: 0, y: 0 }, null, null, { x: 1, y: 1 }, { x: 2, y: 2 }], 2],
    ['one point', [{ x: 0, y: 0 }], 0],
    [
      'two points: one segment, not two',
      [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
      1,
    ],
  ])('%s → %i segments', (_, pts, count) => {
    expect(polygonSegments(pts as (Point | null)[])).toHaveLength(count);
  });
});

describe('filledShapes', () => {
  const p = (x: number, y: number): Point => ({ x, y });

  it('should fill the polygon itself when there is no gap', () => {
    const pts = [p(0, -1), p(1, 0), p(0, 1), p(-1, 0)];
    expect(filledShapes(C, pts)).toEqual([pts]);
  });

  it('should close each run of scored axes through the centre, never across a gap', () => {
    const pts = [p(0, -1), p(1, 0), null, p(-1, 0)];
    // Runs start after the gap: axis 3, then 0, then 1.
    expect(filledShapes(C, pts)).toEqual([[C, p(-1, 0), p(0, -1), p(1, 0)]]);
  });

  it('should give two shapes for two runs and drop runs of a single point', () => {
    const pts = [p(1, 1), p(2, 2), null, p(3, 3), null, p(4, 4), p(5, 5), null];
    expect(filledShapes(C, pts)).toEqual([
      [C, p(4, 4), p(5, 5)],
      [C, p(1, 1), p(2, 2)],
    ]);
  });

  it('should give nothing when every score is null', () => {
    expect(filledShapes(C, [null, null, null])).toEqual([]);
  });
});

describe('ringPolygon', () => {
  it('should give the 50 ring of 4 axes as a diamond of half the radius', () => {
    const ring = ringPolygon(C, 40, 4, 50);
    const expected = [p(100, 80), p(120, 100), p(100, 120), p(80, 100)];
    ring.forEach((pt, i) => close(pt, expected[i] ?? p(NaN, NaN)));
    function p(x: number, y: number): Point {
      return { x, y };
    }
  });
});

describe('labelAnchor', () => {
  it.each([
    // angle, expected anchor (radius 40 + offset 5 = 45 from the centre), align, valign
    [-90, { x: 100, y: 55 }, 'center', 'bottom'],
    [0, { x: 145, y: 100 }, 'left', 'middle'],
    [90, { x: 100, y: 145 }, 'center', 'top'],
    [180, { x: 55, y: 100 }, 'right', 'middle'],
    [30, { x: 100 + 45 * S3, y: 122.5 }, 'left', 'middle'],
    [150, { x: 100 - 45 * S3, y: 122.5 }, 'right', 'middle'],
    [-45, { x: 100 + 45 * Math.SQRT1_2, y: 100 - 45 * Math.SQRT1_2 }, 'left', 'bottom'],
  ])('at %i° should anchor at %o, align %s, valign %s', (deg, point, align, valign) => {
    const anchor = labelAnchor(C, 40, (deg * Math.PI) / 180, 5);
    close(anchor, point);
    expect(anchor.align).toBe(align);
    expect(anchor.valign).toBe(valign);
  });
});
