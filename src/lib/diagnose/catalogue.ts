/**
 * The mistakes the search tries: SigV4's own catalogue (src/lib/sig/v4/mistakes.ts, each made on every header or
 * parameter at once), to which the ones made on one alone are added per request (targets.ts), and the curl
 * profile's per release (clients/). The search tries each, pairs of the common ones, and each one-header mistake
 * with each common one, until one reproduces what the client signed.
 */

import type { Variant } from './variant';
import { REGIONS, SERVICES, SIGV4_MISTAKES, type SigV4Mistake } from '../sig/registry-sigv4';

/** A known mistake as the search tries it: SigV4's catalogue entry, or one made per request on one header. */
export interface Mistake extends Omit<SigV4Mistake, 'variant'> {
  variant: Variant;
}

/** Every single mistake the search knows, most common first: SigV4's own catalogue (v4/mistakes.ts). */
export const MISTAKES: readonly Mistake[] = SIGV4_MISTAKES;

export { REGIONS, SERVICES };
