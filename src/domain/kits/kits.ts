/**
 * The kits each purpose takes away (docs/kits.md): the representatives' kit (negotiation or
 * consultation preparation) and the deployment kit (a company's early-stage diagnostic), built
 * from the diagnostic's weak points (its weakest dimensions and items, one respondent's or the
 * aggregate's) and its context. Pure: the kit content (`kits.json`), the legal catalogue, the
 * scores and the context are given; the same input gives the same kit.
 *
 * Legal elements are ids of the dated catalogue and show only where the catalogue's condition
 * holds for the context (an unknown size, CSE or union delegates keeps them, with what they
 * depend on): a 30-employee company without a CSE gets no consultation deadline, a company
 * without union delegates no reference to the negotiation duty.
 */
import type { RoutingContext } from '@/domain/context/applies-when';
import type { DeploymentPlan, Diagnostic, WorkSituation } from '@/domain/diagnostic/diagnostic';
import type { GridAggregate } from '@/domain/aggregate/aggregate-grid';
import type { Grid } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import type { LegalCatalogue } from '@/domain/legal/schema';
import { referenceApplicability } from '@/domain/legal/select';
import type { LegalReferenceReport } from '@/domain/report/report-model';
import type { KitActionLine, KitCatalogue, KitTrigger } from './schema';

/** A dimension score below this is a weak point (the lower bound of « en progrès »). */
export const WEAK_BELOW = 50;
/** When fewer dimensions are below `WEAK_BELOW`, the lowest ones below this are weak points too. */
export const RELATIVE_WEAK_BELOW = 75;
/** At least this many weak dimensions when enough are below `RELATIVE_WEAK_BELOW`. */
export const MIN_WEAK_DIMENSIONS = 3;
export const MAX_QUESTIONS = 8;
/** Weak items shown under one question. */
export const MAX_ITEMS_PER_QUESTION = 3;

export type KitDimension = {
  gridId: string;
  id: string;
  label: string;
  score: number | null;
  /** Bounds its score is shown against (docs/scoring.md). */
  bounds: { score: readonly number[] };
};

export type KitItem = {
  gridId: string;
  dimensionId: string;
  id: string;
  text: string;
  /** Mean item score (0–100) of those who answered: one person's, or the aggregate's. */
  score: number;
  n: number;
};

export type KitChecklistLine = { item: string; requirement: string; score: number; below?: number };

export type KitInput = {
  lang: string;
  context: RoutingContext;
  dimensions: readonly KitDimension[];
  items: readonly KitItem[];
  /** The vendor-specification lines of the recommendations shown (weakest items' requirements). */
  checklist: readonly KitChecklistLine[];
  deployment?: DeploymentPlan;
};

/** A kit's legal element: a catalogue entry as the report shows it. */
export type KitLegal = LegalReferenceReport;

/** A proposed action-plan line; `key` is what `addKitAction` uses to avoid duplicates. */
export type KitActionProposal = {
  key: string;
  title: string;
  owner: string;
  indicator: string;
  /** Days after the day it is added, or a date (possibly empty: the pilot's date not set). */
  deadline: { days: number } | { date: string };
};

export type RepresentativesKit = {
  /** The weak dimensions the kit is drawn from, weakest first. */
  weakDimensions: KitDimension[];
  documents: { id: string; title: string; detail: string; legal: KitLegal[] }[];
  /** Empty when no deadline reference applies (no CSE, under 50 employees…): not shown. */
  deadlines: { note: string; legal: KitLegal[] } | null;
  expert: { note: string; legal: KitLegal[] } | null;
  questions: {
    id: string;
    text: string;
    /** The weak items it is drawn from, weakest first (none when only the dimension is weak). */
    items: { gridId: string; id: string; text: string; score: number }[];
    dimensions: string[];
  }[];
  clauses: { id: string; title: string; text: string; legal: KitLegal[]; because: string[] }[];
  indicators: { id: string; title: string; detail: string }[];
  actions: KitActionProposal[];
};

