/**
 * The canonical path and query a variant gives (headers: variant-headers.ts), each rendered once per context and per the variant
 * fields it reads: a search tries hundreds of variants that differ in one part, so the other parts are reused.
 */

import { isUnreserved, percentDecode } from '../sig/encoding';
import { normalizePathSegments } from '../sig/registry-sigv4';
import { curlPath, curlQuery } from './clients/curl';
import type { Rest, Variant, VariantContext, VariantParts } from './variant';
import type { HeadersBlock, HeadersTemplate } from './variant-headers';
import type { HashCache } from './variant-hash';

const RESERVED = new Set("!$&'()*+,;=:@".split('').map((c) => c.charCodeAt(0)));

/** How bytes are percent-encoded: the departures that apply to one string. */
interface Encoding {
  reservedRaw?: boolean | undefined;
  spaceAsPlus?: boolean | undefined;
  encodeTilde?: boolean | undefined;
  lowerHex?: boolean | undefined;
}

function encodeBytes(bytes: Uint8Array, keepSlash: boolean, v: Encoding): string {
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
const text = new TextDecoder();

/**
 * What is prepared once per context: decoded query pairs, header groups, the parts already rendered and the
 * hashing states (variant-hash.ts). Everything a search caches for a context lives here.
 */
export interface Prepared {
  ctx: VariantContext;
  query: { name: Uint8Array; value: Uint8Array; raw: { name: string; value: string | null }; key: string }[];
  /** Signed headers by lower-case name, sorted; each value as written (untrimmed) when known. */
  groups: { lower: string; sent: string; values: string[]; whole: string[] }[];
  parts: Map<string, Part>;
  /** Each distinct rendering's number, so that candidates are told apart without comparing whole texts. */
  ids: Map<string, number>;
  /** Each signed header's place in `groups`, by lower-case name. */
  index: Map<string, number>;
  /** Headers blocks per what a variant changes on every header at once, as bits (variant-headers.ts). */
  templates: Map<number, HeadersTemplate>;
  /** Header lines by the header's place and the bits it is rendered with (variant-headers.ts). */
  lines: Map<number, Part>;
  /** Per header, the rendering bits that can change its line (variant-headers.ts), made on first use. */
  lineMasks: number[] | undefined;
  /** Headers blocks by a hash of their lines' numbers, and how many there are (variant-headers.ts). */
  blocks: Map<number, HeadersBlock[]>;
  blockCount: number;
  /** Payload, time, scope and secret by the variant fields that make them (variant.ts). */
  rests: Map<string, Rest>;
  /** The hashing states and hashes of the canonical requests met (variant-hash.ts), made on first use. */
  hashes: HashCache | undefined;
  /** The parts of the request's own canonical request (the empty variant), made on first use. */
  own: VariantParts | undefined;
}

/** A rendered part of the canonical request, numbered: equal numbers, equal texts. */
export interface Part {
  id: number;
  text: string;
  /**
   * For the headers block: its lines (each rendered once per context and numbered as parts are) and what follows
   * them (the blank line and SignedHeaders), so that a hash can resume after the lines it shares with another.
   */
  lines?: readonly Part[];
  tail?: string;
}

/**
 * The contexts prepared last, the newest at the end: a search asks thousands of times for one context, and a
 * diagnosis searches its two or three one after another (one pushed out is prepared again). A short list, not a WeakMap: a minor collection keeps a WeakMap's values alive
 * while their keys wait for a full one, so searches on fresh contexts would copy every earlier search's parts
 * on each minor collection (the bench's fresh contexts spent most of their time there).
 */
const recent: Prepared[] = [];
const RECENT = 2;

/** What is prepared once for a context (decoded query, header groups), made on first use. */
export function prepare(ctx: VariantContext): Prepared {
  const newest = recent[recent.length - 1];
  if (newest?.ctx === ctx) return newest;
  const at = recent.findIndex((p) => p.ctx === ctx);
  if (at >= 0) {
    const [p] = recent.splice(at, 1);
    recent.push(p!);
    return p!;
  }
  const query = ctx.query.map((raw) => {
    const name = percentDecode(raw.name).bytes;
    return { name, value: percentDecode(raw.value ?? '').bytes, raw, key: text.decode(name) };
  });
  const byName = new Map<string, Prepared['groups'][number]>();
  for (const h of ctx.headers) {
    const lower = h.name.toLowerCase();
    const group = byName.get(lower) ?? { lower, sent: h.name, values: [], whole: [] };
    group.values.push(h.raw ?? h.value);
    group.whole.push(h.rawWhole ?? h.raw ?? h.value);
    byName.set(lower, group);
  }
  const groups = [...byName.values()].sort((a, b) => cmp(a.lower, b.lower));
  const p: Prepared = {
    ctx,
    query,
    groups,
    parts: new Map(),
    ids: new Map(),
    index: new Map(groups.map((g, i) => [g.lower, i])),
    templates: new Map(),
    lines: new Map(),
    lineMasks: undefined,
    blocks: new Map(),
    blockCount: 0,
    rests: new Map(),
    hashes: undefined,
    own: undefined,
  };
  if (recent.push(p) > RECENT) recent.shift();
  return p;
}

/** Byte order of two strings, as SigV4 sorts. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The part rendered for `key` in this context, rendered the first time it is asked for. */
export function memo(ctx: VariantContext, key: string, render: () => string): Part {
  const { parts } = prepare(ctx);
  let out = parts.get(key);
  if (out === undefined) parts.set(key, (out = numbered(ctx, render())));
  return out;
}

/** A rendered text as a part, numbered: the number of the same text met before in this context, else a new one. */
export function numbered(ctx: VariantContext, text: string): Part {
  const { ids } = prepare(ctx);
  let id = ids.get(text);
  if (id === undefined) ids.set(text, (id = ids.size));
  return { id, text };
}

/**
 * The memo key of a variant for one part: only the fields that part reads and the variant sets (most variants
 * set one or two), so that keys stay short and are built without visiting every field.
 */
export function fieldKey(prefix: string, v: Variant, fields: ReadonlySet<string>): string {
  let key = prefix;
  for (const k in v) {
    if (!fields.has(k)) continue;
    const x = v[k as keyof Variant];
    if (x === undefined) continue;
    key += `|${k}=${typeof x === 'object' ? Object.values(x).join(':') : x}`;
  }
  return key;
}

/** The variant fields variantPath reads. */
export const PATH_FIELDS: ReadonlySet<string> = new Set([
  'curl',
  'pathEncoding',
  'normalizePath',
  'encodeTilde',
  'spaceAsPlus',
  'reservedRaw',
  'lowerHex',
]);
/** The variant fields variantQuery reads. */
export const QUERY_FIELDS: ReadonlySet<string> = new Set([
  'curl',
  'reservedRaw',
  'spaceAsPlus',
  'encodeTilde',
  'lowerHex',
  'bareKeyWithoutEquals',
  'excludeToken',
  'querySort',
  'omitParam',
  'paramEncoding',
]);

/** The canonical URI a variant gives. */
export function variantPath(ctx: VariantContext, v: Variant): Part {
  return memo(ctx, fieldKey('p', v, PATH_FIELDS), () => {
    if (v.curl) return curlPath(ctx.wirePath, v.curl, !ctx.settings.doubleEncodePath);
    let path = ctx.wirePath === '' ? '/' : ctx.wirePath;
    if (v.normalizePath ?? ctx.settings.normalizePath) path = normalizePathSegments(path) || '/';
    const encoding = v.pathEncoding ?? (ctx.settings.doubleEncodePath ? 'double' : 'single');
    if (encoding === 'raw') return path;
    return encodeBytes(encoding === 'double' ? utf8.encode(path) : percentDecode(path).bytes, true, v);
  });
}

function valueFor(
  p: Prepared['query'][number],
  v: Variant,
  how: NonNullable<Variant['paramEncoding']>['as'] | undefined,
): string {
  switch (how) {
    case 'raw':
      return text.decode(p.value);
    case 'twice':
      return encodeBytes(utf8.encode(encodeBytes(p.value, false, v)), false, v);
    case 'reserved-raw':
      return encodeBytes(p.value, false, { ...v, reservedRaw: true });
    case 'space-as-plus':
      return encodeBytes(p.value, false, { ...v, spaceAsPlus: true });
    case 'lower-hex':
      return encodeBytes(p.value, false, { ...v, lowerHex: true });
    default:
      return encodeBytes(p.value, false, v);
  }
}

/** The canonical query string a variant gives. */
export function variantQuery(ctx: VariantContext, v: Variant): Part {
  const pe = v.paramEncoding;
  return memo(ctx, fieldKey('q', v, QUERY_FIELDS), () => {
    if (v.curl) return curlQuery(ctx.query, v.curl);
    const pairs = prepare(ctx)
      .query.filter(
        (p) =>
          !(v.excludeToken && p.raw.name.toLowerCase() === 'x-amz-security-token') &&
          p.raw.name !== v.omitParam,
      )
      .map((p) => ({
        name: encodeBytes(p.name, false, v),
        value: valueFor(p, v, pe && pe.name === p.raw.name ? pe.as : undefined),
        raw: p.raw,
        key: p.key,
      }));
    if (v.querySort === 'case-insensitive')
      pairs.sort((a, b) => cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.value, b.value));
    else if (v.querySort === 'decoded') pairs.sort((a, b) => cmp(a.key, b.key) || cmp(a.value, b.value));
    else if (v.querySort !== 'as-sent') pairs.sort((a, b) => cmp(a.name, b.name) || cmp(a.value, b.value));
    return pairs
      .map((p) => (v.bareKeyWithoutEquals && p.raw.value === null ? p.name : `${p.name}=${p.value}`))
      .join('&');
  });
}
