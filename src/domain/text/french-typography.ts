/**
 * French typography for text shown in French (interface, grids, PDF): the spaces French puts
 * before high punctuation and inside guillemets, curly apostrophes, and a space before « % ».
 * Never applied to English. Idempotent: typographed text comes back unchanged.
 *
 * - before « : » a no-break space (U+00A0); before « ; ? ! » and « % » a narrow no-break space
 *   (U+202F), as `Intl.NumberFormat('fr-FR')` writes « 20 % »;
 * - inside « » a no-break space (U+00A0);
 * - an apostrophe between letters (or after a letter, before a vowel) becomes ’ (U+2019).
 *
 * Left alone: URLs and times (« https://…», « 10:30 »: no space around the colon), « ?! » runs,
 * and `{{placeholders}}` of translation strings.
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** A space of any kind (ordinary, no-break, narrow no-break, thin). */
const SPACES = '[ \\u00a0\\u202f\\u2009]';

export function frenchTypography(text: string): string {
  return (
    text
      // Apostrophes: l'outil, aujourd'hui, qu'il → ’ (never inside `{{…}}`, which holds no ').
      .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
      // Guillemets: exactly one no-break space inside.
      .replace(new RegExp(`«${SPACES}*`, 'g'), `«${NBSP}`)
      .replace(new RegExp(`${SPACES}*»`, 'g'), `${NBSP}»`)
      // Colon: after a word, a closing sign or a placeholder, before a space or the end.
      .replace(new RegExp(`(?<=[\\p{L}\\p{N})\\]}»%*])${SPACES}*:(?=\\s|$)`, 'gu'), `${NBSP}:`)
      // ; ? ! after a word, a closing sign or a placeholder (a run like « ?! » keeps one space).
      .replace(
        new RegExp(`(?<=[\\p{L}\\p{N})\\]}»%*…])${SPACES}*([;?!]+)(?=\\s|$|[)»])`, 'gu'),
        `${NNBSP}$1`,
      )
      // A separator that starts with its spaces (« ; » between the phrases of a list, « : » after
      // a label given apart): the same spaces as after a word.
      .replace(new RegExp(`^${SPACES}+([:;?!]+)(?=\\s|$)`, 'u'), (_, mark: string) =>
        mark === ':' ? `${NBSP}:` : `${NNBSP}${mark}`,
      )
      // Percent: « 20% », « 20 % » → « 20 % » (narrow no-break space).
      .replace(new RegExp(`(\\p{N}|\\}\\})${SPACES}?%`, 'gu'), `$1${NNBSP}%`)
  );
}

/** Spacing French typography adds, which English text must not have (« Overall level : »). */
export function frenchSpacingIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\S)[ \u00a0\u202f]+[:;?!]/g)) found.push(match[0]);
  for (const match of text.matchAll(/[«»]/g)) found.push(match[0]);
  return found;
}
