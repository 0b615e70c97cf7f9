/**
 * English issue messages for the schemas built with `zod/mini` (the classic `zod` entry sets the
 * same locale when it loads; `zod/mini` sets none). Stored records that fail to parse are listed
 * with these messages, so they must not depend on which page loaded first.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
