/**
 * The SigV2 mistake search on requests signed the wrong way by hand: each string to sign below is written out
 * from the mistake's description and signed with node:crypto, independently of the engine.
 */

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { searchV2Mistakes } from '../../../src/lib/sig/v2/mistakes';
import { http } from '../s3v2/doc-requests';

const SECRET = 'secret';
const BASE =
  'AWSAccessKeyId=AKID&Action=SendMessage&MessageBody=hi%20there%21&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2020-01-01T00%3A00%3A00Z&a=1';
const sign = (text: string, hash = 'sha256') =>
  encodeURIComponent(createHmac(hash, SECRET).update(text).digest('base64'));
const request = (signature: string) =>
  http(`GET /123456789012/q1?${BASE}&Signature=${signature} HTTP/1.1\nHost: sqs.us-east-1.amazonaws.com\n\n`);
const RIGHT = `GET\nsqs.us-east-1.amazonaws.com\n/123456789012/q1\n${BASE}`;

describe('searchV2Mistakes', () => {
  it('says match when the signature is right', () => {
    const r = searchV2Mistakes(request(sign(RIGHT)), SECRET);
    expect(r.ok && r.value.verdict).toBe('match');
  });

  const cases: [string, string, string?][] = [
    [
      'case-insensitive-sort',
      RIGHT.replace(
        BASE,
        'a=1&Action=SendMessage&AWSAccessKeyId=AKID&MessageBody=hi%20there%21&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2020-01-01T00%3A00%3A00Z',
      ),
    ],
    ['plus-for-space', RIGHT.replace('hi%20there', 'hi+there')],
    ['encode-uri-component', RIGHT.replace('there%21', 'there!')],
    ['root-path', RIGHT.replace('/123456789012/q1', '/')],
    ['other-hmac', RIGHT, 'sha1'],
  ];
  for (const [id, text, hash] of cases) {
    it(`finds ${id}`, () => {
      const r = searchV2Mistakes(request(sign(text, hash)), SECRET);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(r.value.verdict).toBe('mistake');
      expect(r.value.matches.map((m) => m.id)).toEqual([id]);
    });
  }

  it('says plainly when no mistake reproduces the signature', () => {
    const r = searchV2Mistakes(request(sign(RIGHT, 'sha256').replace('A', 'B')), SECRET);
    expect(r.ok && r.value.verdict).toBe('none');
    expect(r.ok && r.value.tried).toBeGreaterThan(3);
  });
});
