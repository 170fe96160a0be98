/**
 * The SigV2 rules the vectors do not reach, each written out by hand from the General Reference's text; signatures
 * are checked with node:crypto, independently of the engine's HMAC.
 */

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signV2 } from '../../../src/lib/sig/v2/sign';
import { v2StringToSign } from '../../../src/lib/sig/v2/string-to-sign';
import { verifyV2 } from '../../../src/lib/sig/v2/verify';
import { http } from '../s3v2/doc-requests';

const sts = (raw: string) => {
  const r = v2StringToSign(http(raw));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

describe('SigV2 string to sign', () => {
  it('keeps a non-default port, drops the default one, lower-cases the host', () => {
    expect(sts('GET /?a=1 HTTP/1.1\nHost: SQS.Example.com:8443\n\n').parts.host).toBe('sqs.example.com:8443');
    expect(sts('GET /?a=1 HTTP/1.1\nHost: sqs.example.com:443\n\n').parts.host).toBe('sqs.example.com');
    expect(sts('GET http://sqs.example.com:80/?a=1 HTTP/1.1\n\n').parts.host).toBe('sqs.example.com');
    expect(sts('GET http://sqs.example.com:443/?a=1 HTTP/1.1\n\n').parts.host).toBe('sqs.example.com:443');
  });

  it('sorts by byte order (upper case first) and encodes per RFC 3986', () => {
    const s = sts("GET /q?b=1&B=2&a=x%20y+z&c=!'()*~ HTTP/1.1\nHost: h\n\n");
    expect(s.parts.query).toBe('B=2&a=x%20y%20z&b=1&c=%21%27%28%29%2A~');
    expect(s.parts.path).toBe('/q');
  });

  it('signs the queue path of an SQS URL, and "/" when the path is empty', () => {
    expect(
      sts('GET /123456789012/q1?Action=SendMessage HTTP/1.1\nHost: sqs.us-east-1.amazonaws.com\n\n').parts
        .path,
    ).toBe('/123456789012/q1');
    expect(sts('GET https://h?a=1 HTTP/1.1\n\n').parts.path).toBe('/');
  });

  it('takes POST parameters from the form body, not the query', () => {
    const s = sts(
      'POST / HTTP/1.1\nHost: h\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\n\nAction=List&Z=1',
    );
    expect(s.location).toBe('body');
    expect(s.parts.query).toBe('Action=List&Z=1');
  });

  it('an unknown SignatureMethod is a problem, not an exception', () => {
    const r = v2StringToSign(http('GET /?SignatureMethod=HmacMD5 HTTP/1.1\nHost: h\n\n'));
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.kind).toBe('signature-method');
  });
});

describe('SigV2 signing', () => {
  const credentials = { accessKeyId: 'AKID', secretAccessKey: 'secret' };
  const time = new Date('2011-10-03T15:19:30Z');

  it('HmacSHA1 when the request says so, checked with node:crypto', () => {
    const raw = 'GET /?Action=ListDomains&SignatureMethod=HmacSHA1 HTTP/1.1\nHost: sdb.amazonaws.com\n\n';
    const signed = signV2({ request: http(raw), credentials, time });
    if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
    const text = signed.value.stages.find((s) => s.id === 'string-to-sign')!.text;
    expect(text).toBe(
      'GET\nsdb.amazonaws.com\n/\nAWSAccessKeyId=AKID&Action=ListDomains&SignatureMethod=HmacSHA1&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30Z',
    );
    expect(signed.value.signature).toBe(createHmac('sha1', 'secret').update(text).digest('base64'));
  });

  it('adds SecurityToken for temporary credentials and leaves Expires alone', () => {
    const raw = 'GET /?Action=X&Expires=2030-01-01T00%3A00%3A00Z HTTP/1.1\nHost: ec2.amazonaws.com\n\n';
    const signed = signV2({ request: http(raw), credentials: { ...credentials, sessionToken: 'tok' } });
    if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
    expect(signed.value.added.query.map(([n]) => n)).toEqual([
      'AWSAccessKeyId',
      'SignatureVersion',
      'SignatureMethod',
      'SecurityToken',
      'Signature',
    ]);
    const v = verifyV2({ request: http(signed.value.signedRequest), secretAccessKey: 'secret' });
    expect(v.ok && v.value.match).toBe(true);
    const wrong = verifyV2({ request: http(signed.value.signedRequest), secretAccessKey: 'other' });
    expect(wrong.ok && wrong.value.match).toBe(false);
  });

  it('without a time or Timestamp it asks for one', () => {
    const r = signV2({ request: http('GET /?Action=X HTTP/1.1\nHost: h\n\n'), credentials });
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.kind).toBe('no-time');
  });
});
