/**
 * The QR payload (`QVTQR1`): one respondent's answers, carried from the device they answered on
 * to the facilitator's device as one or more QR codes, without any network
 * (docs/qr-payload.md).
 *
 * The payload is plain ASCII (ids and comments are percent-encoded), so it reads back the same
 * from any QR reader. Items are not named: answers are written in the grid's item order, one
 * character each, and the grid is named by its id and a prefix of its content hash, so the
 * facilitator's copy of the grid gives the item ids back. A CRC-32 of the content, which is also
 * the payload id, detects a wrong or mixed part. Pseudonyms and dates never travel.
 *
 * Decoding never throws: it returns the same `ResponseFile` a response-file import gives (so the
 * same preview, duplicate and version checks apply), or a list of coded errors.
 */
import { type AnswerValue, type Answers, ROLES, type Role } from '@/domain/answers/answers';
import type { Grid } from '@/domain/grid/schema';
import {
  RESPONSE_FILE_FORMAT,
  RESPONSE_FILE_FORMAT_VERSION,
  ResponseFile,
  type ResponseFileRespondent,
} from './response-file';

/** Tag and version at the start of every part. */
export const QR_FORMAT_TAG = 'QVTQR';
export const QR_FORMAT_VERSION = 1;
/**
 * Most characters of content per code: a version 16 code (81 modules), read by jsQR from a
 * 640×480 camera frame at nearly any size on screen. Full 700-character parts (version 22, 105
 * modules) were missed at many sizes (docs/qr-payload.md). A full set of answers to the four
 * bundled grids (~350 characters) is still one code.
 */
export const QR_PART_SIZE = 400;
/** Most codes one payload may be split over (parts of any size up to it are read). */
export const QR_MAX_PARTS = 40;
/** Comments travel only when, percent-encoded, they fit in this many characters. */
export const QR_MAX_COMMENT_CHARS = 1500;
/** Hex digits of the grid content hash carried (48 bits: a wrong grid is never taken as right). */
export const QR_HASH_PREFIX = 12;
/** One character per scale point, by its position on the scale. */
const POINT_CODES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const UNANSWERED = '.';
const DONT_KNOW = 'd';
const NOT_APPLICABLE = 'n';

/** A grid the payload is written against or read against: the diagnostic's copy. */
export interface QrGrid {
  id: string;
  version: string;
  /** SHA-256 hex of the grid's content (`gridContentHash`). */
  hash: string;
  grid: Grid;
}

export interface QrRespondent {
  id: string;
  role: Role;
  answers: Record<string, Answers>;
  comments: Record<string, Record<string, string>>;
}

export type EncodeQrResult =
  | {
      ok: true;
      /** The text of each code, in order. */
      parts: string[];
      /** CRC-32 of the content, 8 hex digits: names the payload in each part. */
      payloadId: string;
      /** Answers written (dk and na included). */
      answered: number;
      /** True when the respondent's comments were too long to travel and were left out. */
      commentsLeftOut: boolean;
    }
  | {
      ok: false;
      /** `scaleTooLong`: a scale of over 36 points; `tooLarge`: over QR_MAX_PARTS codes. */
      code: 'scaleTooLong' | 'tooLarge';
    };

export type QrErrorCode =
  /** No text was read. */
  | 'empty'
  /** A code that is not a part of this app's payload (e.g. a web address). */
  | 'notQrPayload'
  /** A payload of a version this app does not read; `found`. */
  | 'unsupportedVersion'
  /** The part's header (id, "i/n") is malformed; `part` when known. */
  | 'invalidPart'
  /** Parts of more than one payload (two respondents' codes) were given together. */
  | 'mixedPayloads'
  /** Not every part was read; `read`, `total`, `missing` (e.g. "2, 3"). */
  | 'missingParts'
  /** The parts put together do not match their checksum: a code was misread or altered. */
  | 'checksum'
  /** The content does not follow the format; `line` (1-based). */
  | 'invalidContent'
  /** A role this app does not know; `found`. */
  | 'invalidRole'
  /** A grid this diagnostic does not use; `grid`. */
  | 'unknownGrid'
  /** A grid of this diagnostic, but with another content (another version); `grid`. */
  | 'gridHashMismatch'
  /** The grid's answers do not have one character per item; `grid`, `found`, `expected`. */
  | 'wrongItemCount'
  /** A value that is not a point of the item's scale, nor dk, na or unanswered; `grid`, `item`, `found`. */
  | 'valueOffScale';

export interface QrError {
  code: QrErrorCode;
  params?: Record<string, string | number>;
}

