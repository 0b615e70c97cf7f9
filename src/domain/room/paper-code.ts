/**
 * Respondent codes of paper copies (docs/architecture.md, « The room »). Each printed copy carries
 * one code on every page; the copy's answers, typed back, join the workshop as the respondent whose
 * id is made of that code, so a copy typed twice is one respondent (the second time is refused).
 *
 * A code is seven random characters of Crockford's base 32 (no I, L, O, U: nothing to confuse
 * with 1 or 0) and a check character, printed `7K2Q-9XMB`. The check catches any one character
 * typed wrong and any two neighbours swapped. The domain has no randomness: callers pass the
 * random bytes (crypto.getRandomValues in the app).
 */

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random characters in a code (35 bits: a collision among 1,000 copies is about 1 in 70,000). */
export const CODE_PAYLOAD = 7;
/** The prefix of the id of a respondent typed back from paper. */
export const PAPER_ID_PREFIX = 'paper-';

const VALUE = new Map([...CODE_ALPHABET].map((c, i) => [c, i]));

/** The check character of the payload: weighted sum modulo 31 (a prime). */
export function checkCharacter(payload: string): string {
  let sum = 0;
  [...payload].forEach((c, i) => {
    sum += (i + 1) * (VALUE.get(c) ?? 0);
  });
  return CODE_ALPHABET[sum % 31] ?? '0';
}

/** Prints a code of 8 characters as two groups of four. */
function format(chars: string): string {
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** A code from `CODE_PAYLOAD` random bytes (or more: the rest is unused). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_PAYLOAD) throw new RangeError('not enough random bytes');
  let payload = '';
  for (let i = 0; i < CODE_PAYLOAD; i += 1) payload += CODE_ALPHABET[(bytes[i] ?? 0) & 31];
  return format(payload + checkCharacter(payload));
}

export type CodeProblem = 'empty' | 'length' | 'characters' | 'check';
export type ReadCode = { ok: true; code: string } | { ok: false; problem: CodeProblem };

/**
 * Reads a code as typed: case, spaces and dashes do not matter, O reads as 0 and I or L as 1
 * (Crockford). Says what is wrong: too short or long, a character that is in no code, or a
 * check character that does not match (a character typed wrong).
 */
export function readPaperCode(input: string): ReadCode {
  const chars = input
    .toUpperCase()
    .replace(/[\s\-‐‑–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars === '') return { ok: false, problem: 'empty' };
  if ([...chars].some((c) => !VALUE.has(c))) return { ok: false, problem: 'characters' };
  if (chars.length !== CODE_PAYLOAD + 1) return { ok: false, problem: 'length' };
  const payload = chars.slice(0, CODE_PAYLOAD);
  if (checkCharacter(payload) !== chars[CODE_PAYLOAD]) return { ok: false, problem: 'check' };
  return { ok: true, code: format(chars) };
}

/** The respondent id of a paper copy: the same code always gives the same id. */
export function paperRespondentId(code: string): string {
  return PAPER_ID_PREFIX + code;
}

/** The code of a respondent typed back from paper, or null for any other respondent. */
export function codeOfRespondentId(id: string): string | null {
  if (!id.startsWith(PAPER_ID_PREFIX)) return null;
  const read = readPaperCode(id.slice(PAPER_ID_PREFIX.length));
  return read.ok ? read.code : null;
}

/**
 * `count` codes, all different from one another and from `taken` (codes already used, e.g. the
 * diagnostic's paper respondents). `random(n)` returns n random bytes.
 */
export function newPaperCodes(
  count: number,
  random: (n: number) => Uint8Array,
  taken: Iterable<string> = [],
): string[] {
  const used = new Set(taken);
  const codes: string[] = [];
  // A repeat is rare; the bound only guards against a broken random source.
  for (let tries = 0; codes.length < count; tries += 1) {
    if (tries > count * 20 + 100) throw new Error('the random source repeats itself');
    const code = codeFromBytes(random(CODE_PAYLOAD));
    if (used.has(code)) continue;
    used.add(code);
    codes.push(code);
  }
  return codes;
}
