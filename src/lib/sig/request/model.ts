/**
 * A request as it was on the wire, with the span of every part in the text the user pasted, so that each line of
 * a canonical request can point back at what it came from.
 */

import type { Span } from '../types';

/** One header line as sent; repeated headers stay separate and in order. */
export interface Header {
  /** The name as written (case kept). */
  name: string;
  /** The value with obsolete line folds replaced by a space and surrounding whitespace removed. */
  value: string;
  /** The whole field, name to end of value (across folded lines). */
  span: Span;
  nameSpan: Span;
  valueSpan: Span;
}

/** One `name=value` pair of the query string, still percent-encoded as on the wire. */
export interface QueryParam {
  name: string;
  /** `null` for a bare `name` with no `=`, which SigV4 signs as `name=`. */
  value: string | null;
  span: Span;
}

/** One segment of a path as on the wire. */
export interface PathSegment {
  text: string;
  span: Span;
}

/** An HTTP/1.1 request as on the wire: path and query kept exactly as written. */
export interface HttpRequest {
  /** The text the spans point into. */
  source: string;
  method: string;
  methodSpan: Span;
  /** The request target exactly as written (origin-form, absolute-form, `*`). */
  target: string;
  targetSpan: Span;
  /** `http` or `https` when the target was in absolute form. */
  scheme?: string;
  /** `host[:port]` when the target was in absolute form. */
  authority?: string;
  /** The path exactly as on the wire, `/` when the target had none. */
  path: string;
  pathSpan: Span;
  /** Each `/`-separated segment of the path as on the wire (after the leading `/`), with its span. */
  segments: PathSegment[];
  /** The query string after `?`, exactly as on the wire, or `null` when there was no `?`. */
  query: string | null;
  querySpan?: Span;
  /** The query's pairs as on the wire, each with its span. */
  params: QueryParam[];
  httpVersion: string;
  headers: Header[];
  /** The body as text: everything after the blank line that ends the headers. */
  body: string;
  bodySpan: Span;
  /** The body's bytes when they are not the UTF-8 of `body` (a binary upload, a dropped file). */
  bodyBytes?: Uint8Array;
  /**
   * The body's SHA-256 (lower-case hex) when it was computed elsewhere: a file too large to hold, hashed in
   * slices. Used wherever the body would be hashed.
   */
  bodySha256?: string;
}

/** The bytes a request's payload hash covers. */
export function bodyBytesOf(request: Pick<HttpRequest, 'body' | 'bodyBytes'>): string | Uint8Array {
  return request.bodyBytes ?? request.body;
}

/** Whether two header or parameter names are the same, ignoring case. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The values of every header with this name (case-insensitive), in order. */
export function headerValues(request: Pick<HttpRequest, 'headers'>, name: string): string[] {
  const lower = name.toLowerCase();
  return request.headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
}

/** The first header with this name (case-insensitive). */
export function findHeader(request: Pick<HttpRequest, 'headers'>, name: string): Header | undefined {
  const lower = name.toLowerCase();
  return request.headers.find((h) => h.name.toLowerCase() === lower);
}

/** The host the request is for: its `Host` header, else the authority of an absolute-form target. */
export function requestHost(request: HttpRequest): string | undefined {
  return findHeader(request, 'host')?.value ?? request.authority;
}

/** Splits a wire path into its segments; `offset` is where the path starts in the source. */
export function pathSegments(path: string, offset: number): PathSegment[] {
  const segments: PathSegment[] = [];
  let start = path.startsWith('/') ? 1 : 0;
  while (start <= path.length && path !== '' && path !== '/') {
    let end = path.indexOf('/', start);
    if (end < 0) end = path.length;
    segments.push({ text: path.slice(start, end), span: { start: offset + start, end: offset + end } });
    start = end + 1;
  }
  return segments;
}
