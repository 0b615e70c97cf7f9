/**
 * Videos for Chromium's fake camera (`--use-file-for-fake-video-capture=<file.y4m>`): the
 * camera plays the file's frames at its frame rate, looping. Y4M is a text header, then per
 * frame `FRAME\n` and the raw planes Y (one byte a pixel), U and V (a quarter of that each,
 * 4:2:0). These videos are grey (U = V = 128): a QR code needs no colour.
 */

/** A grey image, one byte a pixel (0 black, 255 white), rows top to bottom. */
export type GrayImage = { width: number; height: number; luma: Uint8Array };

export const CAMERA_WIDTH = 640;
export const CAMERA_HEIGHT = 480;

/** A frame of one grey level. */
export function plainFrame(level: number, width = CAMERA_WIDTH, height = CAMERA_HEIGHT) {
  return { width, height, luma: new Uint8Array(width * height).fill(level) };
}

/**
 * A frame showing `code` in its middle, as a phone's screen held in front of a camera: pixel for
 * pixel (shrunk, nearest pixel, only if it does not fit), on a white border of `quiet` pixels,
 * the rest of the frame mid-grey.
 */
export function frameWithCode(
  code: GrayImage,
  options: { quiet?: number; width?: number; height?: number } = {},
): GrayImage {
  const { quiet = 16, width = CAMERA_WIDTH, height = CAMERA_HEIGHT } = options;
  const frame = plainFrame(128, width, height);
  const scale = Math.min(
    1,
    (Math.min(width, height) - 2 * quiet) / Math.max(code.width, code.height),
  );
  const w = Math.round(code.width * scale);
  const h = Math.round(code.height * scale);
  const left = Math.floor((width - w) / 2);
  const top = Math.floor((height - h) / 2);
  for (let y = top - quiet; y < top + h + quiet; y += 1)
    frame.luma.fill(255, y * width + left - quiet, y * width + left + w + quiet);
  for (let y = 0; y < h; y += 1) {
    const sy = Math.min(code.height - 1, Math.floor(y / scale));
    for (let x = 0; x < w; x += 1) {
      const sx = Math.min(code.width - 1, Math.floor(x / scale));
      frame.luma[(top + y) * width + left + x] = code.luma[sy * code.width + sx]!;
    }
  }
  return frame;
}

/** A Y4M video of grey frames, all of one size, at `fps` frames a second. */
export function y4mVideo(frames: GrayImage[], fps: number): Buffer {
  const first = frames[0];
  if (!first) throw new Error('a video needs a frame');
  const { width, height } = first;
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error('4:2:0 needs even sides');
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const parts: Buffer[] = [
    Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`),
  ];
  for (const frame of frames) {
    if (frame.width !== width || frame.height !== height) throw new Error('frames differ in size');
    parts.push(Buffer.from('FRAME\n'), Buffer.from(frame.luma), chroma);
  }
  return Buffer.concat(parts);
}
