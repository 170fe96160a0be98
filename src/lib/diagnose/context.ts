/**
 * Preparing what the search varies: from a signed request (the request as sent), or, when only texts were
 * pasted, from the server's canonical request standing in for the request.
 */

import { percentDecodeText } from '../sig/encoding';
import { bodyBytesOf, findHeader, sameName, type HttpRequest } from '../sig/request/model';
import {
  parseCanonicalRequest,
  type CanonicalRequest,
  canonicalHeaderValue,
  bodyHashOf,
  parseHttpDate,
  toAmzDate,
} from '../sig/registry-sigv4';
import type { SigV4Settings } from '../sig/registry-settings';
import type { CredentialScope, VerificationPlan } from '../sig/registry-sigv4';
import type { VariantContext } from './variant';

function defaultPort(request: HttpRequest): string {
  return request.scheme === 'http' ? '80' : '443';
}

/** Headers the request carries that its signature does not cover (the Authorization itself aside). */
function unsignedHeaders(request: HttpRequest, signed: readonly string[]): { name: string; value: string }[] {
  return request.headers
    .filter((h) => !sameName(h.name, 'authorization') && !signed.some((s) => sameName(s, h.name)))
    .map((h) => ({ name: h.name, value: h.value }));
}

/** A header field's value as written: after the colon to the end of the field, the whitespace around it kept. */
function rawValue(source: string, name: string, span: { start: number; end: number }): string | undefined {
  const text = source.slice(span.start, span.end);
  if (text.slice(0, name.length + 1).toLowerCase() !== `${name.toLowerCase()}:`) return undefined;
  return text.slice(name.length + 1).replace(/\r/g, '');
}

/**
 * The header with the value a client that does not trim had in hand: as written but for the one space after the
 * colon that HTTP writers put there (`Name: value`), and, when that space may have been its own, all of it.
 */
function withRaw(
  h: { name: string; value: string },
  whole: string | undefined,
): VariantContext['headers'][number] {
  const out: VariantContext['headers'][number] = { name: h.name, value: h.value };
  if (whole === undefined) return out;
  const raw = whole.replace(/^ /, '');
  if (raw !== h.value) out.raw = raw;
  if (whole !== raw && whole !== h.value) out.rawWhole = whole;
  return out;
}

function byteLength(request: HttpRequest): number {
  const body = bodyBytesOf(request);
  return typeof body === 'string' ? new TextEncoder().encode(body).length : body.length;
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
    headers: plan.headers.map((h) =>
      withRaw(h, h.span ? rawValue(request.source, h.name, h.span) : undefined),
    ),
    payloadHash: plan.payloadHash,
    bodyHash: await bodyHashOf(request),
    amzDate: plan.amzDate,
    scope: plan.scope,
    secret: plan.secretAccessKey,
    defaultPort: defaultPort(request),
    settings: plan.settings,
    unsigned: unsignedHeaders(request, planned.provided.signedHeaders),
    bodyLength: byteLength(request),
  };
  if (dateTime) ctx.dateHeaderAmz = toAmzDate(dateTime);
  const token =
    findHeader(request, 'x-amz-security-token')?.value ??
    request.params.find((p) => sameName(p.name, 'X-Amz-Security-Token'))?.value;
  if (token) ctx.sessionToken = percentDecodeText(token);
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

const same = (a: string, b: string) => canonicalHeaderValue(a) === canonicalHeaderValue(b);

/**
 * A header the server saw once with commas in its value (SigV4 joins a repeated header with ","), read back as the
 * fields the client had, when the logged value is what a client makes of those fields: joined with ", ", only the
 * first or the last, or each value untrimmed.
 */
function repeated(
  h: VariantContext['headers'][number],
  logged: string,
): VariantContext['headers'] | undefined {
  if (!h.value.includes(',')) return undefined;
  const parts = h.value.split(',');
  const fields = parts.map((value) => ({ name: h.name, value }));
  if ([parts.join(', '), parts[0], parts[parts.length - 1]].includes(logged)) return fields;
  const mine = logged.split(',');
  if (mine.length !== parts.length || !mine.every((m, i) => same(m, parts[i]!))) return undefined;
  return fields.map((f, i) => (mine[i] === f.value ? f : { ...f, raw: mine[i]! }));
}

/**
 * What the client's logged canonical request tells a context about the headers: the case of a name it did not
 * lower-case, a value as the client had it (untrimmed, uncollapsed) where it canonicalizes to the one the
 * context holds, and headers it signed that the context lacks (candidates for "a header added").
 */
export function learnFromLog(ctx: VariantContext, logged: string): VariantContext {
  const parsed = parseCanonicalRequest(logged);
  if (!parsed.ok) return ctx;
  const lines = logged.split('\n');
  const blank = lines.indexOf('', 3);
  const fields = lines.slice(3, blank < 0 ? 3 : blank).map((line) => {
    const colon = line.indexOf(':');
    return { name: line.slice(0, colon), value: line.slice(colon + 1) };
  });
  const headers = ctx.headers.flatMap((h) => {
    const field = fields.find((f) => sameName(f.name, h.name));
    if (!field) return [h];
    const out: VariantContext['headers'][number] = { ...h, name: field.name };
    if (field.value !== h.value && canonicalHeaderValue(field.value) === canonicalHeaderValue(h.value)) {
      out.raw = field.value;
    }
    return field.value === h.value || out.raw !== undefined ? [out] : (repeated(out, field.value) ?? [out]);
  });
  const extra = fields.filter((f) => f.name !== '' && !ctx.headers.some((h) => sameName(h.name, f.name)));
  return { ...ctx, headers, unsigned: [...(ctx.unsigned ?? []), ...extra] };
}
