/**
 * The report model: everything the results page and the PDF show, computed once by the domain.
 * Grid wording is already resolved in the report's language; UI words (section titles, level
 * names of the default bands are in the grid's levels too) are translated by the renderer from
 * the ids and codes found here. Numbers are unrounded: renderers round for display.
 */
import type {
  ActionItem,
  ProjectKind,
  ProjectPhase,
  Purpose,
  SizeBand,
} from '@/domain/diagnostic/diagnostic';
import type { Audience, Priority } from '@/domain/grid/schema';
import type { Role } from '@/domain/answers/answers';
import type { ItemChangeKind } from '@/domain/compare/compare-grids';
import type { ContextField, RoutingContext } from '@/domain/context/applies-when';
import type { LegalAppliesWhen } from '@/domain/legal/schema';
import type { DimensionBounds } from '@/domain/scoring/display';
import type { LeftOutReason } from '@/domain/context/route-grid';
import type { DeploymentKit, RepresentativesKit } from '@/domain/kits/kits';

/** A dimension, item or recommendation the context left out, its text resolved, and why. */
export type LeftOutReport = {
  kind: 'dimension' | 'item' | 'recommendation';
  id: string;
  /** Dimension label, item text or recommendation title, in the report's language. */
  label: string;
  /** The label of a left-out item's dimension. */
  dimension?: string;
  reasons: LeftOutReason[];
};

export type LevelRef = { id: string; label: string; color: string };

export type SpreadStats = {
  sd: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
  median: number;
};

export type DimensionReport = {
  gridId: string;
  id: string;
  label: string;
  description: string;
  /** null when the dimension has too few answers: shown as a gap with its reason, never as 0. */
  score: number | null;
  level: LevelRef | null;
  /** 'coverage': below the grid's minimum coverage; 'zeroWeight': only weight-0 items answered. */
  insufficient: null | 'coverage' | 'zeroWeight';
  /** Share of items answered (mean over respondents), in [0, 1]. */
  coverage: number;
  /** Share of "don't know" answers, in [0, 1]. */
  dkRate: number;
  /** Respondents with a score on this dimension. */
  n: number;
  /** Spread of respondents' scores (several respondents only). */
  spread: SpreadStats | null;
  /** What its figures are compared with, so that they are shown on the right side (docs/scoring.md). */
  bounds: DimensionBounds;
};

export type FiredReasonReport = {
  kind: 'dimension' | 'item' | 'dontKnowRate' | 'spread' | 'roleGap';
  /** Label of the dimension or text of the item the condition looks at. */
  target: string;
  op: string;
  threshold: number;
  observed: number;
  /**
   * How many respondents' figures `observed` is made of: 1 for one person's answer or score, more
   * for a mean (« réponse moyenne » is said only then).
   */
  n: number;
  /** Bounds the observed figure is shown against (docs/scoring.md): its threshold, and for a dimension score its band bounds. */
  bounds: readonly number[];
  /**
   * Role-gap reasons: the two role means the gap is made of, so that the gap is shown as the
   * difference of the shown means, as in the topics for discussion (docs/scoring.md).
   */
  means?: { high: number; low: number; bounds: readonly number[] };
  /**
   * A `dimension` reason read on one role's own score (a role shown apart, or the one
   * respondent's role): the shown reason names it (« Salarié·e : 42/100, sous 50 »).
   */
  role?: Role;
  /** Item reasons: the label of the answer given, when one person answered. */
  observedLabel?: string;
  /** Item reasons: the label of the scale point of the threshold. */
  thresholdLabel?: string;
};

/** Why a diagnostic is partial, stated: questions without an answer, dimensions without a score. */
export type PartialReasons = {
  /** Questions some respondent left without an answer (« je ne sais pas » and « non concerné » are answers). */
  unanswered: { gridId: string; grid: string; itemId: string; item: string; missing: number }[];
  /** Dimensions without a score, with the reason. */
  unscored: {
    gridId: string;
    grid: string;
    dimensionId: string;
    dimension: string;
    reason: 'coverage' | 'zeroWeight';
  }[];
};

