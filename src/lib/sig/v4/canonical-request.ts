/**
 * The canonical request as a typed value that renders to text and parses back, so that a server's "expected"
 * canonical request can be read into the same structure and compared part by part.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 */

import { fail, ok, problem, type Problem, type Result, type Span } from '../types';
import { renderCanonicalHeaders, renderSignedHeaders, type CanonicalHeader } from './canonical-headers';
import { renderCanonicalQuery, type CanonicalQueryPair } from './canonical-query';

/** The six parts of a canonical request. `sources` are spans in the pasted request, empty where we added it. */
export interface CanonicalRequest {
  method: string;
  path: string;
  query: CanonicalQueryPair[];
  headers: CanonicalHeader[];
  signedHeaders: string[];
  payloadHash: string;
  sources?: {
    method?: Span[];
    path?: Span[];
    payloadHash?: Span[];
  };
}

/** Which part of the canonical request a line is. */
export type CanonicalPart =
  'method' | 'path' | 'query' | 'header' | 'blank' | 'signed-headers' | 'payload-hash';

/** One line of the rendered canonical request, labelled, with the spans of the request it came from. */
export interface CanonicalLine {
  part: CanonicalPart;
  text: string;
  /** The lower-case header name, for `header` lines. */
  name?: string;
  sources: Span[];
}

/** The canonical request line by line, each labelled with its part and sources. */
export function canonicalRequestLines(cr: CanonicalRequest): CanonicalLine[] {
  const lines: CanonicalLine[] = [
    { part: 'method', text: cr.method, sources: cr.sources?.method ?? [] },
    { part: 'path', text: cr.path, sources: cr.sources?.path ?? [] },
    { part: 'query', text: renderCanonicalQuery(cr.query), sources: cr.query.flatMap((q) => q.sources) },
  ];
  for (const h of cr.headers) {
    lines.push({ part: 'header', text: `${h.name}:${h.value}`, name: h.name, sources: h.sources });
  }
  lines.push({ part: 'blank', text: '', sources: [] });
  lines.push({
    part: 'signed-headers',
    text: renderSignedHeaders(cr.signedHeaders),
    sources: cr.headers.flatMap((h) => h.sources),
  });
  lines.push({ part: 'payload-hash', text: cr.payloadHash, sources: cr.sources?.payloadHash ?? [] });
  return lines;
}

/** Renders the canonical request text that SigV4 hashes. */
export function renderCanonicalRequest(cr: CanonicalRequest): string {
  return [
    cr.method,
    cr.path,
    renderCanonicalQuery(cr.query),
    renderCanonicalHeaders(cr.headers),
    renderSignedHeaders(cr.signedHeaders),
    cr.payloadHash,
  ].join('\n');
}

function lineSpan(lines: string[], index: number): Span {
  let start = 0;
  for (let i = 0; i < index; i++) start += lines[i]!.length + 1;
  return { start, end: start + (lines[index]?.length ?? 0) };
}

/**
 * Parses canonical request text (as a server prints it in `CanonicalRequest`) back into its parts. Line endings
 * may be LF or CRLF; spans in problems point into the text given.
 */
export function parseCanonicalRequest(text: string): Result<CanonicalRequest> {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const problems: Problem[] = [];
  // method, path, query, >= 0 header lines, blank, signed headers, payload hash
  if (lines.length < 6) {
    return fail([
      problem(
        'canonical-request-shape',
        `A canonical request has at least six lines (method, path, query, headers, signed headers, payload hash); this has ${lines.length}.`,
        { start: 0, end: text.length },
      ),
    ]);
  }
  const payloadHash = lines[lines.length - 1]!;
  const signedLine = lines[lines.length - 2]!;
  const blankIndex = lines.length - 3;
  if (lines[blankIndex] !== '') {
    problems.push(
      problem(
        'canonical-request-shape',
        'The line before the signed headers should be empty (it ends the canonical headers).',
        lineSpan(lines, blankIndex),
      ),
    );
  }
  const query: CanonicalQueryPair[] =
    lines[2] === ''
      ? []
      : lines[2]!.split('&').map((pair) => {
          const eq = pair.indexOf('=');
          return eq < 0
            ? { name: pair, value: '', sources: [] }
            : { name: pair.slice(0, eq), value: pair.slice(eq + 1), sources: [] };
        });
  const headers: CanonicalHeader[] = [];
  for (let i = 3; i < blankIndex; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problems.push(
        problem('canonical-header', 'A canonical header line reads "name:value".', lineSpan(lines, i)),
      );
      continue;
    }
    headers.push({ name: line.slice(0, colon), value: line.slice(colon + 1), sources: [] });
  }
  const cr: CanonicalRequest = {
    method: lines[0]!,
    path: lines[1]!,
    query,
    headers,
    signedHeaders: signedLine === '' ? [] : signedLine.split(';'),
    payloadHash,
  };
  return problems.length > 0 ? fail(problems) : ok(cr);
}
