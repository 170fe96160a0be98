/**
 * parseClientLog on 20,000 inputs: random text, text built from the markers the readers key on, and logs broken
 * the way pastes break. It never throws, every error problem points into the text, and every value's span lies in
 * the text and, outside awscurl's decoded reprs, covers exactly the value's text.
 */

import fc from 'fast-check';
import { brokenPastes } from '../../fuzz/broken-pastes';
import { describe, expect, it } from 'vitest';
import { parseClientLog } from '../../../src/lib/sig/client-log/parse';
import type { LoggedText } from '../../../src/lib/sig/client-log/types';
import { clientCanonical, fixture } from '../server-error/fixture-files';
import * as samples from './samples';

const SEEDS = [
  fixture('L1'),
  fixture('L2'),
  fixture('L3'),
  clientCanonical('F14'),
  samples.GO_V2,
  samples.JAVA_V2,
  samples.AWSCURL,
  samples.CURL,
  samples.AWS4,
];

const TOKENS = [
  '\n',
  '\r\n',
  ' ',
  '\t',
  "'",
  '"',
  '[',
  ']',
  '(',
  ')',
  '\\',
  '\\n',
  '\\x4',
  ':',
  ';',
  '/',
  'GET',
  'a',
  '0',
  'é',
  '\ud800',
  '2024-01-15 12:00:00,123 - MainThread - botocore.auth - DEBUG - ',
  ' - DEBUG - CanonicalRequest:\n',
  ' - DEBUG - StringToSign:\n',
  ' - DEBUG - Signature:\n',
  '---[ CANONICAL STRING  ]-----\n',
  '\n---[ STRING TO SIGN ]---\n',
  '\n-----\n',
  'AWS4 Canonical Request: \'"',
  'AWS4 String to Sign: \'"',
  'AWS4 Canonical Request: ',
  'AWS4 String to sign: ',
  '* aws_sigv4: Canonical request (enclosed in []) - [',
  '* aws_sigv4: String to sign (enclosed in []) - [',
  '* aws_sigv4: Signature - ',
  "('\\n'\n 'CANONICAL REQUEST = ",
  'STRING_TO_SIGN = ',
  "'Authorization': '",
  'AWS4-HMAC-SHA256\n20240115T120000Z\n20240115/us-east-1/s3/aws4_request\n',
  samples.SIGNATURE,
  'host:a\n',
  '\n\nhost\n',
];

/** A value's span lies in the text and, unless something was normalized to read it, covers exactly its text. */
function expectValue(text: string, value: LoggedText | undefined, exact: boolean): void {
  if (!value) return;
  const { start, end } = value.span;
  expect(0 <= start && start <= end && end <= text.length).toBe(true);
  if (value.truncated) {
    const cut = value.truncated.span;
    expect(start <= cut.start && cut.start <= cut.end && cut.end <= end).toBe(true);
  }
  if (exact && !value.normalized) expect(text.slice(start, end).replace(/\r\n/g, '\n')).toBe(value.text);
}

/** The property: no throw, located errors, spans inside the text and on their values. */
function check(text: string): void {
  const result = parseClientLog(text);
  for (const p of result.problems) {
    if (p.severity !== 'error' && !p.span) continue;
    expect(p.span).toBeDefined();
    expect(0 <= p.span!.start && p.span!.start <= p.span!.end && p.span!.end <= text.length).toBe(true);
  }
  if (!result.ok) {
    expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
    return;
  }
  const log = result.value;
  // awscurl's values are decoded reprs; a paste read through a view (prefixes left out) is not a plain slice.
  const exact = log.source !== 'awscurl' && !log.normalized?.some((n) => !n.startsWith('CRLF'));
  expect(log.canonicalRequest ?? log.stringToSign ?? log.request).toBeDefined();
  for (const value of [log.canonicalRequest, log.stringToSign, log.signature])
    expectValue(text, value, exact);
  for (const s of log.signings ?? []) {
    for (const value of [s.canonicalRequest, s.stringToSign, s.signature]) expectValue(text, value, exact);
  }
  expectValue(text, log.request, false);
  expectValue(text, log.authorization, false);
}

describe('parseClientLog fuzz', () => {
  it('survives random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 5000 });
  });

  it('survives text made of the markers it keys on', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 40 }), check), {
      numRuns: 5000,
    });
  });

  it('survives logs cut short, flipped and padded with junk', () => {
    const mutated = brokenPastes(SEEDS, TOKENS, { maxJunk: 10, flipFallback: '\n' });
    fc.assert(fc.property(mutated, check), { numRuns: 10000 });
  });
});
