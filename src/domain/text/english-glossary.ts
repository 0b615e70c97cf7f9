/**
 * Terms the English glossary (`questionnaires/README.md`, « English glossary ») forbids in English
 * texts, each with the wording to use instead. Matched whole-word, case-insensitively.
 */
export const FORBIDDEN_ENGLISH: readonly { term: RegExp; use: string }[] = [
  { term: /\bsomewhat\b/i, use: 'Tend to agree / Tend to disagree' },
  { term: /\btele-?management\b/i, use: 'remote management' },
  { term: /\bupstream diagnos/i, use: 'early-stage diagnostic' },
];

/** The forbidden glossary terms found in an English text, as written there. */
export function forbiddenEnglishIn(text: string): string[] {
  return FORBIDDEN_ENGLISH.flatMap(({ term }) => text.match(term)?.[0] ?? []);
}

/** The same word with the case of its first letter taken from `model`. */
function sameCase(model: string, word: string): string {
  const first = model.charAt(0);
  return first === first.toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/**
 * The mechanical part of the English rules, for the typography script: French spacing before
 * : ; ? ! removed, « guillemets » turned into “quotes”, and the forbidden glossary terms that have
 * a one-to-one replacement replaced. Anything else (« somewhat » outside the agreement scale) is
 * left for a person to reword, and still reported by `forbiddenEnglishIn`.
 */
export function englishFixes(text: string): string {
  return text
    .replace(/«[ \u00a0\u202f]*/g, '“')
    .replace(/[ \u00a0\u202f]*»/g, '”')
    .replace(/(?<=\S)[ \u00a0\u202f]+(?=[:;?!](\s|$))/g, '')
    .replace(/\bsomewhat (agree|disagree)\b/gi, (m, verb: string) => sameCase(m, `tend to ${verb}`))
    .replace(/\btele-?management\b/gi, (m) => sameCase(m, 'remote management'))
    .replace(/\bupstream diagnos(?:tic|is)\b/gi, (m) => sameCase(m, 'early-stage diagnostic'));
}