export type RecommendationReport = {
  id: string;
  gridId: string;
  title: string;
  body: string;
  actions: string[];
  priority: Priority;
  audiences: Audience[];
  sources: { id: string; label: string; url?: string; type?: string }[];
  reasons: FiredReasonReport[];
  /** For union audiences: the point to negotiate and its legal hook. */
  negotiation?: string;
  /**
   * Legal catalogue ids the recommendation rests on that apply to the diagnostic's context
   * (surely or depending on what it does not know); details in `ReportModel.legal`.
   */
  legalRefs: string[];
  /** Vendor-specification checklist lines from the weakest items. */
  checklist?: { itemId: string; item: string; requirement: string; score: number }[];
  /** The checklist's `maxScore`: its items score below it (their scores are shown against it). */
  checklistBelow?: number;
};

export type GridReport = {
  id: string;
  title: string;
  description: string;
  version: string;
  hash: string;
  family: string;
  score: number | null;
  level: LevelRef | null;
  dimensions: DimensionReport[];
  recommendations: RecommendationReport[];
  minCoverage: number;
  levels: LevelRef[];
  levelBounds: { id: string; min: number }[];
  scales: {
    id: string;
    label?: string;
    points: { value: number; label: string }[];
    dk: boolean;
    na: boolean;
  }[];
  sources: { id: string; label: string; url?: string; type?: string }[];
  /** What the diagnostic's context left out of this grid (never asked, scored or fired). */
  leftOut: LeftOutReport[];
};

export type CommentGroup = {
  gridId: string;
  dimensionId: string;
  dimension: string;
  comments: string[];
};

/**
 * Roles compared on one grid, exactly as the workshop page shows them: the mean of everyone and
 * of each visible role per dimension. Masked roles are not here at all (only counted in `masked`).
 */
export type RolesComparedGrid = {
  gridId: string;
  title: string;
  /** Visible roles, in `ROLES` order, with their number of respondents. */
  roles: { role: Role; n: number }[];
  /** Respondents of the roles not shown apart (one anonymous total). */
  masked: number;
  dimensions: {
    id: string;
    label: string;
    /** Mean of all respondents; null when nobody has a score. */
    all: number | null;
    /** One entry per visible role, same order as `roles`; null when withheld or without score. */
    byRole: (number | null)[];
    /**
     * Same order as `roles`: true when that role is not asked the dimension (its score is then
     * null, and it is neither a score nor a missing score: shown « non posée », not « — »).
     */
    notAsked?: boolean[];
    /** Bounds the means are shown against (docs/scoring.md). */
    bounds: number[];
  }[];
};

/** One line of an item's answer distribution: a point of its scale, or dk / na / no answer. */
export type DistributionRow =
  | { kind: 'value'; value: number; label: string; count: number }
  | { kind: 'dk' | 'na' | 'missing'; count: number };

/** Where views diverge most on one grid (the workshop's "topics for discussion"). */
export type TopicsGrid = {
  gridId: string;
  title: string;
  dimensions: {
    id: string;
    label: string;
    sd: number;
    mean: number;
    n: number;
    /** Bounds of the dimension's figures (docs/scoring.md). */
    bounds: DimensionBounds;
  }[];
  roleGaps: {
    id: string;
    label: string;
    roleA: Role;
    meanA: number;
    roleB: Role;
    meanB: number;
    gap: number;
    /** Bounds of the dimension's figures: `score` for the means, `roleGap` for the gap. */
    bounds: DimensionBounds;
  }[];
  items: {
    id: string;
    text: string;
    dimension: string;
    sd: number;
    mean: number;
    n: number;
    distribution: DistributionRow[];
  }[];
};

/** Internal consistency of one grid's dimensions (Cronbach's α), as the workshop page shows it. */
export type ReliabilityGrid = {
  gridId: string;
  title: string;
  dimensions: {
    id: string;
    label: string;
    items: number;
    completeCases: number;
    /** Null with one item, too few complete cases, or identical answers. */
    alpha: number | null;
    /** Items whose removal raises α, with α without them. */
    lowering: { text: string; alphaIfDeleted: number }[];
  }[];
};

/** The workshop sections of the report (several respondents, or a workshop purpose). */
export type WorkshopReport = {
  /** Grids with at least one visible role and some data. */
  roles: RolesComparedGrid[];
  /** Grids with at least one divergence (two or more scores on a dimension or item). */
  topics: TopicsGrid[];
  /** Grids answered by enough respondents for α (`MIN_RESPONDENTS_FOR_ALPHA`). */
  reliability: ReliabilityGrid[];
};

