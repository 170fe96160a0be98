/**
 * Checking a browser POST upload: the policy decoded, each condition checked against the form's fields (which
 * one fails, and why), and the signature verified with the scope the form's X-Amz-Credential names. A SigV2 form
 * (AWSAccessKeyId, Signature) is checked against the same conditions; its signature by the S3 SigV2 engine
 * (`s3V2Signature`, or a `v2Signer` passed in).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html
 */

import { policyStages } from './sign';
import type { SchemeVerification } from '../trace';
import { fail, ok, problem, type Problem, type Result } from '../types';
import { checkPolicy, type CheckContext, type ConditionCheck } from './check';
import { readPostForm, type PostForm } from './form';
import { readPolicy, type PostPolicy } from './policy';
import { POST_AUTH_DOC } from './sign';
import { type V2PolicySigner, type PolicySignatureCheck, field, checkSignature } from './policy-signature';

/** What checking a POST upload takes. */
export interface VerifyPostPolicyInput {
  /** The policy, JSON or Base64; by default the form's own Policy field. */
  policy?: string;
  /** The form: HTML, a multipart body (or request), or fields. */
  form: string;
  /** Checks the signature when given. */
  secretAccessKey?: string;
  now: Date;
  bucket?: string;
  fileSize?: number;
  v2Signer?: V2PolicySigner;
}

/** What the POST policy verification carries besides the common shape. */
export interface PostPolicyVerifyDetails {
  policy: PostPolicy;
  form: PostForm;
  checks: ConditionCheck[];
  /** The first check that fails, in policy order: what S3's AccessDenied is about. */
  firstFailure?: ConditionCheck;
  signature?: PolicySignatureCheck;
  /** Whether S3 would accept the upload, as far as the paste shows: signature valid and no check failing. */
  accepted: boolean;
}

/** Decodes the policy, checks every condition against the form, and verifies the signature. */
export function verifyPostPolicy(
  input: VerifyPostPolicyInput,
): Result<SchemeVerification<PostPolicyVerifyDetails>> {
  const form = readPostForm(input.form);
  const notes: Problem[] = [...form.problems];
  const policyField = field(form, 'policy');
  const policyText = input.policy ?? policyField?.value;
  if (policyText === undefined || policyText.trim() === '') {
    return fail([
      ...notes,
      problem('no-policy', 'Paste the policy, or a form with its Policy field.', {
        start: 0,
        end: input.form.length,
      }),
    ]);
  }
  const read = readPolicy(policyText);
  if (!read.ok) {
    // Problems in a policy read from the form point into the form; a pasted policy's point into the policy box.
    const moved =
      input.policy === undefined
        ? read.problems.map((p) => ({ ...p, span: policyField!.span }))
        : read.problems;
    return fail([...notes, ...moved]);
  }
  const policy = read.value;
  notes.push(...read.problems);
  if (input.policy !== undefined && policyField && policyField.value.trim() !== policy.base64) {
    notes.push(
      problem(
        'policy-differs',
        "The form's Policy field is not the Base64 of the policy pasted: the signature covers the form's.",
        policyField.span,
        {
          severity: 'warning',
        },
      ),
    );
  }
  const base64 = policyField?.value.trim() ?? policy.base64;
  const ctx: CheckContext = {
    now: input.now,
    ...(input.bucket !== undefined ? { bucket: input.bucket } : {}),
    ...(input.fileSize !== undefined ? { fileSize: input.fileSize } : {}),
  };
  const checks = checkPolicy(policy, form, ctx);
  const firstFailure = checks.find((c) => c.status === 'fail');
  const signature = checkSignature(input, form, base64, notes);
  const accepted = signature?.valid === true && !firstFailure;
  const lines = checks.map((c) => ({
    label: c.status,
    ...(c.field ? { name: c.field } : {}),
    text: `${c.status}: ${c.reason}`,
    sources: c.formSpan ? [c.formSpan] : [],
  }));
  return ok(
    {
      match: signature?.valid === true,
      provided: signature?.provided ?? '',
      ...(signature ? { providedSpan: signature.providedSpan } : {}),
      ...(field(form, 'x-amz-credential')
        ? { accessKeyId: field(form, 'x-amz-credential')!.value.split('/')[0]! }
        : {}),
      trace: {
        scheme: signature?.version === 'sigv2' ? 's3v2' : 'sigv4-s3',
        mode: 'policy',
        stages: [
          ...policyStages(policy),
          {
            id: 'conditions',
            title: 'Conditions',
            rule: 'The policy not expired; every condition met by a form field (exact, starts-with, content-length-range); every field but the signature, the policy, the file and x-ignore-* named by a condition.',
            docUrl: POST_AUTH_DOC,
            text: lines.map((l) => l.text).join('\n'),
            lines,
          },
          {
            id: 'signature',
            title: 'Signature',
            rule: "Hex HMAC-SHA256 of the Base64 policy under the signing key of the credential's scope.",
            docUrl: POST_AUTH_DOC,
            text: signature?.expected ?? signature?.provided ?? '',
            lines: signature
              ? [
                  {
                    label: signature.valid ? 'valid' : 'signature',
                    text: signature.expected ?? signature.provided,
                    sources: [signature.providedSpan],
                  },
                ]
              : [],
          },
        ],
        signature: signature?.provided ?? '',
        signatureEncoding: signature?.version === 'sigv2' ? 'base64' : 'hex',
        added: { headers: [], query: [] },
        signedRequest: input.form,
        notes,
        details: {
          policy,
          form,
          checks,
          ...(firstFailure ? { firstFailure } : {}),
          ...(signature ? { signature } : {}),
          accepted,
        },
      },
      notes,
    },
    notes,
  );
}
