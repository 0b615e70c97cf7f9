import fc from 'fast-check';
import {
  CODE_ALPHABET,
  codeFromBytes,
  codeOfRespondentId,
  newPaperCodes,
  paperRespondentId,
  readPaperCode,
} from '@/domain/room/paper-code';

/** A deterministic byte source (a linear congruential generator), for reproducible codes. */
function seeded(seed: number): (n: number) => Uint8Array {
  let state = seed >>> 0;
  return (n) =>
    Uint8Array.from({ length: n }, () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state >>> 24;
    });
}

describe('paper codes', () => {
  it('prints eight characters of the alphabet in two groups, and reads back as itself', () => {
    const code = codeFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 31]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(code.slice(0, 8)).toBe('0123-45Z');
    expect(readPaperCode(code)).toEqual({ ok: true, code });
  });

  it('reads a code typed in lower case, without its dash, with spaces, O for 0 and L for 1', () => {
    const code = codeFromBytes(Uint8Array.from([0, 1, 0, 1, 20, 21, 22]));
    const typed = code.toLowerCase().replace('-', ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(readPaperCode(typed)).toEqual({ ok: true, code });
  });

  it('says what is wrong: empty, a character in no code, a wrong length, a wrong check', () => {
    expect(readPaperCode('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(readPaperCode('7K2Q-9XM#')).toEqual({ ok: false, problem: 'characters' });
    expect(readPaperCode('7K2Q-9XM')).toEqual({ ok: false, problem: 'length' });
    expect(readPaperCode('7K2Q-9XMBB')).toEqual({ ok: false, problem: 'length' });
    const code = codeFromBytes(Uint8Array.from([5, 6, 7, 8, 9, 10, 11]));
    const last = code.at(-1) === '0' ? '1' : '0';
    expect(readPaperCode(code.slice(0, -1) + last)).toEqual({ ok: false, problem: 'check' });
  });

  it('catches any single character typed wrong, and any two neighbours swapped', () => {
    const bytes = fc.uint8Array({ minLength: 7, maxLength: 7 });
    fc.assert(
      fc.property(bytes, fc.nat(7), fc.nat(31), (b, position, replacement) => {
        const chars = codeFromBytes(b).replace('-', '');
        const wrong = CODE_ALPHABET[replacement] ?? '0';
        fc.pre(chars[position] !== wrong);
        const typed = chars.slice(0, position) + wrong + chars.slice(position + 1);
        // 0 and Z (values 0 and 31) are the one pair a check modulo 31 cannot tell apart.
        fc.pre(!['0', 'Z'].includes(wrong) || !['0', 'Z'].includes(chars[position] ?? ''));
        expect(readPaperCode(typed).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(bytes, fc.nat(6), (b, position) => {
        const chars = codeFromBytes(b).replace('-', '');
        const [x, y] = [chars[position] ?? '', chars[position + 1] ?? ''];
        fc.pre(x !== y && !(['0', 'Z'].includes(x) && ['0', 'Z'].includes(y)));
        const typed = chars.slice(0, position) + y + x + chars.slice(position + 2);
        expect(readPaperCode(typed).ok).toBe(false);
      }),
    );
  });

  it('gives as many codes as asked, all different, none of those already taken', () => {
    const taken = newPaperCodes(50, seeded(1));
    const codes = newPaperCodes(500, seeded(2), taken);
    expect(codes).toHaveLength(500);
    expect(new Set(codes).size).toBe(500);
    expect(codes.filter((c) => taken.includes(c))).toEqual([]);
    for (const code of codes) expect(readPaperCode(code)).toEqual({ ok: true, code });
  });

  it('skips a repeated random draw, and stops on a source that always repeats', () => {
    const draws = [
      [1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1],
      [2, 2, 2, 2, 2, 2, 2],
    ];
    let i = 0;
    const codes = newPaperCodes(2, () => Uint8Array.from(draws[i++] ?? []));
    expect(codes).toEqual([
      codeFromBytes(Uint8Array.from(draws[0]!)),
      codeFromBytes(Uint8Array.from(draws[2]!)),
    ]);
    expect(() => newPaperCodes(2, () => new Uint8Array(7))).toThrow(/repeats/);
  });

  it('makes the respondent id of a copy from its code, the same each time', () => {
    const code = codeFromBytes(Uint8Array.from([9, 8, 7, 6, 5, 4, 3]));
    expect(paperRespondentId(code)).toBe(`paper-${code}`);
    expect(paperRespondentId(readPaperCode(code.toLowerCase()).ok ? code : '')).toBe(
      paperRespondentId(code),
    );
    expect(codeOfRespondentId(paperRespondentId(code))).toBe(code);
    expect(codeOfRespondentId('3f2a-uuid')).toBeNull();
    expect(codeOfRespondentId('paper-nonsense')).toBeNull();
  });
});
