/**
 * Canonicalizing a request the way a client might have got it wrong. A `Variant` names the departures from the
 * scheme's rules (path encoded once too often, query unsorted, secret with a newline…), for every header or
 * parameter at once or for one alone; the empty variant reproduces the engine's canonical request exactly.
 */

import {
  ALGORITHM,
  renderScope,
  renderStringToSign,
  type CanonicalVariant,
  type CredentialScope,
} from '../sig/registry-sigv4';
import type { SigV4Settings } from '../sig/registry-settings';
import { sha256HexNow } from '../sig/crypto';
import type { CurlEra } from './clients/curl';
import { HEADER_FIELDS, unionHeaders, variantHeaders } from './variant-headers';
import { PATH_FIELDS, QUERY_FIELDS, prepare, variantPath, variantQuery, type Part } from './variant-parts';

/** How one query value was encoded instead of SigV4's way. */
export type ValueEncoding = 'reserved-raw' | 'space-as-plus' | 'lower-hex' | 'raw' | 'twice';

/** How a client's canonicalization departs from the scheme's. Every field left out means "as the scheme says". */
export interface Variant extends CanonicalVariant {
  /** One header (lower-case name) whose value was not trimmed, while the others were. */
  untrimmedHeader?: string;
  /** With `untrimmedHeader`: the space after the colon was part of the value too. */
  untrimmedWhole?: boolean;
  /** One header whose inner runs of spaces were not collapsed. */
  uncollapsedHeader?: string;
  /** One repeated header whose values were joined otherwise. */
  joinHeader?: { name: string; as: ', ' | 'first' | 'last' };
  /** One header whose name kept the case it was sent in. */
  headerCaseAsSent?: string;
  /** One signed header left out of CanonicalHeaders and SignedHeaders. */
  omitHeader?: string;
  /** A header (lower-case name) the client signed that the request does not sign. */
  addHeader?: { name: string; value: string };
  /** One header signed with another value than it was sent with (changed after signing). */
  headerSignedAs?: { name: string; value: string };
  /** One query parameter (its name as on the wire) left out of the canonical query. */
  omitParam?: string;
  /** One query parameter (its name as on the wire) whose value was encoded another way. */
  paramEncoding?: { name: string; as: ValueEncoding };
  /** The path and query as a release of `curl --aws-sigv4` canonicalizes them. */
  curl?: CurlEra;
}

/** A request reduced to what canonicalization reads, prepared once for many variants. */
export interface VariantContext {
  method: string;
  wirePath: string;
  /** Query pairs as on the wire (X-Amz-Signature already removed). */
  query: { name: string; value: string | null }[];
  /**
   * The signed header fields in the order sent (names as sent); `raw` is the value as written, with the
   * whitespace around it that the wire carries and SigV4 trims, when the request text is known (`rawWhole`: with
   * the space after the colon too, when that may have been the value's own).
   */
  headers: { name: string; value: string; raw?: string; rawWhole?: string }[];
  /** Headers the request carries but does not sign (names as sent), for "a header added" mistakes. */
  unsigned?: { name: string; value: string }[];
  /** The payload hash the scheme signs, the body's own hash, and whether the request is a presigned URL. */
  payloadHash: string;
  bodyHash: string;
  /** The body's length in bytes, when the request is known (not only its canonical text). */
  bodyLength?: number;
  /** The session token the request carries, when it does. */
  sessionToken?: string;
  amzDate: string;
  /** `YYYYMMDDTHHMMSSZ` of the Date header, when there is one. */
  dateHeaderAmz?: string;
  scope: CredentialScope;
  secret: string;
  defaultPort: string;
  settings: Pick<SigV4Settings, 'doubleEncodePath' | 'normalizePath'>;
}

function shiftDay(date: string, days: number): string {
  if (!/^\d{8}$/.test(date)) return date;
  const t = Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10).replace(/-/g, '');
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function payloadOf(ctx: VariantContext, v: Variant): string {
  if (v.payload === 'empty') return EMPTY_SHA256;
  if (v.payload === 'unsigned') return 'UNSIGNED-PAYLOAD';
  return v.payload === 'body' ? ctx.bodyHash : ctx.payloadHash;
}

