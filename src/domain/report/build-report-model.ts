/**
 * Builds the report model from a diagnostic: the single computation behind the results page,
 * the PDF and the exports, so they always show the same numbers.
 */
import type { Role } from '@/domain/answers/answers';
import { respondentsForGrid } from '@/domain/answers/grid-answers';
import { aggregateGrid, type GridAggregate } from '@/domain/aggregate/aggregate-grid';
import {
  effectiveThreshold,
  roleVisibilityOf,
  rolesWithWithheldComments,
} from '@/domain/aggregate/anonymity';
import type { Diagnostic, Purpose } from '@/domain/diagnostic/diagnostic';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import type { Audience, Grid, Level, Priority } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { contextFromAggregate } from '@/domain/recommend/context';
import { routingContextOf } from '@/domain/context/context-of';
import { routeGridForRoles, type LeftOut } from '@/domain/context/route-grid';
import type { RoutingContext } from '@/domain/context/applies-when';
import type { LegalCatalogue } from '@/domain/legal/schema';
import { applicableRefIds, selectLegalReferences } from '@/domain/legal/select';
import { recommend, type RecommendationResult } from '@/domain/recommend/recommend';
import { levelsOf } from '@/domain/scoring/level';
import {
  boundsOf,
  type DimensionBounds,
  dimensionBounds,
  OVERALL_BOUNDS,
} from '@/domain/scoring/display';
import { scoreGrid, scoreOverall } from '@/domain/scoring/score-grid';
import type {
  CommentGroup,
  DimensionReport,
  GridReport,
  LegalReport,
  LevelRef,
  LeftOutReport,
  PartialReasons,
  RecommendationReport,
  ReportModel,
  RolesComparedGrid,
  ReliabilityGrid,
  TopicsGrid,
} from './report-model';
import { buildKits, kitItemsOf, type KitItem } from '@/domain/kits/kits';
import type { KitCatalogue } from '@/domain/kits/schema';
import { discussionTopics, reliabilityReport, rolesCompared } from './workshop-report';

/** The audience whose recommendations come first for each purpose. */
export function audienceForPurpose(purpose: Purpose): Audience {
  return purpose === 'negotiation' ? 'union' : purpose === 'workshop' ? 'consultant' : 'company';
}

const PRIORITY_RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

type Texts = { lang: string; fallback: string };

function levelRef(level: Level | null, texts: Texts): LevelRef | null {
  return level
    ? { id: level.id, label: pickText(level.label, texts.lang, texts.fallback), color: level.color }
    : null;
}

function dimensionReports(
  grid: Grid,
  aggregate: GridAggregate,
  singleReasons: Map<string, 'coverage' | 'zeroWeight'> | null,
  texts: Texts,
  bounds: ReadonlyMap<string, DimensionBounds>,
): DimensionReport[] {
  return grid.dimensions.map((dimension) => {
    const agg = aggregate.dimensions.find((d) => d.dimensionId === dimension.id);
    const stats = agg?.stats ?? null;
    const score = agg?.score ?? null;
    return {
      gridId: grid.id,
      id: dimension.id,
      label: pickText(dimension.label, texts.lang, texts.fallback),
      description: pickText(dimension.description, texts.lang, texts.fallback),
      score,
      level: levelRef(agg?.level ?? null, texts),
      insufficient: score === null ? (singleReasons?.get(dimension.id) ?? 'coverage') : null,
      coverage: agg?.coverage ?? 0,
      dkRate: agg?.dkRate ?? 0,
      n: stats?.n ?? 0,
      spread:
        stats && stats.n >= 2
          ? {
              sd: stats.sd,
              min: stats.min,
              max: stats.max,
              q1: stats.q1,
              q3: stats.q3,
              median: stats.median,
            }
          : null,
      bounds: boundsOf(bounds, grid, dimension.id),
    };
  });
}

/** How many respondents' figures a reason's observed value is made of. */
function reasonCount(aggregate: GridAggregate, kind: string, targetId: string): number {
  if (kind === 'item') return aggregate.items.find((i) => i.itemId === targetId)?.stats?.n ?? 0;
  const dimension = aggregate.dimensions.find((d) => d.dimensionId === targetId);
  if (kind === 'dontKnowRate') return dimension?.asked ?? 0;
  return dimension?.stats?.n ?? 0;
}

