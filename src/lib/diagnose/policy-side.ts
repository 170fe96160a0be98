/**
 * A browser POST upload explained: the form pasted in the request box (an HTML form, a multipart body or its
 * fields) is checked against its policy by the POST policy engine, and each refusal S3 sent is mapped to the
 * check that fails. A refusal our check of the pasted policy and form reproduces is shown; one it does not is
 * only suspected (the form sent may not be the one pasted).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */

import { isPostForm, parseAmzDate } from '../sig/registry-sigv4';
import { verifyPostPolicy, type PostPolicyVerifyDetails } from '../sig/registry-sigv4-modes';
import type { ReadSigningReply } from '../sig/server-error/signing-reply';
import { policyDenialFindings, policySignatureFindings } from './policy-findings';
import type { Setting } from './setting';

/** The time the upload is judged at: the one given, else the form's own X-Amz-Date (when it was signed). */
function uploadTime(c: Setting, details?: PostPolicyVerifyDetails): Date | undefined {
  if (c.input.now) return c.input.now;
  const date = details?.form.fields.find((f) => f.name.toLowerCase() === 'x-amz-date')?.value;
  return date ? parseAmzDate(date.trim()) : undefined;
}

/** Explains a POST upload into the explanation: the form's checks, and each refusal mapped to one. */
export function policySide(
  c: Setting,
  replies: readonly ReadSigningReply[],
  secret: string | undefined,
): void {
  const { out, input } = c;
  const form = input.request ?? '';
  const size = replies.find((r) => r.reply.kind === 'entity-size');
  const proposed = size?.reply.kind === 'entity-size' ? size.reply.proposed : undefined;
  const verify = (now: Date) =>
    verifyPostPolicy({
      form,
      now,
      ...(secret !== undefined ? { secretAccessKey: secret } : {}),
      ...(proposed !== undefined ? { fileSize: proposed } : {}),
    });
  let read = isPostForm(form) ? verify(new Date(0)) : undefined;
  const now = read?.ok ? uploadTime(c, read.value.trace.details) : undefined;
  if (read?.ok && now) read = verify(now);
  if (read && !read.ok) {
    out.problems.push(...read.problems.map((problem) => ({ input: 'request' as const, problem })));
  }
  const details = read?.ok ? read.value.trace.details : undefined;
  if (details) {
    // The request box held a form, not an HTTP request: what the request reader said about it does not apply.
    // S3 fills in `${filename}` itself: in a POST form it is no placeholder someone left.
    out.problems = out.problems.filter(
      (p) =>
        p.input !== 'request' ||
        (p.problem.severity !== 'error' &&
          !(p.problem.kind === 'edited-value' && /\$\{filename\}/.test(p.problem.message))),
    );
    out.sides.ours = { stringToSign: details.policy.base64 };
    if (details.signature?.expected) out.sides.ours.signature = details.signature.expected;
    // A refusal in the reply leaves the verdict to the findings; without one, the form is judged on its own.
    const refused = replies.length > 0;
    if (
      secret !== undefined &&
      details.signature?.valid !== undefined &&
      !refused &&
      out.verdict !== 'mismatch'
    ) {
      out.verdict = details.accepted ? 'match' : 'mismatch';
    }
  }
  const timed = now !== undefined && input.now !== undefined;
  for (const { server, reply } of replies) {
    const said = server.message ?? server.code ?? '';
    if (reply.kind === 'string-to-sign' && reply.expected.kind === 'post-policy') {
      out.findings.push(...policySignatureFindings(reply.expected.base64, details, secret !== undefined));
    } else out.findings.push(...policyDenialFindings(reply, details, said, timed));
  }
  if (replies.length === 0 && details)
    out.findings.push(...policyDenialFindings(undefined, details, '', timed));
}