function timeAndScope(ctx: VariantContext, v: Variant): { amzDate: string; scope: CredentialScope } {
  const amzDate = v.timeSource === 'date' && ctx.dateHeaderAmz ? ctx.dateHeaderAmz : ctx.amzDate;
  const scope: CredentialScope = {
    ...ctx.scope,
    date: v.scopeDayOffset ? shiftDay(ctx.scope.date, v.scopeDayOffset) : ctx.scope.date,
    region: v.region ?? ctx.scope.region,
    service: v.service ?? ctx.scope.service,
  };
  return { amzDate, scope };
}

/** Payload, time, scope and secret of a variant: what it signs besides its canonical request's lines. */
export interface Rest {
  /** Numbers payload, time, scope and secret together: equal numbers, equal values. */
  restId: number;
  payload: string;
  amzDate: string;
  scope: CredentialScope;
  /** `date/region/service/aws4_request`. */
  scopeText: string;
  secret: string;
}

/** Everything a variant signs, part by part: each part rendered once per context and numbered. */
export interface VariantParts {
  path: Part;
  query: Part;
  headers: Part;
  rest: Rest;
}

/** The variant fields restOf reads. */
const REST_FIELDS = new Set(['payload', 'timeSource', 'scopeDayOffset', 'region', 'service', 'secret']);

/** Payload, time, scope and secret of a variant, made once per context and per the fields that change them. */
function restOf(ctx: VariantContext, v: Variant): Rest {
  const known = prepare(ctx).rests;
  // Most variants change none of these: they share the request's own, made once.
  const none =
    v.payload === undefined &&
    v.timeSource === undefined &&
    v.scopeDayOffset === undefined &&
    v.region === undefined &&
    v.service === undefined &&
    v.secret === undefined;
  const key = none
    ? '|||||'
    : `${v.payload ?? ''}|${v.timeSource ?? ''}|${v.scopeDayOffset ?? ''}|${v.region ?? ''}|${v.service ?? ''}|${v.secret ?? ''}`;
  let rest = known.get(key);
  if (!rest) {
    const { amzDate, scope } = timeAndScope(ctx, v);
    const payload = payloadOf(ctx, v);
    const scopeText = renderScope(scope);
    const secret = variantSecret(ctx.secret, v);
    const same = [...known.values()].find(
      (r) =>
        r.payload === payload && r.amzDate === amzDate && r.scopeText === scopeText && r.secret === secret,
    );
    rest = same ?? { restId: known.size, payload, amzDate, scope, scopeText, secret };
    known.set(key, rest);
  }
  return rest;
}

/** The parts a client with this variant would sign: those it does not change are the request's own. */
export function variantParts(ctx: VariantContext, v: Variant): VariantParts {
  const prepared = prepare(ctx);
  const own = (prepared.own ??= {
    path: variantPath(ctx, {}),
    query: variantQuery(ctx, {}),
    headers: variantHeaders(ctx, {}),
    rest: restOf(ctx, {}),
  });
  const touched = touchedParts(v);
  return {
    path: touched & PATH ? variantPath(ctx, v) : own.path,
    query: touched & QUERY ? variantQuery(ctx, v) : own.query,
    headers: touched & HEADERS ? variantHeaders(ctx, v) : own.headers,
    rest: touched & REST ? restOf(ctx, v) : own.rest,
  };
}

const PATH = 1;
const QUERY = 2;
const HEADERS = 4;
const REST = 8;
/** The parts each field's renderers read, a bit each. */
const PARTS_OF_FIELD = new Map<string, number>();
for (const [fields, bit] of [
  [PATH_FIELDS, PATH],
  [QUERY_FIELDS, QUERY],
  [HEADER_FIELDS, HEADERS],
  [REST_FIELDS, REST],
] as const) {
  for (const field of fields) PARTS_OF_FIELD.set(field, (PARTS_OF_FIELD.get(field) ?? 0) | bit);
}

