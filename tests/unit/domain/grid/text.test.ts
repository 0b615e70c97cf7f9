import { pickText } from '@/domain/grid/text';

describe('pickText', () => {
  it.each([
    [{ fr: 'Autonomie', en: 'Autonomy' }, 'en', 'fr', 'Autonomy'],
    [{ fr: 'Autonomie', en: 'Autonomy' }, 'fr', 'fr', 'Autonomie'],
    [{ fr: 'Autonomie' }, 'en', 'fr', 'Autonomie'],
    [{ de: 'Autonomie (de)', es: 'Autonomía' }, 'en', 'fr', 'Autonomie (de)'],
    [{ en: 'Autonomy' }, 'de', 'fr', 'Autonomy'],
    [{}, 'fr', 'fr', ''],
    [{ fr: 'Autonomie' }, 'constructor', '__proto__', 'Autonomie'],
    [{ fr: '', en: 'Autonomy' }, 'fr', 'fr', 'Autonomy'],
  ])('%j in %s (fallback %s) → %j', (text, lang, fallback, expected) => {
    expect(pickText(text, lang, fallback)).toBe(expected);
  });
});
