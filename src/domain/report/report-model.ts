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
};

export type FiredReasonReport = {
  kind: 'dimension' | 'item' | 'dontKnowRate' | 'spread' | 'roleGap';
  /** Label of the dimension or text of the item the condition looks at. */
  target: string;
  op: string;
  threshold: number;
  observed: number;
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
  /** Vendor-specification checklist lines from the weakest items. */
  checklist?: { itemId: string; item: string; requirement: string; score: number }[];
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
};

export type CommentGroup = {
  gridId: string;
  dimensionId: string;
  dimension: string;
  comments: string[];
};

export type ReportModel = {
  lang: string;
  generatedAt: string;
  diagnostic: {
    id: string;
    title: string;
    organisation?: string;
    purpose: Purpose;
    project: { name: string; kind: ProjectKind; phase: ProjectPhase };
    sector?: string;
    size?: SizeBand;
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
  overall: { score: number | null; level: LevelRef | null };
  grids: GridReport[];
  /** The three highest and three lowest scored dimensions, all grids together. */
  strengths: DimensionReport[];
  weaknesses: DimensionReport[];
  /** Ranked for the diagnostic's purpose (see `audienceForPurpose`), all grids together. */
  recommendations: RecommendationReport[];
  actionPlan: ActionItem[];
  comments: CommentGroup[];
  /** True when some dimension could not be scored or some items were left unanswered. */
  partial: boolean;
};
