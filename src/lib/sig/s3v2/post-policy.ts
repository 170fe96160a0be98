/**
 * S3 browser POST uploads with SigV2: the form's `Policy` (Base64 of a JSON policy document) is signed as it is,
 * `Signature` = Base64(HMAC-SHA1(secret, Policy)).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/HTTPPOSTForms.html
 */

import { fromBase64 } from '../crypto';
import { fail, ok, problem, type Result } from '../types';
import type { TraceStage } from '../trace';
import { s3V2Signature } from './sign';

/** The S3 guide's page on SigV2 POST forms. */
export const POST_POLICY_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/HTTPPOSTForms.html';

/** A signed POST policy: the policy decoded, the signature and the two stages. */
export interface S3V2PolicySignature {
  /** The policy document (decoded from Base64), as text. */
  document: string;
  /** The parsed policy, when the text is JSON. */
  policy?: unknown;
  signature: string;
  stages: TraceStage[];
}

/** Signs a Base64 POST policy; a policy that is not Base64 is a problem. */
export function signS3V2Policy(policyBase64: string, secretAccessKey: string): Result<S3V2PolicySignature> {
  const policy = policyBase64.replace(/\s+/g, '');
  const bytes = fromBase64(policy);
  if (!bytes)
    return fail([
      problem('policy-base64', 'The Policy field is not Base64.', { start: 0, end: policyBase64.length }),
    ]);
  const document = new TextDecoder().decode(bytes);
  const signature = s3V2Signature(secretAccessKey, policy);
  const out: S3V2PolicySignature = {
    document,
    signature,
    stages: [
      {
        id: 'policy',
        title: 'Policy (Base64)',
        rule: 'The policy document, UTF-8, Base64-encoded: this text, exactly as in the form, is what is signed.',
        docUrl: POST_POLICY_DOC,
        text: policy,
        lines: [{ label: 'policy', text: policy, sources: [{ start: 0, end: policyBase64.length }] }],
      },
      {
        id: 'signature',
        title: 'Signature',
        rule: 'Base64 of HMAC-SHA1 of the Base64 policy under the secret access key.',
        docUrl: POST_POLICY_DOC,
        text: signature,
        lines: [{ label: 'signature', text: signature, sources: [] }],
      },
    ],
  };
  const problems = [];
  try {
    out.policy = JSON.parse(document) as unknown;
  } catch {
    // JSON.parse is the one throwing call: a policy that is not JSON is reported, and still signed as it is.
    problems.push(
      problem('policy-json', 'The decoded policy is not JSON; S3 will reject it.', undefined, {
        severity: 'warning',
      }),
    );
  }
  return ok(out, problems);
}
