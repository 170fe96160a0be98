/**
 * What SigV1 and SigV0 share: both add the same parameters, sign a string of parameter values with HMAC-SHA1 and
 * send the Base64 signature as `Signature`; only the string to sign and its stages differ.
 * http://docs.amazonwebservices.com/AmazonSimpleDB/2007-11-07/DeveloperGuide/REST_RESTAuth.html
 */

import { hmacBase64 } from '../crypto';
import type { HttpRequest } from '../request/model';
import { fail, ok, type Result } from '../types';
import {
  recomputedTrace,
  type SchemeCredentials,
  type SchemeTrace,
  type SchemeVerification,
  type TraceStage,
} from '../trace';
import { paramLocation, requestParams, type ParamLocation } from '../v2/params';
import { missingAuthParams, placeSignature, queryVerification, readSentSignature } from '../v2/query-request';

/** A SigV1-family scheme: its id, its SignatureVersion, its string to sign and its stages. */
export interface Sha1QueryScheme<S extends { text: string; location: ParamLocation }> {
  id: 'sigv1' | 'sigv0';
  version: '0' | '1';
  stringToSign(request: HttpRequest, added?: readonly [string, string][]): Result<S>;
  stages(sts: S, signature: string): TraceStage[];
}

/** Everything a SigV1 or SigV0 signature depends on, passed in. */
export interface Sha1QuerySignInput {
  request: HttpRequest;
  credentials: SchemeCredentials;
  /** The Timestamp to add when the request has neither Timestamp nor Expires. */
  time?: Date;
}

/** What verifying needs besides the signed request. */
export interface Sha1QueryVerifyInput {
  request: HttpRequest;
  secretAccessKey: string;
  accessKeyId?: string;
}

/** Base64 HMAC-SHA1 of a SigV1 or SigV0 string to sign. */
export function sha1Signature(secretAccessKey: string, stringToSign: string): string {
  return hmacBase64(secretAccessKey, stringToSign, 'SHA-1');
}

/** Signs a request under a SigV1-family scheme and returns every stage. */
export function signSha1Query<S extends { text: string; location: ParamLocation }>(
  scheme: Sha1QueryScheme<S>,
  input: Sha1QuerySignInput,
): Result<SchemeTrace<{ stringToSign: S }>> {
  const { request, credentials } = input;
  const location = paramLocation(request);
  const missing = missingAuthParams({
    params: requestParams(request, location),
    credentials,
    version: scheme.version,
    request,
    ...(input.time ? { time: input.time } : {}),
  });
  if (!missing.ok) return fail(missing.problems);
  const sts = scheme.stringToSign(request, missing.value);
  if (!sts.ok) return fail(sts.problems);
  const signature = sha1Signature(credentials.secretAccessKey, sts.value.text);
  const notes = [...missing.problems, ...sts.problems];
  return ok(
    {
      scheme: scheme.id,
      mode: location,
      stages: scheme.stages(sts.value, signature),
      signature,
      signatureEncoding: 'base64',
      ...placeSignature(request, location, missing.value, signature),
      notes,
      details: { stringToSign: sts.value },
    },
    notes,
  );
}

/** Recomputes the signature a request carries under a SigV1-family scheme and says whether it matches. */
export function verifySha1Query<S extends { text: string; location: ParamLocation }>(
  scheme: Sha1QueryScheme<S>,
  input: Sha1QueryVerifyInput,
): Result<SchemeVerification<{ stringToSign: S }>> {
  const { request } = input;
  const sent = readSentSignature(request, input.accessKeyId);
  if (!sent.ok) return fail(sent.problems);
  const sts = scheme.stringToSign(request);
  if (!sts.ok) return fail(sts.problems);
  const signature = sha1Signature(input.secretAccessKey, sts.value.text);
  const notes = [...sent.value.notes, ...sts.problems];
  const trace = recomputedTrace({
    scheme: scheme.id,
    mode: sts.value.location,
    stages: scheme.stages(sts.value, signature),
    signature,
    signatureEncoding: 'base64',
    source: request.source,
    notes,
    details: { stringToSign: sts.value },
  });
  return ok(queryVerification(sent.value, trace), notes);
}
