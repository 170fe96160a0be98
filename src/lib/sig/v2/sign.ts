/**
 * Signing a Query API request with SigV2: the parameters already there are used as they are, the missing ones
 * (`AWSAccessKeyId`, `SignatureVersion`, `SignatureMethod`, `Timestamp` unless `Expires` is given,
 * `SecurityToken`) are added, and `Signature` goes in the query of a GET or the form body of a POST.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

import { hmacBase64 } from '../crypto';
import { uriEncode } from '../encoding';
import { requestHost, type HttpRequest } from '../request/model';
import { parseQueryString, renderQueryString } from '../request/query';
import { lineEndingOf, renderRequest } from '../request/render';
import { fail, ok, problem, type Problem, type Result } from '../types';
import type { SchemeCredentials, SchemeTrace } from '../trace';
import { paramLocation, requestParams, type ParamLocation } from './params';
import type { V2Settings, V2SignatureMethod } from './settings';
import { v2Stages } from './stages';
import { v2StringToSign, V2_PARAMS, type V2StringToSign } from './string-to-sign';

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
export function v2Timestamp(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Base64 HMAC of a string to sign under the SignatureMethod. */
export function v2Signature(
  secretAccessKey: string,
  stringToSign: string,
  method: V2SignatureMethod,
): string {
  return hmacBase64(secretAccessKey, stringToSign, method === 'HmacSHA1' ? 'SHA-1' : 'SHA-256');
}

/** The request with the parameters' new wire text in its query or its form body. */
export function withParams(
  request: HttpRequest,
  location: ParamLocation,
  wire: string,
): { target: string; headers: [string, string][]; body: string } {
  let headers: [string, string][] = request.headers.map((h) => [h.name, h.value]);
  if (location === 'query') return { target: `${request.path}?${wire}`, headers, body: request.body };
  const length = new TextEncoder().encode(wire).length;
  headers = headers.map(([n, v]) => (n.toLowerCase() === 'content-length' ? [n, String(length)] : [n, v]));
  return { target: request.target, headers, body: wire };
}

/** Signs a Query API request and returns every stage. */
export function signV2(input: V2SignInput): Result<V2Trace> {
  const { request, credentials } = input;
  const notes: Problem[] = [];
  const location = paramLocation(request);
  const params = requestParams(request, location);
  const has = (name: string) => params.some((p) => p.name === name);
  const old = params.find((p) => p.name === V2_PARAMS.signature);
  if (old)
    notes.push(
      problem('replaced-param', 'The Signature already on the request was replaced.', old.span, {
        severity: 'note',
      }),
    );
  const added: [string, string][] = [];
  if (!has(V2_PARAMS.accessKeyId)) added.push([V2_PARAMS.accessKeyId, credentials.accessKeyId]);
  if (!has(V2_PARAMS.signatureVersion)) added.push([V2_PARAMS.signatureVersion, '2']);
  if (!has(V2_PARAMS.signatureMethod))
    added.push([V2_PARAMS.signatureMethod, input.settings?.signatureMethod ?? 'HmacSHA256']);
  if (!has(V2_PARAMS.timestamp) && !has(V2_PARAMS.expires)) {
    if (!input.time)
      return fail([
        problem(
          'no-time',
          'Give a time to sign at: the request has neither Timestamp nor Expires.',
          request.targetSpan,
        ),
      ]);
    added.push([V2_PARAMS.timestamp, v2Timestamp(input.time)]);
  }
  if (credentials.sessionToken && !has(V2_PARAMS.securityToken))
    added.push([V2_PARAMS.securityToken, credentials.sessionToken]);
  const version = params.find((p) => p.name === V2_PARAMS.signatureVersion);
  if (version && version.value !== '2')
    notes.push(
      problem(
        'signature-version',
        `SignatureVersion is "${version.value}"; this signs it as SigV2 all the same.`,
        version.span,
        {
          severity: 'warning',
        },
      ),
    );
  const key = params.find((p) => p.name === V2_PARAMS.accessKeyId);
  if (key && key.value !== credentials.accessKeyId)
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
  const sts = v2StringToSign(
    location === 'query'
      ? { ...request, params: request.params.filter((p) => p.name !== V2_PARAMS.signature) }
      : request,
    { location, added, settings: { ...input.settings, includeSignature: false } },
  );
  if (!sts.ok) return fail(sts.problems);
  notes.push(...sts.problems);
  const signature = v2Signature(credentials.secretAccessKey, sts.value.text, sts.value.signatureMethod);
  const wirePairs = (
    location === 'query' ? request.params : parseQueryString(request.body.replace(/\r?\n$/, ''))
  ).filter((p) => p.name !== V2_PARAMS.signature);
  const wire = renderQueryString([
    ...wirePairs,
    ...[...added, [V2_PARAMS.signature, signature] as [string, string]].map(([name, value]) => ({
      name,
      value: uriEncode(value),
    })),
  ]);
  const out = withParams(request, location, wire);
  const scheme = request.scheme ?? 'https';
  const trace: V2Trace = {
    scheme: 'sigv2',
    mode: location,
    stages: v2Stages(sts.value, signature),
    signature,
    signatureEncoding: 'base64',
    added:
      location === 'query'
        ? { headers: [], query: [...added, [V2_PARAMS.signature, signature]] }
        : { headers: [], query: [], body: [...added, [V2_PARAMS.signature, signature]] },
    signedRequest: renderRequest(
      {
        method: request.method,
        target: out.target,
        httpVersion: request.httpVersion,
        headers: out.headers,
        body: out.body,
      },
      lineEndingOf(request.source),
    ),
    notes,
    details: { stringToSign: sts.value },
  };
  if (location === 'query') trace.url = `${scheme}://${requestHost(request) ?? ''}${out.target}`;
  return ok(trace, notes);
}
