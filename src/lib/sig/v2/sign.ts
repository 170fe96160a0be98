/**
 * Signing a Query API request with SigV2: the parameters already there are used as they are, the missing ones
 * are added, and `Signature` goes in the query of a GET or the form body of a POST.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

import { hmacBase64 } from '../crypto';
import type { HttpRequest } from '../request/model';
import { fail, ok, type Problem, type Result } from '../types';
import type { SchemeCredentials, SchemeTrace } from '../trace';
import { paramLocation, requestParams } from './params';
import { missingAuthParams, placeSignature, queryTimestamp } from './query-request';
import type { V2Settings, V2SignatureMethod } from './settings';
import { v2Stages } from './stages';
import { v2StringToSign, type V2StringToSign } from './string-to-sign';

/** Everything a SigV2 signature depends on, passed in. */
export interface V2SignInput {
  request: HttpRequest;
  credentials: SchemeCredentials;
  /** The Timestamp to add when the request has neither Timestamp nor Expires. */
  time?: Date;
  settings?: Partial<V2Settings>;
}

/** What the SigV2 trace carries besides the common shape. */
export interface V2Details {
  stringToSign: V2StringToSign;
}

/** The SigV2 trace. */
export type V2Trace = SchemeTrace<V2Details>;

/** SigV2's Timestamp: ISO 8601 in UTC to the second, `2014-06-20T08:40:23Z`. */
export const v2Timestamp = queryTimestamp;

/** Base64 HMAC of a string to sign under the SignatureMethod. */
export function v2Signature(
  secretAccessKey: string,
  stringToSign: string,
  method: V2SignatureMethod,
): string {
  return hmacBase64(secretAccessKey, stringToSign, method === 'HmacSHA1' ? 'SHA-1' : 'SHA-256');
}

/** Signs a Query API request and returns every stage. */
export function signV2(input: V2SignInput): Result<V2Trace> {
  const { request, credentials } = input;
  const location = paramLocation(request);
  const missing = missingAuthParams({
    params: requestParams(request, location),
    credentials,
    version: '2',
    signatureMethod: input.settings?.signatureMethod ?? 'HmacSHA256',
    request,
    ...(input.time ? { time: input.time } : {}),
  });
  if (!missing.ok) return fail(missing.problems);
  const notes: Problem[] = [...missing.problems];
  const sts = v2StringToSign(request, {
    location,
    added: missing.value,
    settings: { ...input.settings, includeSignature: false },
  });
  if (!sts.ok) return fail(sts.problems);
  notes.push(...sts.problems);
  const signature = v2Signature(credentials.secretAccessKey, sts.value.text, sts.value.signatureMethod);
  const placed = placeSignature(request, location, missing.value, signature);
  const trace: V2Trace = {
    scheme: 'sigv2',
    mode: location,
    stages: v2Stages(sts.value, signature),
    signature,
    signatureEncoding: 'base64',
    ...placed,
    notes,
    details: { stringToSign: sts.value },
  };
  return ok(trace, notes);
}