function reasonBounds(bounds: DimensionBounds, kind: string, threshold: number): number[] {
  switch (kind) {
    case 'dimension':
      return bounds.score;
    case 'spread':
      return bounds.spread;
    case 'dontKnowRate':
      return bounds.dkRate;
    case 'roleGap':
      return bounds.roleGap;
    default:
      return [threshold];
  }
}

type LegalContext = { catalogue: LegalCatalogue; context: RoutingContext } | null;

function recommendationReport(
  grid: Grid,
  aggregate: GridAggregate,
  bounds: ReadonlyMap<string, DimensionBounds>,
  result: RecommendationResult,
  texts: Texts,
  legal: LegalContext,
): RecommendationReport {
  const rec = result.recommendation;
  const t = (text: Parameters<typeof pickText>[0]) => pickText(text, texts.lang, texts.fallback);
  const dimensionLabel = new Map(grid.dimensions.map((d) => [d.id, t(d.label)]));
  const items = new Map(
    grid.dimensions.flatMap((d) => d.items.map((item) => [item.id, item] as const)),
  );
  const sources = new Map(grid.sources.map((s) => [s.id, s]));
  const scales = new Map(grid.scales.map((scale) => [scale.id, scale]));
  const pointLabel = (itemId: string, value: number): string | undefined => {
    const item = items.get(itemId);
    const point = item ? scales.get(item.scale)?.points.find((p) => p.value === value) : undefined;
    return point ? t(point.label) : undefined;
  };
  const dimensionOfItem = new Map(
    grid.dimensions.flatMap((d) => d.items.map((item) => [item.id, d.id] as const)),
  );
  return {
    id: rec.id,
    gridId: grid.id,
    title: t(rec.title),
    body: t(rec.body),
    actions: rec.actions.map(t),
    priority: rec.priority,
    audiences: rec.audiences,
    sources: rec.sources.flatMap((id) => {
      const source = sources.get(id);
      return source ? [{ id, label: t(source.label), url: source.url, type: source.type }] : [];
    }),
    reasons: result.reasons.map((reason) => {
      const n = reason.n ?? reasonCount(aggregate, reason.kind, reason.targetId);
      const dimensionId =
        reason.kind === 'item' ? (dimensionOfItem.get(reason.targetId) ?? '') : reason.targetId;
      const observedLabel =
        reason.kind === 'item' && n === 1
          ? pointLabel(reason.targetId, reason.observed)
          : undefined;
      const thresholdLabel =
        reason.kind === 'item' ? pointLabel(reason.targetId, reason.threshold) : undefined;
      const gap =
        reason.kind === 'roleGap'
          ? aggregate.divergence.roleGaps.find((g) => g.dimensionId === reason.targetId)
          : undefined;
      return {
        kind: reason.kind,
        target:
          reason.kind === 'item'
            ? (() => {
                const item = items.get(reason.targetId);
                return item ? t(item.text) : reason.targetId;
              })()
            : (dimensionLabel.get(reason.targetId) ?? reason.targetId),
        op: reason.op,
        threshold: reason.threshold,
        observed: reason.observed,
        n,
        bounds: reasonBounds(boundsOf(bounds, grid, dimensionId), reason.kind, reason.threshold),
        ...(gap === undefined
          ? {}
          : {
              means: {
                high: gap.meanA,
                low: gap.meanB,
                bounds: boundsOf(bounds, grid, dimensionId).score,
              },
            }),
        ...(reason.role === undefined ? {} : { role: reason.role }),
        ...(observedLabel === undefined ? {} : { observedLabel }),
        ...(thresholdLabel === undefined ? {} : { thresholdLabel }),
      };
    }),
    negotiation: rec.negotiation ? t(rec.negotiation) : undefined,
    ...(rec.checklist === undefined ? {} : { checklistBelow: rec.checklist.maxScore }),
    legalRefs: legal ? applicableRefIds(legal.catalogue, rec.legalRefs ?? [], legal.context) : [],
    checklist: result.checklist?.flatMap((entry) => {
      const item = items.get(entry.itemId);
      if (!item?.specification) return [];
      return [
        {
          itemId: entry.itemId,
          item: t(item.text),
          requirement: t(item.specification),
          score: entry.score,
        },
      ];
    }),
  };
}

