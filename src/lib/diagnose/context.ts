/**
 * Preparing what the search varies: from a signed request (the request as sent), or, when only texts were
 * pasted, from the server's canonical request standing in for the request.
 */

import { percentDecodeText } from '../sig/encoding';
import { findHeader, type HttpRequest } from '../sig/request/model';
import type { CanonicalRequest } from '../sig/v4/canonical-request';
import { bodyHashOf } from '../sig/v4/payload-hash';
import type { SigV4Settings } from '../sig/v4/settings';
import type { CredentialScope } from '../sig/v4/signing-key';
import { parseHttpDate, toAmzDate } from '../sig/v4/time';
import type { VerificationPlan } from '../sig/v4/verify';
import type { VariantContext } from './variant';

function defaultPort(request: HttpRequest): string {
  return request.scheme === 'http' ? '80' : '443';
}

/** The search context of a signed request, from the plan that verifies it. */
export async function contextFromPlan(
  request: HttpRequest,
  planned: VerificationPlan,
): Promise<VariantContext> {
  const { plan } = planned;
  const date = findHeader(request, 'date');
  const dateTime = date ? parseHttpDate(date.value) : undefined;
  const ctx: VariantContext = {
    method: plan.method,
    wirePath: plan.wirePath,
    query: plan.query.map((q) => ({ name: q.name, value: q.value })),
    headers: plan.headers.map((h) => ({ name: h.name, value: h.value })),
    payloadHash: plan.payloadHash,
    bodyHash: await bodyHashOf(request),
    amzDate: plan.amzDate,
    scope: plan.scope,
    secret: plan.secretAccessKey,
    defaultPort: defaultPort(request),
    settings: plan.settings,
  };
  if (dateTime) ctx.dateHeaderAmz = toAmzDate(dateTime);
  return ctx;
}

/**
 * A context standing in for a request nobody pasted: the server's canonical request, read back into a wire form
 * that canonicalizes to it again (a double-encoded path decoded once; S3's path and the query as they are).
 */
export function contextFromCanonical(
  cr: CanonicalRequest,
  settings: Pick<SigV4Settings, 'doubleEncodePath' | 'normalizePath'>,
  amzDate: string,
  scope: CredentialScope,
): VariantContext {
  return {
    method: cr.method,
    wirePath: settings.doubleEncodePath ? percentDecodeText(cr.path) : cr.path,
    query: cr.query.map((q) => ({ name: q.name, value: q.value })),
    headers: cr.headers.map((h) => ({ name: h.name, value: h.value })),
    payloadHash: cr.payloadHash,
    bodyHash: cr.payloadHash,
    amzDate,
    scope,
    secret: '',
    defaultPort: '443',
    settings,
  };
}
