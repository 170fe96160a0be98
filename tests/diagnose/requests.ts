/**
 * fast-check generators of realistic requests for the diagnosis properties: encoded paths with reserved and
 * non-ASCII characters, query strings with bare keys and spaces, repeated and padded headers, bodies.
 */

import fc from 'fast-check';
import { uriEncode } from '../../src/lib/sig/encoding';
import type { SchemeId } from '../../src/lib/sig/registry';

const SEGMENT_CHARS = fc.constantFrom(...'abcXYZ019-_.~ $+=@!é'.split(''), '日');
const segment = fc.array(SEGMENT_CHARS, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
const word = fc
  .array(fc.constantFrom(...'abcKLM09-_.~ +/é'.split('')), { minLength: 0, maxLength: 6 })
  .map((cs) => cs.join(''));
const paramName = fc
  .array(fc.constantFrom(...'abcABZ-_.'.split('')), { minLength: 1, maxLength: 5 })
  .map((cs) => cs.join(''));

/** A generated request and the scheme it is for. */
export interface GeneratedRequest {
  scheme: SchemeId;
  text: string;
}

/** Requests as a client would send them: path and query percent-encoded, headers as set by hand. */
export const generatedRequest: fc.Arbitrary<GeneratedRequest> = fc
  .record({
    s3: fc.boolean(),
    method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE'),
    segments: fc.array(segment, { minLength: 1, maxLength: 4 }),
    dots: fc.boolean(),
    query: fc.array(fc.tuple(paramName, fc.option(word, { nil: null })), { maxLength: 4 }),
    padded: fc.option(fc.constantFrom('  a   b ', 'x\ty', ' v '), { nil: null }),
    repeated: fc.boolean(),
    port: fc.boolean(),
    body: fc.constantFrom('', '{"a":1}', 'Param1=value1'),
  })
  .map((r) => {
    const segments =
      r.dots && !r.s3 ? [...r.segments.slice(0, 1), 'x', '..', ...r.segments.slice(1)] : r.segments;
    const path = '/' + segments.map((s) => uriEncode(s)).join('/');
    const query = r.query
      .map(([k, v]) => (v === null ? uriEncode(k) : `${uriEncode(k)}=${uriEncode(v)}`))
      .join('&');
    const host =
      (r.s3 ? 'examplebucket.s3.amazonaws.com' : 'abc123.execute-api.us-east-1.amazonaws.com') +
      (r.port ? ':8443' : '');
    const headers = [`Host: ${host}`];
    if (r.padded !== null) headers.push(`X-Custom:${r.padded}`);
    if (r.repeated) headers.push('X-Meta: one', 'X-Meta: two');
    if (r.body) headers.push('Content-Type: application/octet-stream');
    const text = [`${r.method} ${path}${query ? `?${query}` : ''} HTTP/1.1`, ...headers, '', r.body].join(
      '\n',
    );
    return { scheme: (r.s3 ? 'sigv4-s3' : 'sigv4') as SchemeId, text };
  });

const HEADER_NAMES = [
  'X-Custom',
  'x-meta-owner',
  'X-Amz-Meta-Tag',
  'Accept',
  'x-trace',
  'If-Match',
  'X-Api-Key',
];
const HEADER_VALUE = fc.constantFrom(
  'a',
  'two words',
  '  padded  ',
  'x\ty',
  'a   b',
  ' v ',
  'Mixed,List',
  '"etag"',
);
const UNSIGNED = fc.subarray([
  'User-Agent: aws-cli/2.15.0',
  'Connection: keep-alive',
  'Expect: 100-continue',
]);
const QUERY_VALUE = fc.constantFrom('plain', 'a b', 'urn:x:y/z', 'a+b', '50%', 'k=v', '~tilde', 'é', '');

/**
 * Requests with up to ten headers of mixed case and padding, some repeated, some sent but not signed, a session token now and
 * then, and a query of several parameters with reserved characters: the ground for mistakes made on one header
 * or one parameter while the others are right.
 */
export const richRequest: fc.Arbitrary<GeneratedRequest> = fc
  .record({
    s3: fc.boolean(),
    method: fc.constantFrom('GET', 'PUT', 'POST'),
    segments: fc.array(segment, { minLength: 1, maxLength: 3 }),
    headers: fc.uniqueArray(fc.tuple(fc.constantFrom(...HEADER_NAMES), HEADER_VALUE), {
      maxLength: 6,
      selector: ([n]) => n.toLowerCase(),
    }),
    unsigned: UNSIGNED,
    repeats: fc.subarray(['X-Meta', 'X-Tag']),
    token: fc.boolean(),
    query: fc.uniqueArray(fc.tuple(paramName, fc.option(QUERY_VALUE, { nil: null })), {
      maxLength: 4,
      selector: ([n]) => n,
    }),
    body: fc.constantFrom('', '{"a":1}'),
  })
  .map((r) => {
    const path = '/' + r.segments.map((s) => uriEncode(s)).join('/');
    const query = r.query
      .map(([k, v]) => (v === null ? uriEncode(k) : `${uriEncode(k)}=${uriEncode(v)}`))
      .join('&');
    const host = r.s3 ? 'examplebucket.s3.amazonaws.com' : 'abc123.execute-api.us-east-1.amazonaws.com';
    const lines = [`Host: ${host}`, ...r.headers.map(([n, v]) => `${n}:${v}`)];
    for (const name of r.repeats) lines.push(`${name}: one`, `${name}:  two  `);
    if (r.token) lines.push('X-Amz-Security-Token: FwoGZXIvYXdzEJr//////////token+/=');
    if (r.body) lines.push('Content-Type: application/json', `Content-Length: ${r.body.length}`);
    const text = [
      `${r.method} ${path}${query ? `?${query}` : ''} HTTP/1.1`,
      ...lines,
      ...r.unsigned,
      '',
      r.body,
    ];
    return { scheme: (r.s3 ? 'sigv4-s3' : 'sigv4') as SchemeId, text: text.join('\n') };
  });
