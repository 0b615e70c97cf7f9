/**
 * A small flow-layout helper for the PDF report: a cursor moving down the page, page breaks
 * that keep headings with what follows, wrapped paragraphs, bullet lists and tables whose rows
 * are measured before they are drawn (header row repeated on every page a table spans).
 *
 * It draws through `PdfSurface`, the few jsPDF methods it needs, so that jsPDF itself is only
 * imported by render-pdf.ts (and is loaded lazily with it). Units are millimetres, font sizes
 * points. Text is never wider than the width it is given: everything goes through
 * `splitTextToSize` with the font and size it is drawn with.
 */

/** The jsPDF methods the layout uses (a jsPDF document satisfies it). */
export interface PdfSurface {
  setFont(fontName: string, fontStyle?: string): unknown;
  setFontSize(size: number): unknown;
  setTextColor(color: string): unknown;
  setDrawColor(color: string): unknown;
  setFillColor(color: string): unknown;
  setLineWidth(width: number): unknown;
  text(
    text: string | string[],
    x: number,
    y: number,
    options?: { align?: 'left' | 'center' | 'right'; baseline?: 'alphabetic' },
  ): unknown;
  splitTextToSize(text: string, maxLength: number, options?: { textIndent?: number }): string[];
  getTextWidth(text: string): number;
  rect(x: number, y: number, w: number, h: number, style?: string | null): unknown;
  line(x1: number, y1: number, x2: number, y2: number, style?: string | null): unknown;
  circle(x: number, y: number, r: number, style?: string | null): unknown;
  addPage(): unknown;
}

export type PageGeometry = {
  width: number;
  height: number;
  marginLeft: number;
  marginRight: number;
  marginTop: number;
  marginBottom: number;
};

/** Font family names as registered in the document (style 'normal' or 'bold'). */
export type FontFamilies = { sans: string; mono: string };

export type TextStyle = {
  size: number;
  bold?: boolean;
  mono?: boolean;
  color?: string;
};

export type Align = 'left' | 'center' | 'right';

/** A table cell: plain text, or text with emphasis, colour, or a colour swatch before it. */
export type Cell =
  string | { text: string; bold?: boolean; color?: string; swatch?: string | null; mono?: boolean };

export type Column = { header: string; width: number; align?: Align };

export type TableOptions = {
  size?: number;
  /** Draw the header row (default true); repeated at the top of every page the table spans. */
  header?: boolean;
  zebra?: boolean;
  headerFill?: string;
  headerColor?: string;
};

export const PT_TO_MM = 25.4 / 72;
const LINE_FACTOR = 1.32;
/** Baseline below the top of a line box, in em (DejaVu Sans ascent ≈ 0.93 em). */
const BASELINE_EM = 0.98;
const CELL_PAD_X = 1.6;
const CELL_PAD_Y = 1.3;
const SWATCH = 2.8;
const SWATCH_GAP = 1.6;
/** Table rows up to this many lines are never split between pages; taller ones may be. */
const KEEP_WHOLE_LINES = 8;
/** Paragraphs up to this many lines are never split between pages. */
const KEEP_WHOLE_PARAGRAPH = 5;

export const COLORS = {
  text: '#1f2933',
  muted: '#52606d',
  rule: '#c8d1da',
  zebra: '#f2f5f8',
  accent: '#1f4e79',
  accentLight: '#dce8f3',
  headerText: '#ffffff',
};

export const BODY_SIZE = 9.5;

/** The radar block of the PDF: its radius and the room for labels above and below, in mm. */
export const RADAR_RADIUS = 40;
export const RADAR_LABEL_SPACE = 17;
export const RADAR_HEIGHT = 2 * RADAR_RADIUS + 2 * RADAR_LABEL_SPACE;

function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

/** Replaces characters no font renders as a glyph (tabs, other controls) by spaces. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
}

/** Flow layout over a PDF document: see the module comment. */
export class Layout {
  /** Top of the next thing to draw, in mm from the top of the page. */
  y: number;

  constructor(
    readonly doc: PdfSurface,
    readonly page: PageGeometry,
    readonly fonts: FontFamilies,
    /** Called after each new page, e.g. to leave room for a running header. */
    private readonly onNewPage: () => void = () => {},
  ) {
    this.y = page.marginTop;
  }

  get left(): number {
    return this.page.marginLeft;
  }

  get right(): number {
    return this.page.width - this.page.marginRight;
  }

  get top(): number {
    return this.page.marginTop;
  }

