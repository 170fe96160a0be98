/**
 * Reading a pasted URL, usually a presigned one, as the GET request it stands for. The path and query are kept
 * exactly as written: `new URL()` would re-encode them and change what was signed.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */

import { fail, problem, type Problem, type Result, type Span } from '../types';
import { written, writePasted } from './http-text';
import type { PastedRequest } from './pasted';
import { parseQueryString } from './query';

/** A URL split by hand (RFC 3986 §3), with spans relative to the URL's start. */
export interface UrlParts {
  /** Lower-case, when the URL has one. */
  scheme?: string;
  /** `user:password` before `@`, when given. */
  userinfo?: string;
  /** `host[:port]` as written. */
  host: string;
  hostSpan: Span;
  /** Path and query as written, `/` when the path is empty; never the fragment. */
  target: string;
  targetSpan: Span;
  /** Where a `#fragment` sits, if there is one. */
  fragmentSpan?: Span;
}

/** Splits a URL into scheme, authority, target and fragment without decoding or re-encoding anything. */
export function splitUrl(url: string): UrlParts {
  const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/?#]*)/.exec(url)!;
  const authorityStart = m[1] === undefined ? 0 : m[1].length + 3;
  const authority = m[2]!;
  const at = authority.lastIndexOf('@');
  const hostStart = authorityStart + at + 1;
  const end = m[0].length;
  const hash = url.indexOf('#', end);
  const targetEnd = hash < 0 ? url.length : hash;
  const raw = url.slice(end, targetEnd);
  const parts: UrlParts = {
    host: authority.slice(at + 1),
    hostSpan: { start: hostStart, end },
    target: raw.startsWith('/') ? raw : '/' + raw,
    targetSpan: { start: end, end: targetEnd },
  };
  if (m[1] !== undefined) parts.scheme = m[1].toLowerCase();
  if (at >= 0) parts.userinfo = authority.slice(0, at);
  if (hash >= 0) parts.fragmentSpan = { start: hash, end: url.length };
  return parts;
}

/** The `Host` header a client sends for a URL's host: the port left out when it is the scheme's default. */
export function hostHeaderOf(host: string, scheme: string | undefined): string {
  const port = /:(\d*)$/.exec(host);
  if (!port || host.endsWith(']')) return host;
  const standard =
    port[1] === '' || (scheme === 'https' && port[1] === '443') || (scheme === 'http' && port[1] === '80');
  return standard ? host.slice(0, port.index) : host;
}

/** Finds the URL inside surrounding whitespace, quotes or `<…>`. */
function unwrap(text: string): Span {
  let start = text.search(/\S/);
  if (start < 0) return { start: text.length, end: text.length };
  let end = text.trimEnd().length;
  const pair = `${text[start]}${text[end - 1]}`;
  if (end - start >= 2 && (pair === "''" || pair === '""' || pair === '<>')) {
    start++;
    end--;
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Which Signature Version 2 flavour a query carries, if any: they have no scheme id yet. */
function sigV2Note(query: string, span: Span): Problem | undefined {
  const names = new Set(parseQueryString(query).map((p) => p.name.toLowerCase()));
  const s3 = names.has('awsaccesskeyid') && names.has('signature') && names.has('expires');
  const v2 = names.has('signatureversion') && names.has('signature');
  if (!s3 && !v2) return undefined;
  const which = v2 ? 'a Signature Version 2 (query API)' : 'an S3 Signature Version 2';
  return problem('sigv2-url', `This is ${which} presigned URL; sigscope checks SigV4 here.`, span, {
    severity: 'warning',
    hint: 'Signature Version 2 has its own scheme; the request is still read, with no scheme chosen.',
  });
}

/** Reads a pasted `http(s)://` URL as `GET target HTTP/1.1` with its `Host`, and the hints its query carries. */
export function readUrl(text: string): Result<PastedRequest> {
  const span = unwrap(text);
  const url = text.slice(span.start, span.end);
  const space = url.search(/\s/);
  if (space >= 0) {
    const at = span.start + space;
    return fail([
      problem(
        'url-space',
        'A URL has no spaces or line breaks; this one breaks here.',
        { start: at, end: at + 1 },
        {
          hint: 'Join a URL that was wrapped across lines, or encode a space as %20.',
        },
      ),
    ]);
  }
  const parts = splitUrl(url);
  if (parts.scheme !== 'http' && parts.scheme !== 'https') {
    return fail([problem('url-scheme', 'Paste a URL that starts with https:// or http://.', span)]);
  }
  const at = (s: Span): Span => ({ start: span.start + s.start, end: span.start + s.end });
  if (parts.host === '') return fail([problem('url-host', 'This URL has no host.', at(parts.hostSpan))]);
  const notes: Problem[] = [];
  if (parts.fragmentSpan) {
    notes.push(
      problem(
        'fragment',
        'The #fragment is never sent, so it is not signed; it is left out.',
        at(parts.fragmentSpan),
        {
          severity: 'note',
        },
      ),
    );
  }
  if (parts.userinfo !== undefined) {
    notes.push(
      problem(
        'url-userinfo',
        'The user name and password before "@" are not part of the request; left out.',
        span,
        {
          severity: 'note',
        },
      ),
    );
  }
  const q = parts.target.indexOf('?');
  const v2 = q < 0 ? undefined : sigV2Note(parts.target.slice(q + 1), at(parts.targetSpan));
  if (v2) notes.push(v2);
  const pieces = [
    { text: `GET ${parts.target} HTTP/1.1`, source: span },
    { text: `Host: ${hostHeaderOf(parts.host, parts.scheme)}`, source: at(parts.hostSpan) },
    { text: '', source: written() },
    { text: '', source: written() },
  ];
  const result = writePasted(text, 'url', pieces, {}, notes);
  // A URL that says nothing else is signed as generic SigV4; V2 URLs get no scheme.
  if (result.ok && !v2) result.value.hints.scheme ??= 'sigv4';
  return result;
}
