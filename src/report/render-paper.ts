/**
 * The paper questionnaire (for the room): A4 copies of the diagnostic's grids as routed
 * for one role, for staff without a device. Each copy has its own respondent code, printed in
 * the header of every page, so the answers typed back (the workshop's entry screen) are one
 * respondent, and a copy typed twice counts once. Each item has a box per scale point, then
 * « don't know » and « not applicable » set apart; under each box's label is the key that types
 * it on the entry screen (paper-sequence.ts: the same source).
 *
 * Loaded with `import()`, like render-pdf.ts; jsPDF is shared between the two chunks.
 */
import { jsPDF } from 'jspdf';
import type { Grid, Scale } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { answerKeys, paperSequence, type PaperQuestion } from '@/domain/room/paper-sequence';
import { canDeflateNatively, deflatePdf } from './deflate-pdf';
import { DEJAVU_SANS } from './fonts/dejavu-sans';
import { DEJAVU_SANS_BOLD } from './fonts/dejavu-sans-bold';
import { COLORS, Layout, type PageGeometry, type TextStyle } from './layout';
import { localeOf } from '@/i18n/format';

/** A translation function bound to the `room` namespace and the paper's language. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** ASCII letters and digits separated by dashes, at most 80 characters. */
function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

const FONT = 'DejaVuSans';

const PAGE: PageGeometry = {
  width: 210,
  height: 297,
  marginLeft: 15,
  marginRight: 15,
  marginTop: 24,
  marginBottom: 18,
};

export type PaperInput = {
  diagnosticTitle: string;
  /** The grids as routed for the role (routeGrid with the role), in the diagnostic's order. */
  grids: Grid[];
  roleLabel: string;
  /** One code per copy (paper-code.ts). */
  codes: string[];
  lang: string;
  /** The diagnostic's anonymity threshold, for the notice. */
  threshold: number;
  /** ISO date of printing (file name). */
  printedAt: string;
};

const TEXT: TextStyle = { size: 9.5 };
const SMALL: TextStyle = { size: 7, color: COLORS.muted };
const ITEM: TextStyle = { size: 9 };
const BOX = 4.2;
/** Width of one answer column. */
const COLUMN = 13.5;
/** Gap between the scale's points and « don't know » / « not applicable ». */
const APART = 3;

/** `questionnaire-papier-<slug>-<role>-<date>.pdf` */
export function paperFileName(input: PaperInput, t: Translate): string {
  const base = slugify(`${t('paper.pdf.filePrefix')} ${input.diagnosticTitle} ${input.roleLabel}`);
  return `${base || 'questionnaire'}-${input.printedAt.slice(0, 10)}.pdf`;
}