  get bottom(): number {
    return this.page.height - this.page.marginBottom;
  }

  get width(): number {
    return this.right - this.left;
  }

  /** Height of one line of text at `size` points, in mm. */
  lineHeight(size: number): number {
    return size * PT_TO_MM * LINE_FACTOR;
  }

  /** Offset from the top of a line box to its baseline, in mm. */
  baseline(size: number): number {
    return size * PT_TO_MM * BASELINE_EM;
  }

  /**
   * The font, size and colour last set through `use` (this class is the only code that sets
   * them once the document exists). jsPDF keeps them as plain state until the next `text()`,
   * so setting one again to the same value changes nothing in the file; skipping it saves
   * thousands of calls a report (each colour is parsed again on every call).
   */
  private font = '';
  private weight = '';
  private size = Number.NaN;
  private color = '';

  /** Sets font, size and colour for what is drawn or measured next. */
  use(style: TextStyle): void {
    const font = style.mono ? this.fonts.mono : this.fonts.sans;
    const weight = style.bold ? 'bold' : 'normal';
    const color = style.color ?? COLORS.text;
    if (font !== this.font || weight !== this.weight) {
      this.doc.setFont(font, weight);
      this.font = font;
      this.weight = weight;
    }
    if (style.size !== this.size) {
      this.doc.setFontSize(style.size);
      this.size = style.size;
    }
    if (color !== this.color) {
      this.doc.setTextColor(color);
      this.color = color;
    }
  }

  /** Wrapped lines already measured: tables and headings measure the same texts twice. */
  private readonly wrapped = new Map<string, string[]>();

  /** Lines of `text` wrapped to `width` mm in `style`; explicit line breaks are kept. */
  wrap(text: string, width: number, style: TextStyle): string[] {
    this.use(style);
    const key = `${style.mono ? 'm' : 's'}${style.bold ? 'b' : 'n'}${style.size}|${width}|${text}`;
    const known = this.wrapped.get(key);
    if (known) return known;
    const clean = cleanText(text);
    const lines = clean.trim() === '' ? [''] : this.doc.splitTextToSize(clean, Math.max(width, 1));
    this.wrapped.set(key, lines);
    return lines;
  }

  /** Text width in mm in `style`. */
  measure(text: string, style: TextStyle): number {
    this.use(style);
    return this.doc.getTextWidth(cleanText(text));
  }

  /** At most `max` wrapped lines of `text`, the last one ending with an ellipsis when cut. */
  wrapAtMost(text: string, width: number, style: TextStyle, max: number): string[] {
    const lines = this.wrap(text, width, style);
    if (lines.length <= max) return lines;
    const kept = lines.slice(0, max);
    kept[max - 1] = this.fit(`${kept[max - 1] ?? ''}…`, width, style);
    return kept;
  }

