/**
 * Bad input never throws: signed requests of every legacy scheme, broken the way pastes break, go through
 * detection, signing, verifying, the mistake searches and collide (in every form the CLI reads them), and each
 * answer is a result, never an exception.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collideText, signLegacyText, verifyLegacyText } from '../../src/lib/sig/scheme-text';
import { detectScheme, LEGACY_SCHEMES } from '../../src/lib/sig/registry';
import { parseHttpRequest } from '../../src/lib/sig/request/http';
import { searchS3V2Mistakes } from '../../src/lib/sig/s3v2/mistakes';
import { parseS3V2StringToSign } from '../../src/lib/sig/s3v2/string-to-sign';
import { searchV2Mistakes } from '../../src/lib/sig/v2/mistakes';
import { parseV2StringToSign } from '../../src/lib/sig/v2/string-to-sign';
import { brokenPastes } from '../fuzz/broken-pastes';

const RUNS = Number(process.env['LEGACY_ORACLE_RUNS'] ?? 1500);

const SEEDS = [
  'GET /photos/puppy.jpg?versionId=a%2Fb&acl HTTP/1.1\nHost: johnsmith.s3.amazonaws.com\nDate: Tue, 27 Mar 2007 19:36:42 +0000\nx-amz-meta-a: 1\n  2\nAuthorization: AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU=\n\n',
  'GET /photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620 HTTP/1.1\nHost: johnsmith.s3.amazonaws.com\n\n',
  'https://elasticmapreduce.amazonaws.com?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31&Signature=i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf%2FMj6vPxyYIs%3D',
  'POST / HTTP/1.1\nHost: sqs.us-east-1.amazonaws.com:8443\nContent-Type: application/x-www-form-urlencoded\n\nAction=SendMessage&SignatureVersion=1&Timestamp=2008-12-18T10%3A00%3A00Z&Signature=abc%3D',
  "curl 'https://sdb.amazonaws.com/?Action=ListDomains&SignatureVersion=0&Timestamp=2005-01-31T23%3A59%3A59.183Z&Signature=x'",
];
const TOKENS = [
  '&',
  '=',
  '%',
  '%E2',
  '+',
  '?',
  '\n',
  ' ',
  ':',
  'Signature=',
  'SignatureVersion=',
  'Expires=',
  'AWS ',
  'Authorization: ',
  'Host: ',
  'x-amz-',
  '\r\n',
];
const credentials = { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'tok' };
const time = new Date('2020-01-01T00:00:00Z');

describe('legacy schemes on broken pastes', () => {
  it(`answer with results, never exceptions, on ${RUNS} pastes`, () => {
    fc.assert(
      fc.property(brokenPastes(SEEDS, TOKENS), (text) => {
        for (const s of LEGACY_SCHEMES) {
          for (const mode of s.modes) {
            const signed = signLegacyText({
              scheme: s.id,
              mode,
              request: text,
              credentials,
              time,
              expires: 1700000000,
            });
            expect(typeof signed.ok).toBe('boolean');
          }
          expect(typeof verifyLegacyText({ scheme: s.id, request: text, secretAccessKey: 'secret' }).ok).toBe(
            'boolean',
          );
        }
        expect(typeof collideText({ request: text, credentials, time }).ok).toBe('boolean');
        expect(typeof parseV2StringToSign(text).ok).toBe('boolean');
        expect(typeof parseS3V2StringToSign(text).ok).toBe('boolean');
        const parsed = parseHttpRequest(text);
        if (parsed.ok) {
          detectScheme(parsed.value);
          expect(typeof searchV2Mistakes(parsed.value, 'secret').ok).toBe('boolean');
          expect(typeof searchS3V2Mistakes(parsed.value, 'secret').ok).toBe('boolean');
        }
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
