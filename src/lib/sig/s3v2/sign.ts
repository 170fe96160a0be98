/**
 * Signing a request with S3 SigV2: in the `Authorization: AWS key:sig` header, or as a presigned URL
 * (`AWSAccessKeyId`, `Expires`, `Signature`). Signs what is there, adds only what is missing (a Date, the session
 * token), never changes the caller's request, and returns the trace.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
 */

import { hmacBase64 } from '../crypto';
import { percentDecodeText, uriEncode } from '../encoding';
import { findHeader, requestHost, type HttpRequest } from '../request/model';
import { renderQueryString } from '../request/query';
import { lineEndingOf, renderRequest } from '../request/render';
import { fail, ok, problem, type Problem, type Result } from '../types';
import type { SchemeCredentials, SchemeTrace } from '../trace';
import { renderS3V2Authorization } from './authorization';
import { amzHeaderEntries } from './amz-headers';
import { resolveS3V2Settings, type S3V2Settings } from './settings';
import { s3V2Stages } from './stages';
import { s3V2StringToSign, S3V2_QUERY, type S3V2Mode, type S3V2StringToSign } from './string-to-sign';

/** Everything an S3 SigV2 signature depends on, passed in. */
export interface S3V2SignInput {
  request: HttpRequest;
  credentials: SchemeCredentials;
  mode: S3V2Mode;
  /** Header mode: the time of the Date header added when the request has neither Date nor x-amz-date. */
  time?: Date;
  /** Query mode: the `Expires` value, seconds since the epoch; by default the URL's own. */
  expires?: number;
  settings?: Partial<S3V2Settings>;
  /** The bucket, when known: overrides reading it off the Host. */
  bucket?: string;
}

/** What the S3 SigV2 trace carries besides the common shape. */
export interface S3V2Details {
  stringToSign: S3V2StringToSign;
}

/** The S3 SigV2 trace. */
export type S3V2Trace = SchemeTrace<S3V2Details>;

/** Base64 HMAC-SHA1 of a string to sign. */
export function s3V2Signature(secretAccessKey: string, stringToSign: string): string {
  return hmacBase64(secretAccessKey, stringToSign, 'SHA-1');
}

/** The parameters a presigned URL's signer sets. */
const OWN_PARAMS: readonly string[] = [S3V2_QUERY.accessKeyId, S3V2_QUERY.expires, S3V2_QUERY.signature];
/** The session token, in the query of a presigned URL (lower-case, as S3 reads it). */
const SECURITY_TOKEN = 'x-amz-security-token';

/** Signs a request in header or query mode and returns every stage. */
export function signS3V2(input: S3V2SignInput): Result<S3V2Trace> {
  return input.mode === 'query' ? signQuery(input) : signHeader(input);
}

function signHeader(input: S3V2SignInput): Result<S3V2Trace> {
  const { request, credentials } = input;
  const notes: Problem[] = [];
  const added: [string, string][] = [];
  if (!findHeader(request, 'date') && !findHeader(request, 'x-amz-date')) {
    if (!input.time)
      return fail([
        problem(
          'no-date',
          'Give a time to sign at: the request has neither Date nor x-amz-date.',
          request.targetSpan,
        ),
      ]);
    added.push(['Date', input.time.toUTCString()]);
  }
  if (credentials.sessionToken && !findHeader(request, 'x-amz-security-token'))
    added.push([SECURITY_TOKEN, credentials.sessionToken]);
  const old = findHeader(request, 'authorization');
  if (old)
    notes.push(
      problem('replaced-header', 'The Authorization header already on the request was replaced.', old.span, {
        severity: 'note',
      }),
    );
  const sts = s3V2StringToSign(request, {
    mode: 'header',
    added: { headers: added },
    ...(input.settings ? { settings: input.settings } : {}),
    ...(input.bucket !== undefined ? { bucket: input.bucket } : {}),
  });
  if (!sts.ok) return fail(sts.problems);
  notes.push(...sts.problems);
  const signature = s3V2Signature(credentials.secretAccessKey, sts.value.text);
  const authorization = renderS3V2Authorization(credentials.accessKeyId, signature);
  const headers: [string, string][] = request.headers
    .filter((h) => h !== old)
    .map((h) => [h.name, h.value] as [string, string]);
  headers.push(...added, ['Authorization', authorization]);
  return ok(
    {
      scheme: 's3v2',
      mode: 'header',
      stages: s3V2Stages(sts.value, signature),
      signature,
      signatureEncoding: 'base64',
      added: { headers: [...added, ['Authorization', authorization]], query: [] },
      signedRequest: renderRequest(
        {
          method: request.method,
          target: request.target,
          httpVersion: request.httpVersion,
          headers,
          body: request.body,
        },
        lineEndingOf(request.source),
      ),
      authorization,
      notes,
      details: { stringToSign: sts.value },
    },
    notes,
  );
}

