import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/lib/sig/crypto';
import { signText, verifyText } from '../../../src/lib/sig/index';

const BODY = 'Welcome to Amazon S3.';
const base = {
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  region: 'us-east-1',
  service: 'execute-api',
  time: new Date('2024-01-15T12:00:00Z'),
};

describe('a body hashed elsewhere', () => {
  it('signs as if the body were there, without adding x-amz-content-sha256 where the scheme does not', async () => {
    const whole = await signText({
      ...base,
      scheme: 'sigv4',
      mode: 'header',
      request: `PUT /f HTTP/1.1\nHost: h.execute-api.us-east-1.amazonaws.com\n\n${BODY}`,
    });
    const hashed = await signText({
      ...base,
      scheme: 'sigv4',
      mode: 'header',
      request: 'PUT /f HTTP/1.1\nHost: h.execute-api.us-east-1.amazonaws.com\n\n',
      payloadHash: await sha256Hex(BODY),
    });
    expect(hashed.ok && hashed.value.signature).toBe(whole.ok && whole.value.signature);
    expect(hashed.ok && hashed.value.signedHeaders).toEqual(['host', 'x-amz-date']);
  });

  it('verifies with the hash given', async () => {
    const signed = await signText({
      ...base,
      scheme: 'sigv4',
      mode: 'header',
      request: `PUT /f HTTP/1.1\nHost: h.execute-api.us-east-1.amazonaws.com\n\n${BODY}`,
    });
    if (!signed.ok) throw new Error('could not sign');
    const withoutBody = signed.value.signedRequest.slice(0, -BODY.length);
    const result = await verifyText({
      scheme: 'sigv4',
      request: withoutBody,
      secretAccessKey: base.credentials.secretAccessKey,
      payloadHash: await sha256Hex(BODY),
    });
    expect(result.ok && result.value.match).toBe(true);
  });
});
