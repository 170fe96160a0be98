/**
 * Presigning: SigV4 in the query string (`X-Amz-Algorithm`, `-Credential`, `-Date`, `-Expires`, `-SignedHeaders`,
 * `-Security-Token`, `-Signature`).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */

import { percentDecodeText, uriEncode } from '../encoding';
import { findHeader, requestHost, sameName } from '../request/model';
import { renderQueryString } from '../request/query';
import { lineEndingOf, renderRequest } from '../request/render';
import { fail, ok, problem, type Problem, type Result } from '../types';
import type { WireQueryPair } from './canonical-query';
import { computeStages, type SignatureStages } from './compute';
import { selectSignedHeaders, type WorkingHeader } from './header-selection';
import { choosePayloadHash, UNSIGNED_PAYLOAD } from './payload-hash';
import { resolveRequestTime } from './request-time';
import { scopeOf } from './signing-key';
import { toAmzDate } from './time';
import type { SigV4Input, SigV4Trace } from './types';
import { SIGV4_VARIANT, variantScope } from './variant';

/** The default lifetime of a presigned URL, as in the AWS SDKs. */
export const DEFAULT_EXPIRES = 3600;

/** The query parameter names of SigV4 query auth. */
export const QUERY_AUTH = {
  algorithm: 'X-Amz-Algorithm',
  credential: 'X-Amz-Credential',
  date: 'X-Amz-Date',
  signedHeaders: 'X-Amz-SignedHeaders',
  expires: 'X-Amz-Expires',
  token: 'X-Amz-Security-Token',
  signature: 'X-Amz-Signature',
  contentSha256: 'X-Amz-Content-Sha256',
} as const;

/** A query pair on its way into a presigned URL. */
interface WorkingParam extends WireQueryPair {
  added?: boolean;
  unsigned?: boolean;
}

/** Sets a parameter (value given decoded), adding it when missing and noting when a value changes. */
function upsertParam(params: WorkingParam[], name: string, value: string, notes: Problem[]): WorkingParam {
  const existing = params.find((p) => sameName(p.name, name));
  if (!existing) {
    const param: WorkingParam = { name, value: uriEncode(value), added: true };
    params.push(param);
    return param;
  }
  if (percentDecodeText(existing.value ?? '') !== value) {
    notes.push(
      problem('replaced-param', `${existing.name} was replaced with "${value}".`, existing.span, {
        severity: 'warning',
      }),
    );
    existing.value = uriEncode(value);
    existing.added = true;
  }
  return existing;
}

