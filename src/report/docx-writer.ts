/**
 * The Word report's writer: the report's sections (`sections/`) as an editable document —
 * headings as Word's Heading 1–3 styles (the navigation pane lists them), tables as Word tables
 * with a repeated header row, bullets as Word lists, charts as PNG images drawn from the same
 * figures (`chart-image.ts`). The PDF's sizes (points) and gaps (mm) are mapped to Word's units;
 * keeping content together on a page is left to the word processor. Only `render-docx.ts`
 * creates it (the `docx` library is loaded with it, when the user asks for the file).
 */
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  type IParagraphOptions,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ChartSpec, PngImage } from './chart-image';
import { BODY_SIZE, cleanText, COLORS, PT_TO_MM } from './layout';
import type {
  BulletOptions,
  Cell,
  ChartBlock,
  Column,
  CoverBlock,
  DistributionBlock,
  ParagraphOptions,
  ReportWriter,
  ScoreBlock,
  TableOptions,
  TextStyle,
} from './writer';

export const hex = (color: string): string => color.replace('#', '').toUpperCase();
/** Word's unit of lengths: a twentieth of a point. */
const TWIPS_PER_MM = 1440 / 25.4;
/** Text width of the page (A4, 2 cm margins), in twips and mm. */
const TEXT_TWIPS = 9638;
const TEXT_MM = 170;
/** A PDF size in points as Word's half-points, a little larger: Calibri is smaller than DejaVu Sans. */
export const halfPoints = (size: number): number => Math.round(size * 2 + 1);
const twips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

type RunStyle = { size?: number; bold?: boolean; color?: string; mono?: boolean };

/** Text as runs: a style, line breaks kept, and no character XML refuses (controls). */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          ...(i > 0 ? { break: 1 } : {}),
          bold: style.bold,
          color: style.color ? hex(style.color) : undefined,
          size: style.size === undefined ? undefined : halfPoints(style.size),
          ...(style.mono ? { font: 'Courier New' } : {}),
        }),
    );
}

export type DocxBlock = Paragraph | Table;

export class DocxWriter implements ReportWriter {
  readonly width = TEXT_MM;
  /** The document's body, in order; a chart is its image's paragraph once drawn. */
  readonly blocks: (DocxBlock | Promise<DocxBlock>)[] = [];
  private breakBefore = false;
  /** Paragraphs still to keep with the next one (after a heading: its first lines). */
  private keepWithNext = 0;
  /** The last block is a table: the next paragraph keeps a gap from it, another table needs one between. */
  private afterTable = false;

  constructor(
    private readonly chartImage: (spec: ChartSpec) => Promise<PngImage>,
    private readonly colon: (label: string) => string,
  ) {}

  /** The body, once every chart is drawn; fails when one cannot be (a radar is never left out). */
  async body(): Promise<DocxBlock[]> {
    if (this.afterTable) this.blocks.push(new Paragraph({ children: [] }));
    this.afterTable = false;
    return Promise.all(this.blocks);
  }

