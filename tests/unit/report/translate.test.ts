import { describe, expect, it } from 'vitest';
import { makeT } from './translate';

describe('the renderer tests’ translator', () => {
  it('fails on a key the locale files lack, in either language', () => {
    expect(() => makeT('fr')('cover.noSuchKey')).toThrow(
      'missing report translation: fr « cover.noSuchKey »',
    );
    expect(() => makeT('en')('noSuchSection')).toThrow('missing report translation: en');
  });
});
