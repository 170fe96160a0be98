/**
 * A SigV2 POST form (tests/vectors/s3/sigv2-post-policy-examples.json, the S3 Developer Guide's upload examples;
 * see tests/vectors/s3/SOURCES.md): the same conditions are checked as for SigV4, and the signature through the
 * S3 SigV2 engine. The guide's "example" signatures do not reproduce (the file says so): verifying must say no.
 */

import { describe, expect, it } from 'vitest';
import { verifyPostPolicy } from '../../../src/lib/sig/post-policy/index';
import { readVectorJson } from '../v4/vectors';

const file = readVectorJson<{
  credentials: { secret_access_key: string };
  cases: {
    id: string;
    policy_base64: string;
    doc_signature: string;
    doc_signature_reproduces: boolean;
    form_fields?: [string, string][];
  }[];
}>('s3', 'sigv2-post-policy-examples.json');
const upload = file.cases.find((c) => c.id === 'file-upload')!;

const form = upload
  .form_fields!.map(
    ([n, v]) =>
      `${n}=${v === 'POLICY' ? upload.policy_base64 : v === 'SIGNATURE' ? upload.doc_signature : v}`,
  )
  .join('\n');

describe('the S3 guide SigV2 POST upload', () => {
  const v = verifyPostPolicy({
    form,
    secretAccessKey: file.credentials.secret_access_key,
    now: new Date('2007-11-30T00:00:00Z'),
    bucket: 'johnsmith',
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  const d = v.value.trace.details!;

  it('reads it as SigV2 and checks its conditions: all met', () => {
    expect(d.signature!.version).toBe('sigv2');
    expect(d.checks.filter((c) => c.status !== 'pass')).toEqual([]);
  });

  it("finds the guide's example signature does not sign the policy, as the vector file records", () => {
    expect(upload.doc_signature_reproduces).toBe(false);
    expect(v.value.match).toBe(false);
    expect(d.signature!.expected).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });
});
