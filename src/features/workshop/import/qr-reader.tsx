import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileButton } from '@/components/file-button';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import {
  decodeQrPayload,
  type QrError,
  type QrGrid,
  qrProgress,
  type QrPart,
  readQrPart,
} from '@/domain/files/qr-payload';
import type { ResponseFileInput } from '@/domain/files/response-import-plan';
import { nowIso } from '@/utils/id';
import { getDiagnostic } from '@/storage/diagnostics-store';

type QrReaderProps = {
  diagnostic: Diagnostic;
  grids: LoadedGrid[];
  /** Adds the answers read to the import batch (the same preview and confirm as files). */
  onAdd: (input: ResponseFileInput) => void;
  /** Files in the import batch: when it empties (confirmed, cancelled), the reader's news goes. */
  batchSize?: number;
};

/**
 * A line of the reader's message, translated when shown: the message stays up while the
 * facilitator may switch the language.
 */
type Line = (t: TFunction<'workshop'>) => string;
type Message = { kind: 'status' | 'error'; lines: Line[] };

/** How often a camera frame is searched for a code, in milliseconds. */
const FRAME_INTERVAL = 250;

/**
 * Reads participants' answers from QR codes, with the camera or from photos, collecting the
 * codes of one payload in any order until it is complete, then adds the answers to the import
 * batch. Nothing is changed when a code cannot be read.
 */
