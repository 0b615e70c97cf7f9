/**
 * What the report's sections write to: one interface, two writers. The sections
 * (`sections/*.ts`) say what the report holds — headings, paragraphs, tables, a chart, a score —
 * from the report model, its texts and its figures; the PDF writer (`pdf/pdf-writer.ts`) lays it
 * out on A4 pages, the Word writer (`docx/docx-writer.ts`) as an editable document. So both files
 * hold the same sections in the same order, with the same words and figures.
 *
 * Sizes are the PDF's: points for text, millimetres for gaps, indents and the room a heading
 * keeps with what follows. These are hints of paged output: the Word writer maps the sizes and
 * gaps to its own units and leaves page breaks inside a section to the word processor.
 */
import type { LevelRef } from '@/domain/report/report-model';
import type { ChartSpec } from './chart-image';
import type { Cell, Column, TableOptions, TextStyle } from './layout';

export type { Cell, Column, TableOptions, TextStyle } from './layout';

export type ParagraphOptions = { indent?: number; gapAfter?: number };
export type BulletOptions = { indent?: number; bullet?: string; gapAfter?: number };

/** The cover: the document's identity and the diagnostic's context as label/value rows. */
export type CoverBlock = {
  appName: string;
  documentKind: string;
  title: string;
  organisation?: string;
  rows: [label: string, value: string][];
  note: string;
};

/** A score in large type with its level (a swatch and a word), or why there is no level. */
export type ScoreBlock = {
  label: string;
  /** « 62/100 », or the no-score mark. */
  value: string;
  /** Null when there is no score or no level: `missing` is written instead. */
  level: LevelRef | null;
  missing: string;
};

/** A chart with its level-2 heading: a radar from three axes, bars below. */
export type ChartBlock = { title: string; alt: string; spec: ChartSpec };

/** One question of the topics for discussion: its text, its figures, its answers counted. */
export type DistributionBlock = {
  question: string;
  meta: string;
  rows: { label: string; count: number; countText: string }[];
  /** Column headers where the answers are written as a table. */
  headers: [answer: string, count: string];
};

export interface ReportWriter {
  /** Width of the text column, in mm. */
  readonly width: number;
  /** The next part starts on a new page. */
  newPage(): void;
  /** The next part starts on the page the last one leaves if `room` mm are left there, else on a new page. */
  section(room: number): void;
  heading(text: string, level: 1 | 2 | 3, keepWith?: number): void;
  paragraph(
    text: string,
    style?: TextStyle,
    options?: ParagraphOptions & { align?: 'left' | 'center' | 'right' },
  ): void;
  /** A paragraph with a bold lead-in: « Pourquoi : … ». */
  labelled(label: string, text: string, style?: TextStyle, options?: ParagraphOptions): void;
  bullets(items: string[], style?: TextStyle, options?: BulletOptions): void;
  table(columns: Column[], rows: Cell[][], options?: TableOptions): void;
  /** Vertical space, in mm. */
  space(mm: number): void;
  /** Keeps the next `mm` of content together on a page. */
  ensureSpace(mm: number): void;
  /** Height of a line of text of `size` points, in mm. */
  lineHeight(size: number): number;
  /** Width of `text` in `style`, in mm. */
  measure(text: string, style: TextStyle): number;

  cover(block: CoverBlock): void;
  scoreBox(block: ScoreBlock): void;
  /** A framed notice (the partial results). */
  notice(title: string, body: string): void;
  chart(block: ChartBlock): void;
  distribution(block: DistributionBlock): void;
}
