/**
 * Verifying a Query API request that carries a SigV2 signature (in its query or form body): recompute the string
 * to sign from the parameters as sent, under the request's own SignatureMethod, and compare.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

import { timingSafeEqual } from '../crypto';
import type { HttpRequest } from '../request/model';
import { fail, ok, problem, type Problem, type Result } from '../types';
import { recomputedTrace, type SchemeVerification } from '../trace';
import { paramLocation, requestParams } from './params';
import type { V2Settings } from './settings';
import { v2Signature, type V2Details } from './sign';
import { v2Stages } from './stages';
import { v2StringToSign, V2_PARAMS } from './string-to-sign';

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
  const location = paramLocation(request);
  const params = requestParams(request, location);
  const sent = params.find((p) => p.name === V2_PARAMS.signature);
  if (!sent)
    return fail([
      problem(
        'unsigned',
        `The request carries no Signature parameter (looked in the ${location === 'body' ? 'form body' : 'query string'}).`,
        request.targetSpan,
      ),
    ]);
  const notes: Problem[] = [];
  const key = params.find((p) => p.name === V2_PARAMS.accessKeyId);
  if (!key)
    notes.push(
      problem('missing-param', 'The request has no AWSAccessKeyId.', request.targetSpan, {
        severity: 'warning',
      }),
    );
  else if (input.accessKeyId && key.value !== input.accessKeyId)
    notes.push(
      problem(
        'access-key',
        `The request was signed for access key ${key.value}, not ${input.accessKeyId}.`,
        key.span,
        {
          severity: 'warning',
        },
      ),
    );
  const sts = v2StringToSign(request, { location, ...(input.settings ? { settings: input.settings } : {}) });
  if (!sts.ok) return fail(sts.problems);
  notes.push(...sts.problems);
  const signature = v2Signature(input.secretAccessKey, sts.value.text, sts.value.signatureMethod);
  const verification: SchemeVerification<V2Details> = {
    match: timingSafeEqual(signature, sent.value),
    provided: sent.value,
    trace: recomputedTrace({
      scheme: 'sigv2',
      mode: location,
      stages: v2Stages(sts.value, signature),
      signature,
      signatureEncoding: 'base64',
      source: request.source,
      notes,
      details: { stringToSign: sts.value },
    }),
    notes,
  };
  if (sent.span) verification.providedSpan = sent.span;
  if (key) verification.accessKeyId = key.value;
  return ok(verification, notes);
}