export function QrReader({ diagnostic, grids, onAdd, batchSize }: QrReaderProps) {
  const { t } = useTranslation('workshop');
  const uid = useId();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const collected = useRef(new Map<string, Map<number, { part: QrPart; text: string }>>());
  const done = useRef(new Set<string>());
  /**
   * The answers last read to the end (added, or refused for good). The camera reads the code in
   * front of it four times a second: while it keeps seeing their codes, it leaves the message
   * about them in place rather than saying, a quarter of a second later, "already read".
   */
  const settled = useRef<string | null>(null);
  const [camera, setCamera] = useState<'off' | 'starting' | 'on'>('off');
  const [message, setMessage] = useState<Message>({ kind: 'status', lines: [] });
  // The batch confirmed or cancelled (emptied): « added to the batch » is no longer true.
  const [lastBatchSize, setLastBatchSize] = useState(batchSize);
  if (batchSize !== lastBatchSize) {
    setLastBatchSize(batchSize);
    if (batchSize === 0 && message.kind === 'status' && message.lines.length > 0)
      setMessage({ kind: 'status', lines: [] });
  }

  const qrError = (error: QrError): Line => {
    const params = error.params ?? {};
    if (error.code === 'invalidPart' && params.part !== undefined)
      return (t) => t('qrError.invalidPartAt', { part: String(params.part) });
    if (error.code === 'missingParts')
      return (t) =>
        t('qrError.missingParts', {
          count: Number(params.read ?? 0),
          total: Number(params.total ?? 0),
          missing: String(params.missing ?? ''),
        });
    return (t) =>
      t(`qrError.${error.code}`, {
        found: String(params.found ?? ''),
        grid: String(params.grid ?? ''),
        item: String(params.item ?? ''),
        line: Number(params.line ?? 0),
        expected: Number(params.expected ?? 0),
      });
  };
  const fail = (lines: Line[]) =>
    setMessage({ kind: 'error', lines: [(t) => t('qr.failedTitle'), ...lines] });
  const say = (...lines: Line[]) => setMessage({ kind: 'status', lines });

  const handleText = (text: string, from: 'camera' | 'photo') => {
    const read = readQrPart(text);
    if (!read.ok) {
      settled.current = null;
      return fail([qrError(read.error)]);
    }
    const { part } = read;
    if (from === 'camera' && part.payloadId === settled.current) return;
    settled.current = null;
    if (done.current.has(part.payloadId)) return say((t) => t('qr.already'));
    const parts = collected.current.get(part.payloadId) ?? new Map();
    parts.set(part.index, { part, text });
    collected.current.set(part.payloadId, parts);
    const list = [...parts.values()];
    const progress = qrProgress(list.map((p) => p.part));
    if (progress && !progress.complete)
      return say((t) => t('qr.progress', { count: progress.read, total: progress.total }));
    // Complete: read it once; on failure the codes are dropped, to be read again.
    collected.current.delete(part.payloadId);
    const qrGrids: QrGrid[] = grids.map(({ grid, hash }) => ({
      id: grid.id,
      version: diagnostic.grids.find((g) => g.id === grid.id)?.version ?? grid.version,
      hash,
      grid,
    }));
    const result = decodeQrPayload(
      list.map((p) => p.text),
      {
        diagnostic: { id: diagnostic.id, title: diagnostic.title },
        grids: qrGrids,
        readAt: nowIso(),
      },
    );
    if (!result.ok) {
      // A code misread (checksum) is worth reading again; any other refusal would be repeated.
      if (!result.errors.some((e) => e.code === 'checksum')) settled.current = part.payloadId;
      return fail(result.errors.map(qrError));
    }
    done.current.add(result.payloadId);
    settled.current = result.payloadId;
    const add = (file: typeof result.file) =>
      onAdd({
        name: t('qr.batchName', { id: result.payloadId }),
        result: { ok: true, file, source: 'responses' },
      });
    const otherId = result.file.diagnostic.id;
    if (otherId === diagnostic.id) add(result.file);
    // Another diagnostic: its title does not travel in the codes; named by its title when it
    // is on this device, else said to be unknown (never by its raw id).
    else
      void getDiagnostic(otherId).then((found) =>
        add(
          found.ok
            ? { ...result.file, diagnostic: { id: otherId, title: found.diagnostic.title } }
            : result.file,
        ),
      );
    const ignored = result.ignoredGrids.join(', ');
    const lines: Line[] = [(t) => t('qr.done')];
    if (ignored) lines.push((t) => t('qr.ignoredGrids', { grids: ignored }));
    say(...lines);
  };
  const handleTextRef = useRef(handleText);
  useEffect(() => {
    handleTextRef.current = handleText;
  });

  const stopCamera = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setCamera('off');
  };
  useEffect(() => stopCamera, []);

  const startCamera = async () => {
    say((t) => t('qr.starting'));
    settled.current = null;
    if (!navigator.mediaDevices?.getUserMedia) return fail([(t) => t('qr.cameraMissing')]);
    setCamera('starting');
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      stream.current = media;
      setCamera('on');
      const element = video.current;
      if (!element) return;
      element.srcObject = media;
      await element.play();
      say((t) => t('qr.scanning'));
      const { scanVideoFrame } = await import('./qr-scan');
      let frame = 0;
      const tick = () => {
        if (!stream.current) return;
        const text = scanVideoFrame(element, frame++);
        if (text !== null) handleTextRef.current(text, 'camera');
        timer.current = window.setTimeout(tick, FRAME_INTERVAL);
      };
      tick();
    } catch (error) {
      stopCamera();
      const name = error instanceof Error || error instanceof DOMException ? error.name : '';
      const key =
        name === 'NotAllowedError' || name === 'SecurityError'
          ? 'qr.cameraDenied'
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? 'qr.cameraMissing'
            : 'qr.cameraFailed';
      fail([(t) => t(key)]);
    }
  };

  const readPhotos = async (files: File[]) => {
    const { scanImageFile } = await import('./qr-scan');
    for (const file of files) {
      const scanned = await scanImageFile(file);
      if (scanned.ok) handleText(scanned.text, 'photo');
      else
        fail([
          (t) =>
            t(scanned.reason === 'noCode' ? 'qr.photoNoCode' : 'qr.photoUnreadable', {
              file: file.name,
            }),
        ]);
    }
  };

  return (
    <div className="qr-reader" role="group" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('qr.title')}</h3>
      <p>{t('qr.body')}</p>
      <div className="button-row">
        {camera === 'off' ? (
          <button type="button" className="button" onClick={() => void startCamera()}>
            {t('qr.camera')}
          </button>
        ) : (
          <button type="button" className="button" onClick={stopCamera}>
            {t('qr.stop')}
          </button>
        )}
        <FileButton
          multiple
          accept="image/*"
          testId="qr-photo-input"
          onFiles={(files) => void readPhotos(files)}
        >
          {t('qr.photo')}
        </FileButton>
      </div>
      <video
        ref={video}
        hidden={camera === 'off'}
        muted
        playsInline
        aria-label={t('qr.videoLabel')}
      />
      <div role="status" className="status-line" data-testid="qr-status">
        {message.kind === 'status' && message.lines.map((line, i) => <p key={i}>{line(t)}</p>)}
      </div>
      <div role="alert" data-testid="qr-error">
        {message.kind === 'error' && (
          <div className="notice notice--error">
            {message.lines.map((line, i) => (
              <p key={i}>{line(t)}</p>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
