/**
 * The CanonicalQueryString line: each name and value decoded and encoded again, sorted by name then value.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 */

import { percentDecode, uriEncode } from '../encoding';
import type { Span } from '../types';

/** A query pair as it goes into the canonical request: both sides encoded; `k` signs as `k=`. */
export interface CanonicalQueryPair {
  name: string;
  value: string;
  /** Where the pair came from in the request, empty for a parameter the signer adds. */
  sources: Span[];
}

/** A query pair as sent: still percent-encoded, `null` value for a bare name. */
export interface WireQueryPair {
  name: string;
  value: string | null;
  span?: Span;
}

/** Re-encodes a wire-encoded query component in SigV4's canonical form. */
export function canonicalQueryComponent(wire: string): string {
  return uriEncode(percentDecode(wire).bytes);
}

/** Compares by code unit, as SigV4 sorts the encoded (ASCII) names and values. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonicalizes and sorts query pairs (by encoded name, then encoded value). */
export function canonicalQueryPairs(pairs: readonly WireQueryPair[]): CanonicalQueryPair[] {
  return pairs
    .map((p) => ({
      name: canonicalQueryComponent(p.name),
      value: canonicalQueryComponent(p.value ?? ''),
      sources: p.span ? [p.span] : [],
    }))
    .sort((a, b) => byCodeUnit(a.name, b.name) || byCodeUnit(a.value, b.value));
}

/** Renders canonical pairs as the CanonicalQueryString line. */
export function renderCanonicalQuery(pairs: readonly Pick<CanonicalQueryPair, 'name' | 'value'>[]): string {
  return pairs.map((p) => `${p.name}=${p.value}`).join('&');
}
