/**
 * SigV1 and its collision: the facts of tests/vectors/sigv2/sigv1-collision.json (Percival 2008, Murty; see
 * SOURCES.md), the rule as the SimpleDB 2007-11-07 guide words it, signatures checked with node:crypto.
 */

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { collide } from '../../../src/lib/sig/v1/collide';
import { signV1, verifyV1 } from '../../../src/lib/sig/v1/sign';
import { v1StringToSign, v1StringToSignOf } from '../../../src/lib/sig/v1/string-to-sign';
import { verifyV2 } from '../../../src/lib/sig/v2/verify';
import { http } from '../s3v2/doc-requests';
import { readVectorJson } from '../v4/vectors';

interface CollisionFacts {
  collision_illustration_derived_by_collector: {
    params_a: [string, string][];
    params_b: [string, string][];
    sigv1_string_to_sign_both: string;
  };
}
const facts = readVectorJson<CollisionFacts>(
  'sigv2',
  'sigv1-collision.json',
).collision_illustration_derived_by_collector;
const list = (pairs: [string, string][]) => pairs.map(([name, value]) => ({ name, value }));
const sha1 = (key: string, text: string) => createHmac('sha1', key).update(text).digest('base64');

describe('SigV1 string to sign', () => {
  it('the illustration: both parameter lists give the same string', () => {
    expect(v1StringToSignOf(list(facts.params_a)).text).toBe(facts.sigv1_string_to_sign_both);
    expect(v1StringToSignOf(list(facts.params_b)).text).toBe(facts.sigv1_string_to_sign_both);
  });

  it('sorts ignoring case, concatenates decoded names and values, leaves Signature out', () => {
    const r = v1StringToSign(
      http(
        'GET /?b=2&SignatureVersion=1&A=x%20y&Signature=zzz&c=%E2%9C%93 HTTP/1.1\nHost: sdb.amazonaws.com\n\n',
      ),
    );
    if (!r.ok) throw new Error('no string');
    expect(r.value.text).toBe('Ax yb2c✓SignatureVersion1');
    expect(r.value.lines.map((l) => l.name)).toEqual(['A', 'b', 'c', 'SignatureVersion']);
  });
});

describe('SigV1 signing', () => {
  const credentials = { accessKeyId: 'AKID', secretAccessKey: 'secret' };
  it('adds the missing parameters and signs with HMAC-SHA1', () => {
    const signed = signV1({
      request: http('GET /?Action=ListDomains HTTP/1.1\nHost: sdb.amazonaws.com\n\n'),
      credentials,
      time: new Date('2008-12-18T10:00:00Z'),
    });
    if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
    const text = 'ActionListDomainsAWSAccessKeyIdAKIDSignatureVersion1Timestamp2008-12-18T10:00:00Z';
    expect(signed.value.stages.find((s) => s.id === 'string-to-sign')!.text).toBe(text);
    expect(signed.value.signature).toBe(sha1('secret', text));
    const v = verifyV1({ request: http(signed.value.signedRequest), secretAccessKey: 'secret' });
    expect(v.ok && v.value.match).toBe(true);
  });
});

describe('collide', () => {
  const raw =
    'GET /?Action=PutAttributes&DomainName=users&ItemName=alice&Attribute.1.Name=role&Attribute.1.Value=reader' +
    '&AWSAccessKeyId=AKID&SignatureVersion=1&Timestamp=2008-12-18T10%3A00%3A00Z&Version=2007-11-07 HTTP/1.1\n' +
    'Host: sdb.amazonaws.com\n\n';

  it('forges a different list with the same SigV1 string and signature, told apart by SigV2', () => {
    const c = collide({ request: http(raw), secretAccessKey: 'secret' });
    if (!c.ok) throw new Error(JSON.stringify(c.problems));
    expect(c.value.forged.params).not.toEqual(c.value.original.params);
    expect(c.value.forged.stringToSign).toBe(c.value.original.stringToSign);
    expect(c.value.original.signature).toBe(sha1('secret', c.value.original.stringToSign));
    expect(c.value.kind).toBe('split');
    // The forged request, with the original's signature, verifies under SigV1 …
    const v1 = verifyV1({ request: http(c.value.forged.request), secretAccessKey: 'secret' });
    expect(v1.ok && v1.value.match).toBe(true);
    // … and SigV2's strings and signatures differ.
    expect(c.value.sigv2.forged.stringToSign).not.toBe(c.value.sigv2.original.stringToSign);
    expect(c.value.sigv2.forged.signature).not.toBe(c.value.sigv2.original.signature);
    const v2 = verifyV2({ request: http(c.value.forged.request), secretAccessKey: 'secret' });
    expect(v2.ok && v2.value.match).toBe(false);
  });

  it("the illustration's one-parameter list collides too", () => {
    const c = collide({ request: http('GET /?foo=bar HTTP/1.1\nHost: h\n\n'), secretAccessKey: 'k' });
    if (!c.ok) throw new Error(JSON.stringify(c.problems));
    expect(c.value.forged.stringToSign).toBe(facts.sigv1_string_to_sign_both);
    expect(c.value.forged.params).not.toEqual(facts.params_a);
  });

  it('a single one-letter parameter cannot collide, and says so', () => {
    const c = collide({ request: http('GET /?a= HTTP/1.1\nHost: h\n\n'), secretAccessKey: 'k' });
    expect(c.ok).toBe(false);
    expect(c.problems[0]!.kind).toBe('no-collision');
  });
});
