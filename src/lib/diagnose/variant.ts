/**
 * Canonicalizing a request the way a client might have got it wrong. A `Variant` names the departures from the
 * scheme's rules (path encoded once too often, query unsorted, secret with a newline…); the empty variant
 * reproduces the engine's canonical request exactly.
 */

import { isUnreserved, percentDecode } from '../sig/encoding';
import { normalizePathSegments } from '../sig/v4/canonical-path';
import { canonicalHeaderValue } from '../sig/v4/canonical-headers';
import type { SigV4Settings } from '../sig/v4/settings';
import { renderScope, type CredentialScope } from '../sig/v4/signing-key';
import { ALGORITHM, renderStringToSign } from '../sig/v4/string-to-sign';
import { sha256HexNow } from '../sig/crypto';

/** How a client's canonicalization departs from the scheme's. Every field left out means "as the scheme says". */
export interface Variant {
  pathEncoding?: 'single' | 'double' | 'raw';
  normalizePath?: boolean;
  /** Leave RFC 3986 reserved characters (`!$&'()*+,;=:@`) unencoded, as `encodeURI` does. */
  reservedRaw?: boolean;
  spaceAsPlus?: boolean;
  encodeTilde?: boolean;
  lowerHex?: boolean;
  querySort?: 'as-sent' | 'case-insensitive' | 'decoded';
  bareKeyWithoutEquals?: boolean;
  untrimmedHeaderValues?: boolean;
  uncollapsedHeaderSpaces?: boolean;
  headerNamesAsSent?: boolean;
  repeatedHeaderJoin?: ', ' | 'first' | 'last';
  hostPort?: 'add-default' | 'strip';
  payload?: 'empty' | 'unsigned' | 'body';
  excludeToken?: boolean;
  timeSource?: 'date';
  scopeDayOffset?: number;
  region?: string;
  service?: string;
  secret?: 'trailing-newline' | 'trailing-space' | 'leading-space' | 'trimmed' | 'plus-as-space';
}

/** A request reduced to what canonicalization reads, prepared once for many variants. */
export interface VariantContext {
  method: string;
  wirePath: string;
  /** Query pairs as on the wire (X-Amz-Signature already removed). */
  query: { name: string; value: string | null }[];
  /** The signed header fields in the order sent (names as sent). */
  headers: { name: string; value: string }[];
  /** The payload hash the scheme signs, the body's own hash, and whether the request is a presigned URL. */
  payloadHash: string;
  bodyHash: string;
  amzDate: string;
  /** `YYYYMMDDTHHMMSSZ` of the Date header, when there is one. */
  dateHeaderAmz?: string;
  scope: CredentialScope;
  secret: string;
  defaultPort: string;
  settings: Pick<SigV4Settings, 'doubleEncodePath' | 'normalizePath'>;
}

const RESERVED = new Set("!$&'()*+,;=:@".split('').map((c) => c.charCodeAt(0)));

function encodeBytes(bytes: Uint8Array, keepSlash: boolean, v: Variant): string {
  let out = '';
  for (const b of bytes) {
    if (isUnreserved(b) && !(b === 0x7e && v.encodeTilde)) out += String.fromCharCode(b);
    else if (keepSlash && b === 0x2f) out += '/';
    else if (b === 0x20 && v.spaceAsPlus) out += '+';
    else if (v.reservedRaw && RESERVED.has(b)) out += String.fromCharCode(b);
    else {
      const hex = b.toString(16).padStart(2, '0');
      out += '%' + (v.lowerHex ? hex : hex.toUpperCase());
    }
  }
  return out;
}

const utf8 = new TextEncoder();

function variantPath(ctx: VariantContext, v: Variant): string {
  let path = ctx.wirePath === '' ? '/' : ctx.wirePath;
  if (v.normalizePath ?? ctx.settings.normalizePath) path = normalizePathSegments(path) || '/';
  const encoding = v.pathEncoding ?? (ctx.settings.doubleEncodePath ? 'double' : 'single');
  if (encoding === 'raw') return path;
  return encodeBytes(encoding === 'double' ? utf8.encode(path) : percentDecode(path).bytes, true, v);
}