export interface QrPart {
  payloadId: string;
  /** 1-based. */
  index: number;
  total: number;
  chunk: string;
}

export type ReadQrPartResult = { ok: true; part: QrPart } | { ok: false; error: QrError };

export interface QrDecodeContext {
  diagnostic: { id: string; title: string };
  grids: readonly QrGrid[];
  /** When the codes were read (the response file's `exportedAt`): given by the caller. */
  readAt: string;
}

export type DecodeQrResult =
  | {
      ok: true;
      file: ResponseFile;
      payloadId: string;
      /** Grids in the payload this diagnostic does not use: their answers are left out. */
      ignoredGrids: string[];
    }
  | { ok: false; errors: QrError[] };

// ---------------------------------------------------------------------------------------------
// Checksum

const CRC_TABLE: readonly number[] = (() => {
  const table: number[] = [];
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table.push(c >>> 0);
  }
  return table;
})();

/** CRC-32 (IEEE, as zip and PNG) of a text's UTF-16 code units masked to 8 bits, as 8 hex digits. */
export function crc32Hex(text: string): string {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i += 1) {
    crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// Encoding

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function itemsOf(grid: Grid) {
  return grid.dimensions.flatMap((dimension) => dimension.items);
}

function valueCode(grid: Grid, scaleId: string, value: AnswerValue | undefined): string {
  if (value === undefined) return UNANSWERED;
  const scale = grid.scales.find((s) => s.id === scaleId);
  if (!scale) return UNANSWERED;
  if (value === 'dk') return scale.allowDontKnow ? DONT_KNOW : UNANSWERED;
  if (value === 'na') return scale.allowNotApplicable ? NOT_APPLICABLE : UNANSWERED;
  const index = scale.points.findIndex((point) => point.value === value);
  return index < 0 ? UNANSWERED : (POINT_CODES[index] ?? UNANSWERED);
}

/**
 * Writes one respondent's answers (and comments when short) for the diagnostic's grids as the
 * texts of one or more QR codes. Answers the grid does not offer are left out (the app never
 * stores them). Returns an error code when a grid cannot be written this way.
 */
export function encodeQrPayload(
  input: { diagnosticId: string; grids: readonly QrGrid[]; respondent: QrRespondent },
  options: { partSize?: number } = {},
): EncodeQrResult {
  const partSize = Math.max(1, Math.floor(options.partSize ?? QR_PART_SIZE));
  const { respondent } = input;
  const lines = [
    `d ${encodeURIComponent(input.diagnosticId)}`,
    `r ${encodeURIComponent(respondent.id)}`,
    `o ${respondent.role}`,
  ];
  let answered = 0;
  for (const { id, hash, grid } of input.grids) {
    if (grid.scales.some((scale) => scale.points.length > POINT_CODES.length))
      return { ok: false, code: 'scaleTooLong' };
    const answers = own(respondent.answers, id) ?? {};
    const values = itemsOf(grid)
      .map((item) => valueCode(grid, item.scale, own(answers, item.id)))
      .join('');
    answered += [...values].filter((c) => c !== UNANSWERED).length;
    lines.push(`g ${id} ${hash.slice(0, QR_HASH_PREFIX)} ${values}`);
  }
  const comments: string[] = [];
  for (const { id, grid } of input.grids) {
    const byDimension = own(respondent.comments, id) ?? {};
    for (const dimension of grid.dimensions) {
      const text = own(byDimension, dimension.id);
      if (text !== undefined && text.trim() !== '')
        comments.push(`c ${id} ${dimension.id} ${encodeURIComponent(text)}`);
    }
  }
  const commentChars = comments.reduce((sum, line) => sum + line.length + 1, 0);
  const commentsLeftOut = commentChars > QR_MAX_COMMENT_CHARS;
  if (!commentsLeftOut) lines.push(...comments);

  const content = lines.join('\n');
  const payloadId = crc32Hex(content);
  const total = Math.max(1, Math.ceil(content.length / partSize));
  if (total > QR_MAX_PARTS) return { ok: false, code: 'tooLarge' };
  const parts: string[] = [];
  for (let i = 0; i < total; i += 1) {
    const chunk = content.slice(i * partSize, (i + 1) * partSize);
    parts.push(`${QR_FORMAT_TAG}${QR_FORMAT_VERSION}/${payloadId}/${i + 1}/${total}/${chunk}`);
  }
  return { ok: true, parts, payloadId, answered, commentsLeftOut };
}

// ---------------------------------------------------------------------------------------------
// Decoding

const PART_HEADER = /^QVTQR(\d{1,4})\/([0-9a-f]{8})\/(\d{1,3})\/(\d{1,3})\//;

/** Reads the header of one code's text. Never throws. */
export function readQrPart(text: unknown): ReadQrPartResult {
  if (typeof text !== 'string' || text.length === 0) return { ok: false, error: { code: 'empty' } };
  if (!text.startsWith(QR_FORMAT_TAG)) return { ok: false, error: { code: 'notQrPayload' } };
  const version = /^QVTQR(\d{1,4})\//.exec(text);
  if (version && Number(version[1]) !== QR_FORMAT_VERSION)
    return {
      ok: false,
      error: { code: 'unsupportedVersion', params: { found: Number(version[1]) } },
    };
  const match = PART_HEADER.exec(text);
  if (!match) return { ok: false, error: { code: 'invalidPart' } };
  const index = Number(match[3]);
  const total = Number(match[4]);
  if (total < 1 || total > QR_MAX_PARTS || index < 1 || index > total)
    return { ok: false, error: { code: 'invalidPart', params: { part: `${index}/${total}` } } };
  return {
    ok: true,
    part: { payloadId: match[2] as string, index, total, chunk: text.slice(match[0].length) },
  };
}

export interface QrProgress {
  payloadId: string;
  total: number;
  /** Distinct parts read. */
  read: number;
  /** 1-based indexes not read yet. */
  missing: number[];
  complete: boolean;
}

/** Where the reading of one payload stands, from the parts read so far (all of that payload). */
export function qrProgress(parts: readonly QrPart[]): QrProgress | null {
  const first = parts[0];
  if (!first) return null;
  const seen = new Set(
    parts
      .filter((p) => p.payloadId === first.payloadId && p.total === first.total)
      .map((p) => p.index),
  );
  const missing: number[] = [];
  for (let i = 1; i <= first.total; i += 1) if (!seen.has(i)) missing.push(i);
  return {
    payloadId: first.payloadId,
    total: first.total,
    read: seen.size,
    missing,
    complete: missing.length === 0,
  };
}

function decodeText(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function invalid(line: number): DecodeQrResult {
  return { ok: false, errors: [{ code: 'invalidContent', params: { line } }] };
}

function decodeContent(
  content: string,
  payloadId: string,
  context: QrDecodeContext,
): DecodeQrResult {
  const lines = content.split('\n');
  let diagnosticId: string | null = null;
  let respondentId: string | null = null;
  let role: Role | null = null;
  const errors: QrError[] = [];
  const ignoredGrids: string[] = [];
  const fileGrids: { id: string; version: string; hash: string }[] = [];
  const answers: Record<string, Answers> = {};
  const comments: Record<string, Record<string, string>> = {};
  const known = new Map(context.grids.map((g) => [g.id, g]));
  const listed = new Set<string>();

  for (const [index, line] of lines.entries()) {
    const n = index + 1;
    const kind = line.slice(0, 2);
    const fields = line.slice(2).split(' ');
    if (kind === 'd ' && fields.length === 1 && diagnosticId === null) {
      diagnosticId = decodeText(fields[0] as string);
      if (!diagnosticId) return invalid(n);
    } else if (kind === 'r ' && fields.length === 1 && respondentId === null) {
      respondentId = decodeText(fields[0] as string);
      if (!respondentId) return invalid(n);
    } else if (kind === 'o ' && fields.length === 1 && role === null) {
      const found = fields[0] as string;
      if (!(ROLES as readonly string[]).includes(found))
        return { ok: false, errors: [{ code: 'invalidRole', params: { found } }] };
      role = found as Role;
    } else if (kind === 'g ' && fields.length === 3) {
      const [gridId, hashPrefix, values] = fields as [string, string, string];
      if (!/^[0-9a-f]{12}$/.test(hashPrefix) || gridId === '' || listed.has(gridId))
        return invalid(n);
      listed.add(gridId);
      const mine = known.get(gridId);
      if (!mine) {
        ignoredGrids.push(gridId);
        continue;
      }
      if (!mine.hash.startsWith(hashPrefix)) {
        errors.push({ code: 'gridHashMismatch', params: { grid: gridId } });
        continue;
      }
      const items = itemsOf(mine.grid);
      if (values.length !== items.length) {
        errors.push({
          code: 'wrongItemCount',
          params: { grid: gridId, found: values.length, expected: items.length },
        });
        continue;
      }
      const gridAnswers: Answers = {};
      items.forEach((item, i) => {
        const code = values[i] as string;
        if (code === UNANSWERED) return;
        const scale = mine.grid.scales.find((s) => s.id === item.scale);
        let value: AnswerValue | undefined;
        if (code === DONT_KNOW && scale?.allowDontKnow) value = 'dk';
        else if (code === NOT_APPLICABLE && scale?.allowNotApplicable) value = 'na';
        else {
          const point = POINT_CODES.indexOf(code);
          if (point >= 0) value = scale?.points[point]?.value;
        }
        if (value === undefined)
          errors.push({
            code: 'valueOffScale',
            params: { grid: gridId, item: item.id, found: code },
          });
        else
          Object.defineProperty(gridAnswers, item.id, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      });
      fileGrids.push({ id: mine.id, version: mine.version, hash: mine.hash });
      if (Object.keys(gridAnswers).length > 0) answers[gridId] = gridAnswers;
    } else if (kind === 'c ' && fields.length === 3) {
      const [gridId, dimensionId, encoded] = fields as [string, string, string];
      const text = decodeText(encoded);
      if (text === null || gridId === '' || dimensionId === '' || !listed.has(gridId))
        return invalid(n);
      const mine = known.get(gridId);
      if (!mine) continue;
      if (!mine.grid.dimensions.some((d) => d.id === dimensionId)) return invalid(n);
      const byDimension = own(comments, gridId) ?? {};
      Object.defineProperty(byDimension, dimensionId, {
        value: text,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      comments[gridId] = byDimension;
    } else {
      return invalid(n);
    }
  }
  if (diagnosticId === null || respondentId === null || role === null || listed.size === 0)
    return invalid(lines.length);
  if (fileGrids.length === 0 && errors.length === 0)
    errors.push(
      ...ignoredGrids.map((grid) => ({ code: 'unknownGrid' as const, params: { grid } })),
    );
  if (errors.length > 0) return { ok: false, errors };

  const mineGridIds = new Set(fileGrids.map((g) => g.id));
  for (const gridId of Object.keys(comments)) if (!mineGridIds.has(gridId)) delete comments[gridId];
  const respondent: ResponseFileRespondent = { id: respondentId, role, answers, comments };
  const candidate = {
    format: RESPONSE_FILE_FORMAT,
    formatVersion: RESPONSE_FILE_FORMAT_VERSION,
    exportedAt: context.readAt,
    diagnostic: {
      id: diagnosticId,
      // The title does not travel: the facilitator's own, or empty for another diagnostic (the
      // reader looks its title up on the device, or says it is unknown; never the raw id).
      title: diagnosticId === context.diagnostic.id ? context.diagnostic.title : '',
    },
    grids: fileGrids,
    respondents: [respondent],
  };
  const parsed = ResponseFile.safeParse(candidate);
  if (!parsed.success) return invalid(lines.length);
  return { ok: true, file: parsed.data, payloadId, ignoredGrids };
}

/**
 * Puts the texts of one payload's codes back together (any order, repeats allowed) and reads
 * them against the facilitator's diagnostic. Never throws.
 */
export function decodeQrPayload(
  texts: readonly unknown[],
  context: QrDecodeContext,
): DecodeQrResult {
  try {
    if (texts.length === 0) return { ok: false, errors: [{ code: 'empty' }] };
    const parts: QrPart[] = [];
    for (const text of texts) {
      const read = readQrPart(text);
      if (!read.ok) return { ok: false, errors: [read.error] };
      parts.push(read.part);
    }
    const first = parts[0] as QrPart;
    if (parts.some((p) => p.payloadId !== first.payloadId || p.total !== first.total))
      return { ok: false, errors: [{ code: 'mixedPayloads' }] };
    const chunks = new Map<number, string>();
    for (const part of parts) {
      const seen = chunks.get(part.index);
      if (seen !== undefined && seen !== part.chunk)
        return { ok: false, errors: [{ code: 'checksum' }] };
      chunks.set(part.index, part.chunk);
    }
    const progress = qrProgress(parts) as QrProgress;
    if (!progress.complete)
      return {
        ok: false,
        errors: [
          {
            code: 'missingParts',
            params: {
              read: progress.read,
              total: progress.total,
              missing: progress.missing.join(', '),
            },
          },
        ],
      };
    let content = '';
    for (let i = 1; i <= first.total; i += 1) content += chunks.get(i) ?? '';
    if (crc32Hex(content) !== first.payloadId) return { ok: false, errors: [{ code: 'checksum' }] };
    return decodeContent(content, first.payloadId, context);
  } catch {
    return { ok: false, errors: [{ code: 'invalidContent', params: { line: 0 } }] };
  }
}