/** Signs a request as a presigned URL. */
export async function signQuery(input: SigV4Input): Promise<Result<SigV4Trace>> {
  const { request, credentials, settings } = input;
  const variant = input.variant ?? SIGV4_VARIANT;
  const notes: Problem[] = [];
  const params: WorkingParam[] = request.params.map((p) => ({ ...p }));
  const oldSignature = params.findIndex((p) => sameName(p.name, QUERY_AUTH.signature));
  if (oldSignature >= 0) {
    notes.push(
      problem(
        'replaced-param',
        'The X-Amz-Signature already in the URL was replaced.',
        params[oldSignature]!.span,
        { severity: 'note' },
      ),
    );
    params.splice(oldSignature, 1);
  }
  const find = (name: string) => params.find((p) => sameName(p.name, name));
  const dateParam = find(QUERY_AUTH.date);
  const time = resolveRequestTime(
    request,
    input.time,
    dateParam?.span ? { value: percentDecodeText(dateParam.value ?? ''), span: dateParam.span } : undefined,
  );
  if (!time.ok) return fail(time.problems);
  const amzDate = toAmzDate(time.value.time);
  const expiresParam = find(QUERY_AUTH.expires);
  const expires =
    input.expires ?? (expiresParam ? Number(percentDecodeText(expiresParam.value ?? '')) : DEFAULT_EXPIRES);
  if (!Number.isInteger(expires) || expires < 1 || expires > 604800) {
    return fail([
      problem(
        'expires',
        `X-Amz-Expires must be a whole number of seconds from 1 to 604800 (7 days); got "${expires}".`,
        input.expires === undefined ? expiresParam?.span : undefined,
      ),
    ]);
  }

  // Headers: x-amz-date goes into the query; other x-amz-* headers are hoisted there when the setting says so.
  const headers: WorkingHeader[] = [];
  const hoisted: WorkingParam[] = [];
  for (const h of request.headers) {
    const lower = h.name.toLowerCase();
    if (lower === 'x-amz-date' || lower === 'authorization') continue;
    const ours = Object.values(QUERY_AUTH).some((n) => sameName(n, lower));
    if (settings.hoistAmzHeaders && lower.startsWith('x-amz-') && !(ours && find(lower))) {
      hoisted.push({ name: uriEncode(h.name), value: uriEncode(h.value), span: h.span, added: true });
    } else {
      headers.push({ name: h.name, value: h.value, span: h.span });
    }
  }
  if (!findHeader(request, 'host') && request.authority)
    headers.push({ name: 'Host', value: request.authority, added: true });
  params.push(...hoisted);
  const { signed, unsigned } = selectSignedHeaders(headers, settings);
  const signedNames = [...new Set(signed.map((h) => h.name.toLowerCase()))].sort();
  const scope = scopeOf(amzDate, input.region, input.service);
  const credential = `${credentials.accessKeyId}/${variantScope(scope, variant)}`;

  upsertParam(params, QUERY_AUTH.algorithm, variant.algorithm, notes);
  upsertParam(params, QUERY_AUTH.credential, credential, notes);
  upsertParam(params, QUERY_AUTH.date, amzDate, notes);
  upsertParam(params, QUERY_AUTH.signedHeaders, signedNames.join(';'), notes);
  upsertParam(params, QUERY_AUTH.expires, String(expires), notes);
  for (const [name, value] of variant.authParams) upsertParam(params, name, value, notes);
  if (credentials.sessionToken) {
    upsertParam(params, QUERY_AUTH.token, credentials.sessionToken, notes).unsigned =
      !settings.signSessionToken;
  }

  const sentHash =
    find(QUERY_AUTH.contentSha256)?.value ?? findHeader(request, 'x-amz-content-sha256')?.value;
  const sentDecoded = sentHash === undefined ? undefined : percentDecodeText(sentHash);
  const payloadHash = (await choosePayloadHash(settings, request, sentDecoded, true)).hash;

  const stages = computeStages(
    {
      method: request.method,
      methodSources: [request.methodSpan],
      wirePath: request.path,
      pathSources: [request.pathSpan],
      query: params.filter((p) => !p.unsigned),
      headers: signed,
      payloadHash,
      payloadSources: payloadHash === UNSIGNED_PAYLOAD ? [] : [request.bodySpan],
      amzDate,
      scope,
      secretAccessKey: credentials.secretAccessKey,
      settings,
    },
    variant,
  );
  params.push({ name: QUERY_AUTH.signature, value: stages.signature, added: true });
  const query = renderQueryString(params);
  const target = `${request.path}?${query}`;
  const host = requestHost(request) ?? '';
  const sent: [string, string][] = headers.map((h) => [h.name, h.value]);
  // The trace is the stages plus what signing adds; assigned onto the fresh stages object, not spread (spreading
  // a dozen properties showed as a third of a signature's time in the profile).
  const trace: SigV4Trace = Object.assign(stages, {
    mode: 'query',
    settings,
    time: time.value.time.toISOString(),
    amzDate,
    scope,
    credential,
    signedHeaders: stages.canonicalRequest.signedHeaders,
    unsignedHeaders: unsigned,
    added: {
      headers: headers.filter((h) => h.added).map((h) => [h.name, h.value]),
      query: params.filter((p) => p.added).map((p) => [p.name, percentDecodeText(p.value ?? '')]),
    },
    url: `${request.scheme ?? 'https'}://${host}${target}`,
    signedRequest: renderRequest(
      { method: request.method, target, httpVersion: request.httpVersion, headers: sent, body: request.body },
      lineEndingOf(request.source),
    ),
    notes,
  } satisfies Omit<SigV4Trace, keyof SignatureStages>);
  return ok(trace, notes);
}
