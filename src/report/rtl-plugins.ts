/**
 * jsPDF passes every `text()` call through two plugins written for right-to-left scripts: the
 * Arabic shaper (before the text is encoded) and the bidi reordering (after). On text without a
 * right-to-left character or a bidi control both return the text unchanged, character by
 * character, and on the report (about 2,500 `text()` calls) they were about a sixth of the
 * rendering time in a CPU profile. This wraps them so that they run only when the text holds
 * such a character or the call asks for a bidi option; otherwise the text is left as they
 * would leave it. The PDF is the same, byte for byte (tests/unit/report/rtl-plugins.test.ts).
 */

/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…), their presentation forms, and the bidi controls. */
const RTL_OR_BIDI =
  /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufeff]|[\ud802\ud803\ud83a\ud83b]/;

/** The text options the bidi plugin reads. */
const BIDI_OPTIONS = [
  'isInputVisual',
  'isOutputVisual',
  'isInputRtl',
  'isOutputRtl',
  'isSymmetricSwapping',
] as const;

type TextPayload = { text?: unknown; options?: Record<string, unknown> | null };
type Handler = (this: unknown, payload: TextPayload) => unknown;
type EventEntry = [string, ...unknown[]];

const GUARDED = Symbol('guarded');

/** True when `text` (a string, or jsPDF's array of strings or [string, x, y]) needs the plugins. */
export function needsRtlPlugins(payload: TextPayload): boolean {
  const options = payload.options;
  if (options && BIDI_OPTIONS.some((key) => options[key] !== undefined)) return true;
  const { text } = payload;
  if (typeof text === 'string') return RTL_OR_BIDI.test(text);
  if (!Array.isArray(text)) return true;
  return text.some((part: unknown) =>
    typeof part === 'string'
      ? RTL_OR_BIDI.test(part)
      : Array.isArray(part) && typeof part[0] === 'string'
        ? RTL_OR_BIDI.test(part[0])
        : true,
  );
}

function guard(handler: Handler): Handler {
  const guarded: Handler = function (this: unknown, payload: TextPayload) {
    return needsRtlPlugins(payload) ? handler.call(this, payload) : undefined;
  };
  Object.defineProperty(guarded, GUARDED, { value: handler });
  return guarded;
}

/**
 * Wraps jsPDF's Arabic shaper (`API.processArabic`) and bidi plugin (the text post-processor
 * that calls `doBidiReorder`) in `api.events`, the plugin list every new document subscribes
 * to. Idempotent; returns how many of the two are wrapped (2 unless jsPDF changed).
 */
export function skipRtlPluginsOnOtherText(api: {
  events?: EventEntry[];
  processArabic?: unknown;
}): number {
  let wrapped = 0;
  for (const entry of api.events ?? []) {
    const [topic, handler] = entry;
    if (typeof handler !== 'function') continue;
    if (GUARDED in handler) {
      wrapped += 1;
      continue;
    }
    const isShaper = topic === 'preProcessText' && handler === api.processArabic;
    const isBidi =
      topic === 'postProcessText' &&
      Function.prototype.toString.call(handler).includes('doBidiReorder');
    if (isShaper || isBidi) {
      entry[1] = guard(handler as Handler);
      wrapped += 1;
    }
  }
  return wrapped;
}

/** Puts the plugins back as jsPDF registered them (tests compare the PDF with and without). */
export function restoreRtlPlugins(api: { events?: EventEntry[] }): void {
  for (const entry of api.events ?? []) {
    const handler = entry[1];
    if (typeof handler === 'function' && GUARDED in handler)
      entry[1] = (handler as unknown as Record<typeof GUARDED, Handler>)[GUARDED];
  }
}
