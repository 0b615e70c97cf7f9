import fc from 'fast-check';
import { compareSemver, parseSemver } from '@/domain/grid/semver';

describe('parseSemver', () => {
  it.each([
    ['1.0.0', [1, 0, 0]],
    ['10.20.30', [10, 20, 30]],
    ['1.0', null],
    ['v1.0.0', null],
    ['1.0.0-beta', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseSemver(text)).toEqual(expected);
  });
});

describe('compareSemver', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.0.0', '2.0.0', -1],
    ['2.0.0', '1.9.9', 1],
    ['1.10.0', '1.9.0', 1],
    ['1.0.10', '1.0.9', 1],
    ['0.9.0', '1.0.0', -1],
    ['not-a-version', '0.0.0', -1],
    ['0.0.0', 'not-a-version', 1],
    ['abc', 'abd', -1],
    ['abc', 'abc', 0],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareSemver(a, b)).toBe(expected);
  });

  it('is antisymmetric', () => {
    const version = fc.oneof(
      fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((parts) => parts.join('.')),
      fc.string(),
    );
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(Math.sign(compareSemver(a, b))).toBe(-Math.sign(compareSemver(b, a)) || 0);
      }),
    );
  });
});