export type DeploymentKit = {
  weakDimensions: KitDimension[];
  situations: WorkSituation[];
  /** Typical situations to start from, for the project's kinds. */
  examples: string[];
  /** The vendor-specification checklist: the situations' requirements, then the grids' lines. */
  checklist: (
    | { source: 'situation'; situationId: string; text: string }
    | ({ source: 'grid' } & KitChecklistLine)
  )[];
  pilot: DeploymentPlan['pilot'];
  /** Evaluation criteria to consider for the pilot, from the weak points. */
  criteria: string[];
  legal: KitLegal[];
  actions: KitActionProposal[];
};

type Lang = 'fr' | 'en';
const langOf = (lang: string): Lang => (lang === 'en' ? 'en' : 'fr');

export const EMPTY_PILOT: DeploymentPlan['pilot'] = {
  scope: '',
  duration: '',
  criteria: '',
  t0: '',
  t1: '',
};

/** Weak dimensions, weakest first: those below 50, topped up to three with the lowest below 75. */
export function weakDimensions(dimensions: readonly KitDimension[]): KitDimension[] {
  const scored = dimensions
    .filter((d): d is KitDimension & { score: number } => d.score !== null)
    .sort((a, b) => a.score - b.score || cmp(a.gridId, b.gridId) || cmp(a.id, b.id));
  const weak = scored.filter((d) => d.score < WEAK_BELOW);
  if (weak.length >= MIN_WEAK_DIMENSIONS) return weak;
  return scored.filter((d) => d.score < RELATIVE_WEAK_BELOW).slice(0, MIN_WEAK_DIMENSIONS);
}

