/**
 * parseServerErrors on 20,000 inputs: random text, text built from the characters and phrases the readers key on,
 * and fixtures broken the way pastes break (cut short, characters flipped, junk inserted). It never throws, every
 * error problem points into the text, and every span it returns lies inside the text.
 */

import fc from 'fast-check';
import { brokenPastes } from '../../fuzz/broken-pastes';
import { describe, expect, it } from 'vitest';
import { parseServerErrors } from '../../../src/lib/sig/server-error/parse';
import type { Span } from '../../../src/lib/sig/types';
import { fixture, SERVER_FIXTURES } from './fixture-files';
import { pythonBytesRepr } from './python-repr';

const F1 = fixture('F1');
const F5 = fixture('F5');
const F5_MESSAGE = (JSON.parse(F5.slice(F5.indexOf('{'))) as { message: string }).message;

/** Fixtures, and fixtures in the wrappers users paste them in. */
const SEEDS = [
  ...SERVER_FIXTURES.map(fixture),
  `HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\n\r\n${F1}`,
  `2024-01-15 12:00:00,456 - MainThread - botocore.parsers - DEBUG - Response body:\n${pythonBytesRepr(F1)}`,
  `An error occurred (InvalidSignatureException) when calling the X operation: ${F5_MESSAGE}`,
  `SignatureDoesNotMatch: ${F5_MESSAGE}\n\tstatus code: 403, request id: 0EXAMPLE`,
  `x.AmazonS3Exception: ${F5_MESSAGE} (Service: Amazon S3; Status Code: 403; Error Code: X; Request ID: 1)`,
];

const TOKENS = [
  '<',
  '>',
  '/',
  '&',
  ';',
  '#',
  'x',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '\\',
  '\n',
  '\r\n',
  ' ',
  '\t',
  'b',
  '0a ',
  '4',
  'é',
  '\ud800',
  '\u0000',
  'HTTP/1.1 403 Forbidden\n',
  '<?xml version="1.0"?>',
  '<Error>',
  '</Error>',
  '<Code>',
  '</Code>',
  '<StringToSignBytes>',
  '</StringToSignBytes>',
  '<CanonicalRequest>',
  '&amp;',
  '&#x',
  '&#',
  '<![CDATA[',
  ']]>',
  '<!--',
  'An error occurred (',
  ') when calling the X operation: ',
  '\n\tstatus code: 403, request id: ',
  ' (Service: S3; Status Code: 403; Request ID: x)',
  "The Canonical String for this request should have been\n'",
  "'\n\nThe String-to-Sign should have been\n'",
  'AWS4-HMAC-SHA256\n20240115T120000Z\n20240115/us-east-1/s3/aws4_request\n',
  "Response body:\nb'",
  '\\x',
  '\\u',
  '{"message":"',
  '"__type":"a#B"',
  'Signature expired: ',
  '\n\n',
];

function expectWithin(span: Span | undefined, text: string): void {
  expect(span).toBeDefined();
  expect(span!.start).toBeGreaterThanOrEqual(0);
  expect(span!.start).toBeLessThanOrEqual(span!.end);
  expect(span!.end).toBeLessThanOrEqual(text.length);
}

/** The property: no throw, located errors, spans inside the text. */
function check(text: string): void {
  const result = parseServerErrors(text);
  for (const p of result.problems) {
    if (p.severity === 'error' || p.span) expectWithin(p.span, text);
  }
  if (!result.ok) {
    expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
    return;
  }
  expect(result.value.length).toBeGreaterThan(0);
  for (const reply of result.value) {
    expectWithin(reply.span, text);
    if (reply.canonicalRequest) expectWithin(reply.canonicalRequest.span, text);
    if (reply.stringToSign) expectWithin(reply.stringToSign.span, text);
  }
}

describe('parseServerErrors fuzz', () => {
  it('survives random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 5000 });
  }, 60_000);

  it('survives text made of the tokens it keys on', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 60 }), check), {
      numRuns: 5000,
    });
  }, 60_000);

  it('survives fixtures cut short, flipped and padded with junk', () => {
    const mutated = brokenPastes(SEEDS, TOKENS, { maxJunk: 12, flipFallback: '<' });
    fc.assert(fc.property(mutated, check), { numRuns: 10000 });
  }, 60_000);
});