function signQuery(input: S3V2SignInput): Result<S3V2Trace> {
  const { request, credentials } = input;
  const notes: Problem[] = [];
  const existingExpires = request.params.find((p) => p.name === S3V2_QUERY.expires);
  const expires =
    input.expires !== undefined ? String(input.expires) : percentDecodeText(existingExpires?.value ?? '');
  if (expires === '')
    return fail([
      problem(
        'expires',
        'Give expires, the time the URL stops working in seconds since the epoch: the URL has no Expires.',
        request.targetSpan,
      ),
    ]);
  // What the signer sets is taken off the URL and put back at the end; everything else stays as it was sent.
  const ours = (name: string) =>
    OWN_PARAMS.includes(name) || (credentials.sessionToken !== undefined && name === SECURITY_TOKEN);
  for (const p of request.params) {
    if (p.name === S3V2_QUERY.signature)
      notes.push(
        problem('replaced-param', 'The Signature already in the URL was replaced.', p.span, {
          severity: 'note',
        }),
      );
  }
  const kept = request.params.filter((p) => !ours(p.name));
  const finalQuery: [string, string][] = [
    [S3V2_QUERY.accessKeyId, credentials.accessKeyId],
    [S3V2_QUERY.expires, expires],
  ];
  if (credentials.sessionToken) finalQuery.push([SECURITY_TOKEN, credentials.sessionToken]);
  const sts = s3V2StringToSign(
    { ...request, params: kept },
    {
      mode: 'query',
      added: { query: finalQuery },
      ...(input.settings ? { settings: input.settings } : {}),
      ...(input.bucket !== undefined ? { bucket: input.bucket } : {}),
    },
  );
  if (!sts.ok) return fail(sts.problems);
  notes.push(...sts.problems);
  const signature = s3V2Signature(credentials.secretAccessKey, sts.value.text);
  finalQuery.push([S3V2_QUERY.signature, signature]);
  // Hoisting moves x-amz-* headers into the URL; the string to sign is the same, as S3 reads them from either.
  const hoist = resolveS3V2Settings(input.settings).hoistAmzHeaders;
  const hoisted: [string, string][] = hoist
    ? amzHeaderEntries(request).map((e) => [e.name.toLowerCase(), e.value])
    : [];
  const wire = renderQueryString([
    ...kept,
    ...[...hoisted, ...finalQuery].map(([name, value]) => ({
      name: uriEncode(name),
      value: uriEncode(value),
    })),
  ]);
  const target = `${request.path}?${wire}`;
  const headers: [string, string][] = request.headers
    .filter((h) => h.name.toLowerCase() !== 'authorization' && !(hoist && /^x-amz-/i.test(h.name)))
    .map((h) => [h.name, h.value]);
  return ok(
    {
      scheme: 's3v2',
      mode: 'query',
      stages: s3V2Stages(sts.value, signature),
      signature,
      signatureEncoding: 'base64',
      added: { headers: [], query: [...hoisted, ...finalQuery] },
      signedRequest: renderRequest(
        { method: request.method, target, httpVersion: request.httpVersion, headers, body: request.body },
        lineEndingOf(request.source),
      ),
      url: `${request.scheme ?? 'https'}://${requestHost(request) ?? ''}${target}`,
      notes,
      details: { stringToSign: sts.value },
    },
    notes,
  );
}
