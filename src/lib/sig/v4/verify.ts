/**
 * Verifying a request that already carries a SigV4 signature: read its credential, SignedHeaders and time from
 * the request, recompute, and compare in constant time.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */

import { timingSafeEqual } from '../crypto';
import { percentDecodeText } from '../encoding';
import { findHeader, sameName, type HttpRequest } from '../request/model';
import { fail, ok, problem, type Problem, type Result, type Span } from '../types';
import { parseAuthorization, parseCredential, type Credential } from './authorization';
import type { HeaderField } from './canonical-headers';
import type { WireQueryPair } from './canonical-query';
import { computeStages, type SignatureStages, type SigningPlan } from './compute';
import { choosePayloadHash, UNSIGNED_PAYLOAD } from './payload-hash';
import { resolveRequestTime } from './request-time';
import { QUERY_AUTH } from './sign-query';
import type { SigV4Settings } from './settings';
import { ALGORITHM } from './string-to-sign';
import { toAmzDate } from './time';
import type { SigV4Mode } from './types';
import { SIGV4_VARIANT, type SigningVariant } from './variant';

/** What verifying needs besides the signed request. */
export interface SigV4VerifyInput {
  request: HttpRequest;
  secretAccessKey: string;
  /** When given, a different access key in the credential is reported. */
  accessKeyId?: string;
  settings: SigV4Settings;
  /** Another member of the SigV4 family (SigV4A); SigV4 itself when absent. */
  variant?: Readonly<SigningVariant>;
}

/** What the request claims: its signature and what it says was signed. */
export interface ProvidedSignature {
  mode: SigV4Mode;
  algorithm: string;
  signature: string;
  signatureSpan: Span;
  credential: Credential;
  credentialSpan: Span;
  signedHeaders: string[];
  signedHeadersSpan: Span;
  /** The presigned URL's lifetime in seconds (query mode). */
  expires?: number;
}

/** The verdict, the recomputed stages, and what was noticed on the way. */
export interface SigV4Verification {
  match: boolean;
  provided: ProvidedSignature;
  /** `YYYYMMDDTHHMMSSZ` read from the request. */
  amzDate: string;
  stages: SignatureStages;
  notes: Problem[];
}

/**
 * Reads the signature a request carries, from `Authorization` or from the query string; `regionless` reads a
 * SigV4A credential.
 */
export function readProvidedSignature(request: HttpRequest, regionless = false): Result<ProvidedSignature> {
  const auth = findHeader(request, 'authorization');
  if (auth) {
    const parsed = parseAuthorization(auth.value, auth.valueSpan.start, regionless);
    if (!parsed.ok) return fail(parsed.problems);
    const a = parsed.value;
    return ok({
      mode: 'header',
      algorithm: a.algorithm,
      signature: a.signature,
      signatureSpan: a.spans.signature,
      credential: a.credential,
      credentialSpan: a.spans.credential,
      signedHeaders: a.signedHeaders,
      signedHeadersSpan: a.spans.signedHeaders,
    });
  }
  const params = request.params;
  const get = (name: string) => params.find((p) => sameName(p.name, name));
  const signature = get(QUERY_AUTH.signature);
  if (!signature) {
    return fail([
      problem(
        'unsigned',
        'The request carries no signature: no Authorization header and no X-Amz-Signature parameter.',
        request.targetSpan,
      ),
    ]);
  }
  const problems: Problem[] = [];
  const required = (name: string) => {
    const p = get(name);
    if (!p)
      problems.push(
        problem('missing-param', `A presigned URL needs ${name}; this one has none.`, request.querySpan),
      );
    return p;
  };
  const algorithm = required(QUERY_AUTH.algorithm);
  const credential = required(QUERY_AUTH.credential);
  const signed = required(QUERY_AUTH.signedHeaders);
  if (!algorithm || !credential || !signed) return fail(problems);
  const valueSpan = (p: { span: Span; name: string }) => ({
    start: p.span.start + p.name.length + 1,
    end: p.span.end,
  });
  const parsedCredential = parseCredential(
    percentDecodeText(credential.value ?? ''),
    valueSpan(credential).start,
    regionless,
  );
  if (!parsedCredential.ok) return fail(parsedCredential.problems);
  const signedText = percentDecodeText(signed.value ?? '');
  const expires = get(QUERY_AUTH.expires);
  const provided: ProvidedSignature = {
    mode: 'query',
    algorithm: percentDecodeText(algorithm.value ?? ''),
    signature: percentDecodeText(signature.value ?? ''),
    signatureSpan: valueSpan(signature),
    credential: parsedCredential.value,
    credentialSpan: valueSpan(credential),
    signedHeaders: signedText === '' ? [] : signedText.split(';'),
    signedHeadersSpan: valueSpan(signed),
  };
  if (expires) provided.expires = Number(percentDecodeText(expires.value ?? ''));
  return ok(provided);
}

