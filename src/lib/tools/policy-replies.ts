/**
 * What S3 replies to an upload the page finds refused, in S3's own words, so that a user can match the page's
 * finding to the reply they got: `AccessDenied` "Invalid according to Policy: Policy Condition failed: [...]",
 * "Policy expired.", "Extra input fields: ...", `EntityTooLarge` / `EntityTooSmall` for `content-length-range`,
 * `SignatureDoesNotMatch` for the signature. The same wording src/lib/sig/server-error/policy-denial.ts reads.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */

import type { ConditionCheck, PostPolicy } from '../sig/registry-sigv4-modes';

const DENIED = 'AccessDenied: Invalid according to Policy:';

/** S3's reply to the failing check, as S3 prints it. */
function replyTo(check: ConditionCheck, policy: PostPolicy): string {
  if (check.kind === 'expiration') return `${DENIED} Policy expired.`;
  if (check.kind === 'coverage') return `${DENIED} Extra input fields: ${check.field}`;
  const c = policy.conditions.find((x) => x.span.start === check.policySpan?.start);
  if (!c || c.kind === 'content-length-range')
    return /too small/.test(check.reason)
      ? 'EntityTooSmall: Your proposed upload is smaller than the minimum allowed size'
      : 'EntityTooLarge: Your proposed upload exceeds the maximum allowed size';
  const value = c.kind === 'eq' ? c.value : c.prefix;
  return `${DENIED} Policy Condition failed: ${JSON.stringify([c.kind, `$${c.field}`, value]).replace(/","/g, '", "')}`;
}

/** The replies S3 would give: the signature's, and the first failing check's. */
export function s3Replies(
  checks: readonly ConditionCheck[],
  policy: PostPolicy,
  signatureValid: boolean | undefined,
): string[] {
  const out: string[] = [];
  if (signatureValid === false)
    out.push(
      'SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  const first = checks.find((c) => c.status === 'fail');
  if (first) out.push(replyTo(first, policy));
  return out;
}
