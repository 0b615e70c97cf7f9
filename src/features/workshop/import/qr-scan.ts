/**
 * Finds a QR code in an image or a camera frame with `jsqr`. Loaded on demand: the workshop page
 * carries neither this nor the library until the facilitator reads a code.
 */
import jsQR from 'jsqr';

/** Largest side, in pixels, an image is read at first (a phone photo is scaled down to it). */
const FIRST_SIDE = 1200;
/** Largest side tried next when nothing was found at the first size. */
const SECOND_SIDE = 2400;
/** Largest side, in pixels, a camera frame is read at (before the sizes below). */
const VIDEO_SIDE = 800;
/**
 * Sizes a camera frame is read at, in turn from one frame to the next. jsqr misses a large code
 * (a full part: version 22, 105 modules) at many sizes, whatever its content, so a code held still
 * at such a size (a phone propped up in front of a webcam) was never read: the hand-over dialog's
 * code filmed pixel for pixel, 396 px wide, in none of 60 tries. Read a little smaller or larger,
 * it is (60 of 60; on smooth, camera-like pictures 280 to 476 px wide in a 640 × 480 frame, from
 * 59 % to 84 % of sizes). Measured in Chromium; the cost per frame stays about the same.
 */
const VIDEO_SCALES = [1, 0.8, 1.25];

type Drawable = CanvasImageSource & { width: number; height: number };

/** Scale that brings the longest side down to `maxSide`, never up. */
const fit = (width: number, height: number, maxSide: number) =>
  Math.min(1, maxSide / Math.max(width, height));

function readAt(source: Drawable, width: number, height: number, scale: number, thorough: boolean) {
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
    const { width, height } = image;
    const text =
      readAt(image, width, height, fit(width, height, FIRST_SIDE), true) ??
      (Math.max(width, height) > FIRST_SIDE
        ? readAt(image, width, height, fit(width, height, SECOND_SIDE), true)
        : null);
    if ('close' in image && typeof image.close === 'function') image.close();
    return text === null ? { ok: false, reason: 'noCode' } : { ok: true, text };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/**
 * Reads the QR code in the current frame of a playing video, or null. `frame` counts the frames
 * read so far: it picks the size this one is read at. Never throws.
 */
export function scanVideoFrame(video: HTMLVideoElement, frame = 0): string | null {
  try {
    const { videoWidth: width, videoHeight: height } = video;
    if (video.readyState < 2 || width === 0) return null;
    const scale = VIDEO_SCALES[frame % VIDEO_SCALES.length] ?? 1;
    return readAt(video as Drawable, width, height, fit(width, height, VIDEO_SIDE) * scale, false);
  } catch {
    return null;
  }
}