/** T0 → T1 on one grid: compared on the items both versions share unchanged. */
export type EvolutionGrid = {
  gridId: string;
  title: string;
  versions: { t0: string; t1: string };
  dimensions: {
    id: string;
    label: string;
    t0: number | null;
    t1: number | null;
    /** t1 − t0, null when either side has no score. */
    delta: number | null;
    /** Items the dimension was compared on. */
    items: number;
    /** On each side, asked of no respondent (« non posée »; `DimensionDelta.notAsked`). */
    notAsked: { t0: boolean; t1: boolean };
    /** Bounds each side is shown against (docs/scoring.md). */
    bounds: { t0: number[]; t1: number[] };
  }[];
  grid: {
    t0: number | null;
    t1: number | null;
    delta: number | null;
    bounds: { t0: number[]; t1: number[] };
  };
  /** Items left out of the comparison, with their text (T1's, or T0's for removed ones). */
  leftOut: {
    added: string[];
    removed: string[];
    changed: { item: string; changes: ItemChangeKind[] }[];
  };
  /** Labels of the dimensions present on one side only, never compared. */
  dimensionsOnly: { t0: string[]; t1: string[] };
  commonItems: number;
};

/** The evolution since a baseline diagnostic (T0); the report's diagnostic is T1. */
export type EvolutionReport = {
  baseline: { id: string; title: string; updatedAt: string; respondents: number };
  respondents: number;
  grids: EvolutionGrid[];
  /** Grid ids of the report that the baseline does not have (not compared). */
  notCompared: string[];
};

/** One legal reference as the report shows it, in the report's language. */
export type LegalReferenceReport = {
  id: string;
  citation: string;
  summary: string;
  grants: string;
  /** The official source, as plain text. */
  source: string;
  /** The day it was checked against the official text; null when it could not be. */
  verifiedOn: string | null;
  /** When it could not be checked: the day it was looked for, and why. */
  unverified: { checkedOn: string; reason: string } | null;
  /**
   * The part of its condition the diagnostic's context does not know (size, CSE, union
   * delegates…): it applies if this holds. Empty when it surely applies.
   */
  dependsOn: LegalAppliesWhen;
  /** The recommendations of the report citing it. */
  citedBy: { gridId: string; id: string; title: string }[];
};

/**
 * The legal references of the report: those cited by its recommendations that apply to the
 * diagnostic's context, and those the context rules out (with the reason), for the method annex.
 */
export type LegalReport = {
  references: LegalReferenceReport[];
  excluded: { id: string; citation: string; failed: ContextField[] }[];
};

export type ReportModel = {
  lang: string;
  generatedAt: string;
  diagnostic: {
    id: string;
    title: string;
    organisation?: string;
    purpose: Purpose;
    project: { name: string; kind: ProjectKind; phase?: ProjectPhase };
    sector?: string;
    size?: SizeBand;
    /** The context routing read (the start form's answers, or what older diagnostics recorded). */
    context: RoutingContext;
    createdAt: string;
    updatedAt: string;
  };
  participation: {
    respondents: number;
    /** Visible roles only; masked roles are counted in `masked`, never named. */
    roles: { role: Role; n: number }[];
    masked: number;
    anonymityThreshold: number;
  };
  /** `bounds`: the default band bounds, for display (docs/scoring.md). */
  overall: { score: number | null; level: LevelRef | null; bounds: number[] };
  grids: GridReport[];
  /** The three highest and three lowest scored dimensions, all grids together. */
  strengths: DimensionReport[];
  weaknesses: DimensionReport[];
  /** Ranked for the diagnostic's purpose (see `audienceForPurpose`), all grids together. */
  recommendations: RecommendationReport[];
  actionPlan: ActionItem[];
  comments: CommentGroup[];
  /**
   * True when some question was left without an answer or some dimension has no score (and when
   * nobody answered); `partialReasons` says which.
   */
  partial: boolean;
  partialReasons: PartialReasons;
  /** Roles compared and topics for discussion: only for a workshop or two respondents or more. */
  workshop: WorkshopReport | null;
  /** Evolution since a baseline (T0), when the report is built against one. */
  evolution: EvolutionReport | null;
  /** Legal references, when the report is built with the legal catalogue. */
  legal: LegalReport | null;
  /**
   * The kit of the diagnostic's purpose (src/domain/kits): the representatives' kit for a
   * negotiation, the deployment kit for an early-stage diagnostic; absent when the report is
   * built without the kits' content and the legal catalogue.
   */
  kits?: { representatives: RepresentativesKit | null; deployment: DeploymentKit | null };
};
