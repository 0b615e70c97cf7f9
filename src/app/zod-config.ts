/**
 * zod compiles validators with `new Function` when it can. The Content-Security-Policy forbids
 * evaluating strings ('unsafe-eval'), and even zod's feature probe would be reported as a
 * violation, so validation runs in zod's interpreted mode. Imported first by main.tsx.
 */
// `config` from zod's core: the entry chunk stays free of the rest of zod (loaded with the
// first page that validates). It must run before any schema is built, hence main.tsx first.
import { config } from 'zod/v4/core';

config({ jitless: true });
