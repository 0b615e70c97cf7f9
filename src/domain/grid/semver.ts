/**
 * Semantic versions of grids (`MAJOR.MINOR.PATCH`, the only form the grid schema accepts).
 */

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** The three numbers of a `MAJOR.MINOR.PATCH` version, or null when it is not one. */
export function parseSemver(version: string): [number, number, number] | null {
  const match = SEMVER.exec(version);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * Orders two versions: negative when `a` is older, 0 when equal, positive when `a` is newer.
 * Numbers compare as numbers (1.10.0 is newer than 1.9.0); a string that is not a version is
 * older than any version, and two such strings compare as text so the order stays total.
 */
export function compareSemver(a: string, b: string): number {
  const pa = parseSemver(a);
  const pb = parseSemver(b);
  if (pa === null || pb === null) {
    if (pa !== null) return 1;
    if (pb !== null) return -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] as number) - (pb[i] as number);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}
