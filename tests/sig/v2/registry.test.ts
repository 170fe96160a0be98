/**
 * The legacy schemes in the registry: detection from pasted requests (the shapes of the vectors), sign and verify
 * through the common interface, and settings descriptors that cover each scheme's settings.
 */

import { describe, expect, it } from 'vitest';
import { detectScheme, findLegacyScheme, LEGACY_SCHEMES } from '../../../src/lib/sig/registry';
import { S3V2_DEFAULTS } from '../../../src/lib/sig/s3v2/settings';
import { V2_DEFAULTS } from '../../../src/lib/sig/v2/settings';
import { http } from '../s3v2/doc-requests';

describe('detectScheme', () => {
  const cases: [string, string, string, RegExp][] = [
    [
      'GET / HTTP/1.1\nHost: iam.amazonaws.com\nAuthorization: AWS4-HMAC-SHA256 Credential=A/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00\n\n',
      'sigv4',
      'header',
      /AWS4-HMAC-SHA256/,
    ],
    [
      'GET /k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0 HTTP/1.1\nHost: b.s3.amazonaws.com\n\n',
      'sigv4-s3',
      'query',
      /X-Amz-Algorithm/,
    ],
    [
      'GET /photos/puppy.jpg HTTP/1.1\nHost: johnsmith.s3.amazonaws.com\nAuthorization: AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU=\n\n',
      's3v2',
      'header',
      /AWS key:signature/,
    ],
    [
      'GET /p?AWSAccessKeyId=A&Expires=1175139620&Signature=x HTTP/1.1\nHost: johnsmith.s3.amazonaws.com\n\n',
      's3v2',
      'query',
      /on an S3 host/,
    ],
    [
      'GET /?Action=X&SignatureVersion=2&Signature=x HTTP/1.1\nHost: ec2.amazonaws.com\n\n',
      'sigv2',
      'query',
      /SignatureVersion=2/,
    ],
    [
      'POST / HTTP/1.1\nHost: sqs.amazonaws.com\nContent-Type: application/x-www-form-urlencoded\n\nAction=X&SignatureVersion=1',
      'sigv1',
      'body',
      /form body/,
    ],
    [
      'GET /?Action=X&SignatureVersion=0 HTTP/1.1\nHost: sdb.amazonaws.com\n\n',
      'sigv0',
      'query',
      /SignatureVersion=0/,
    ],
  ];
  for (const [raw, scheme, mode, reason] of cases) {
    it(`reads ${scheme} (${mode})`, () => {
      const d = detectScheme(http(raw));
      expect(d?.scheme).toBe(scheme);
      expect(d?.mode).toBe(mode);
      expect(d?.reason).toMatch(reason);
    });
  }
  it('says nothing for an unsigned request', () => {
    expect(detectScheme(http('GET / HTTP/1.1\nHost: example.com\n\n'))).toBeUndefined();
  });
});

describe('LEGACY_SCHEMES', () => {
  it('every scheme signs and then verifies its own request through the common interface', () => {
    const credentials = { accessKeyId: 'AKID', secretAccessKey: 'secret' };
    const time = new Date('2020-01-01T00:00:00Z');
    for (const scheme of LEGACY_SCHEMES) {
      const raw =
        scheme.id === 's3v2'
          ? 'GET /k HTTP/1.1\nHost: b.s3.amazonaws.com\n\n'
          : 'GET /?Action=List HTTP/1.1\nHost: sdb.amazonaws.com\n\n';
      const signed = scheme.sign({ request: http(raw), credentials, time });
      if (!signed.ok) throw new Error(`${scheme.id}: ${JSON.stringify(signed.problems)}`);
      expect(signed.value.scheme).toBe(scheme.id);
      expect(signed.value.signatureEncoding).toBe('base64');
      const verified = scheme.verify({
        request: http(signed.value.signedRequest),
        secretAccessKey: 'secret',
      });
      expect(verified.ok && verified.value.match, scheme.id).toBe(true);
      expect(detectScheme(http(signed.value.signedRequest))?.scheme).toBe(scheme.id);
    }
  });

  it('describes every setting with its default', () => {
    const describe = (id: string) =>
      Object.fromEntries(findLegacyScheme(id)!.settings.map((s) => [s.name, s.default]));
    expect(describe('sigv2')).toEqual({ ...V2_DEFAULTS });
    expect(describe('s3v2')).toEqual({ ...S3V2_DEFAULTS, subResources: [...S3V2_DEFAULTS.subResources] });
  });
});
