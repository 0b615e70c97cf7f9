/**
 * Draws a respondent’s answers as QR code images (PNG data URLs). Loaded on demand with the
 * `qrcode` library, so the answer page carries neither until the respondent asks.
 */
import QRCode from 'qrcode';
import type { Diagnostic, Respondent } from '@/domain/diagnostic/diagnostic';
import { encodeQrPayload, type QrGrid } from '@/domain/files/qr-payload';
import { loadGrid } from '@/domain/grid/load-grid';

export type QrImagesResult =
  | { ok: true; images: string[]; answered: number; commentsLeftOut: boolean }
  | { ok: false; code: 'scaleTooLong' | 'tooLarge' | 'failed' };

export async function buildQrImages(
  diagnostic: Diagnostic,
  respondent: Respondent,
): Promise<QrImagesResult> {
  const grids: QrGrid[] = [];
  for (const snapshot of diagnostic.grids) {
    const loaded = loadGrid(snapshot.grid);
    // A grid that no longer loads cannot be answered either: it is left out, like in the file.
    if (loaded.ok)
      grids.push({
        id: snapshot.id,
        version: snapshot.version,
        hash: snapshot.hash,
        grid: loaded.grid,
      });
  }
  if (grids.length === 0) return { ok: false, code: 'failed' };
  const encoded = encodeQrPayload({ diagnosticId: diagnostic.id, grids, respondent });
  if (!encoded.ok) return encoded;
  try {
    const images = await Promise.all(
      encoded.parts.map((text) =>
        // Byte mode (the text is ASCII), medium error correction: reads well from a screen.
        QRCode.toDataURL(text, {
          errorCorrectionLevel: 'M',
          margin: QR_MARGIN,
          scale: qrScale(text),
        }),
      ),
    );
    return {
      ok: true,
      images,
      answered: encoded.answered,
      commentsLeftOut: encoded.commentsLeftOut,
    };
  } catch {
    return { ok: false, code: 'failed' };
  }
}

/** Quiet zone around a code, in modules (the standard's minimum). */
const QR_MARGIN = 4;
/** Width a code is drawn at, at most, in CSS pixels (the dialog beside its text). */
export const QR_TARGET_PX = 416;

/**
 * Pixels per module: the most whole pixels that keep the code within `QR_TARGET_PX`, at least 3.
 * The image is shown at its own size, so every module is the same number of screen pixels: a code
 * scaled by a fraction, with sharp edges, gets modules of uneven widths (4 and 5 pixels), which
 * cameras read less well on a screen of one device pixel per CSS pixel.
 */
export function qrScale(text: string): number {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;
  return Math.max(3, Math.floor(QR_TARGET_PX / (modules + 2 * QR_MARGIN)));
}