/** Weak items, weakest first: those scoring below 50. */
export function weakItems(items: readonly KitItem[]): KitItem[] {
  return items
    .filter((i) => i.score < WEAK_BELOW)
    .sort((a, b) => a.score - b.score || cmp(a.gridId, b.gridId) || cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a trigger fires, and on what (the weak dimensions' labels, or the project kind). */
function fires(
  when: KitTrigger,
  weak: readonly KitDimension[],
  context: RoutingContext,
): { fires: boolean; because: KitDimension[]; byKind: boolean } {
  const because = weak.filter((d) => when.dimensions?.includes(d.id));
  const byKind = (when.projectKinds ?? []).some((k) => context.projectKinds.includes(k));
  return { fires: when.always === true || because.length > 0 || byKind, because, byKind };
}

/** The catalogue entries of `ids` that apply in `context`, as the report shows them. */
export function kitLegal(
  ids: readonly string[],
  catalogue: LegalCatalogue,
  context: RoutingContext,
  lang: string,
): KitLegal[] {
  const l = langOf(lang);
  return catalogue.references
    .filter((reference) => ids.includes(reference.id))
    .flatMap((reference) => {
      const { applies, dependsOn } = referenceApplicability(reference, context);
      if (!applies) return [];
      return [
        {
          id: reference.id,
          citation: reference.citation[l],
          summary: reference.summary[l],
          grants: reference.grants[l],
          source: reference.source,
          verifiedOn: reference.verifiedOn ?? null,
          unverified: reference.unverified
            ? { checkedOn: reference.unverified.checkedOn, reason: reference.unverified.reason[l] }
            : null,
          dependsOn,
          citedBy: [],
        },
      ];
    });
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function proposal(
  kit: 'representatives' | 'deployment',
  line: KitActionLine,
  l: Lang,
  values: Record<string, string>,
  pilot: DeploymentPlan['pilot'],
): KitActionProposal {
  const deadline =
    'days' in line.deadline ? { days: line.deadline.days } : { date: pilot[line.deadline.pilot] };
  return {
    key: `${kit}/${line.id}`,
    title: fill(line.title[l], values),
    owner: line.owner[l],
    indicator: fill(line.indicator[l], values),
    deadline,
  };
}

/** The representatives' kit for this diagnostic's weak points and context. */
export function buildRepresentativesKit(
  kits: KitCatalogue,
  catalogue: LegalCatalogue,
  input: KitInput,
): RepresentativesKit {
  const l = langOf(input.lang);
  const r = kits.representatives;
  const weak = weakDimensions(input.dimensions);
  const legal = (ids: readonly string[]) => kitLegal(ids, catalogue, input.context, input.lang);

  const documents = r.documents.flatMap((doc) => {
    if (!fires(doc.when, weak, input.context).fires) return [];
    const refs = legal(doc.legalRefs);
    if (doc.requiresLegal && refs.length === 0) return [];
    return [{ id: doc.id, title: doc.title[l], detail: doc.detail[l], legal: refs }];
  });

  const deadlineRefs = legal(r.deadlines.legalRefs);
  const expertRefs = legal(r.expert.legalRefs);

  const questionOf = new Map<string, (typeof r.questions)[number]>();
  for (const q of r.questions)
    for (const d of q.dimensions) if (!questionOf.has(d)) questionOf.set(d, q);
  const questions: RepresentativesKit['questions'] = [];
  const byId = new Map<string, RepresentativesKit['questions'][number]>();
  const dimensionLabel = new Map(input.dimensions.map((d) => [`${d.gridId}/${d.id}`, d.label]));
  const add = (dimension: { gridId: string; id: string }, item?: KitItem) => {
    const q = questionOf.get(dimension.id);
    if (!q) return;
    let entry = byId.get(q.id);
    if (!entry) {
      if (questions.length >= MAX_QUESTIONS) return;
      entry = { id: q.id, text: q.text[l], items: [], dimensions: [] };
      byId.set(q.id, entry);
      questions.push(entry);
    }
    const label = dimensionLabel.get(`${dimension.gridId}/${dimension.id}`);
    if (label && !entry.dimensions.includes(label)) entry.dimensions.push(label);
    if (item && entry.items.length < MAX_ITEMS_PER_QUESTION)
      entry.items.push({ gridId: item.gridId, id: item.id, text: item.text, score: item.score });
  };
  for (const item of weakItems(input.items))
    add({ gridId: item.gridId, id: item.dimensionId }, item);
  for (const d of weak) add(d);

  const clauses = r.clauses.flatMap((clause) => {
    const hit = fires(clause.when, weak, input.context);
    if (!hit.fires) return [];
    return [
      {
        id: clause.id,
        title: clause.title[l],
        text: clause.text[l],
        legal: legal(clause.legalRefs),
        because: hit.because.map((d) => d.label),
      },
    ];
  });

  let indicators = r.indicators.filter((i) => fires(i.when, weak, input.context).fires);
  if (indicators.length === 0) indicators = r.indicators.filter((i) => i.default === true);

  const shown = {
    documents: documents.length > 0,
    expert: expertRefs.length > 0,
    questions: questions.length > 0,
    clauses: clauses.length > 0,
    indicators: indicators.length > 0,
  };
  const values = {
    clauses: clauses.map((c) => c.title).join(', '),
    indicators: indicators.map((i) => i.title[l]).join(', '),
  };
  const actions = r.actions
    .filter((line) => line.section === undefined || shown[line.section])
    .map((line) => proposal('representatives', line, l, values, EMPTY_PILOT));

  return {
    weakDimensions: weak,
    documents,
    deadlines: deadlineRefs.length > 0 ? { note: r.deadlines.note[l], legal: deadlineRefs } : null,
    expert: expertRefs.length > 0 ? { note: r.expert.note[l], legal: expertRefs } : null,
    questions,
    clauses,
    indicators: indicators.map((i) => ({ id: i.id, title: i.title[l], detail: i.detail[l] })),
    actions,
  };
}

/** The deployment kit: situations, the checklist they feed, the pilot plan and its lines. */
export function buildDeploymentKit(
  kits: KitCatalogue,
  catalogue: LegalCatalogue,
  input: KitInput,
): DeploymentKit {
  const l = langOf(input.lang);
  const d = kits.deployment;
  const weak = weakDimensions(input.dimensions);
  const situations = input.deployment?.situations ?? [];
  const pilot = input.deployment?.pilot ?? EMPTY_PILOT;

  const kinds = input.context.projectKinds;
  const forKinds = d.situationExamples.filter((e) =>
    (e.projectKinds ?? []).some((k) => kinds.includes(k)),
  );
  const examples = (
    forKinds.length > 0 ? forKinds : d.situationExamples.filter((e) => !e.projectKinds)
  ).map((e) => e.text[l]);

  const checklist: DeploymentKit['checklist'] = [
    ...situations.flatMap((s) => {
      const requirement = s.requirement.trim() || s.withTool.trim();
      if (requirement === '') return [];
      const title = s.title.trim() || s.today.trim().slice(0, 60);
      return [
        {
          source: 'situation' as const,
          situationId: s.id,
          text: fill(d.situationRequirement[l], { title, requirement }),
        },
      ];
    }),
    ...dedupeChecklist(input.checklist).map((c) => ({ source: 'grid' as const, ...c })),
  ];

  let criteria = kits.representatives.indicators.filter(
    (i) => fires(i.when, weak, input.context).fires,
  );
  if (criteria.length === 0)
    criteria = kits.representatives.indicators.filter((i) => i.default === true);

  const values = {
    scope: pilot.scope.trim() || d.pilotDefaults.scope[l],
    duration: pilot.duration.trim() || d.pilotDefaults.duration[l],
    criteria: pilot.criteria.trim() || d.pilotDefaults.criteria[l],
  };
  return {
    weakDimensions: weak,
    situations,
    examples,
    checklist,
    pilot,
    criteria: criteria.map((c) => c.title[l]),
    legal: kitLegal(d.legalRefs, catalogue, input.context, input.lang),
    actions: d.actions.map((line) => proposal('deployment', line, l, values, pilot)),
  };
}

/** One line per requirement (two recommendations may list the same item). */
function dedupeChecklist(lines: readonly KitChecklistLine[]): KitChecklistLine[] {
  const seen = new Set<string>();
  return lines.filter((c) => {
    const key = `${c.item}\u0000${c.requirement}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The scored items of one grid's aggregate, their text in `lang`, for the kits. */
export function kitItemsOf(grid: Grid, aggregate: GridAggregate, lang: string): KitItem[] {
  const text = new Map(
    grid.dimensions.flatMap((d) => d.items.map((item) => [item.id, item.text] as const)),
  );
  return aggregate.items.flatMap((item) => {
    const stats = item.stats;
    const words = text.get(item.itemId);
    if (!stats || stats.n === 0 || !words) return [];
    return [
      {
        gridId: grid.id,
        dimensionId: item.dimensionId,
        id: item.itemId,
        text: pickText(words, lang, grid.languages.default),
        score: stats.mean,
        n: stats.n,
      },
    ];
  });
}

/**
 * Which kit a diagnostic's purpose has: the representatives' kit for a negotiation, the
 * deployment kit for an early-stage diagnostic (a workshop's material is the workshop sections).
 */
export function kitsOf(purpose: Diagnostic['purpose']): {
  representatives: boolean;
  deployment: boolean;
} {
  return { representatives: purpose === 'negotiation', deployment: purpose === 'upstream' };
}

/** The kit of a diagnostic's purpose (`kitsOf`), written for its context and answers. */
export function buildKits(
  kits: KitCatalogue,
  catalogue: LegalCatalogue,
  diagnostic: Pick<Diagnostic, 'purpose' | 'deployment'>,
  input: {
    lang: string;
    context: RoutingContext;
    grids: readonly { dimensions: readonly KitDimension[] }[];
    items: readonly KitItem[];
    recommendations: readonly {
      checklist?: { item: string; requirement: string; score: number }[];
      checklistBelow?: number;
    }[];
  },
): { representatives: RepresentativesKit | null; deployment: DeploymentKit | null } {
  const kitInput: KitInput = {
    lang: input.lang,
    context: input.context,
    dimensions: input.grids.flatMap((g) => g.dimensions),
    items: input.items,
    checklist: input.recommendations.flatMap((r) =>
      (r.checklist ?? []).map((c) => ({
        item: c.item,
        requirement: c.requirement,
        score: c.score,
        ...(r.checklistBelow === undefined ? {} : { below: r.checklistBelow }),
      })),
    ),
    deployment: diagnostic.deployment,
  };
  const which = kitsOf(diagnostic.purpose);
  return {
    representatives: which.representatives
      ? buildRepresentativesKit(kits, catalogue, kitInput)
      : null,
    deployment: which.deployment ? buildDeploymentKit(kits, catalogue, kitInput) : null,
  };
}