/** The PDF of every copy, one after the other, each starting on a new page. */
export async function renderPaperPdf(
  input: PaperInput,
  t: Translate,
): Promise<{ blob: Blob; fileName: string; pages: number }> {
  const native = canDeflateNatively();
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: !native });
  doc.addFileToVFS('DejaVuSans.ttf', DEJAVU_SANS);
  doc.addFont('DejaVuSans.ttf', FONT, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', DEJAVU_SANS_BOLD);
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
  doc.setFont(FONT, 'normal');
  doc.setProperties({
    title: `${t('paper.pdf.title')} — ${input.diagnosticTitle}`,
    subject: t('paper.pdf.subject'),
    creator: t('paper.pdf.creator'),
  });
  doc.setLanguage(localeOf(input.lang) as Parameters<jsPDF['setLanguage']>[0]);

  const questions = paperSequence(input.grids);
  const text = (grid: Grid, value: Parameters<typeof pickText>[0]) =>
    pickText(value, input.lang, grid.languages.default);
  /** The header of the scale of the items being drawn: repeated on each page a run spans. */
  let scaleHeader: (() => void) | null = null;
  const layout = new Layout(doc, PAGE, { sans: FONT, mono: 'courier' }, () => scaleHeader?.());
  /** First page of each copy, to number pages per copy and print each copy's code. */
  const starts: number[] = [];

  input.codes.forEach((_code, copy) => {
    if (copy > 0) {
      scaleHeader = null;
      layout.newPage();
    }
    starts.push(doc.getNumberOfPages());
    layout.heading(input.diagnosticTitle, 1);
    layout.paragraph(t('paper.pdf.forRole', { role: input.roleLabel }), { size: 11, bold: true });
    layout.paragraph(t('paper.pdf.intro'), TEXT);
    layout.bullets(
      [
        t('paper.pdf.howTick'),
        t('paper.pdf.howDontKnow'),
        t('paper.pdf.howChange'),
        t('paper.pdf.howBlank'),
      ],
      TEXT,
    );
    layout.heading(t('paper.pdf.anonymityTitle'), 3);
    layout.paragraph(t('paper.pdf.anonymity', { threshold: input.threshold }), TEXT);
    layout.paragraph(t('paper.pdf.count', { count: questions.length }), SMALL);

    let gridId = '';
    let dimensionId = '';
    let lastScale: Scale | null = null;
    for (const q of questions) {
      if (q.grid.id !== gridId) {
        gridId = q.grid.id;
        dimensionId = '';
        scaleHeader = null;
        layout.heading(text(q.grid, q.grid.title), 2, 30);
      }
      if (q.dimensionId !== dimensionId) {
        dimensionId = q.dimensionId;
        lastScale = null;
        scaleHeader = null;
        const dimension = q.grid.dimensions.find((d) => d.id === q.dimensionId);
        if (dimension) layout.heading(text(q.grid, dimension.label), 3, 28);
      }
      if (q.scale !== lastScale) {
        lastScale = q.scale;
        const scale = q.scale;
        const grid = q.grid;
        const draw = () => drawScaleHeader(layout, grid, scale, input.lang, t);
        layout.ensureSpace(headerHeight(layout, grid, scale, input.lang, t) + 10);
        draw();
        scaleHeader = draw;
      }
      drawItem(layout, q, input.lang);
    }
    scaleHeader = null;
    layout.space(4);
    layout.paragraph(t('paper.pdf.thanks'), { size: 10, bold: true });
    layout.finish();
  });

  // Header and footer of every page: the copy's code, its page number within the copy.
  const total = doc.getNumberOfPages();
  for (let page = 1; page <= total; page += 1) {
    let copy = 0;
    while (copy + 1 < starts.length && (starts[copy + 1] ?? Infinity) <= page) copy += 1;
    const first = starts[copy] ?? 1;
    const last = (starts[copy + 1] ?? total + 1) - 1;
    const code = input.codes[copy] ?? '';
    doc.setPage(page);
    layout.use({ size: 8, color: COLORS.muted });
    doc.text(
      layout.fit(`${t('paper.pdf.title')} — ${input.roleLabel}`, 110, { size: 8 }),
      PAGE.marginLeft,
      12,
    );
    layout.use({ size: 12, bold: true });
    const label = `${t('paper.pdf.code')} ${code}`;
    const width = layout.measure(label, { size: 12, bold: true });
    const right = PAGE.width - PAGE.marginRight;
    doc.setDrawColor(COLORS.text);
    doc.setLineWidth(0.5);
    doc.rect(right - width - 4, 6.5, width + 4, 8, 'S');
    doc.text(label, right - 2, 12.3, { align: 'right' });
    doc.setDrawColor(COLORS.rule);
    doc.setLineWidth(0.3);
    doc.line(PAGE.marginLeft, 17, right, 17);
    layout.use({ size: 8, color: COLORS.muted });
    doc.text(t('paper.pdf.footer'), PAGE.marginLeft, PAGE.height - 9);
    doc.text(
      t('paper.pdf.page', { page: page - first + 1, total: last - first + 1, code }),
      right,
      PAGE.height - 9,
      { align: 'right' },
    );
  }

  const packed = native ? await deflatePdf(doc.output()) : null;
  const blob = packed
    ? new Blob([packed as BlobPart], { type: 'application/pdf' })
    : doc.output('blob');
  return { blob, fileName: paperFileName(input, t), pages: total };
}

type Option = { key: string; label: string; apart: boolean };

function optionsOf(grid: Grid, scale: Scale, lang: string, t: Translate): Option[] {
  return answerKeys(scale).map((k) => ({
    key: k.key,
    label:
      k.kind === 'point'
        ? pickText(scale.points[k.index]?.label ?? { fr: '', en: '' }, lang, grid.languages.default)
        : k.kind === 'dk'
          ? t('paper.pdf.dk')
          : t('paper.pdf.na'),
    apart: k.kind !== 'point',
  }));
}

