import { z } from 'zod';

/**
 * Extension pages and workers run under a CSP without 'unsafe-eval'. Zod 4 probes `new Function` to
 * decide whether to compile fast parsers, and that probe shows up as a CSP violation in the extension's
 * error list even though zod catches it. Turning the JIT off skips the probe.
 *
 * Import this module FIRST in every entrypoint that validates with zod: the probe runs when the first
 * object schema is created, i.e. when lib/contract is imported.
 */
z.config({ jitless: true });
