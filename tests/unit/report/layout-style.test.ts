// @vitest-environment node
import { COLORS, Layout, type PdfSurface, type TextStyle } from '@/report/layout';
import { PAGE } from '@/report/render-pdf';

/** A surface that keeps the text state as jsPDF does and records it at every text() call. */
function recordingSurface() {
  const state = { font: '', weight: '', size: 0, color: '' };
  const drawn: { text: string; font: string; weight: string; size: number; color: string }[] = [];
  const calls = { setFont: 0, setFontSize: 0, setTextColor: 0 };
  const surface: PdfSurface = {
    setFont: (font, weight) => {
      calls.setFont += 1;
      state.font = font;
      state.weight = weight ?? 'normal';
    },
    setFontSize: (size) => {
      calls.setFontSize += 1;
      state.size = size;
    },
    setTextColor: (color) => {
      calls.setTextColor += 1;
      state.color = color;
    },
    setDrawColor: () => {},
    setFillColor: () => {},
    setLineWidth: () => {},
    text: (text) => {
      drawn.push({ text: String(text), ...state });
    },
    splitTextToSize: (text) => text.split('\n'),
    getTextWidth: (text) => text.length,
    rect: () => {},
    line: () => {},
    circle: () => {},
    addPage: () => {},
  };
  return { surface, drawn, calls };
}

describe('Layout.use sets only what changes', () => {
  it('should draw every text in the style asked for, setting each property only when it changes', () => {
    const { surface, drawn, calls } = recordingSurface();
    const layout = new Layout(surface, PAGE, { sans: 'Sans', mono: 'Mono' });
    const styles: TextStyle[] = [
      { size: 9.5 },
      { size: 9.5 },
      { size: 9.5, bold: true },
      { size: 8, bold: true, color: '#9b1c1c' },
      { size: 8, color: '#9b1c1c' },
      { size: 8, mono: true, color: '#9b1c1c' },
      { size: 9.5 },
      { size: 9.5, color: COLORS.text },
      { size: 12, bold: true, color: COLORS.accent },
    ];
    styles.forEach((style, i) => layout.paragraph(`texte ${i}`, style));
    expect(drawn).toEqual(
      styles.map((style, i) => ({
        text: `texte ${i}`,
        font: style.mono ? 'Mono' : 'Sans',
        weight: style.bold ? 'bold' : 'normal',
        size: style.size,
        color: style.color ?? COLORS.text,
      })),
    );
    // Each property set once at the start, then only at the calls where it changes.
    expect(calls).toEqual({ setFont: 6, setFontSize: 4, setTextColor: 4 });
  });
});
