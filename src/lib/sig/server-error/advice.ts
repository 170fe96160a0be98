/**
 * What to say when a reply carries nothing to compare against: one honest sentence naming what to paste instead.
 * Amazon EC2, MinIO and most S3-compatible servers, SigV2 Query APIs and SDK one-liners never show the server's
 * canonical request or string to sign.
 */

import type { ServerErrorEnvelope, ServerErrorFormat } from './types';

const INSTEAD = "paste your client's signing log (aws --debug, …) or your secret to let sigscope recompute";

/** Codes that mean "the signature did not match". */
const MISMATCH_CODES = new Set(['SignatureDoesNotMatch', 'InvalidSignatureException', 'InvalidSignature']);

/** Messages that are error replies on their own, pasted without a body around them. */
const AWS_MESSAGE =
  /(?:The request signature we calculated does not match|Signature expired:|Signature not yet current:|Credential should be scoped|Request has expired|Request is not yet valid|The authorization header is malformed|Error parsing the X-Amz-Credential|The difference between the request time|The Canonical String for this request|The String-to-Sign should have been|The security token included in the request is (?:invalid|expired)|The AWS Access Key Id you provided does not exist)/y;

/** Whether one of AWS's fixed error messages starts at `at`. */
export function startsAwsMessage(text: string, at: number): boolean {
  AWS_MESSAGE.lastIndex = at;
  return AWS_MESSAGE.test(text);
}

/** Whether a reply reports a signature mismatch, by its code or, without one, by AWS's fixed message. */
export function isSignatureMismatch(code: string | undefined, message: string | undefined): boolean {
  if (code !== undefined) return MISMATCH_CODES.has(code);
  return /^The request signature we calculated does not match/.test(message?.trim() ?? '');
}

/** The sentence for a signature mismatch that shows nothing to compare. */
export function mismatchAdvice(format: ServerErrorFormat, envelope: ServerErrorEnvelope): string {
  if (envelope === 'sdk-line') {
    return `This SDK error line leaves out what the server expected: paste the raw response body (aws --debug prints it), or ${INSTEAD}.`;
  }
  if (format === 'ec2-xml') return `EC2 does not say what it expected: ${INSTEAD}.`;
  if (format === 's3-xml') {
    return `This server (MinIO and most S3-compatible servers reply this way) does not say what it expected: ${INSTEAD}.`;
  }
  if (format === 'query-xml') {
    return `This Query API does not say what it expected (SigV2 Query APIs never do): ${INSTEAD}.`;
  }
  return `This reply does not say what the server expected: ${INSTEAD}.`;
}

/** The sentence for a reply that has a status and no body at all. */
export function emptyBodyAdvice(status: number): string {
  return `This ${status} reply has no body (S3 answers HEAD requests without one), so it does not say what the server expected: send the same request as a GET, or ${INSTEAD}.`;
}
