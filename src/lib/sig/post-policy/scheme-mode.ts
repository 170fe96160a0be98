/**
 * POST policies as a mode of the schemes S3 takes browser uploads with: SigV4 (hex HMAC-SHA256 of the Base64
 * policy under the scoped key) for `sigv4-s3`, SigV2 (Base64 HMAC-SHA1) for `s3v2`. Checking a form decodes its
 * policy, checks each condition against the fields and verifies whichever signature the form carries.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html
 */

import type { DocumentMode, PolicySignInput, PolicyVerifyInput } from '../scheme';
import type { SchemeTrace, SchemeVerification } from '../trace';
import { fail, ok, problem, type Result } from '../types';
import type { V2PolicySigner } from './policy-signature';

/**
 * Checks a pasted form, with the S3 SigV2 signer for forms signed the old way. S3 accepts the upload only when the
 * signature verifies and every condition holds: a failing condition is the verdict's reason, as S3's AccessDenied
 * names it.
 */
async function verifyForm(
  input: PolicyVerifyInput,
  v2Signer?: V2PolicySigner,
): Promise<Result<SchemeVerification>> {
  // Loaded on first use: the schemes list the mode, and a run without a form never compiles it.
  const { verifyPostPolicy } = await import('./verify');
  const checked = verifyPostPolicy({
    form: input.form,
    now: input.now,
    ...(input.policy !== undefined ? { policy: input.policy } : {}),
    ...(input.secretAccessKey !== undefined ? { secretAccessKey: input.secretAccessKey } : {}),
    ...(input.bucket !== undefined ? { bucket: input.bucket } : {}),
    ...(input.fileSize !== undefined ? { fileSize: input.fileSize } : {}),
    ...(v2Signer ? { v2Signer } : {}),
  });
  if (!checked.ok) return checked;
  const v = checked.value;
  const failure = v.trace.details?.firstFailure;
  if (!failure) return checked;
  const reason = problem(
    'policy-condition',
    `S3 refuses the upload: ${failure.reason}`,
    failure.formSpan,
    failure.field ? { hint: `The policy condition on "${failure.field}" fails.` } : {},
  );
  return ok({ ...v, match: false, reason }, checked.problems);
}

/** SigV4 POST policies (S3). */
export const SIGV4_POLICY_MODE: DocumentMode<PolicySignInput, PolicyVerifyInput> = {
  async sign(input): Promise<Result<SchemeTrace>> {
    if (!input.region || !input.time)
      return fail([
        problem(
          'policy-scope',
          'Signing a SigV4 POST policy needs the region and the time (the scope’s day).',
        ),
      ]);
    const { signPostPolicy } = await import('./sign');
    return signPostPolicy({
      policy: input.policy,
      credentials: input.credentials,
      region: input.region,
      time: input.time,
      ...(input.service !== undefined ? { service: input.service } : {}),
    });
  },
  verify: (input) => verifyForm(input),
};

/** A POST policy mode whose signing is another scheme's (S3 SigV2 passes its own signer and policy signing). */
export function policyMode(
  sign: DocumentMode<PolicySignInput, PolicyVerifyInput>['sign'],
  v2Signer: V2PolicySigner,
): DocumentMode<PolicySignInput, PolicyVerifyInput> {
  return { sign, verify: (input) => verifyForm(input, v2Signer) };
}
