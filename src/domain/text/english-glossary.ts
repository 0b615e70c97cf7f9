/**
 * Terms the English glossary (`questionnaires/README.md`, « English glossary ») forbids in English
 * texts, each with the wording to use instead. Matched whole-word, case-insensitively.
 */
export const FORBIDDEN_ENGLISH: readonly { term: RegExp; use: string }[] = [
  { term: /\bsomewhat\b/i, use: 'Tend to agree / Tend to disagree' },
  { term: /\btele-?management\b/i, use: 'remote management' },
  { term: /\bupstream diagnos/i, use: 'early-stage diagnostic' },
  { term: /\bsocial and economic committee\b/i, use: 'works council (CSE)' },
  { term: /\bCHSCT\b/, use: 'health, safety and working conditions committee (CSSCT)' },
  {
    term: /\bhealth and safety commission\b/i,
    use: 'health, safety and working conditions committee (CSSCT)',
  },
  { term: /\bdisconnection right\b/i, use: 'right to disconnect' },
  {
    term: /\b(?:staff|personnel) (?:delegates|representatives)\b/i,
    use: 'employee representatives',
  },
  { term: /\btrade union delegates?\b/i, use: 'union delegates' },
  { term: /\boccupational medicine\b/i, use: 'occupational health service' },
  { term: /\b(?:PIA|AIPD)\b/, use: 'data protection impact assessment (DPIA)' },
  { term: /\bdata impact assessment\b/i, use: 'data protection impact assessment (DPIA)' },
  { term: /\bspecifications? book\b/i, use: 'specification for the vendor' },
  { term: /\bnumeric tools?\b/i, use: 'digital tool' },
  { term: /\bdigital solutions?\b/i, use: 'digital tool' },
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

/**
 * Bodies the English glossary names in full with their French acronym at the first mention in a
 * text, then by their name alone: « works council (CSE) », then « works council ».
 */
export const NAMED_WITH_ACRONYM: readonly { name: string; acronym: string }[] = [
  { name: 'works council', acronym: 'CSE' },
  { name: 'health, safety and working conditions committee', acronym: 'CSSCT' },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What breaks the glossary's first-mention rule in one English text (a text is one string: an
 * item's wording, a help text, a recommendation's body, a catalogue summary…). For each body of
 * `NAMED_WITH_ACRONYM`: its name with the acronym in brackets at the first mention (« works council
 * (CSE) », or with a gloss: « works council (CSE, comité social et économique) »), then the name
 * alone; never the bare acronym, never the bracketed acronym twice, never inside other brackets
 * (« (size, works council (CSE)) » reads badly: reword). A text that is only the name
 * (« works council »: a field's name that the interface inserts in a list or in brackets) is a
 * label, and may go without the acronym, which would put brackets inside brackets.
 * Returns the problems in words; empty when the text follows the rule.
 */
export function acronymIssuesIn(text: string): string[] {
  return NAMED_WITH_ACRONYM.flatMap(({ name, acronym }) => {
    const issues: string[] = [];
    const withAcronym = new RegExp(`${escape(name)} \\(${acronym}\\b[^)]*\\)`, 'gi');
    const bare = text.replace(withAcronym, '').match(new RegExp(`\\b${acronym}\\b`, 'g'));
    if (bare) issues.push(`« ${acronym} » alone: write « ${name} (${acronym}) », then « ${name} »`);
    if ((text.match(withAcronym) ?? []).length > 1) {
      issues.push(`« ${name} (${acronym}) » more than once: the acronym goes at the first mention`);
    }
    const inBrackets = new RegExp(`\\([^()]*${escape(name)} \\(${acronym}\\b`, 'i');
    if (inBrackets.test(text)) {
      issues.push(`« ${name} (${acronym}) » inside brackets: brackets inside brackets; reword`);
    }
    const first = new RegExp(escape(name), 'i').exec(text);
    const label = text.trim().toLowerCase() === name;
    const named = new RegExp(`^${escape(name)} \\(${acronym}\\b`, 'i');
    if (first && !label && !named.test(text.slice(first.index))) {
      issues.push(`first mention of the ${name} without « (${acronym}) »`);
    }
    return issues;
  });
}
