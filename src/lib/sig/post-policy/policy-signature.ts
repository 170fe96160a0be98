/**
 * The signature of a POST form, checked: SigV4 (hex HMAC-SHA256 of the Base64 policy under the key of the
 * form's X-Amz-Credential scope) or SigV2 (Base64 HMAC-SHA1 of the Base64 policy, by the S3 SigV2 engine).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html
 */

import type { VerifyPostPolicyInput } from './verify';
import { timingSafeEqual } from '../crypto';
import { problem, type Problem, type Span } from '../types';
import { parseCredential } from '../v4/authorization';
import { ALGORITHM } from '../v4/string-to-sign';
import type { FormField, PostForm } from './form';
import { s3V2Signature } from '../s3v2/sign';
import { postPolicySignature } from './sign';

/**
 * The S3 SigV2 POST signature (Base64 HMAC-SHA1 of the Base64 policy under the secret), from the S3 SigV2
 * engine; the seam where `src/lib/sig/s3v2` plugs in.
 */
export type V2PolicySigner = (secretAccessKey: string, base64Policy: string) => string;

/** The signature as checked. */
export interface PolicySignatureCheck {
  version: 'sigv4' | 'sigv2';
  provided: string;
  providedSpan: Span;
  expected?: string;
  valid?: boolean;
}

export function field(form: PostForm, lower: string): FormField | undefined {
  return form.fields.find((f) => f.name.toLowerCase() === lower);
}

export function checkSignature(
  input: VerifyPostPolicyInput,
  form: PostForm,
  base64: string,
  notes: Problem[],
): PolicySignatureCheck | undefined {
  const v4 = field(form, 'x-amz-signature');
  const v2 = field(form, 'signature');
  if (!v4 && !v2) {
    notes.push(
      problem(
        'no-signature',
        'The form has no X-Amz-Signature (or SigV2 Signature) field.',
        { start: 0, end: 0 },
        { severity: 'warning' },
      ),
    );
    return undefined;
  }
  if (!v4 && v2) {
    const check: PolicySignatureCheck = { version: 'sigv2', provided: v2.value, providedSpan: v2.span };
    if (input.secretAccessKey !== undefined) {
      check.expected = (input.v2Signer ?? s3V2Signature)(input.secretAccessKey, base64);
      check.valid = timingSafeEqual(check.expected, v2.value);
    }
    return check;
  }
  const check: PolicySignatureCheck = { version: 'sigv4', provided: v4!.value, providedSpan: v4!.span };
  const algorithm = field(form, 'x-amz-algorithm');
  if (algorithm && algorithm.value !== ALGORITHM) {
    notes.push(
      problem(
        'algorithm',
        `X-Amz-Algorithm is "${algorithm.value}"; a SigV4 POST uses ${ALGORITHM}.`,
        algorithm.span,
      ),
    );
  }
  const credential = field(form, 'x-amz-credential');
  if (!credential) {
    notes.push(
      problem(
        'no-credential',
        'A SigV4 POST form carries X-Amz-Credential (AKID/date/region/s3/aws4_request).',
        v4!.span,
      ),
    );
    return check;
  }
  const parsed = parseCredential(credential.value, credential.span.start);
  if (!parsed.ok) {
    notes.push(...parsed.problems);
    return check;
  }
  const date = field(form, 'x-amz-date');
  if (date && date.value.slice(0, 8) !== parsed.value.scope.date) {
    notes.push(
      problem(
        'scope-date',
        `X-Amz-Date is ${date.value} but the credential's scope is dated ${parsed.value.scope.date}.`,
        date.span,
        { severity: 'warning' },
      ),
    );
  }
  if (input.secretAccessKey !== undefined) {
    check.expected = postPolicySignature(input.secretAccessKey, parsed.value.scope, base64);
    check.valid = timingSafeEqual(check.expected, v4!.value.toLowerCase());
  }
  return check;
}
