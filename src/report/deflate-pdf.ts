/**
 * Compresses the streams of an uncompressed PDF written by jsPDF with the browser's native
 * `CompressionStream('deflate')` (zlib, what PDF's FlateDecode reads), then rewrites the
 * cross-reference table for the new offsets.
 *
 * Why: jsPDF compresses with fflate, in JavaScript, at level 6; on a 35-page report that was
 * about a third of the rendering time. The native zlib does the same work several times faster
 * and compresses as well. Anything unexpected in the file (an object missing, a stream without
 * its length) returns `null`, and the caller keeps jsPDF's own compression.
 */

/**
 * A one-char-per-byte view of the bytes, for finding the PDF's ASCII structure. (The WHATWG
 * "latin1" decoder is windows-1252, which changes a few characters of 0x80–0x9F but never the
 * length: offsets in the string are offsets in the bytes. Unchanged parts are copied as bytes.)
 */
function byteView(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

/** The bytes of a binary string (one char per byte, codes 0–255), as jsPDF writes a file. */
function binaryBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * One zlib stream, written and read straight through a `CompressionStream`. Streams are
 * deflated one after the other: in Chromium, 37 streams of a report took 25–75 ms this way and
 * 240–440 ms started all at once through `Blob.stream()` (the previous code), measured in
 * fresh pages.
 */
async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate');
  const writer = stream.writable.getWriter();
  // A failure shows on the reader too: these two need no handler of their own.
  writer.write(data as BufferSource).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** True when this browser can compress natively. */
export function canDeflateNatively(): boolean {
  return typeof CompressionStream === 'function';
}

/** An object of the body: its bytes, or for a stream to deflate its new dictionary and data. */
type Part =
  | { num: number; kind: 'copy'; start: number; end: number }
  | { num: number; kind: 'stream'; head: string; data: Uint8Array };

const STREAM_TAIL = '\nendstream\nendobj\n';

/**
 * The same PDF with every unfiltered stream deflated, or null when the file is not laid out as
 * jsPDF writes it (then nothing is changed). Takes the file as bytes, or as the binary string
 * `doc.output()` returns: from the string, the structure is read without decoding the bytes back
 * into a string (about 20 ms of a 35-page report, in a CPU profile).
 */
export async function deflatePdf(pdf: Uint8Array | string): Promise<Uint8Array | null> {
  const bytes = typeof pdf === 'string' ? binaryBytes(pdf) : pdf;
  const s = typeof pdf === 'string' ? pdf : byteView(bytes);
  const xrefAt = s.lastIndexOf('\nxref\n');
  const trailerAt = s.indexOf('\ntrailer\n', xrefAt);
  const startxrefAt = s.indexOf('\nstartxref', trailerAt);
  if (xrefAt < 0 || trailerAt < 0 || startxrefAt < 0) return null;
  const size = /\/Size (\d+)/.exec(s.slice(trailerAt, startxrefAt))?.[1];
  if (size === undefined) return null;
  const first = /\n(\d+) 0 obj\n/.exec(s);
  if (!first) return null;
  const bodyStart = first.index + 1;
  const parts: Part[] = [];
  const objectRe = /(\d+) 0 obj\n/y;
  let p = bodyStart;
  while (p < xrefAt + 1) {
    objectRe.lastIndex = p;
    const m = objectRe.exec(s);
    if (!m) return null;
    const num = Number(m[1]);
    const bodyAt = p + m[0].length;
    const endobj = s.indexOf('endobj\n', bodyAt);
    const streamAt = s.indexOf('stream\n', bodyAt);
    if (endobj < 0) return null;
    if (streamAt >= 0 && streamAt < endobj) {
      const dict = s.slice(bodyAt, streamAt);
      const length = /\/Length (\d+)/.exec(dict)?.[1];
      // jsPDF's stream dictionaries are ASCII; anything else is not a file this knows.
      if (length === undefined || !/^[\x20-\x7e\n]*$/.test(dict)) return null;
      const dataAt = streamAt + 'stream\n'.length;
      const dataEnd = dataAt + Number(length);
      if (s.slice(dataEnd, dataEnd + STREAM_TAIL.length) !== STREAM_TAIL) return null;
      const end = dataEnd + STREAM_TAIL.length;
      if (dict.includes('/Filter')) parts.push({ num, kind: 'copy', start: p, end });
      else
        parts.push({
          num,
          kind: 'stream',
          head: `${m[0]}${dict}stream\n`,
          data: bytes.subarray(dataAt, dataEnd),
        });
      p = end;
    } else {
      const end = endobj + 'endobj\n'.length;
      parts.push({ num, kind: 'copy', start: p, end });
      p = end;
    }
  }
  const count = Number(size);
  const seen = new Set(parts.map((part) => part.num));
  for (let n = 1; n < count; n += 1) if (!seen.has(n)) return null;

  const compressed: (Uint8Array | null)[] = [];
  for (const part of parts)
    compressed.push(part.kind === 'stream' ? await deflate(part.data) : null);
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const chunks: Uint8Array[] = [bytes.subarray(0, bodyStart)];
  let offset = bodyStart;
  const offsets = new Map<number, number>();
  parts.forEach((part, i) => {
    offsets.set(part.num, offset);
    const packed = compressed[i];
    const pieces =
      part.kind === 'copy'
        ? [bytes.subarray(part.start, part.end)]
        : packed
          ? [
              ascii(
                part.head
                  .replace(/\/Length \d+/, `/Length ${packed.length}`)
                  .replace('<<', '<<\n/Filter /FlateDecode'),
              ),
              packed,
              ascii(STREAM_TAIL),
            ]
          : [];
    for (const piece of pieces) {
      chunks.push(piece);
      offset += piece.length;
    }
  });
  const pad = (n: number) => String(n).padStart(10, '0');
  let xref = `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let n = 1; n < count; n += 1) xref += `${pad(offsets.get(n) ?? 0)} 00000 n \n`;
  chunks.push(ascii(xref), bytes.subarray(trailerAt + 1, startxrefAt + 1));
  chunks.push(ascii(`startxref\n${offset}\n%%EOF\n`));
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
