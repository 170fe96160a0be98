/**
 * Explaining SigV2-family requests: with the secret, each catalogue mistake of SigV2 (Query APIs) and of S3 SigV2
 * signed into a request is named first and shown; a correct signature verifies; a wrong secret reproduces nothing
 * and is only suspected. The mistaken signatures are made with the schemes' own catalogues, which the vectors in
 * tests/sig/v2 and tests/sig/s3v2 check; what is asserted here is that the diagnosis names what was applied.
 */

import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import { parseHttpRequest } from '../../src/lib/sig/request/http';
import type { HttpRequest } from '../../src/lib/sig/request/model';
import { s3V2MistakeStrings } from '../../src/lib/sig/s3v2/mistakes';
import { s3V2Signature } from '../../src/lib/sig/s3v2/sign';
import { s3V2StringToSign } from '../../src/lib/sig/s3v2/string-to-sign';
import { V2_MISTAKES } from '../../src/lib/sig/v2/mistakes';
import { v2Signature } from '../../src/lib/sig/v2/sign';
import { v2StringToSign } from '../../src/lib/sig/v2/string-to-sign';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function parsed(text: string): HttpRequest {
  const r = parseHttpRequest(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const QUERY =
  '/123456789012/orders?AWSAccessKeyId=AKIDEXAMPLE&Action=SendMessage&MessageBody=new%20order%21%20%28rush%29' +
  '&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2024-01-15T12%3A00%3A00Z&Version=2012-11-05&attr=1';
const UNSIGNED = `GET ${QUERY} HTTP/1.1\nHost: SQS.eu-west-1.amazonaws.com:443\n\n`;

/** The request with the signature a client making this mistake would send. */
function v2Signed(settings: (typeof V2_MISTAKES)[number] | undefined): string {
  const sts = v2StringToSign(parsed(UNSIGNED), {
    location: 'query',
    ...(settings ? { settings: settings.settings } : {}),
  });
  if (!sts.ok) throw new Error(JSON.stringify(sts.problems));
  const method = settings?.otherHmac ? 'HmacSHA1' : 'HmacSHA256';
  const signature = encodeURIComponent(v2Signature(SECRET, sts.value.text, method));
  return UNSIGNED.replace(' HTTP/1.1', `&Signature=${signature} HTTP/1.1`);
}

describe('SigV2 for Query APIs', () => {
  it('verifies a correct signature', async () => {
    const e = await explain({ request: v2Signed(undefined), secretAccessKey: SECRET });
    expect(e.verdict).toBe('match');
  });

  // signature-signed needs a Signature already in the request before signing, which this request has not;
  // host-without-port changes nothing here, as the default port is dropped anyway.
  const skipped = ['signature-signed', 'host-without-port'];
  it.each(V2_MISTAKES.filter((m) => !skipped.includes(m.id)).map((m) => [m.id, m] as const))(
    'names %s from the signature sent',
    async (id, mistake) => {
      const e = await explain({ request: v2Signed(mistake), secretAccessKey: SECRET });
      expect(e.verdict).toBe('mismatch');
      expect(e.findings[0]).toMatchObject({ basis: 'shown', kind: 'client', cause: `sigv2-${id}` });
    },
  );

  it('suspects, never shows, the secret when no mistake reproduces the signature', async () => {
    const e = await explain({ request: v2Signed(undefined), secretAccessKey: SECRET + 'x' });
    expect(e.verdict).toBe('unknown');
    expect(e.findings.filter((f) => f.basis === 'shown')).toEqual([]);
    expect(e.findings).toContainEqual(expect.objectContaining({ basis: 'suspected', component: 'secret' }));
  });
});

const S3 = [
  'PUT /photos/2024/cat.jpg?acl&prefix=x HTTP/1.1',
  'Host: johnsmith.s3.amazonaws.com',
  'Content-Type: image/jpeg',
  'Content-MD5: 4gJE4saaMU4BqNR0kLY+lw==',
  'Date: Mon, 15 Jan 2024 12:00:00 GMT',
  'X-Amz-Meta-Zeta: z',
  'X-Amz-Date: Mon, 15 Jan 2024 12:00:00 GMT',
  'x-amz-acl: public-read',
  '',
  '',
].join('\n');

describe('S3 SigV2', () => {
  const request = parsed(S3);
  const sts = s3V2StringToSign(request, { mode: 'header' });
  if (!sts.ok) throw new Error(JSON.stringify(sts.problems));
  const withSignature = (signature: string) =>
    S3.replace('\n\n', `\nAuthorization: AWS AKIDEXAMPLE:${signature}\n\n`);
  const variants = s3V2MistakeStrings(request, sts.value);

  it('tries every catalogue mistake on this request', () => {
    expect(variants.map((v) => v.mistake.id).sort()).toEqual(
      [
        'amz-headers-not-sorted',
        'amz-names-not-lower-cased',
        'bucket-left-out',
        'content-md5-empty',
        'content-type-empty',
        'date-with-amz-date',
        'plain-parameter-signed',
        'sub-resource-left-out',
      ].sort(),
    );
  });

  it('verifies a correct signature', async () => {
    const e = await explain({
      request: withSignature(s3V2Signature(SECRET, sts.value.text)),
      secretAccessKey: SECRET,
    });
    expect(e.verdict).toBe('match');
  });

  it.each(variants.map((v) => [v.mistake.id, v] as const))(
    'names %s from the signature sent',
    async (id, v) => {
      const e = await explain({
        request: withSignature(s3V2Signature(SECRET, v.text)),
        secretAccessKey: SECRET,
      });
      expect(e.verdict).toBe('mismatch');
      expect(e.findings[0]).toMatchObject({
        basis: 'shown',
        component: v.mistake.component,
        cause: `s3v2-${id}`,
      });
    },
  );
});