function rankRecommendations(
  recs: RecommendationReport[],
  audience: Audience,
  distances: Map<string, number>,
) {
  return [...recs].sort(
    (a, b) =>
      Number(!a.audiences.includes(audience)) - Number(!b.audiences.includes(audience)) ||
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      (distances.get(b.id) ?? 0) - (distances.get(a.id) ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The comments, per dimension, without names; those of a small role beside others are left
 * out (`rolesWithWithheldComments`, the anonymity rule), so the report never prints them.
 */
function commentGroups(
  diagnostic: Diagnostic,
  grids: Grid[],
  lang: string,
  withheld: ReadonlySet<Role>,
): CommentGroup[] {
  const groups: CommentGroup[] = [];
  const shown = diagnostic.respondents.filter((r) => !withheld.has(r.role));
  for (const grid of grids) {
    for (const dimension of grid.dimensions) {
      // Sorted, so the order cannot be matched with the order in which people answered.
      const comments = shown
        .map((r) => r.comments[grid.id]?.[dimension.id]?.trim() ?? '')
        .filter((c) => c !== '')
        .sort((a, b) => a.localeCompare(b));
      if (comments.length > 0) {
        groups.push({
          gridId: grid.id,
          dimensionId: dimension.id,
          dimension: pickText(dimension.label, lang, grid.languages.default),
          comments,
        });
      }
    }
  }
  return groups;
}

/** Three highest and three lowest scored dimensions, without overlap. */
function strengthsAndWeaknesses(dimensions: DimensionReport[]) {
  const scored = dimensions
    .filter((d) => d.score !== null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const s = scored.length === 1 ? 1 : Math.min(3, Math.floor(scored.length / 2));
  const w = Math.min(3, scored.length - s);
  return { strengths: scored.slice(0, s), weaknesses: scored.slice(scored.length - w).reverse() };
}

function leftOutReports(grid: Grid, leftOut: LeftOut[], texts: Texts): LeftOutReport[] {
  const t = (text: Parameters<typeof pickText>[0]) => pickText(text, texts.lang, texts.fallback);
  const dimensions = new Map(grid.dimensions.map((d) => [d.id, d]));
  const items = new Map(grid.dimensions.flatMap((d) => d.items.map((i) => [i.id, i] as const)));
  const recommendations = new Map(grid.recommendations.map((r) => [r.id, r]));
  return leftOut.map((entry) => {
    const dimension = dimensions.get(entry.dimensionId ?? entry.id);
    const text =
      entry.kind === 'dimension'
        ? dimension?.label
        : entry.kind === 'item'
          ? items.get(entry.id)?.text
          : recommendations.get(entry.id)?.title;
    return {
      kind: entry.kind,
      id: entry.id,
      label: text ? t(text) : entry.id,
      ...(entry.kind === 'item' && dimension ? { dimension: t(dimension.label) } : {}),
      reasons: entry.reasons,
    };
  });
}

export type BuildReportOptions = {
  lang: string;
  generatedAt: string;
  /** The legal catalogue: without it, the report has no legal section (`legal: null`). */
  legalCatalogue?: LegalCatalogue;
  /** The kits' content (`questionnaires/kits.json`): with the catalogue, the report has `kits`. */
  kits?: KitCatalogue;
};

/** The catalogue's text in the report's language: English for `en`, else French. */
function legalText(text: { fr: string; en: string }, lang: string): string {
  return lang === 'en' ? text.en : text.fr;
}

/**
 * The legal section: the references cited by `recommendations` that apply in `context`, and
 * those it rules out.
 */
export function buildLegalReport(
  catalogue: LegalCatalogue,
  grids: readonly Grid[],
  recommendations: readonly RecommendationReport[],
  context: RoutingContext,
  lang: string,
): LegalReport {
  const cited = new Map<string, string[]>();
  for (const grid of grids) {
    for (const rec of grid.recommendations) cited.set(`${grid.id}/${rec.id}`, rec.legalRefs ?? []);
  }
  const titles = new Map(recommendations.map((r) => [`${r.gridId}/${r.id}`, r.title]));
  const selection = selectLegalReferences(
    catalogue,
    recommendations.map((r) => ({
      id: r.id,
      gridId: r.gridId,
      legalRefs: cited.get(`${r.gridId}/${r.id}`) ?? [],
    })),
    context,
  );
  return {
    references: selection.references.map(({ reference, dependsOn, citedBy }) => ({
      id: reference.id,
      citation: legalText(reference.citation, lang),
      summary: legalText(reference.summary, lang),
      grants: legalText(reference.grants, lang),
      source: reference.source,
      verifiedOn: reference.verifiedOn ?? null,
      unverified: reference.unverified
        ? {
            checkedOn: reference.unverified.checkedOn,
            reason: legalText(reference.unverified.reason, lang),
          }
        : null,
      dependsOn,
      citedBy: citedBy.map((c) => ({ ...c, title: titles.get(`${c.gridId}/${c.id}`) ?? c.id })),
    })),
    excluded: selection.excluded.map(({ reference, failed }) => ({
      id: reference.id,
      citation: legalText(reference.citation, lang),
      failed,
    })),
  };
}

/** The workshop sections are in the report for a workshop, or as soon as two people answered. */
export function hasWorkshopSections(diagnostic: Diagnostic): boolean {
  return diagnostic.purpose === 'workshop' || diagnostic.respondents.length >= 2;
}

/** Scores, aggregates and recommends every grid of a diagnostic, in one language. */
export function buildReportModel(
  diagnostic: Diagnostic,
  loadedGrids: LoadedGrid[],
  options: BuildReportOptions,
): ReportModel {
  const { lang } = options;
  const legal: LegalContext = options.legalCatalogue
    ? { catalogue: options.legalCatalogue, context: routingContextOf(diagnostic) }
    : null;
  const threshold = effectiveThreshold(diagnostic.anonymityThreshold);
  const audience = audienceForPurpose(diagnostic.purpose);
  const allRecs: RecommendationReport[] = [];
  const distances = new Map<string, number>();
  const partialReasons: PartialReasons = { unanswered: [], unscored: [] };
  const withWorkshop = hasWorkshopSections(diagnostic);
  const rolesByGrid: RolesComparedGrid[] = [];
  const topicsByGrid: TopicsGrid[] = [];
  const reliabilityByGrid: ReliabilityGrid[] = [];
  const kitItems: KitItem[] = [];

  const context = routingContextOf(diagnostic);
  // The grid as the respondents were asked it: what none of their roles is asked is left out
  // (one respondent, or one role: that role's routing and wording); inside it, the kernel scores
  // each respondent on what their own role is asked (docs/scoring.md, « Asked or not »).
  const presentRoles = diagnostic.respondents.map((r) => r.role);
  const grids: GridReport[] = loadedGrids.map((loaded) => {
    const fullGrid = loaded.grid;
    const routed = routeGridForRoles(fullGrid, context, presentRoles);
    const grid = routed.grid;
    const texts = { lang, fallback: grid.languages.default };
    const respondents = respondentsForGrid(diagnostic.respondents, grid.id);
    const aggregate = aggregateGrid(grid, respondents, { anonymityThreshold: threshold });
    if (withWorkshop) {
      const roles = rolesCompared(grid, aggregate, lang);
      if (roles) rolesByGrid.push(roles);
      const topics = discussionTopics(grid, aggregate, lang);
      if (topics) topicsByGrid.push(topics);
      const reliability = reliabilityReport(grid, aggregate, lang);
      if (reliability) reliabilityByGrid.push(reliability);
    }
    const only = respondents.length === 1 ? respondents[0] : undefined;
    const singleReasons = only
      ? new Map(
          scoreGrid(grid, only.answers, only.role).dimensions.flatMap((d) =>
            d.status === 'insufficient' ? [[d.dimensionId, d.reason] as const] : [],
          ),
        )
      : null;
    if (options.kits) kitItems.push(...kitItemsOf(grid, aggregate, lang));
    const bounds = dimensionBounds(grid);
    const dimensions = dimensionReports(grid, aggregate, singleReasons, texts, bounds);
    const results = recommend(grid, contextFromAggregate(grid, aggregate, only?.role));
    const recommendations = results.map((result) => {
      distances.set(result.recommendation.id, result.distance);
      return recommendationReport(grid, aggregate, bounds, result, texts, legal);
    });
    allRecs.push(...recommendations);
    const t = (text: Parameters<typeof pickText>[0]) =>
      pickText(text, lang, grid.languages.default);
    // Partial only when true, and why: a question someone left unanswered (« don't know » and
    // « not applicable » are answers), or a dimension without a score.
    if (respondents.length > 0) {
      const itemTexts = new Map(
        grid.dimensions.flatMap((d) => d.items.map((item) => [item.id, t(item.text)] as const)),
      );
      for (const item of aggregate.items) {
        if (item.distribution.missing > 0) {
          partialReasons.unanswered.push({
            gridId: grid.id,
            grid: t(grid.title),
            itemId: item.itemId,
            item: itemTexts.get(item.itemId) ?? item.itemId,
            missing: item.distribution.missing,
          });
        }
      }
      for (const d of dimensions) {
        if (d.score === null) {
          partialReasons.unscored.push({
            gridId: grid.id,
            grid: t(grid.title),
            dimensionId: d.id,
            dimension: d.label,
            reason: d.insufficient ?? 'coverage',
          });
        }
      }
    }
    const levels = levelsOf(grid);
    return {
      id: grid.id,
      title: t(grid.title),
      description: t(grid.description),
      version: grid.version,
      // Read when the report prints it, not before: a grid's hash (SHA-256 of its whole text)
      // cost more than the rest of the results page's model.
      get hash() {
        return loaded.hash;
      },
      family: grid.family,
      score: aggregate.score,
      level: levelRef(aggregate.level, texts),
      dimensions,
      recommendations: rankRecommendations(recommendations, audience, distances),
      minCoverage: grid.minCoverage,
      levels: levels.map((l) => levelRef(l, texts) as LevelRef),
      levelBounds: levels.map((l) => ({ id: l.id, min: l.min })),
      scales: grid.scales.map((scale) => ({
        id: scale.id,
        label: scale.label ? t(scale.label) : undefined,
        points: scale.points.map((p) => ({ value: p.value, label: t(p.label) })),
        dk: scale.allowDontKnow,
        na: scale.allowNotApplicable,
      })),
      sources: grid.sources.map((s) => ({ id: s.id, label: t(s.label), url: s.url, type: s.type })),
      leftOut: leftOutReports(fullGrid, routed.leftOut, texts),
    };
  });

  const overall = scoreOverall(grids.map((g) => ({ score: g.score })));
  const visibility = roleVisibilityOf(diagnostic.respondents, threshold);
  const { counts } = visibility;
  const { strengths, weaknesses } = strengthsAndWeaknesses(grids.flatMap((g) => g.dimensions));
  const recommendations = rankRecommendations(allRecs, audience, distances);

  return {
    lang,
    generatedAt: options.generatedAt,
    diagnostic: {
      id: diagnostic.id,
      title: diagnostic.title,
      organisation: diagnostic.organisation,
      purpose: diagnostic.purpose,
      project: diagnostic.project,
      sector: diagnostic.sector,
      size: diagnostic.size,
      context,
      createdAt: diagnostic.createdAt,
      updatedAt: diagnostic.updatedAt,
    },
    participation: {
      respondents: diagnostic.respondents.length,
      roles: visibility.visible.map((role) => ({ role, n: counts.get(role) ?? 0 })),
      masked: visibility.maskedRespondents,
      anonymityThreshold: threshold,
    },
    overall: {
      score: overall.score,
      level: levelRef(overall.level, { lang, fallback: 'fr' }),
      bounds: [...OVERALL_BOUNDS],
    },
    grids,
    strengths,
    weaknesses,
    recommendations,
    actionPlan: diagnostic.actionPlan,
    comments: commentGroups(
      diagnostic,
      loadedGrids.map((g) => routeGridForRoles(g.grid, context, presentRoles).grid),
      lang,
      rolesWithWithheldComments(counts, threshold),
    ),
    partial:
      diagnostic.respondents.length === 0 ||
      partialReasons.unanswered.length > 0 ||
      partialReasons.unscored.length > 0,
    partialReasons,
    workshop: withWorkshop
      ? { roles: rolesByGrid, topics: topicsByGrid, reliability: reliabilityByGrid }
      : null,
    evolution: null,
    legal: legal
      ? buildLegalReport(
          legal.catalogue,
          loadedGrids.map((g) => g.grid),
          allRecs,
          legal.context,
          lang,
        )
      : null,
    ...(options.kits && legal
      ? {
          kits: buildKits(options.kits, legal.catalogue, diagnostic, {
            lang,
            context,
            grids,
            items: kitItems,
            recommendations,
          }),
        }
      : {}),
  };
}
