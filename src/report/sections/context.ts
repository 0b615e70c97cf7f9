/**
 * What every section of the report reads besides the writer: the model, the translation of the
 * `report` namespace, the app's number and date formatting (`report-text.ts` over
 * `i18n/format.ts`) and the small helpers built from them once per report.
 */
import type { ProjectKind, SizeBand } from '@/domain/diagnostic/diagnostic';
import type {
  DimensionReport,
  GridReport,
  LegalReferenceReport,
  LevelRef,
  RecommendationReport,
  ReportModel,
} from '@/domain/report/report-model';
import type { ChartSpec } from '../chart-image';
import { BODY_SIZE, COLORS, type Cell, RADAR_HEIGHT, type TextStyle } from '../layout';
import { conditionText, longDay, statusText } from '../legal-text';
import {
  colonOf,
  formatters,
  type Formatters,
  reasonText,
  reportLocale,
  type Translate,
} from '../report-text';

export const BODY: TextStyle = { size: BODY_SIZE };
export const SMALL: TextStyle = { size: 8, color: COLORS.muted };
/** Room a section needs at the foot of a page to start there: its title, a few lines, a score box (its chart may go on the next page, with its heading). */
export const SECTION_ROOM = 90;
/**
 * Room a grid's section needs to start at the foot of a page: its title, identity, description
 * and score box (60 mm) with its radar's heading and the radar. With less, the title and score
 * would stay alone at the foot of a page and the radar open the next one.
 */
export const GRID_WITH_RADAR_ROOM = 60 + 10 + RADAR_HEIGHT;

/** One axis of a chart: a grid or a dimension; bounds say where rounding must keep decimals. */
export type ChartAxis = {
  label: string;
  score: number | null;
  bounds?: { score: readonly number[] };
};

export type ReportContext = {
  model: ReportModel;
  t: Translate;
  f: Formatters;
  /** « Pourquoi : », "Why:". */
  colon: (label: string) => string;
  gridTitle: (id: string) => string;
  /** A score by the display rule (docs/scoring.md), or the no-score mark. */
  scoreText: (score: number | null, bounds: readonly number[]) => string;
  gridBounds: (grid: GridReport) => number[];
  levelCell: (dim: {
    score: number | null;
    level: LevelRef | null;
    insufficient?: DimensionReport['insufficient'];
  }) => Cell;
  /** Why a recommendation fired, its reasons in words. */
  reasonsText: (rec: RecommendationReport) => string;
  /** A chart of these axes: a radar from three, bars below, values written as the tables write them. */
  chartSpec: (axes: readonly ChartAxis[]) => ChartSpec;
  legal: {
    byId: Map<string, LegalReferenceReport>;
    /** A catalogue day as a long date in the report's language. */
    day: (ymd: string) => string;
    /** « État du droit vérifié au … ; ce n'est pas un conseil juridique », or why not verified. */
    status: (ref: LegalReferenceReport) => string;
    /** The context a reference depends on, in words. */
    condition: (ref: LegalReferenceReport) => string;
    /** The citation, with its condition when it has one. */
    citation: (ref: LegalReferenceReport) => string;
  };
};

export function reportContext(model: ReportModel, t: Translate): ReportContext {
  const f = formatters(model.lang);
  const colon = colonOf(model.lang);
  const gridTitles = new Map(model.grids.map((g) => [g.id, g.title]));
  const scoreText = (score: number | null, bounds: readonly number[]): string =>
    score === null ? t('common.noScore') : f.score(score, bounds);
  const day = (ymd: string): string => longDay(ymd, reportLocale(model.lang));
  // The catalogue's conditions name size bands and project kinds, each with its label.
  const contextLabel = (field: 'size' | 'projectKind', value: SizeBand | ProjectKind): string =>
    field === 'size'
      ? t(`labels.size.${value as SizeBand}`)
      : t(`labels.projectKind.${value as ProjectKind}`);
  const condition = (ref: LegalReferenceReport): string =>
    conditionText(ref.dependsOn, t, contextLabel);
  return {
    model,
    t,
    f,
    colon,
    gridTitle: (id) => gridTitles.get(id) ?? id,
    scoreText,
    gridBounds: (g) => g.levelBounds.map((b) => b.min),
    levelCell: (dim) => {
      if (dim.score === null || dim.level === null) {
        const reason = dim.insufficient === 'zeroWeight' ? 'zeroWeight' : 'coverage';
        return {
          text: dim.score === null ? t(`insufficient.${reason}`) : t('common.noLevel'),
          color: COLORS.muted,
        };
      }
      return { text: dim.level.label, swatch: dim.level.color };
    },
    reasonsText: (rec) =>
      rec.reasons.length === 0
        ? t('rec.noReason')
        : rec.reasons.map((r) => reasonText(r, t, model.lang)).join(t('common.listSeparator')),
    chartSpec: (axes) => ({
      kind: axes.length >= 3 ? 'radar' : 'bars',
      axes: axes.map((a) => ({
        label: a.label,
        score: a.score,
        value:
          a.score === null
            ? t('insufficient.radar')
            : t('common.scoreOutOf', { score: f.score(a.score, a.bounds?.score) }),
      })),
      ticks: (axes.length >= 3 ? [25, 50, 75, 100] : [0, 50, 100]).map((v) => f.int(v)),
    }),
    legal: {
      byId: new Map((model.legal?.references ?? []).map((ref) => [ref.id, ref])),
      day,
      status: (ref) => statusText(ref, t, day),
      condition,
      citation: (ref) =>
        Object.keys(ref.dependsOn).length > 0
          ? `${ref.citation} (${colon(t('legal.dependsOn'))} ${condition(ref)})`
          : ref.citation,
    },
  };
}
