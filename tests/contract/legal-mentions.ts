/**
 * What a text says of the law, for the contract test that holds every legal statement of the
 * product to the dated catalogue (`legal-mentions.test.ts`): the Code du travail articles it
 * names (« L2312-8 », « art. R. 4121-1 »), the GDPR and its articles, the AI Act and its
 * articles. A grid recommendation or a kit element naming one of them must carry a catalogue id
 * that covers it; a text that carries no id (an item, a locale string) must name none.
 */
import type { KitCatalogue } from '@/domain/kits/schema';
import type { LegalReference } from '@/domain/legal/schema';

/** A piece of law a text names: a Code du travail article, or an article (or the whole) of an EU act. */
export type LawMention =
  | { kind: 'code'; article: string }
  | { kind: 'gdpr'; article: string | null }
  | { kind: 'ai-act'; article: string | null };

const CODE_ARTICLE = /\b([LRD])\.?[ \u00a0\u202f]?(\d{4})-(\d+(?:-\d+)?)\b/g;
const GDPR = /\b(?:RGPD|GDPR)\b|(?:règlement|regulation)[ \u00a0]\((?:UE|EU)\)[ \u00a0]2016\/679/i;
const AI_ACT =
  /\bAI Act\b|(?:règlement|regulation)[ \u00a0]\((?:UE|EU)\)[ \u00a0]2024\/1689|règlement (?:européen )?sur l[’']IA|règlement (?:européen )?sur l[’']intelligence artificielle|Artificial Intelligence Act/i;
/** « art. 22 », « article 35 », « Article 26(7) », « art. 26, § 7 ». */
const EU_ARTICLE = /\b(?:art\.|article)[ \u00a0]?(\d{1,3})\b/gi;

function euArticles(text: string, kind: 'gdpr' | 'ai-act'): LawMention[] {
  const articles = [...text.matchAll(EU_ARTICLE)].map((m) => m[1] ?? '');
  if (articles.length === 0) return [{ kind, article: null }];
  return articles.map((article) => ({ kind, article }));
}

/**
 * The law a text names. EU article numbers are read only in a text that names the act (« art. 22
 * du RGPD »); a text naming both acts gives each the numbers it holds (rare, and stricter).
 */
export function lawMentionsIn(text: string): LawMention[] {
  const out: LawMention[] = [...text.matchAll(CODE_ARTICLE)].map((m) => ({
    kind: 'code' as const,
    article: `${m[1]}${m[2]}-${m[3]}`,
  }));
  if (GDPR.test(text)) out.push(...euArticles(text, 'gdpr'));
  if (AI_ACT.test(text)) out.push(...euArticles(text, 'ai-act'));
  return out;
}

/** The Code du travail articles an entry names, ranges (« L2315-36 à L2315-38 ») expanded. */
function codeArticlesOf(entry: LegalReference): { exact: Set<string>; following: string[] } {
  const text = [entry.citation.fr, entry.summary.fr, entry.grants.fr].join(' ');
  const exact = new Set([...text.matchAll(CODE_ARTICLE)].map((m) => `${m[1]}${m[2]}-${m[3]}`));
  const range = /\b([LRD])(\d{4})-(\d+)[ \u00a0]à[ \u00a0]\1\2-(\d+)\b/g;
  for (const m of entry.citation.fr.matchAll(range)) {
    for (let n = Number(m[3]); n <= Number(m[4]); n += 1) exact.add(`${m[1]}${m[2]}-${n}`);
  }
  // « art. L2281-1 et suivants »: the articles that follow, within the same chapter number.
  const following = [
    ...entry.citation.fr.matchAll(/\b([LRD]\d{4})-\d+[ \u00a0]et[ \u00a0]suivants\b/g),
  ].map((m) => `${m[1]}-`);
  return { exact, following };
}

/** Whether the catalogue entry `entry` is a reference for what `mention` names. */
export function covers(entry: LegalReference, mention: LawMention): boolean {
  switch (mention.kind) {
    case 'code': {
      const { exact, following } = codeArticlesOf(entry);
      return exact.has(mention.article) || following.some((p) => mention.article.startsWith(p));
    }
    case 'gdpr':
      return mention.article === null
        ? entry.id.startsWith('rgpd-')
        : entry.id === `rgpd-art-${mention.article}`;
    case 'ai-act':
      return mention.article === null
        ? entry.id.startsWith('ue-2024-1689-')
        : entry.id === `ue-2024-1689-art-${mention.article}` ||
            entry.id.startsWith(`ue-2024-1689-art-${mention.article}-`);
  }
}

export function describeMention(mention: LawMention): string {
  switch (mention.kind) {
    case 'code':
      return `Code du travail ${mention.article}`;
    case 'gdpr':
      return mention.article === null ? 'GDPR' : `GDPR art. ${mention.article}`;
    case 'ai-act':
      return mention.article === null ? 'AI Act' : `AI Act art. ${mention.article}`;
  }
}

/** A text of a grid, kit or locale file, with where it is and the catalogue ids its element carries. */
export type CitingText = {
  where: string;
  text: string;
  /** The ids its recommendation or kit element carries; `null` when it can carry none. */
  legalRefs: readonly string[] | null;
};

/**
 * Every law a text names that its element does not back with a catalogue id (or that a text
 * which cannot carry ids names at all), as `where: what`.
 */
export function unbackedMentions(
  texts: readonly CitingText[],
  catalogue: readonly LegalReference[],
): string[] {
  const byId = new Map(catalogue.map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const { where, text, legalRefs } of texts) {
    for (const mention of lawMentionsIn(text)) {
      const carried = (legalRefs ?? []).flatMap((id) => byId.get(id) ?? []);
      if (!carried.some((entry) => covers(entry, mention))) {
        const why = legalRefs === null ? 'names the law but cannot cite' : 'cites no entry for';
        problems.push(`${where}: ${why} ${describeMention(mention)}`);
      }
    }
  }
  return problems;
}

/** Every string of a JSON value, with its path. */
export function stringsOf(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      stringsOf(v, path ? `${path}.${k}` : k),
    );
  }
  return [];
}

/** Every legal id the kits cite (the contract test checks each is in the catalogue). */
export function kitLegalRefIds(kits: KitCatalogue): string[] {
  const r = kits.representatives;
  return [
    ...new Set([
      ...r.documents.flatMap((d) => d.legalRefs),
      ...r.deadlines.legalRefs,
      ...r.expert.legalRefs,
      ...r.clauses.flatMap((c) => c.legalRefs),
      ...kits.deployment.legalRefs,
    ]),
  ];
}
