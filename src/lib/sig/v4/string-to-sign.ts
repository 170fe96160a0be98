/**
 * The string to sign: algorithm, request time, credential scope and the canonical request's hash.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-string-to-sign
 */

import { fail, ok, problem, type Result } from '../types';

/** The SigV4 algorithm name for HMAC-SHA256 signatures. */
export const ALGORITHM = 'AWS4-HMAC-SHA256';

/** The string to sign, part by part. */
export interface StringToSign {
  algorithm: string;
  /** `YYYYMMDDTHHMMSSZ`. */
  requestDateTime: string;
  /** `date/region/service/aws4_request`. */
  credentialScope: string;
  canonicalRequestHash: string;
}

/** Renders the four lines of a string to sign. */
export function renderStringToSign(sts: StringToSign): string {
  return [sts.algorithm, sts.requestDateTime, sts.credentialScope, sts.canonicalRequestHash].join('\n');
}

/** Parses the four lines of a string to sign (LF or CRLF). */
export function parseStringToSign(text: string): Result<StringToSign> {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length !== 4) {
    return fail([
      problem(
        'string-to-sign-shape',
        `A SigV4 string to sign has four lines (algorithm, time, scope, hash); this has ${lines.length}.`,
        { start: 0, end: text.length },
      ),
    ]);
  }
  const [algorithm, requestDateTime, credentialScope, canonicalRequestHash] = lines as [
    string,
    string,
    string,
    string,
  ];
  return ok({ algorithm, requestDateTime, credentialScope, canonicalRequestHash });
}
