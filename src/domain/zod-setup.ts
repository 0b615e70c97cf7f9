/**
 * zod's global settings, imported by every module that builds a schema, before zod itself, so
 * they hold before the first schema exists (tests/unit/domain/zod-setup.test.ts checks it):
 *
 * - `jitless`: zod compiles validators with `new Function` when it can. The Content-Security-Policy
 *   forbids evaluating strings ('unsafe-eval'), and even zod's feature probe would be reported as
 *   a violation, so validation runs in zod's interpreted mode (docs/security.md).
 *
 * zod's English issue messages are `zod-messages.ts`, loaded only where a message is shown: the
 * pages that open a diagnostic do not carry them (1.3 KB gzip) for a record that almost never
 * fails.
 *
 * Done here rather than in main.tsx so that the start page's entry chunk carries no zod at all.
 */
import { config } from 'zod/mini';

config({ jitless: true });