/**
 * Which parts a variant may change, a bit each (path, query, headers, rest): the parts whose renderers read one
 * of its fields. A field none of them names is counted as changing every part.
 */
export function touchedParts(v: Variant): number {
  let mask = 0;
  for (const field in v) {
    if (v[field as keyof Variant] === undefined) continue;
    mask |= PARTS_OF_FIELD.get(field) ?? PATH | QUERY | HEADERS | REST;
  }
  return mask;
}

/** A variant with its parts and the parts it changes (touchedParts). */
export interface PartedVariant {
  variant: Variant;
  parts: VariantParts;
  touched: number;
}

/** A variant with its parts, for unionParts. */
export function parted(ctx: VariantContext, variant: Variant): PartedVariant {
  return { variant, parts: variantParts(ctx, variant), touched: touchedParts(variant) };
}

/**
 * The parts of two variants with no field in common made together, exactly `variantParts(ctx, {...a, ...b})`:
 * a part only one of them changes is that one's, already rendered; only a part both change is rendered from
 * their union. Most pairs change different parts (a header and the path), so most unions render nothing.
 */
export function unionParts(ctx: VariantContext, a: PartedVariant, b: PartedVariant): VariantParts {
  const both = a.touched & b.touched;
  const x = a.parts;
  const y = b.parts;
  // Merged only for a part other than the headers that both change (unionHeaders takes the two as they are).
  const v = both & (PATH | QUERY | REST) ? { ...a.variant, ...b.variant } : {};
  return {
    path: both & PATH ? variantPath(ctx, v) : a.touched & PATH ? x.path : y.path,
    query: both & QUERY ? variantQuery(ctx, v) : a.touched & QUERY ? x.query : y.query,
    headers:
      both & HEADERS
        ? unionHeaders(ctx, a.variant, x.headers, b.variant, y.headers)
        : a.touched & HEADERS
          ? x.headers
          : y.headers,
    rest: both & REST ? restOf(ctx, v) : a.touched & REST ? x.rest : y.rest,
  };
}

/** The canonical request text of a variant's parts. */
export function canonicalText(ctx: VariantContext, p: VariantParts): string {
  return `${ctx.method}\n${p.path.text}\n${p.query.text}\n${p.headers.text}\n${p.rest.payload}`;
}

/** The canonical request text, time and scope a client with this variant would sign. */
export function variantCanonical(
  ctx: VariantContext,
  v: Variant,
): { text: string; amzDate: string; scope: CredentialScope } {
  const p = variantParts(ctx, v);
  return { text: canonicalText(ctx, p), amzDate: p.rest.amzDate, scope: p.rest.scope };
}

/** The key of a variant's parts: equal exactly when two variants sign the same thing here. */
export function partsKey(p: VariantParts): string {
  return `${p.path.id}|${p.query.id}|${p.headers.id}|${p.rest.restId}`;
}

/**
 * A short key that is equal for two variants exactly when they sign the same thing here (canonical request,
 * time, scope and secret): parts are compared by number, so no whole text is built or hashed to tell them apart.
 */
export function variantKey(ctx: VariantContext, v: Variant): string {
  return partsKey(variantParts(ctx, v));
}

/** The secret a client with this variant would have signed with. */
export function variantSecret(secret: string, v: Variant): string {
  switch (v.secret) {
    case 'trailing-newline':
      return secret + '\n';
    case 'trailing-space':
      return secret + ' ';
    case 'leading-space':
      return ' ' + secret;
    case 'trimmed':
      return secret.trim();
    case 'plus-as-space':
      return secret.replace(/\+/g, ' ');
    default:
      return secret;
  }
}

/** The string to sign of a variant's canonical request. */
export function variantStringToSign(canonical: {
  text: string;
  amzDate: string;
  scope: CredentialScope;
}): string {
  return renderStringToSign({
    algorithm: ALGORITHM,
    requestDateTime: canonical.amzDate,
    credentialScope: renderScope(canonical.scope),
    canonicalRequestHash: sha256HexNow(canonical.text),
  });
}