  /** The longest prefix of `text` (with an ellipsis) that fits in `width` mm. */
  fit(text: string, width: number, style: TextStyle): string {
    // Line breaks become spaces; the no-break spaces of French typography stay.
    const clean = cleanText(text).replace(/[^\S\u00a0\u202f]+/g, ' ');
    if (this.measure(clean, style) <= width) return clean;
    let lo = 0;
    let hi = clean.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.measure(`${clean.slice(0, mid).trimEnd()}…`, style) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${clean.slice(0, lo).trimEnd()}…`;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
    this.onNewPage();
  }

  /**
   * Starts a section: on a new page unless at least `room` mm are left on this one (a section
   * need not leave the rest of a page blank), else after a gap.
   */
  section(room: number): void {
    if (this.y > this.top + 0.01 && this.bottom - this.y < room + 8) this.newPage();
    else this.space(8);
  }

  /**
   * Starts a new page unless `height` mm still fit above the bottom margin. Headings waiting to
   * be drawn (see `heading`) go first, on the same page as these `height` mm.
   */
  ensureSpace(height: number): void {
    if (this.pending.length > 0) this.drawPendingHeadings(height);
    if (this.y + height > this.bottom + 0.01 && this.y > this.top + 0.01) this.newPage();
  }

  space(mm: number): void {
    if (this.pending.length > 0) {
      const last = this.pending[this.pending.length - 1]!;
      last.after += mm;
      return;
    }
    this.y = Math.min(this.y + mm, this.bottom);
  }

  /**
   * Headings announced but not drawn yet: a heading is drawn with what follows it, so a run of
   * headings (a section title, then a sub-title) and the first lines, table rows or chart under
   * them always share a page; none is left alone at the foot of a page.
   */
  private pending: {
    lines: string[];
    style: TextStyle;
    level: 1 | 2 | 3;
    before: number;
    after: number;
    keepWith: number;
  }[] = [];

  /** Draws the headings waiting, on this page if they fit with `next` mm of what follows. */
  private drawPendingHeadings(next: number): void {
    const run = this.pending;
    const total = this.pendingHeight();
    this.pending = [];
    const follow = Math.max(next, run[run.length - 1]?.keepWith ?? 0);
    const atTop = this.y <= this.top + 0.01;
    if (!atTop && this.y + total + follow > this.bottom + 0.01) this.newPage();
    for (const h of run) {
      if (this.y > this.top + 0.01) this.y = Math.min(this.y + h.before, this.bottom);
      for (const line of h.lines) {
        this.use(h.style);
        this.doc.text(line, this.left, this.y + this.baseline(h.style.size));
        this.y += this.lineHeight(h.style.size);
      }
      if (h.level === 1) {
        this.y += 1;
        this.doc.setDrawColor(COLORS.accent);
        this.doc.setLineWidth(0.5);
        this.doc.line(this.left, this.y, this.right, this.y);
        this.y += 0.5;
      }
      this.y += h.after;
    }
  }

  /** The height the headings waiting will take when drawn here (none at the top of a page). */
  private pendingHeight(): number {
    const atTop = this.y <= this.top + 0.01;
    return this.pending.reduce(
      (sum, h, i) =>
        sum +
        (i === 0 && atTop ? 0 : h.before) +
        h.lines.length * this.lineHeight(h.style.size) +
        (h.level === 1 ? 1.5 : 0) +
        h.after,
      0,
    );
  }

  /** Draws what is still waiting (headings with nothing after them): call before saving. */
  finish(): void {
    if (this.pending.length > 0) this.drawPendingHeadings(0);
  }

  /**
   * Before a paragraph of `count` lines: a short one (up to KEEP_WHOLE_PARAGRAPH lines) is kept
   * whole on one page, a longer one leaves at least two lines on each page it spans (no page
   * holding only the tail of a line of sources).
   */
  private keepLines(count: number, style: TextStyle): void {
    const lh = this.lineHeight(style.size);
    if (count <= KEEP_WHOLE_PARAGRAPH) {
      this.ensureSpace(count * lh);
      return;
    }
    // The lines that would go over to the next page: never a single one. Counted below the
    // headings waiting, which are drawn with the first lines: were the paragraph moved whole
    // after them, they would stay alone at the foot of the page.
    const fit = Math.floor((this.bottom - this.y - this.pendingHeight()) / lh + 1e-6);
    const keepWhole = fit < count && count - fit < 2 && count <= 12;
    this.ensureSpace((keepWhole ? count : 2) * lh);
  }

  /** Draws prepared lines one by one, breaking pages between lines. */
  private drawLines(lines: string[], x: number, style: TextStyle, align: Align = 'left'): void {
    const lh = this.lineHeight(style.size);
    for (const line of lines) {
      this.ensureSpace(lh);
      this.use(style);
      this.doc.text(line, x, this.y + this.baseline(style.size), { align });
      this.y += lh;
    }
  }

  /** A wrapped paragraph; `indent` shifts it right (and narrows it). */
  paragraph(
    text: string,
    style: TextStyle = { size: BODY_SIZE },
    options: { indent?: number; gapAfter?: number; align?: Align } = {},
  ): void {
    const indent = options.indent ?? 0;
    const width = this.width - indent;
    const lines = this.wrap(text, width, style);
    this.keepLines(lines.length, style);
    const align = options.align ?? 'left';
    const x =
      align === 'right'
        ? this.right
        : align === 'center'
          ? this.left + indent + width / 2
          : this.left + indent;
    this.drawLines(lines, x, style, align);
    this.space(options.gapAfter ?? 1.5);
  }

  /**
   * A paragraph starting with a bold lead-in (e.g. "Why: …"), wrapped as one block: the first
   * line is indented by the lead-in's width so the bold text never pushes it past the margin.
   */
  labelled(
    label: string,
    text: string,
    style: TextStyle = { size: BODY_SIZE },
    options: { indent?: number; gapAfter?: number } = {},
  ): void {
    const indent = options.indent ?? 0;
    const width = this.width - indent;
    const lead = `${label} `;
    const leadWidth = this.measure(lead, { ...style, bold: true });
    if (leadWidth > width * 0.6) {
      this.paragraph(label, { ...style, bold: true }, { indent, gapAfter: 0 });
      this.paragraph(text, style, options);
      return;
    }
    this.use(style);
    const lines = this.doc.splitTextToSize(cleanText(text), width, { textIndent: leadWidth });
    this.keepLines(lines.length, style);
    const lh = this.lineHeight(style.size);
    const x = this.left + indent;
    lines.forEach((line, i) => {
      this.ensureSpace(lh);
      const base = this.y + this.baseline(style.size);
      if (i === 0) {
        this.use({ ...style, bold: true });
        this.doc.text(lead, x, base);
        this.use(style);
        this.doc.text(line, x + leadWidth, base);
      } else {
        this.use(style);
        this.doc.text(line, x, base);
      }
      this.y += lh;
    });
    if (lines.length === 0) {
      this.paragraph(label, { ...style, bold: true }, { indent, gapAfter: 0 });
    }
    this.space(options.gapAfter ?? 1.5);
  }

  /**
   * A heading kept on the same page as at least `keepWith` mm of what follows (by default two
   * body lines), and as the first thing drawn after it, whatever its height (a table's header
   * and first row, a chart): it is drawn with it. Level 1 is a section title with a rule under it.
   */
  heading(text: string, level: 1 | 2 | 3, keepWith?: number): void {
    const size = level === 1 ? 15 : level === 2 ? 12 : 10.5;
    const style: TextStyle = { size, bold: true, color: level === 3 ? COLORS.text : COLORS.accent };
    const before = level === 1 ? 7 : level === 2 ? 4 : 2.5;
    const after = level === 1 ? 4 : level === 2 ? 2 : 1.2;
    const lines = this.wrap(text, this.width, style);
    const follow = keepWith ?? 2 * this.lineHeight(BODY_SIZE) + 2;
    this.pending.push({ lines, style, level, before, after, keepWith: follow });
  }

  /** A bullet list; each item wraps under its own text, not under the bullet. */
  bullets(
    items: string[],
    style: TextStyle = { size: BODY_SIZE },
    options: { indent?: number; bullet?: string; gapAfter?: number } = {},
  ): void {
    const indent = options.indent ?? 0;
    const hang = 4.5;
    const lh = this.lineHeight(style.size);
    items.forEach((item, index) => {
      const bullet = options.bullet ?? '•';
      const mark = bullet === '#' ? `${index + 1}.` : bullet;
      const lines = this.wrap(item, this.width - indent - hang, style);
      lines.forEach((line, i) => {
        this.ensureSpace(lh);
        const base = this.y + this.baseline(style.size);
        this.use(style);
        if (i === 0) this.doc.text(mark, this.left + indent + 0.5, base);
        this.doc.text(line, this.left + indent + hang, base);
        this.y += lh;
      });
      this.y += 0.6;
    });
    this.space(options.gapAfter ?? 1);
  }

  /** A filled square of `color` with a thin dark border, `size` mm wide, top-left at x, y. */
  swatch(x: number, y: number, color: string, size = SWATCH): void {
    this.doc.setFillColor(color);
    this.doc.setDrawColor(COLORS.text);
    this.doc.setLineWidth(0.15);
    this.doc.rect(x, y, size, size, 'FD');
  }

  /**
   * A table: row heights measured from the wrapped cell texts, rows of up to 8 lines kept whole
   * on a page (taller rows are split between lines), header row repeated on every page.
   */
  table(columns: Column[], rows: Cell[][], options: TableOptions = {}): void {
    const size = options.size ?? 8.5;
    const lh = this.lineHeight(size);
    const showHeader = options.header ?? true;
    const headerStyle: TextStyle = {
      size,
      bold: true,
      color: options.headerColor ?? COLORS.headerText,
    };
    const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
    const scale = totalWidth > this.width ? this.width / totalWidth : 1;
    const widths = columns.map((c) => c.width * scale);

    const styleOf = (cell: Cell): TextStyle =>
      typeof cell === 'string'
        ? { size }
        : { size, bold: cell.bold ?? false, mono: cell.mono ?? false, color: cell.color };
    const innerWidth = (cell: Cell, col: number): number =>
      (widths[col] ?? 0) -
      2 * CELL_PAD_X -
      (typeof cell !== 'string' && cell.swatch ? SWATCH + SWATCH_GAP : 0);

    const headerLines = columns.map((c, i) =>
      this.wrap(c.header, (widths[i] ?? 0) - 2 * CELL_PAD_X, headerStyle),
    );
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lh + 2 * CELL_PAD_Y;

    const drawHeader = (): void => {
      if (!showHeader) return;
      this.doc.setFillColor(options.headerFill ?? COLORS.accent);
      this.doc.rect(
        this.left,
        this.y,
        widths.reduce((a, b) => a + b, 0),
        headerHeight,
        'F',
      );
      let x = this.left;
      columns.forEach((column, i) => {
        const w = widths[i] ?? 0;
        const lines = headerLines[i] ?? [];
        this.use(headerStyle);
        lines.forEach((line, k) => {
          const base = this.y + CELL_PAD_Y + k * lh + this.baseline(size);
          this.textIn(line, x, w, column.align ?? 'left', base);
        });
        x += w;
      });
      this.y += headerHeight;
    };

    const maxLinesPerPage = Math.max(
      1,
      Math.floor((this.bottom - this.top - (showHeader ? headerHeight : 0) - 2 * CELL_PAD_Y) / lh),
    );

    // Keep the header with the first row (or at least two of its lines).
    const firstLines = rows[0]
      ? Math.min(
          2,
          Math.max(
            ...rows[0].map(
              (cell, i) => this.wrap(cellText(cell), innerWidth(cell, i), styleOf(cell)).length,
            ),
          ),
        )
      : 0;
    this.ensureSpace((showHeader ? headerHeight : 0) + firstLines * lh + 2 * CELL_PAD_Y);
    drawHeader();

    rows.forEach((row, rowIndex) => {
      const cellLines = row.map((cell, i) =>
        this.wrap(cellText(cell), innerWidth(cell, i), styleOf(cell)),
      );
      const total = Math.max(1, ...cellLines.map((l) => l.length));
      let offset = 0;
      while (offset < total) {
        const remaining = total - offset;
        const available = Math.floor((this.bottom - this.y - 2 * CELL_PAD_Y) / lh + 1e-6);
        const mustBreak =
          available < Math.min(remaining, 2) ||
          (remaining <= Math.min(maxLinesPerPage, KEEP_WHOLE_LINES) && available < remaining);
        if (mustBreak && this.y > this.top + (showHeader ? headerHeight : 0) + 0.01) {
          this.newPage();
          drawHeader();
          continue;
        }
        const take = Math.max(1, Math.min(available, remaining));
        const height = take * lh + 2 * CELL_PAD_Y;
        const fullWidth = widths.reduce((a, b) => a + b, 0);
        if ((options.zebra ?? true) && rowIndex % 2 === 1) {
          this.doc.setFillColor(COLORS.zebra);
          this.doc.rect(this.left, this.y, fullWidth, height, 'F');
        }
        let x = this.left;
        row.forEach((cell, i) => {
          const w = widths[i] ?? 0;
          const style = styleOf(cell);
          let textX = x;
          let textW = w;
          if (typeof cell !== 'string' && cell.swatch && offset === 0) {
            this.swatch(x + CELL_PAD_X, this.y + CELL_PAD_Y + (lh - SWATCH) / 2, cell.swatch);
          }
          if (typeof cell !== 'string' && cell.swatch) {
            textX += SWATCH + SWATCH_GAP;
            textW -= SWATCH + SWATCH_GAP;
          }
          const lines = (cellLines[i] ?? []).slice(offset, offset + take);
          this.use(style);
          lines.forEach((line, k) => {
            const base = this.y + CELL_PAD_Y + k * lh + this.baseline(size);
            this.textIn(line, textX, textW, columns[i]?.align ?? 'left', base);
          });
          x += w;
        });
        this.doc.setDrawColor(COLORS.rule);
        this.doc.setLineWidth(0.2);
        this.doc.line(this.left, this.y + height, this.left + fullWidth, this.y + height);
        this.y += height;
        offset += take;
      }
    });
    this.space(3);
  }

  /** Writes one line inside a cell of width `w` starting at `x`, with padding and alignment. */
  private textIn(line: string, x: number, w: number, align: Align, baseline: number): void {
    if (align === 'right') this.doc.text(line, x + w - CELL_PAD_X, baseline, { align: 'right' });
    else if (align === 'center') this.doc.text(line, x + w / 2, baseline, { align: 'center' });
    else this.doc.text(line, x + CELL_PAD_X, baseline);
  }
}
