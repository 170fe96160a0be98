/**
 * S3 SigV2's `Authorization: AWS AWSAccessKeyId:Signature` header, rendered and read back with spans.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#ConstructingTheAuthenticationHeader
 */

import { fail, ok, problem, type Result, type Span } from '../types';

/** The parts of an `AWS key:signature` header value, with their spans in the source. */
export interface S3V2Authorization {
  accessKeyId: string;
  signature: string;
  spans: { accessKeyId: Span; signature: Span };
}

/** The header value for an access key and a Base64 signature. */
export function renderS3V2Authorization(accessKeyId: string, signature: string): string {
  return `AWS ${accessKeyId}:${signature}`;
}

/** Whether a header value has the `AWS key:sig` shape (and not SigV4's `AWS4-HMAC-SHA256 …`). */
export function isS3V2Authorization(value: string): boolean {
  return /^AWS [^\s:]+:\S+$/.test(value.trim());
}

/** Reads an `AWS key:signature` value; `offset` is where the value starts in the source. */
export function parseS3V2Authorization(value: string, offset = 0): Result<S3V2Authorization> {
  const m = /^(\s*AWS )([^\s:]+):(\S+)\s*$/.exec(value);
  if (!m) {
    return fail([
      problem(
        's3v2-authorization',
        'An S3 SigV2 Authorization header reads "AWS AccessKeyId:Signature".',
        { start: offset, end: offset + value.length },
        { hint: 'A value starting "AWS4-HMAC-SHA256" is SigV4: pick that scheme instead.' },
      ),
    ]);
  }
  const keyStart = offset + m[1]!.length;
  const sigStart = keyStart + m[2]!.length + 1;
  return ok({
    accessKeyId: m[2]!,
    signature: m[3]!,
    spans: {
      accessKeyId: { start: keyStart, end: keyStart + m[2]!.length },
      signature: { start: sigStart, end: sigStart + m[3]!.length },
    },
  });
}