/** What a signed request says was signed, as a plan that recomputes its signature. */
export interface VerificationPlan {
  plan: SigningPlan;
  provided: ProvidedSignature;
  amzDate: string;
  notes: Problem[];
}

/** Reads a signed request into the plan its signature should have been computed from. */
export async function planVerification(input: SigV4VerifyInput): Promise<Result<VerificationPlan>> {
  const { request, settings } = input;
  const variant = input.variant ?? SIGV4_VARIANT;
  const read = readProvidedSignature(request, variant.regionlessScope);
  if (!read.ok) return fail(read.problems);
  const provided = read.value;
  const notes: Problem[] = [];
  if (provided.algorithm !== variant.algorithm) {
    const what = variant.algorithm === ALGORITHM ? 'SigV4 with HMAC' : 'this scheme';
    notes.push(
      problem(
        'algorithm',
        `The algorithm is "${provided.algorithm}"; ${what} uses ${variant.algorithm}.`,
        undefined,
        { severity: 'warning' },
      ),
    );
  }
  if (input.accessKeyId && input.accessKeyId !== provided.credential.accessKeyId) {
    notes.push(
      problem(
        'access-key',
        `The request was signed for access key ${provided.credential.accessKeyId}, not ${input.accessKeyId}.`,
        provided.credentialSpan,
        { severity: 'warning' },
      ),
    );
  }
  const params: WireQueryPair[] = request.params;
  // The signature is never signed; a token added after signing (signSessionToken off) is not either.
  const query = params.filter(
    (p) =>
      !sameName(p.name, QUERY_AUTH.signature) &&
      (settings.signSessionToken || !sameName(p.name, QUERY_AUTH.token)),
  );
  const dateParam =
    provided.mode === 'query' ? params.find((p) => sameName(p.name, QUERY_AUTH.date)) : undefined;
  const time = resolveRequestTime(
    request,
    undefined,
    dateParam?.span ? { value: percentDecodeText(dateParam.value ?? ''), span: dateParam.span } : undefined,
  );
  if (!time.ok) return fail(time.problems);
  const amzDate = toAmzDate(time.value.time);
  if (amzDate.slice(0, 8) !== provided.credential.scope.date) {
    notes.push(
      problem(
        'scope-date',
        `The credential scope is dated ${provided.credential.scope.date} but the request time is ${amzDate}.`,
        provided.credentialSpan,
        { severity: 'warning' },
      ),
    );
  }

  const headers: HeaderField[] = [];
  for (const name of provided.signedHeaders) {
    const fields = request.headers.filter((h) => sameName(h.name, name));
    if (fields.length === 0 && name === 'host' && request.authority) {
      headers.push({ name, value: request.authority });
    } else if (fields.length === 0) {
      notes.push(
        problem(
          'signed-header-missing',
          `SignedHeaders names "${name}" but the request has no such header.`,
          provided.signedHeadersSpan,
          { severity: 'warning' },
        ),
      );
      headers.push({ name, value: '' });
    }
    for (const f of fields) headers.push({ name: f.name, value: f.value, span: f.span });
  }

  const sentHash =
    params.find((p) => sameName(p.name, QUERY_AUTH.contentSha256))?.value ??
    findHeader(request, 'x-amz-content-sha256')?.value;
  const sent = sentHash === undefined ? undefined : percentDecodeText(sentHash);
  const payloadHash = (await choosePayloadHash(settings, request, sent, provided.mode === 'query')).hash;

  const plan: SigningPlan = {
    method: request.method,
    methodSources: [request.methodSpan],
    wirePath: request.path,
    pathSources: [request.pathSpan],
    query,
    headers,
    payloadHash,
    payloadSources: payloadHash === UNSIGNED_PAYLOAD ? [] : [request.bodySpan],
    amzDate,
    scope: provided.credential.scope,
    secretAccessKey: input.secretAccessKey,
    settings,
  };
  return ok({ plan, provided, amzDate, notes }, notes);
}

/** Recomputes the signature a request carries and says whether it matches. */
export async function verifyV4(input: SigV4VerifyInput): Promise<Result<SigV4Verification>> {
  const planned = await planVerification(input);
  if (!planned.ok) return fail(planned.problems);
  const { plan, provided, amzDate, notes } = planned.value;
  const stages = computeStages(plan);
  const match = timingSafeEqual(stages.signature, provided.signature.toLowerCase());
  return ok({ match, provided, amzDate, stages, notes }, notes);
}
