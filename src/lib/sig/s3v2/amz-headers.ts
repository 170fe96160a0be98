/**
 * S3 SigV2's CanonicalizedAmzHeaders: every `x-amz-*` header, names lower-cased and sorted, repeats joined with
 * commas in the order sent, folded values unfolded to one space, values trimmed.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#RESTAuthenticationConstructingCanonicalizedAmzHeaders
 */

import { percentDecodeText } from '../encoding';
import type { Header, HttpRequest } from '../request/model';
import type { Span } from '../types';

/** One canonical `x-amz-*` line: the lower-case name, the joined value and the fields it came from. */
export interface AmzHeader {
  name: string;
  value: string;
  sources: Span[];
}

/** A header-like entry: a field of the request, or (presigned URLs) an `x-amz-*` query parameter. */
export interface AmzEntry {
  name: string;
  value: string;
  span?: Span;
}

const AMZ = /^x-amz-/i;

/** A header's value with its obsolete line folds replaced by one space each (RFC 2616 §4.2), trimmed. */
export function unfoldedValue(source: string, header: Header): string {
  const raw = source.slice(header.valueSpan.start, header.valueSpan.end);
  if (!raw.includes('\n')) return header.value;
  return raw.replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim();
}

/** The request's `x-amz-*` headers as entries, in the order sent. */
export function amzHeaderEntries(request: Pick<HttpRequest, 'headers' | 'source'>): AmzEntry[] {
  return request.headers
    .filter((h) => AMZ.test(h.name))
    .map((h) => ({ name: h.name, value: unfoldedValue(request.source, h), span: h.span }));
}

/** The query's `x-amz-*` parameters as entries (decoded), as S3 reads them on a presigned URL. */
export function amzQueryEntries(request: Pick<HttpRequest, 'params'>): AmzEntry[] {
  return request.params
    .filter((p) => AMZ.test(percentDecodeText(p.name)))
    .map((p) => ({ name: percentDecodeText(p.name), value: percentDecodeText(p.value ?? ''), span: p.span }));
}

/** Canonicalizes `x-amz-*` entries: lower-cased names, sorted, repeats joined with `,`. */
export function canonicalAmzHeaders(entries: readonly AmzEntry[]): AmzHeader[] {
  const byName = new Map<string, AmzHeader>();
  for (const e of entries) {
    const name = e.name.toLowerCase();
    const value = e.value.trim();
    const existing = byName.get(name);
    if (existing) {
      existing.value += ',' + value;
      if (e.span) existing.sources.push(e.span);
    } else {
      byName.set(name, { name, value, sources: e.span ? [e.span] : [] });
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Renders one canonical line, `name:value`. */
export function renderAmzHeader(h: Pick<AmzHeader, 'name' | 'value'>): string {
  return `${h.name}:${h.value}`;
}