  /** Page breaks go before the next heading, as Word's « saut de page avant ». */
  newPage(): void {
    this.breakBefore = true;
  }
  section(): void {
    this.breakBefore = true;
  }
  heading(text: string, level: 1 | 2 | 3): void {
    this.blocks.push(
      this.flow({
        heading:
          level === 1
            ? HeadingLevel.HEADING_1
            : level === 2
              ? HeadingLevel.HEADING_2
              : HeadingLevel.HEADING_3,
        keepNext: true,
        children: runs(text),
      }),
    );
    // A heading's first two paragraphs go with it (a recommendation's priority and reason).
    this.keepWithNext = 2;
  }
  paragraph(
    text: string,
    style: TextStyle = { size: BODY_SIZE },
    options: ParagraphOptions & { align?: 'left' | 'center' | 'right' } = {},
  ): void {
    this.blocks.push(
      this.flow({
        alignment:
          options.align === 'right'
            ? AlignmentType.RIGHT
            : options.align === 'center'
              ? AlignmentType.CENTER
              : undefined,
        ...this.spacing(options),
        children: runs(text, style),
      }),
    );
  }
  labelled(
    label: string,
    text: string,
    style: TextStyle = { size: BODY_SIZE },
    options: ParagraphOptions = {},
  ): void {
    this.blocks.push(
      this.flow({
        ...this.spacing(options),
        children: [...runs(`${label} `, { ...style, bold: true }), ...runs(text, style)],
      }),
    );
  }
  bullets(
    items: string[],
    style: TextStyle = { size: BODY_SIZE },
    options: BulletOptions = {},
  ): void {
    for (const item of items)
      this.blocks.push(
        this.flow({
          bullet: { level: 0 },
          ...(options.indent
            ? { indent: { left: twips(options.indent) + 360, hanging: 360 } }
            : {}),
          children: runs(item, style),
        }),
      );
  }
  table(columns: Column[], rows: Cell[][], options: TableOptions = {}): void {
    const size = options.size ?? 8.5;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const border = { style: BorderStyle.SINGLE, size: 4, color: hex(COLORS.rule) };
    const cellOf = (cell: Cell, align: Column['align'], header: boolean): TableCell => {
      const c = typeof cell === 'string' ? { text: cell } : cell;
      const style: RunStyle = {
        size,
        bold: header || c.bold,
        color: header ? COLORS.headerText : c.color,
        mono: !header && typeof cell !== 'string' && cell.mono,
      };
      return new TableCell({
        // One paragraph per line of the text (the cover's list of grids).
        children: cleanText(c.text)
          .split('\n')
          .map(
            (line, i) =>
              new Paragraph({
                alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [
                  ...(i === 0 && c.swatch ? runs('■ ', { color: c.swatch, size }) : []),
                  ...runs(line, style),
                ],
              }),
          ),
        shading: header
          ? { type: ShadingType.CLEAR, color: 'auto', fill: hex(COLORS.accent) }
          : undefined,
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
      });
    };
    const header = options.header ?? true;
    this.takeBreak();
    this.keepWithNext = 0;
    // Two tables in a row would merge into one: a paragraph between them.
    if (this.afterTable) this.blocks.push(new Paragraph({ spacing: { after: 60 }, children: [] }));
    this.afterTable = true;
    this.blocks.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: columns.map((c) => Math.round((TEXT_TWIPS * c.width) / total)),
        borders: {
          top: border,
          bottom: border,
          left: border,
          right: border,
          insideHorizontal: border,
          insideVertical: border,
        },
        rows: [
          ...(header
            ? [
                new TableRow({
                  tableHeader: true,
                  children: columns.map((c) => cellOf(c.header, c.align, true)),
                }),
              ]
            : []),
          ...rows.map(
            (row) =>
              new TableRow({
                cantSplit: true,
                children: row.map((cell, i) => cellOf(cell, columns[i]?.align, false)),
              }),
          ),
        ],
      }),
    );
  }
  space(): void {}
  ensureSpace(): void {}
  lineHeight(size: number): number {
    return size * PT_TO_MM * 1.32;
  }
  measure(text: string, style: TextStyle): number {
    // An estimate (no font metrics here): only column widths, in proportion, depend on it.
    return text.length * style.size * PT_TO_MM * (style.bold ? 0.58 : 0.55);
  }

  cover(block: CoverBlock): void {
    this.blocks.push(
      new Paragraph({ children: runs(block.appName, { bold: true, color: COLORS.accent }) }),
      new Paragraph({ heading: HeadingLevel.TITLE, children: runs(block.title) }),
      new Paragraph({
        spacing: { after: 200 },
        children: runs(block.documentKind, { bold: true, size: 13.5, color: COLORS.accent }),
      }),
    );
    if (block.organisation) this.paragraph(block.organisation, { size: 12.5 });
    this.table(
      [
        { header: '', width: 52 },
        { header: '', width: 118 },
      ],
      block.rows.map(([label, value]) => [{ text: label, bold: true, color: COLORS.muted }, value]),
      { header: false, size: 9.5 },
    );
    this.paragraph(block.note, { size: 8, color: COLORS.muted });
  }
  /** The PDF's framed score as one shaded line: « Score global : 62/100   ■ En progrès ». */
  scoreBox({ label, value, level, missing }: ScoreBlock): void {
    this.blocks.push(
      this.flow({
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(COLORS.accentLight) },
        spacing: { before: 80, after: 120 },
        children: [
          ...runs(`${this.colon(label)} `, { bold: true, color: COLORS.accent, size: BODY_SIZE }),
          ...runs(value, { bold: true, size: 15.5 }),
          ...runs('   '),
          ...(level !== null
            ? [
                ...runs('■ ', { color: level.color, size: 13.5 }),
                ...runs(level.label, { bold: true, size: BODY_SIZE }),
              ]
            : runs(missing, { color: COLORS.muted, size: BODY_SIZE })),
        ],
      }),
    );
  }
  notice(title: string, body: string): void {
    this.blocks.push(
      this.flow({
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF4E0' },
        border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'B45309', space: 6 } },
        spacing: { before: 160, after: 160 },
        children: [
          ...runs(title, { bold: true, color: '#b45309', size: 10 }),
          new TextRun({ break: 1 }),
          ...runs(body, { size: 8.5 }),
        ],
      }),
    );
  }
  chart({ title, alt, spec }: ChartBlock): void {
    this.heading(title, 2);
    const image = this.chartImage(spec).then(
      (png) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: false,
          children: [
            new ImageRun({
              type: 'png',
              data: png.data,
              transformation: { width: png.width, height: png.height },
              altText: { name: alt, title: alt, description: alt },
            }),
          ],
        }),
    );
    // Awaited by `body()`; a failure before then must not count as unhandled.
    image.catch(() => {});
    this.blocks.push(image);
  }
  distribution({ question, meta, rows, headers }: DistributionBlock): void {
    // The question and its figures stay with their table.
    this.keepWithNext = 2;
    this.paragraph(question, { size: 8.5, bold: true }, { gapAfter: 0.2 });
    this.paragraph(meta, { size: 7.5, color: COLORS.muted }, { indent: 4.5, gapAfter: 0.8 });
    this.table(
      [
        { header: headers[0], width: 120 },
        { header: headers[1], width: 40, align: 'right' },
      ],
      rows.map((row) => [row.label, row.countText]),
    );
  }

  /** A paragraph of the flow: a pending page break, kept with the next, apart from a table above. */
  private flow(options: IParagraphOptions): Paragraph {
    const keepNext = options.keepNext === true || this.keepWithNext > 0;
    if (this.keepWithNext > 0) this.keepWithNext -= 1;
    const gap = this.afterTable ? 160 : undefined;
    this.afterTable = false;
    return new Paragraph({
      ...options,
      pageBreakBefore: this.takeBreak(),
      keepNext,
      ...(gap === undefined ? {} : { spacing: { ...options.spacing, before: gap } }),
    });
  }

  private takeBreak(): boolean {
    const before = this.breakBefore;
    this.breakBefore = false;
    return before;
  }
  private spacing(options: ParagraphOptions): {
    spacing: { after: number };
    indent?: { left: number };
  } {
    return {
      spacing: { after: twips(options.gapAfter ?? 1.5) },
      ...(options.indent ? { indent: { left: twips(options.indent) } } : {}),
    };
  }
}
