// @vitest-environment node
import { inflateSync } from 'node:zlib';
import { jsPDF } from 'jspdf';
import { deflatePdf } from '@/report/deflate-pdf';
import { DEJAVU_SANS } from '@/report/fonts/dejavu-sans';
import { extractPdf } from './pdf-text';

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/** An uncompressed jsPDF document: two pages, the embedded font (binary stream), metadata. */
function uncompressed(): Uint8Array {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false });
  doc.addFileToVFS('D.ttf', DEJAVU_SANS);
  doc.addFont('D.ttf', 'D', 'normal');
  doc.setFont('D', 'normal');
  doc.setProperties({ title: 'Rapport « été » – Cœur d’Armor' });
  for (let page = 1; page <= 2; page += 1) {
    if (page > 1) doc.addPage();
    for (let line = 0; line < 40; line += 1)
      doc.text(`Page ${page}, ligne ${line} : Cœur d’Armor 1\u202f234 à 100 %`, 20, 20 + line * 6);
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

describe('deflatePdf', () => {
  it('should deflate every stream and keep the document and its text identical', async () => {
    const raw = uncompressed();
    const packed = await deflatePdf(raw);
    expect(packed).not.toBeNull();
    if (!packed) return;
    expect(packed.length).toBeLessThan(raw.length / 2);
    const text = latin1(packed);
    const streams = [...text.matchAll(/<<\n\/Filter \/FlateDecode\n/g)];
    // Two content streams, the font file and its ToUnicode map.
    expect(streams.length).toBe(latin1(raw).match(/\nstream\n/g)?.length);
    expect(streams.length).toBeGreaterThanOrEqual(4);
    const before = await extractPdf(new Blob([raw as BlobPart]));
    const after = await extractPdf(new Blob([packed as BlobPart]));
    expect(after.text).toBe(before.text);
    expect(after.text).toContain('Cœur d’Armor');
    expect(after.info.Title).toBe('Rapport « été » – Cœur d’Armor');
  });

  it('should write a cross-reference table whose every offset starts its object', async () => {
    const packed = await deflatePdf(uncompressed());
    if (!packed) throw new Error('not deflated');
    const text = latin1(packed);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const table = /xref\n0 (\d+)\n([\s\S]*?)trailer/.exec(text.slice(startxref));
    const size = Number(table?.[1]);
    const entries = (table?.[2] ?? '').trim().split('\n');
    expect(entries).toHaveLength(size);
    entries.slice(1).forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length), `object ${i + 1}`).toBe(
        `${i + 1} 0 obj`,
      );
    });
    // Each stream's /Length is the length of its deflated bytes, which inflate again.
    for (const m of text.matchAll(/\/Length (\d+)\n[^]*?>>\nstream\n/g)) {
      const start = (m.index ?? 0) + m[0].length;
      const data = Buffer.from(packed.subarray(start, start + Number(m[1])));
      expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 11)).toBe('\nendstream\n');
      expect(() => inflateSync(data)).not.toThrow();
    }
  });

  it('should give the same bytes from the binary string jsPDF writes as from its bytes', async () => {
    const raw = uncompressed();
    const fromBytes = await deflatePdf(raw);
    const fromString = await deflatePdf(latin1(raw));
    expect(fromBytes).not.toBeNull();
    expect(fromString).toEqual(fromBytes);
    // The font file is binary: bytes 0x80–0x9F (which windows-1252 decoding would change) are in it.
    expect([...raw].some((b) => b >= 0x80 && b <= 0x9f)).toBe(true);
  });

  it('should deflate one stream at a time (all at once was several times slower in Chromium)', async () => {
    const Native = globalThis.CompressionStream;
    let open = 0;
    let most = 0;
    let made = 0;
    class Counting extends Native {
      readonly #readable: ReadableStream<Uint8Array<ArrayBuffer>>;
      constructor(format: CompressionFormat) {
        super(format);
        made += 1;
        open += 1;
        most = Math.max(most, open);
        this.#readable = super.readable.pipeThrough(
          new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
            flush: () => {
              open -= 1;
            },
          }),
        );
      }
      override get readable(): ReadableStream<Uint8Array<ArrayBuffer>> {
        return this.#readable;
      }
    }
    vi.stubGlobal('CompressionStream', Counting);
    try {
      expect(await deflatePdf(uncompressed())).not.toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(made).toBeGreaterThanOrEqual(4);
    expect(most).toBe(1);
  });

  it('should leave a file it does not recognise alone', async () => {
    expect(await deflatePdf(new TextEncoder().encode('%PDF-1.3\nnot really\n'))).toBeNull();
    expect(await deflatePdf('%PDF-1.3\nnot really\n')).toBeNull();
    const raw = uncompressed();
    // An object missing from the body: the xref could not be rebuilt faithfully.
    const broken = latin1(raw).replace(/\n5 0 obj\n/, '\n55 0 obj\n');
    expect(await deflatePdf(Uint8Array.from(broken, (c) => c.charCodeAt(0)))).toBeNull();
  });
});
