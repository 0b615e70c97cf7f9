/**
 * zod's global settings, imported by every module that builds a schema, before zod itself, so
 * they hold before the first schema exists (tests/unit/domain/zod-setup.test.ts checks it):
 *
 * - `jitless`: zod compiles validators with `new Function` when it can. The Content-Security-Policy
 *   forbids evaluating strings ('unsafe-eval'), and even zod's feature probe would be reported as
 *   a violation, so validation runs in zod's interpreted mode (docs/security.md).
 * - English issue messages: the classic `zod` entry sets them when it loads, `zod/mini` sets none.
 *   Stored records that fail to parse are listed with these messages, so they must not depend on
 *   which page loaded first.
 *
 * Done here rather than in main.tsx so that the start page's entry chunk carries no zod at all.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config({ ...en(), jitless: true });