/** x of the left edge of each answer column, from the right margin leftwards. */
function columnsX(layout: Layout, options: Option[]): number[] {
  const points = options.filter((o) => !o.apart).length;
  const apart = options.length - points;
  const width = options.length * COLUMN + (apart > 0 ? APART : 0);
  const start = layout.right - width;
  return options.map((o, i) => start + i * COLUMN + (o.apart ? APART : 0));
}

const LABEL: TextStyle = { size: 6.5, color: COLORS.text };
const KEY: TextStyle = { size: 6.5, bold: true, color: COLORS.muted };

function headerHeight(
  layout: Layout,
  grid: Grid,
  scale: Scale,
  lang: string,
  t: Translate,
): number {
  const lines = Math.max(
    1,
    ...optionsOf(grid, scale, lang, t).map((o) => layout.wrap(o.label, COLUMN - 1, LABEL).length),
  );
  return lines * layout.lineHeight(LABEL.size) + layout.lineHeight(KEY.size) + 2;
}

/** The labels of a scale's boxes over their columns, with the key typing each. */
function drawScaleHeader(
  layout: Layout,
  grid: Grid,
  scale: Scale,
  lang: string,
  t: Translate,
): void {
  const options = optionsOf(grid, scale, lang, t);
  const xs = columnsX(layout, options);
  const height = headerHeight(layout, grid, scale, lang, t);
  const lh = layout.lineHeight(LABEL.size);
  const top = layout.y;
  options.forEach((o, i) => {
    const centre = (xs[i] ?? 0) + COLUMN / 2;
    const lines = layout.wrap(o.label, COLUMN - 1, LABEL);
    // Labels sit on the line just above the keys: short labels low, long ones growing upwards.
    const first = top + height - layout.lineHeight(KEY.size) - 1 - lines.length * lh;
    lines.forEach((line, k) => {
      layout.use(LABEL);
      layout.doc.text(line, centre, first + k * lh + layout.baseline(LABEL.size), {
        align: 'center',
      });
    });
    layout.use(KEY);
    layout.doc.text(
      `[${o.key}]`,
      centre,
      top + height - layout.lineHeight(KEY.size) - 0.5 + layout.baseline(KEY.size),
      { align: 'center' },
    );
  });
  layout.doc.setDrawColor(COLORS.rule);
  layout.doc.setLineWidth(0.3);
  layout.doc.line(layout.left, top + height, layout.right, top + height);
  layout.y = top + height + 0.8;
}

/** One item: its number and text on the left, a box per answer on the right. */
function drawItem(layout: Layout, q: PaperQuestion, lang: string): void {
  const options = answerKeys(q.scale).map((k) => ({ apart: k.kind !== 'point' }));
  const xs = columnsX(
    layout,
    options.map((o) => ({ key: '', label: '', apart: o.apart })),
  );
  const textWidth = (xs[0] ?? layout.right) - layout.left - 3;
  const number = `${q.number}.`;
  const indent = 7;
  const lines = layout.wrap(
    pickText(q.item.text, lang, q.grid.languages.default),
    textWidth - indent,
    ITEM,
  );
  const lh = layout.lineHeight(ITEM.size);
  const height = Math.max(lines.length * lh, BOX) + 2.6;
  layout.ensureSpace(height);
  const top = layout.y + 1.2;
  layout.use({ ...ITEM, bold: true });
  layout.doc.text(number, layout.left, top + layout.baseline(ITEM.size));
  layout.use(ITEM);
  lines.forEach((line, k) => {
    layout.doc.text(line, layout.left + indent, top + k * lh + layout.baseline(ITEM.size));
  });
  layout.doc.setDrawColor(COLORS.text);
  layout.doc.setLineWidth(0.35);
  xs.forEach((x) => {
    layout.doc.rect(x + (COLUMN - BOX) / 2, top + 0.2, BOX, BOX, 'S');
  });
  layout.y += height;
  layout.doc.setDrawColor('#e3e8ee');
  layout.doc.setLineWidth(0.2);
  layout.doc.line(layout.left, layout.y - 0.3, layout.right, layout.y - 0.3);
}
