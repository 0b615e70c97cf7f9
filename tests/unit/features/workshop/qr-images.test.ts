import QRCode from 'qrcode';
import { QR_TARGET_PX, qrScale } from '@/shared/handover/qr-images';
import { QR_PART_SIZE } from '@/domain/files/qr-payload';

const modulesOf = (text: string) =>
  QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size + 2 * 4;

describe('qrScale', () => {
  it.each([
    ['a full part', 'Q'.repeat(QR_PART_SIZE)],
    ['a short payload', 'QVTQR1.short'],
    ['a middle one', 'x'.repeat(150)],
  ])('draws %s at whole pixels per module, as large as fits the target', (_, text) => {
    const scale = qrScale(text);
    const width = modulesOf(text) * scale;
    expect(Number.isInteger(scale)).toBe(true);
    expect(scale).toBeGreaterThanOrEqual(3);
    expect(width).toBeLessThanOrEqual(QR_TARGET_PX);
    // One more pixel per module would not fit.
    expect(modulesOf(text) * (scale + 1)).toBeGreaterThan(QR_TARGET_PX);
  });

  it('keeps 3 pixels per module for a code too large for the target', () => {
    const text = 'Q'.repeat(2200);
    expect(modulesOf(text) * 3).toBeGreaterThan(QR_TARGET_PX);
    expect(qrScale(text)).toBe(3);
  });
});
