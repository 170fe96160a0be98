/**
 * What SigV2, SigV1 and SigV0 share as Query API signers: the authentication parameters added when missing
 * (`AWSAccessKeyId`, `SignatureVersion`, `SignatureMethod` for V2, `Timestamp` unless `Expires` is there,
 * `SecurityToken`), and the signed request with every new parameter and `Signature` appended, in the query of a GET
 * or the form body of a POST.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

import { uriEncode } from '../encoding';
import { requestHost, type HttpRequest } from '../request/model';
import { parseQueryString, renderQueryString } from '../request/query';
import { lineEndingOf, renderRequest } from '../request/render';
import { fail, ok, problem, type Problem, type Result } from '../types';
import { timingSafeEqual } from '../crypto';
import type { AddedToRequest, SchemeCredentials, SchemeTrace, SchemeVerification } from '../trace';
import { paramLocation, requestParams, type ParamLocation, type QueryApiParam } from './params';

/** The parameter names of the Query API signers. */
export const AUTH_PARAMS = {
  accessKeyId: 'AWSAccessKeyId',
  signatureVersion: 'SignatureVersion',
  signatureMethod: 'SignatureMethod',
  timestamp: 'Timestamp',
  expires: 'Expires',
  securityToken: 'SecurityToken',
  signature: 'Signature',
} as const;

/** The Query APIs' Timestamp: ISO 8601 in UTC to the second, `2014-06-20T08:40:23Z`. */
export function queryTimestamp(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** What a signer adds to the parameters it found. */
export interface AuthParamsInput {
  params: readonly QueryApiParam[];
  credentials: SchemeCredentials;
  version: '0' | '1' | '2';
  /** SigV2 only: the SignatureMethod to add when the request names none. */
  signatureMethod?: string;
  time?: Date;
  /** Where problems about the request as a whole point. */
  request: HttpRequest;
}

/** The authentication parameters missing from the request (decoded), and notes on the ones already there. */
export function missingAuthParams(input: AuthParamsInput): Result<[string, string][]> {
  const { params, credentials, request } = input;
  const notes: Problem[] = [];
  const find = (name: string) => params.find((p) => p.name === name);
  const added: [string, string][] = [];
  const key = find(AUTH_PARAMS.accessKeyId);
  if (!key) added.push([AUTH_PARAMS.accessKeyId, credentials.accessKeyId]);
  else if (key.value !== credentials.accessKeyId)
    notes.push(
      problem(
        'access-key',
        `AWSAccessKeyId on the request is ${key.value}, not the ${credentials.accessKeyId} signing it.`,
        key.span,
        {
          severity: 'warning',
        },
      ),
    );
  const version = find(AUTH_PARAMS.signatureVersion);
  if (!version) added.push([AUTH_PARAMS.signatureVersion, input.version]);
  else if (version.value !== input.version)
    notes.push(
      problem(
        'signature-version',
        `SignatureVersion is "${version.value}"; this signs it as SigV${input.version} all the same.`,
        version.span,
        { severity: 'warning' },
      ),
    );
  if (input.signatureMethod && !find(AUTH_PARAMS.signatureMethod))
    added.push([AUTH_PARAMS.signatureMethod, input.signatureMethod]);
  if (!find(AUTH_PARAMS.timestamp) && !find(AUTH_PARAMS.expires)) {
    if (!input.time)
      return fail([
        problem(
          'no-time',
          'Give a time to sign at: the request has neither Timestamp nor Expires.',
          request.targetSpan,
        ),
      ]);
    added.push([AUTH_PARAMS.timestamp, queryTimestamp(input.time)]);
  }
  if (credentials.sessionToken && !find(AUTH_PARAMS.securityToken))
    added.push([AUTH_PARAMS.securityToken, credentials.sessionToken]);
  const old = find(AUTH_PARAMS.signature);
  if (old)
    notes.push(
      problem('replaced-param', 'The Signature already on the request was replaced.', old.span, {
        severity: 'note',
      }),
    );
  return ok(added, notes);
}

/** The request with everything added: the signed request, the URL of a GET, and what was added where. */
export function placeSignature(
  request: HttpRequest,
  location: ParamLocation,
  added: readonly [string, string][],
  signature: string,
): { signedRequest: string; url?: string; added: AddedToRequest } {
  const all: [string, string][] = [...added, [AUTH_PARAMS.signature, signature]];
  const wirePairs = (
    location === 'query' ? request.params : parseQueryString(request.body.replace(/\r?\n$/, ''))
  ).filter((p) => p.name !== AUTH_PARAMS.signature);
  const wire = renderQueryString([
    ...wirePairs,
    ...all.map(([name, value]) => ({ name: uriEncode(name), value: uriEncode(value) })),
  ]);
  let headers: [string, string][] = request.headers.map((h) => [h.name, h.value]);
  let target = request.target;
  let body = request.body;
  if (location === 'query') target = `${request.path}?${wire}`;
  else {
    body = wire;
    const length = String(new TextEncoder().encode(wire).length);
    headers = headers.map(([n, v]) => (n.toLowerCase() === 'content-length' ? [n, length] : [n, v]));
  }
  const signedRequest = renderRequest(
    { method: request.method, target, httpVersion: request.httpVersion, headers, body },
    lineEndingOf(request.source),
  );
  if (location === 'body') return { signedRequest, added: { headers: [], query: [], body: all } };
  return {
    signedRequest,
    url: `${request.scheme ?? 'https'}://${requestHost(request) ?? ''}${target}`,
    added: { headers: [], query: all },
  };
}

/** The signature a Query API request carries, and its parameters, as a verifier reads them. */
export interface SentSignature {
  location: ParamLocation;
  params: QueryApiParam[];
  signature: QueryApiParam;
  accessKeyId?: QueryApiParam;
  notes: Problem[];
}

/** Reads `Signature` and `AWSAccessKeyId` from the query of a GET or the form body of a POST. */
export function readSentSignature(request: HttpRequest, accessKeyId?: string): Result<SentSignature> {
  const location = paramLocation(request);
  const params = requestParams(request, location);
  const signature = params.find((p) => p.name === AUTH_PARAMS.signature);
  if (!signature)
    return fail([
      problem(
        'unsigned',
        `The request carries no Signature parameter (looked in the ${location === 'body' ? 'form body' : 'query string'}).`,
        request.targetSpan,
      ),
    ]);
  const notes: Problem[] = [];
  const key = params.find((p) => p.name === AUTH_PARAMS.accessKeyId);
  if (!key)
    notes.push(
      problem('missing-param', 'The request has no AWSAccessKeyId.', request.targetSpan, {
        severity: 'warning',
      }),
    );
  else if (accessKeyId && key.value !== accessKeyId)
    notes.push(
      problem(
        'access-key',
        `The request was signed for access key ${key.value}, not ${accessKeyId}.`,
        key.span,
        {
          severity: 'warning',
        },
      ),
    );
  const sent: SentSignature = { location, params, signature, notes };
  if (key) sent.accessKeyId = key;
  return ok(sent, notes);
}

/** The verdict on a recomputed Query API signature. */
export function queryVerification<Details>(
  sent: SentSignature,
  trace: SchemeTrace<Details>,
): SchemeVerification<Details> {
  const verification: SchemeVerification<Details> = {
    match: timingSafeEqual(trace.signature, sent.signature.value),
    provided: sent.signature.value,
    trace,
    notes: trace.notes,
  };
  if (sent.signature.span) verification.providedSpan = sent.signature.span;
  if (sent.accessKeyId) verification.accessKeyId = sent.accessKeyId.value;
  return verification;
}
