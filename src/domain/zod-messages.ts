/**
 * zod's English issue messages (the classic `zod` entry sets them when it loads, `zod/mini` sets
 * none). A module that shows an issue's `message` imports this first, statically, or, where the
 * code must stay light (opening a diagnostic), loads it when a parse has failed and parses again:
 * the messages are then the same whichever page loaded first. Other settings: `zod-setup.ts`.
 */
import '@/domain/zod-setup';
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

/** Imported for its effect; named so a dynamic import has something to wait for. */
export const ZOD_MESSAGES = 'en';
