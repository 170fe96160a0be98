/**
 * S3 SigV2 POST policies from tests/vectors/s3/sigv2-post-policy-examples.json (S3 guide; see SOURCES.md). As the
 * file warns, the guide's signatures are "for example" values that do not reproduce: the policies are used as
 * decoding fixtures, and the signature is checked against node:crypto's HMAC-SHA1 of the Base64 text.
 */

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signS3V2Policy } from '../../../src/lib/sig/s3v2/post-policy';
import { readVectorJson } from '../v4/vectors';

interface PolicyCase {
  id: string;
  policy_base64: string;
  doc_signature: string;
  doc_signature_reproduces: boolean;
}
const v = readVectorJson<{ credentials: { secret_access_key: string }; cases: PolicyCase[] }>(
  's3',
  'sigv2-post-policy-examples.json',
);
const secret = v.credentials.secret_access_key;

describe('S3 SigV2 POST policy', () => {
  for (const c of v.cases) {
    it(`${c.id}: decodes to the johnsmith policy and signs the Base64 text`, () => {
      const r = signS3V2Policy(c.policy_base64, secret);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      const policy = r.value.policy as { expiration: string; conditions: unknown[] };
      expect(policy.expiration).toBe('2007-12-01T12:00:00.000Z');
      expect(policy.conditions).toContainEqual({ bucket: 'johnsmith' });
      expect(r.value.signature).toBe(createHmac('sha1', secret).update(c.policy_base64).digest('base64'));
      // The erratum the vector file records: the guide's value is not this policy's signature.
      expect(c.doc_signature_reproduces).toBe(false);
      expect(r.value.signature).not.toBe(c.doc_signature);
    });
  }

  it('a policy that is not Base64 is a problem', () => {
    const r = signS3V2Policy('not base64!', secret);
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.kind).toBe('policy-base64');
  });
});
