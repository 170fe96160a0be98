/**
 * SigV2's canonical query string: every parameter but `Signature`, name and value percent-encoded (RFC 3986,
 * upper-case hex), sorted by name in byte order, joined as `name=value` with `&`.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

import { uriEncode } from '../encoding';
import type { Span } from '../types';
import type { QueryApiParam } from './params';
import type { V2Settings } from './settings';

/** One encoded pair of the canonical query, with the span it came from. */
export interface CanonicalPair {
  name: string;
  value: string;
  sources: Span[];
}

/** The `Signature` parameter, which is never signed. */
export const SIGNATURE_PARAM = 'Signature';

function encodeURIComponentSafe(text: string): string {
  // encodeURIComponent throws on a lone surrogate; decoded text never has one, but the UTF-8 encoder agrees anyway.
  return /[\uD800-\uDFFF]/.test(text) ? uriEncode(text) : encodeURIComponent(text);
}

/** Encodes a name or value under the setting. */
export function encodeV2(text: string, encoding: V2Settings['encoding']): string {
  switch (encoding) {
    case 'rfc3986':
      return uriEncode(text);
    case 'plus-for-space':
      return uriEncode(text).replace(/%20/g, '+');
    case 'encode-uri-component':
      return encodeURIComponentSafe(text);
  }
}

function compareBytes(a: string, b: string): number {
  // Encoded text is ASCII, so code-unit order is byte order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The canonical pairs of a request's parameters, sorted. */
export function canonicalPairs(
  params: readonly QueryApiParam[],
  settings: Pick<V2Settings, 'encoding' | 'sort' | 'includeSignature'>,
): CanonicalPair[] {
  const pairs = params
    .filter((p) => settings.includeSignature || p.name !== SIGNATURE_PARAM)
    .map((p) => ({
      name: encodeV2(p.name, settings.encoding),
      value: encodeV2(p.value, settings.encoding),
      sources: p.span ? [p.span] : [],
    }));
  const key = settings.sort === 'byte' ? (s: string) => s : (s: string) => s.toLowerCase();
  return pairs.sort((a, b) => compareBytes(key(a.name), key(b.name)) || compareBytes(a.value, b.value));
}

/** Renders the canonical query string. */
export function renderCanonicalQuery(pairs: readonly Pick<CanonicalPair, 'name' | 'value'>[]): string {
  return pairs.map((p) => `${p.name}=${p.value}`).join('&');
}
