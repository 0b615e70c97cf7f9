/**
 * Finds a QR code in an image or a camera frame with `jsqr`. Loaded on demand: the workshop page
 * carries neither this nor the library until the facilitator reads a code.
 */
import jsQR from 'jsqr';

/** Largest side, in pixels, an image is read at first (a phone photo is scaled down to it). */
const FIRST_SIDE = 1200;
/** Largest side tried next when nothing was found at the first size. */
const SECOND_SIDE = 2400;

type Drawable = CanvasImageSource & { width: number; height: number };

function readAt(
  source: Drawable,
  width: number,
  height: number,
  maxSide: number,
  thorough: boolean,
) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, w, h);
  const { data } = context.getImageData(0, 0, w, h);
  const found = jsQR(data, w, h, { inversionAttempts: thorough ? 'attemptBoth' : 'dontInvert' });
  return found ? found.data : null;
}

async function openImage(file: Blob): Promise<Drawable | null> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file);
    } catch {
      // Fall back to an <img>, which reads some formats createImageBitmap does not.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export type ImageScanResult =
  { ok: true; text: string } | { ok: false; reason: 'noCode' | 'unreadable' };

/** Reads the QR code of a photo or image file. Never throws. */
export async function scanImageFile(file: Blob): Promise<ImageScanResult> {
  try {
    const image = await openImage(file);
    if (!image || image.width === 0 || image.height === 0)
      return { ok: false, reason: 'unreadable' };
    const text =
      readAt(image, image.width, image.height, FIRST_SIDE, true) ??
      (Math.max(image.width, image.height) > FIRST_SIDE
        ? readAt(image, image.width, image.height, SECOND_SIDE, true)
        : null);
    if ('close' in image && typeof image.close === 'function') image.close();
    return text === null ? { ok: false, reason: 'noCode' } : { ok: true, text };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/** Reads the QR code in the current frame of a playing video, or null. Never throws. */
export function scanVideoFrame(video: HTMLVideoElement): string | null {
  try {
    if (video.readyState < 2 || video.videoWidth === 0) return null;
    return readAt(video as Drawable, video.videoWidth, video.videoHeight, 800, false);
  } catch {
    return null;
  }
}