function variantQuery(ctx: VariantContext, v: Variant): string {
  const pairs = ctx.query
    .filter((p) => !(v.excludeToken && p.name.toLowerCase() === 'x-amz-security-token'))
    .map((p) => {
      const name = percentDecode(p.name).bytes;
      const value = percentDecode(p.value ?? '').bytes;
      return {
        name: encodeBytes(name, false, v),
        value: encodeBytes(value, false, v),
        raw: p,
        key: new TextDecoder().decode(name),
      };
    });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (v.querySort === 'case-insensitive')
    pairs.sort((a, b) => cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.value, b.value));
  else if (v.querySort === 'decoded') pairs.sort((a, b) => cmp(a.key, b.key) || cmp(a.value, b.value));
  else if (v.querySort !== 'as-sent') pairs.sort((a, b) => cmp(a.name, b.name) || cmp(a.value, b.value));
  return pairs
    .map((p) => (v.bareKeyWithoutEquals && p.raw.value === null ? p.name : `${p.name}=${p.value}`))
    .join('&');
}

function variantHeaderValue(value: string, v: Variant): string {
  let out = value.replace(/[\r\n]/g, ' ');
  if (!v.uncollapsedHeaderSpaces) out = out.replace(/[ \t]+/g, ' ');
  return v.untrimmedHeaderValues ? out : canonicalHeaderValue(out);
}

function variantHeaders(ctx: VariantContext, v: Variant): { block: string; signed: string } {
  const groups = new Map<string, { name: string; values: string[] }>();
  for (const h of ctx.headers) {
    const lower = h.name.toLowerCase();
    let value = h.value;
    if (lower === 'host' && v.hostPort === 'strip') value = value.replace(/:\d+$/, '');
    if (lower === 'host' && v.hostPort === 'add-default' && !/:\d+$/.test(value))
      value += `:${ctx.defaultPort}`;
    const group = groups.get(lower) ?? { name: v.headerNamesAsSent ? h.name : lower, values: [] };
    group.values.push(variantHeaderValue(value, v));
    groups.set(lower, group);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  const join = (values: string[]) =>
    v.repeatedHeaderJoin === 'first'
      ? values[0]!
      : v.repeatedHeaderJoin === 'last'
        ? values[values.length - 1]!
        : values.join(v.repeatedHeaderJoin ?? ',');
  return {
    block: sorted.map((g) => `${g.name}:${join(g.values)}\n`).join(''),
    signed: sorted.map((g) => g.name).join(';'),
  };
}

function shiftDay(date: string, days: number): string {
  if (!/^\d{8}$/.test(date)) return date;
  const t = Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10).replace(/-/g, '');
}

/** The canonical request text, time and scope a client with this variant would sign. */
export function variantCanonical(
  ctx: VariantContext,
  v: Variant,
): { text: string; amzDate: string; scope: CredentialScope } {
  const headers = variantHeaders(ctx, v);
  const payload =
    v.payload === 'empty'
      ? 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
      : v.payload === 'unsigned'
        ? 'UNSIGNED-PAYLOAD'
        : v.payload === 'body'
          ? ctx.bodyHash
          : ctx.payloadHash;
  const text = [
    ctx.method,
    variantPath(ctx, v),
    variantQuery(ctx, v),
    headers.block,
    headers.signed,
    payload,
  ].join('\n');
  const amzDate = v.timeSource === 'date' && ctx.dateHeaderAmz ? ctx.dateHeaderAmz : ctx.amzDate;
  const scope: CredentialScope = {
    ...ctx.scope,
    date: v.scopeDayOffset ? shiftDay(ctx.scope.date, v.scopeDayOffset) : ctx.scope.date,
    region: v.region ?? ctx.scope.region,
    service: v.service ?? ctx.scope.service,
  };
  return { text, amzDate, scope };
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
