/**
 * Explaining browser POST uploads and S3's refusals of them. The form is the S3 documentation's SigV4 POST
 * example (tests/vectors/s3/sigv4-post-policy-examples.json: its policy, Base64 and signature as the page gives
 * them), pasted as a multipart request or an HTML form, with one field changed where a case needs it. The replies
 * are S3's as users posted them: "Policy Condition failed" (awsdocs/aws-doc-sdk-examples #5490), "Extra input
 * fields" (froala/wysiwyg-editor #404), "Policy expired." (CulturalMe/meteor-slingshot #80), EntityTooLarge with
 * ProposedSize and MaxSizeAllowed (froala/wysiwyg-editor #1625), MinIO's condition-less denial
 * (minio/minio-py #1047), and a SignatureDoesNotMatch whose StringToSign is the Base64 policy S3 received.
 */

import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import type { ExplainInput } from '../../src/lib/diagnose/types';
import {
  accessDenied as denied,
  htmlForm as html,
  multipartForm as multipart,
  POST_EXAMPLE as doc,
  POST_FIELDS as FIELDS,
  postFields as edit,
} from './upload-cases';

const SECRET = doc.credentials.secret_access_key;
const CONDITION = denied(
  'Invalid according to Policy: Policy Condition failed: ["eq", "$acl", "public-read"]',
);

const run = (
  request: string | undefined,
  serverError: string | undefined,
  extra: Partial<ExplainInput> = {},
) =>
  explain({
    ...(request !== undefined ? { request } : {}),
    ...(serverError !== undefined ? { serverError } : {}),
    secretAccessKey: SECRET,
    ...extra,
  });

describe('a POST policy refusal', () => {
  it('shows the condition S3 names when the pasted form fails it, as multipart and as HTML', async () => {
    for (const form of [multipart(edit('acl', 'private')), html(edit('acl', 'private'))]) {
      const e = await run(form, CONDITION);
      expect(e.verdict).toBe('mismatch');
      expect(e.findings[0]).toMatchObject({
        kind: 'client',
        basis: 'shown',
        component: 'headers',
        name: 'acl',
        cause: 'policy-condition-failed',
      });
      expect(e.findings[0]!.message).toContain('"private"');
      expect(e.problems.filter((p) => p.problem.severity === 'error')).toEqual([]);
    }
  });

  it('reads a key with ${filename} as S3 does, with the name of the file sent', async () => {
    const e = await run(
      multipart(edit('key', 'uploads/${filename}')),
      denied('Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "user/user1/"]'),
    );
    expect(e.findings[0]).toMatchObject({ basis: 'shown', name: 'key', cause: 'policy-condition-failed' });
    expect(e.findings[0]!.message).toContain('uploads/photo.jpg');
  });

  it("keeps S3's words as evidence when they hold ${filename}, which is no placeholder left by someone", async () => {
    const e = await run(
      multipart(FIELDS),
      denied(
        'Invalid according to Policy: Policy Condition failed: ["eq", "$key", "user/user1/${filename}"]',
      ),
    );
    expect(e.findings[0]).toMatchObject({
      basis: 'suspected',
      name: 'key',
      cause: 'policy-condition-failed',
    });
    expect(e.findings[0]!.evidence.note).toContain('user/user1/${filename}');
  });

  it('only suspects it when the pasted form meets the condition', async () => {
    const e = await run(multipart(FIELDS), CONDITION);
    expect(e.verdict).toBe('unknown');
    expect(e.findings[0]).toMatchObject({
      basis: 'suspected',
      name: 'acl',
      cause: 'policy-condition-failed',
    });
    expect(e.findings[0]!.message).toContain('the form sent is not the one pasted');
    expect(e.ask?.need).toBe('request');
    expect(e.ask?.message).toMatch(/form exactly as the browser sent it/);
  });

  it('suspects the condition from the reply alone and asks for the form', async () => {
    const e = await run(undefined, CONDITION);
    expect(e.findings[0]).toMatchObject({ basis: 'suspected', name: 'acl' });
    expect(e.ask?.need).toBe('request');
  });

  it('finds the failing condition MinIO does not name', async () => {
    const e = await run(
      multipart(edit('Content-Type', 'text/plain')),
      denied('Access Denied. (Invalid according to Policy: Policy Condition failed)'),
    );
    expect(e.findings[0]).toMatchObject({
      basis: 'shown',
      name: 'content-type',
      cause: 'policy-condition-failed',
    });
  });

  it('shows a field no condition covers', async () => {
    const e = await run(
      multipart([...FIELDS, ['x-requested-with', 'XMLHttpRequest']]),
      denied('Invalid according to Policy: Extra input fields: x-requested-with'),
    );
    expect(e.findings[0]).toMatchObject({
      basis: 'shown',
      name: 'x-requested-with',
      cause: 'policy-field-not-covered',
    });
    expect(e.findings[0]!.fix).toContain('["starts-with", "$x-requested-with", ""]');
  });

  it('shows an expired policy when the upload time is known, and only suspects it at the signing time', async () => {
    const expired = denied('Invalid according to Policy: Policy expired.');
    const late = await run(multipart(FIELDS), expired, { now: new Date('2016-01-02T00:00:00Z') });
    expect(late.findings[0]).toMatchObject({
      kind: 'clock',
      basis: 'shown',
      component: 'timestamp',
      cause: 'policy-expired',
    });
    const unknown = await run(multipart(FIELDS), expired);
    expect(unknown.findings[0]).toMatchObject({ basis: 'suspected', cause: 'policy-expired' });
  });

  it('reads EntityTooLarge against the policy: suspected when the policy has no content-length-range', async () => {
    const e = await run(
      multipart(FIELDS),
      '<Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message><ProposedSize>20974039</ProposedSize><MaxSizeAllowed>20971520</MaxSizeAllowed></Error>',
    );
    expect(e.findings[0]).toMatchObject({
      basis: 'suspected',
      name: 'content-length',
      cause: 'policy-size-out-of-range',
    });
    expect(e.findings[0]!.message).toContain('20974039');
  });
});

describe('a POST signature mismatch', () => {
  const mismatch = (policy: string) =>
    `<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>${policy}</StringToSign><SignatureProvided>${doc.signature}</SignatureProvided></Error>`;

  it('verifies the example form with the secret when there is no reply', async () => {
    const e = await run(multipart(FIELDS), undefined);
    expect(e.verdict).toBe('match');
  });

  it("shows the policy changed on the way when S3's StringToSign is not the form's Policy", async () => {
    const e = await run(multipart(FIELDS), mismatch(doc.policy_base64.replace(/^eyAi/, 'eyJ')));
    expect(e.findings[0]).toMatchObject({
      kind: 'transit',
      basis: 'shown',
      name: 'policy',
      cause: 'policy-changed-in-transit',
    });
  });

  it("suspects the secret when S3 checked the form's own policy and the form's signature signs it", async () => {
    const e = await run(multipart(FIELDS), mismatch(doc.policy_base64));
    expect(e.verdict).toBe('unknown');
    expect(e.findings[0]).toMatchObject({ basis: 'suspected', component: 'secret', cause: 'wrong-secret' });
  });

  it('suspects the signing key when the signature does not sign the policy S3 checked', async () => {
    const form = multipart(edit('X-Amz-Signature', 'ab'.repeat(32)));
    const e = await run(form, mismatch(doc.policy_base64));
    expect(e.findings[0]).toMatchObject({ basis: 'suspected', cause: 'post-signature-mismatch' });
  });
});
