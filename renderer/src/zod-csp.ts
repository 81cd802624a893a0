import { z } from 'zod';

/**
 * Zod 4 compiles fast object parsers with `new Function` and probes for it the first time an object schema
 * is built. Under our CSP (no 'unsafe-eval') that probe is reported as a CSP violation even though zod
 * catches it. Jitless mode skips both. This module must be the first import of main.tsx, because schemas in
 * shared/ decide at construction time, i.e. when their module is evaluated.
 */
z.config({ jitless: true });
