import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex, utf8Encode, utf8EncodeInJs } from '@/domain/grid/sha256';

describe('sha256Hex', () => {
  // FIPS 180-4 / NIST example vectors; the last ones computed with Python's hashlib.
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['é', '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c'],
    ['🚀', 'ebbc0b2870eb323f2b6cffa5c493ceef81ae7eb36afc73d4e0367301631daec5'],
    [
      'Qualité de vie au travail 🚀 — « numérique »',
      '2d6f8f0f7f709d15967b4a9ce3d10d6cbaa33e00ffdab90f1ba1d90022d88ca0',
    ],
  ])('%j', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it('hashes one million "a" (NIST long message)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with node:crypto around the padding boundaries', () => {
    for (let length = 50; length <= 130; length++) {
      const text = 'x'.repeat(length);
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('agrees with node:crypto on any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('utf8Encode', () => {
  it.each([
    ['a', [0x61]],
    ['é', [0xc3, 0xa9]],
    ['€', [0xe2, 0x82, 0xac]],
    ['🚀', [0xf0, 0x9f, 0x9a, 0x80]],
    ['\ud800', [0xef, 0xbf, 0xbd]],
    ['\udc00x', [0xef, 0xbf, 0xbd, 0x78]],
  ])('%j', (text, bytes) => {
    expect([...utf8Encode(text)]).toEqual(bytes);
    // The plain-code fallback (platforms without TextEncoder) gives the same bytes.
    expect([...utf8EncodeInJs(text)]).toEqual(bytes);
  });

  it('agrees with Buffer on any string, with or without TextEncoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const expected = [...Buffer.from(text, 'utf8')];
        expect([...utf8Encode(text)]).toEqual(expected);
        expect([...utf8EncodeInJs(text)]).toEqual(expected);
      }),
    );
  });
});
