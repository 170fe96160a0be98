/**
 * Verifying a Query API request that carries a SigV2 signature (in its query or form body): recompute the string
 * to sign from the parameters as sent, under the request's own SignatureMethod, and compare.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

import type { HttpRequest } from '../request/model';
import { fail, ok, type Result } from '../types';
import { recomputedTrace, type SchemeVerification } from '../trace';
import { queryVerification, readSentSignature } from './query-request';
import type { V2Settings } from './settings';
import { v2Signature, type V2Details } from './sign';
import { v2Stages } from './stages';
import { v2StringToSign } from './string-to-sign';

/** What verifying needs besides the signed request. */
export interface V2VerifyInput {
  request: HttpRequest;
  secretAccessKey: string;
  /** When given, a different AWSAccessKeyId on the request is reported. */
  accessKeyId?: string;
  settings?: Partial<V2Settings>;
}

/** Recomputes the signature a request carries and says whether it matches. */
export function verifyV2(input: V2VerifyInput): Result<SchemeVerification<V2Details>> {
  const { request } = input;
  const sent = readSentSignature(request, input.accessKeyId);
  if (!sent.ok) return fail(sent.problems);
  const { location } = sent.value;
  const sts = v2StringToSign(request, { location, ...(input.settings ? { settings: input.settings } : {}) });
  if (!sts.ok) return fail(sts.problems);
  const notes = [...sent.value.notes, ...sts.problems];
  const signature = v2Signature(input.secretAccessKey, sts.value.text, sts.value.signatureMethod);
  const trace = recomputedTrace({
    scheme: 'sigv2',
    mode: location,
    stages: v2Stages(sts.value, signature),
    signature,
    signatureEncoding: 'base64',
    source: request.source,
    notes,
    details: { stringToSign: sts.value },
  });
  return ok(queryVerification(sent.value, trace), notes);
}
