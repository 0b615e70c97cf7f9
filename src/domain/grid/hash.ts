import type { Grid } from './schema';
import { sha256Hex } from './sha256';

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, arrays in order,
 * numbers and strings as `JSON.stringify` writes them (for JSON data this is RFC 8785, JCS).
 * `undefined` and functions are dropped from objects and written `null` in arrays, like
 * `JSON.stringify`; non-finite numbers are written `null`. Throws on bigint.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'string':
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('canonicalJson: bigint is not JSON');
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v: unknown) => (isDropped(v) ? 'null' : canonicalJson(v))).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const v = record[key];
        if (!isDropped(v)) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return 'null';
  }
}

/**
 * Content hash of a parsed grid: SHA-256 hex of the canonical JSON of the grid without
 * `$schema`. Computed on the parsed grid (defaults applied), so formatting, key order and
 * spelling out a default value do not change it; any change of content does.
 */
export function gridContentHash(grid: Grid): string {
  const content: Record<string, unknown> = { ...grid };
  delete content.$schema;
  return sha256Hex(canonicalJson(content));
}

function isDropped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
