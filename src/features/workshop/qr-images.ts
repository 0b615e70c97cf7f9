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
        QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, scale: 6 }),
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
