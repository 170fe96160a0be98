/**
 * SigV4A's string to sign: SigV4's four lines under the algorithm `AWS4-ECDSA-P256-SHA256`, with a scope that
 * has no region (`date/service/aws4_request`); the regions are signed in `X-Amz-Region-Set` instead.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-string-to-sign-sigv4a
 */

import { parseStringToSign, type StringToSign } from '../v4/string-to-sign';
import { fail, ok, problem, type Result } from '../types';

/** The IAM guide's page on SigV4A. */
export const V4A_DOC =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html';

/** The SigV4A algorithm name. */
export const ALGORITHM_V4A = 'AWS4-ECDSA-P256-SHA256';

/** The header (and query parameter) that carries the regions a SigV4A signature is valid in. */
export const REGION_SET = 'X-Amz-Region-Set';

/** Parses a SigV4A string to sign, checking its algorithm and its three-part scope. */
export function parseStringToSignV4a(text: string): Result<StringToSign> {
  const parsed = parseStringToSign(text);
  if (!parsed.ok) return parsed;
  const sts = parsed.value;
  const problems = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (sts.algorithm !== ALGORITHM_V4A) {
    problems.push(
      problem(
        'string-to-sign-algorithm',
        `A SigV4A string to sign starts with ${ALGORITHM_V4A}; got "${sts.algorithm}".`,
        {
          start: 0,
          end: sts.algorithm.length,
        },
      ),
    );
  }
  if (sts.credentialScope.split('/').length !== 3) {
    const start = lines[0]!.length + lines[1]!.length + 2;
    problems.push(
      problem(
        'string-to-sign-scope',
        `A SigV4A scope reads "YYYYMMDD/service/aws4_request" (no region); got "${sts.credentialScope}".`,
        { start, end: start + sts.credentialScope.length },
      ),
    );
  }
  return problems.length > 0 ? fail(problems) : ok(sts);
}
