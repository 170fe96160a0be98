/**
 * SigV0: HMAC-SHA1 of Action + Timestamp. The string is the one AWS's Alexa Top Sites guide (2005-11-21) quotes,
 * "TopSites2005-01-31T23:59:59.183Z"; the signature is checked with node:crypto.
 */

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signV0, verifyV0 } from '../../../src/lib/sig/v0/sign';
import { http } from '../s3v2/doc-requests';

describe('SigV0', () => {
  const raw =
    'GET /?Action=TopSites&AWSAccessKeyId=1234567890ABCDEFGHIJ&Timestamp=2005-01-31T23%3A59%3A59.183Z&ResponseGroup=Country&CountryCode=CN HTTP/1.1\nHost: ats.amazonaws.com\n\n';

  it('signs Action followed by Timestamp and nothing else', () => {
    const signed = signV0({
      request: http(raw),
      credentials: { accessKeyId: '1234567890ABCDEFGHIJ', secretAccessKey: 'k' },
    });
    if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
    expect(signed.value.stages[0]!.text).toBe('TopSites2005-01-31T23:59:59.183Z');
    expect(signed.value.signature).toBe(
      createHmac('sha1', 'k').update('TopSites2005-01-31T23:59:59.183Z').digest('base64'),
    );
    expect(signed.value.added.query.map(([n]) => n)).toEqual(['SignatureVersion', 'Signature']);
    const v = verifyV0({ request: http(signed.value.signedRequest), secretAccessKey: 'k' });
    expect(v.ok && v.value.match).toBe(true);
    // Every other parameter is unsigned: changing one still verifies.
    const changed = signed.value.signedRequest.replace('CountryCode=CN', 'CountryCode=US');
    const v2 = verifyV0({ request: http(changed), secretAccessKey: 'k' });
    expect(v2.ok && v2.value.match).toBe(true);
  });

  it('without Action it is a problem', () => {
    const r = signV0({
      request: http('GET /?Timestamp=x HTTP/1.1\nHost: h\n\n'),
      credentials: { accessKeyId: 'a', secretAccessKey: 'k' },
    });
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.kind).toBe('v0-params');
  });
});
