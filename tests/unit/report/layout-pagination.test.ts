// @vitest-environment node
import fc from 'fast-check';
import { Layout, type PdfSurface } from '@/report/layout';
import { PAGE } from '@/report/render-pdf';

/** A surface that records each text drawn with its page and height on the page. */
function pagedSurface() {
  let page = 1;
  const drawn: { text: string; page: number; y: number }[] = [];
  const surface: PdfSurface = {
    setFont: () => {},
    setFontSize: () => {},
    setTextColor: () => {},
    setDrawColor: () => {},
    setFillColor: () => {},
    setLineWidth: () => {},
    text: (text, _x, y) => {
      drawn.push({ text: String(text), page, y });
    },
    // One line per "\n": tests choose their line counts.
    splitTextToSize: (text) => text.split('\n'),
    getTextWidth: (text) => text.length,
    rect: () => {},
    line: () => {},
    circle: () => {},
    addPage: () => {
      page += 1;
    },
  };
  const layout = new Layout(surface, PAGE, { sans: 'Sans', mono: 'Mono' });
  const pageOf = (text: string) => drawn.find((d) => d.text === text)?.page;
  return { layout, drawn, pageOf, pages: () => page };
}

const lines = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join('\n');

/** A document as a list of blocks: headings, paragraphs of n lines, tables of n rows, charts. */
type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; lines: number }
  | { kind: 'table'; rows: number }
  | { kind: 'block'; height: number };

/** Lays the blocks out and checks that no page but the last ends with a heading. */
function expectNoHeadingEndsAPage(blocks: Block[]) {
  const { layout, drawn } = pagedSurface();
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') layout.heading(`H${i}`, b.level);
    else if (b.kind === 'paragraph') layout.paragraph(lines(`p${i}-`, b.lines));
    else if (b.kind === 'table')
      layout.table(
        [{ header: `t${i}`, width: 50 }],
        Array.from({ length: b.rows }, (_, r) => [`t${i}-${r}`]),
      );
    else {
      layout.ensureSpace(b.height);
      layout.paragraph(`b${i}`);
      layout.y = Math.min(layout.y + b.height, layout.bottom);
    }
  });
  layout.finish();
  const pages = new Set(drawn.map((d) => d.page));
  expect(pages.size).toBeGreaterThan(0);
  for (const page of pages) {
    const onPage = drawn.filter((d) => d.page === page);
    const last = onPage[onPage.length - 1]!;
    const isLastPage = page === Math.max(...pages);
    // A heading may end only the document (nothing after it at all).
    if (!isLastPage) expect(last.text, `page ${page}`).not.toMatch(/^H\d+$/);
  }
}

describe('PDF layout: headings keep with what follows', () => {
  it('moves a run of headings (section, sub-section) to the next page with the table under them', () => {
    const { layout, pageOf } = pagedSurface();
    layout.y = layout.bottom - 22;
    layout.heading('H1', 1);
    layout.heading('H2', 2);
    layout.table(
      [
        { header: 'Col', width: 60 },
        { header: 'Val', width: 20 },
      ],
      [
        ['a', '1'],
        ['b', '2'],
      ],
    );
    expect(pageOf('H1')).toBe(2);
    expect(pageOf('H2')).toBe(2);
    expect(pageOf('Col')).toBe(2);
    expect(pageOf('a')).toBe(2);
  });

  it('keeps a heading with a block taller than its keep-with distance (a chart)', () => {
    const { layout, pageOf, drawn } = pagedSurface();
    layout.y = layout.bottom - 40;
    layout.heading('Radar', 2);
    layout.ensureSpace(100);
    const yAfterHeading = layout.y;
    expect(pageOf('Radar')).toBe(2);
    expect(yAfterHeading).toBeGreaterThan(layout.top);
    expect(drawn.filter((d) => d.page === 1)).toEqual([]);
  });

  it('draws headings at the top of a page without the space meant to separate them from text', () => {
    const { layout, drawn } = pagedSurface();
    layout.heading('Top', 1);
    layout.paragraph('text');
    expect(drawn[0]?.text).toBe('Top');
    expect(drawn[0]!.y).toBeLessThan(layout.top + 10);
  });

  it('draws a heading that nothing follows when the document is finished', () => {
    const { layout, pageOf } = pagedSurface();
    layout.paragraph('text');
    layout.heading('Last', 2);
    expect(pageOf('Last')).toBeUndefined();
    layout.finish();
    expect(pageOf('Last')).toBe(1);
  });

  it('moves a heading with the paragraph kept whole on the next page (fast-check seed -8316787)', () => {
    // The heading fitted with two lines, then the six-line paragraph moved whole (its sixth line
    // may not go over alone) and left the heading at the foot of the page.
    expectNoHeadingEndsAPage([
      { kind: 'block', height: 6 },
      { kind: 'heading', level: 2 },
      { kind: 'block', height: 116 },
      { kind: 'heading', level: 1 },
      { kind: 'table', rows: 6 },
      { kind: 'heading', level: 2 },
      { kind: 'paragraph', lines: 6 },
    ]);
  });

  it('never leaves a heading as the last thing on a page, whatever follows it (property)', () => {
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({
        kind: fc.constant('heading' as const),
        level: fc.constantFrom(1 as const, 2 as const, 3 as const),
      }),
      fc.record({
        kind: fc.constant('paragraph' as const),
        lines: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({ kind: fc.constant('table' as const), rows: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ kind: fc.constant('block' as const), height: fc.integer({ min: 5, max: 120 }) }),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 40 }), (blocks) => {
        expectNoHeadingEndsAPage(blocks);
      }),
      { numRuns: 200 },
    );
  });
});

describe('PDF layout: paragraphs are not split into lonely lines', () => {
  it('keeps a short paragraph whole (a line of sources never leaves its tail alone)', () => {
    const { layout, drawn } = pagedSurface();
    const lh = layout.lineHeight(9.5);
    layout.y = layout.bottom - 2.5 * lh;
    layout.paragraph(lines('s', 4));
    expect(drawn.filter((d) => d.text.startsWith('s')).map((d) => d.page)).toEqual([2, 2, 2, 2]);
  });

  it('leaves at least two lines of a long paragraph on the next page', () => {
    const { layout, drawn } = pagedSurface();
    const lh = layout.lineHeight(9.5);
    layout.y = layout.bottom - 9.5 * lh;
    layout.paragraph(lines('l', 10));
    const onNext = drawn.filter((d) => d.text.startsWith('l') && d.page === 2).length;
    expect(onNext === 0 || onNext >= 2).toBe(true);
  });
});

describe('PDF layout: sections start on the page the last one leaves, when they fit', () => {
  it('starts a section after a gap when there is room, on a new page when there is not', () => {
    const { layout, pages } = pagedSurface();
    layout.paragraph('first');
    layout.section(90);
    expect(pages()).toBe(1);
    layout.y = layout.bottom - 60;
    layout.section(90);
    expect(pages()).toBe(2);
    expect(layout.y).toBe(layout.top);
  });
});
