import { formatDate, formatDateTime, formatNumber, formatPercent } from '@/i18n/format';

// French groups thousands with a narrow no-break space (U+202F) and puts a no-break space
// (U+00A0) before the percent sign.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatNumber', () => {
  it.each([
    [1234.5, 'fr', 1, `1${NNBSP}234,5`],
    [1234.5, 'fr', 0, `1${NNBSP}235`],
    [1234.5, 'en', 1, '1,234.5'],
    [0.25, 'en', 2, '0.25'],
    [7, 'fr', 2, '7,00'],
  ])('formats %s in %s with %s digits as %s', (value, lang, digits, expected) => {
    expect(formatNumber(value, lang, digits)).toBe(expected);
  });

  it('gives the same text on repeated calls with other options in between (formatters are reused)', () => {
    expect(formatNumber(2.5, 'fr', 1)).toBe('2,5');
    expect(formatNumber(2.5, 'fr', 0)).toBe('3');
    expect(formatNumber(2.5, 'en', 1)).toBe('2.5');
    expect(formatNumber(2.5, 'fr', 1)).toBe('2,5');
  });
});

describe('formatPercent', () => {
  it.each([
    [0.5, 'fr', 0, `50${NBSP}%`],
    [0.5, 'en', 0, '50%'],
    [0.1234, 'fr', 1, `12,3${NBSP}%`],
    [1, 'en', 0, '100%'],
  ])('formats %s in %s with %s digits as %s', (share, lang, digits, expected) => {
    expect(formatPercent(share, lang, digits)).toBe(expected);
  });

  it('keeps percent and plain number formats apart for the same language and digits', () => {
    expect(formatPercent(0.5, 'en')).toBe('50%');
    expect(formatNumber(0.5, 'en')).toBe('1');
  });
});

describe('dates', () => {
  it.each([
    ['2024-03-05T00:00:00Z', 'fr', '5 mars 2024'],
    ['2024-03-05T00:00:00Z', 'en', '5 March 2024'],
  ])('formatDate(%s, %s) is %s', (iso, lang, expected) => {
    expect(formatDate(iso, lang)).toBe(expected);
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatDate('not a date', 'fr')).toBe('not a date');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });

  it('formats a date and time with the date first, in the time zone of the device', () => {
    const text = formatDateTime('2024-03-05T12:00:00Z', 'en');
    expect(text).toMatch(/^\d{1,2} Mar 2024, \d{2}:\d{2}$/);
  });
});
