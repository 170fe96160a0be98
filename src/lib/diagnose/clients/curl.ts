/**
 * The client profile of `curl --aws-sigv4`: how curl itself builds the canonical path and query (lib/http_aws_sigv4.c),
 * which changed across releases. Headers are left to the request's SignedHeaders: curl lower-cases, trims and
 * collapses them as SigV4 says (`trim_headers()`), so only the path and query can differ.
 * https://curl.se/docs/manpage.html#--aws-sigv4
 */

import { isUnreserved, percentDecode } from '../../sig/encoding';

/**
 * A range of curl releases that canonicalize alike.
 * - `as-is`: 7.75.0 (the first with --aws-sigv4) to 8.2.x: path and query copied from the URL as written
 *   (`data->state.up.path`, `data->state.up.query` straight into the canonical request): not sorted (curl#9717), not
 *   re-encoded (curl#11794), a bare key without "=" (curl#8107).
 * - `8.3`: 8.3.0 (curl PR #11806) to 8.13: the query's raw `name=value` pieces are sorted by `strncmp` over the
 *   shorter length, then each byte but `A-Z a-z 0-9 - . _ ~ =` is percent-encoded, an existing `%XX` kept with its
 *   hex upper-cased, and "=" appended to a piece without one; the path is still copied as written.
 * - `8.14`: 8.14.0 (curl PR #17129) on: each query name and value is URL-decoded and encoded again, with `+`
 *   written as `%20` (a `%2B` too, curl#20543), sorted by name then value; the path is encoded once more
 *   (`uri_encode_path()`: every byte but unreserved and "/"), except for s3, s3-express and s3-outposts.
 */
export type CurlEra = 'as-is' | '8.3' | '8.14';

/** The eras in the order tried: the releases people still run most, first. */
export const CURL_ERAS: readonly CurlEra[] = ['8.3', 'as-is', '8.14'];

/** What each era covers, for messages. */
export const CURL_ERA_LABEL: Record<CurlEra, string> = {
  'as-is': 'curl 7.75 to 8.2',
  '8.3': 'curl 8.3 to 8.13',
  '8.14': 'curl 8.14 and later',
};

const HEX = '0123456789ABCDEF';
const utf8 = new TextEncoder();

function hexByte(b: number): string {
  return '%' + HEX[b >> 4]! + HEX[b & 15]!;
}

function isHexDigit(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c);
}

/** curl's path: as written, or (8.14, not S3) every byte but unreserved and "/" encoded (`uri_encode_path()`). */
export function curlPath(wirePath: string, era: CurlEra, s3: boolean): string {
  const path = wirePath === '' ? '/' : wirePath;
  if (era !== '8.14' || s3) return path;
  let out = '';
  for (const b of utf8.encode(path))
    out += isUnreserved(b) || b === 0x2f ? String.fromCharCode(b) : hexByte(b);
  return out;
}

/** 8.3's byte loop in `canon_query()`: `=` kept, `%XX` kept upper-cased, a stray `%` as `%25`. */
function encode83(piece: string): string {
  let out = '';
  let equals = false;
  const bytes = utf8.encode(piece);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const c = String.fromCharCode(b);
    if (isUnreserved(b)) out += c;
    else if (c === '=') {
      out += c;
      equals = true;
    } else if (c === '%') {
      const hi = String.fromCharCode(bytes[i + 1] ?? 0);
      const lo = String.fromCharCode(bytes[i + 2] ?? 0);
      if (isHexDigit(hi) && isHexDigit(lo)) {
        out += '%' + hi.toUpperCase() + lo.toUpperCase();
        i += 2;
      } else out += '%25';
    } else out += hexByte(b);
  }
  return equals ? out : out + '=';
}

/** 8.14's `http_aws_decode_encode()`: decode, then encode every byte but unreserved, `+` as `%20`. */
function decodeEncode(text: string): string {
  let out = '';
  for (const b of percentDecode(text).bytes) {
    out += isUnreserved(b) ? String.fromCharCode(b) : b === 0x2b ? '%20' : hexByte(b);
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 8.3's `compare_func()`: an empty piece first, else `strncmp` over the shorter of the two. */
function strncmpShorter(a: string, b: string): number {
  if (a.length === 0) return -1;
  if (b.length === 0) return 1;
  const n = Math.min(a.length, b.length);
  return cmp(a.slice(0, n), b.slice(0, n));
}

/** curl's canonical query for the wire pairs (`null` value: a bare key). */
export function curlQuery(pairs: readonly { name: string; value: string | null }[], era: CurlEra): string {
  const raw = pairs.map((p) => (p.value === null ? p.name : `${p.name}=${p.value}`));
  if (era === 'as-is') return raw.join('&');
  if (era === '8.3') {
    return raw
      .filter((piece) => piece !== '')
      .sort(strncmpShorter)
      .map(encode83)
      .join('&');
  }
  const encoded = pairs.map((p) => ({ key: decodeEncode(p.name), value: decodeEncode(p.value ?? '') }));
  encoded.sort((a, b) => cmp(a.key, b.key) || cmp(a.value, b.value));
  return encoded.map((p) => `${p.key}=${p.value}`).join('&');
}

/** The release range a `curl/x.y.z` User-Agent names, or `undefined` when it names none. */
export function curlEraOf(userAgent: string): CurlEra | undefined {
  const m = /\bcurl\/(\d+)\.(\d+)/i.exec(userAgent);
  if (!m) return undefined;
  const version = Number(m[1]) * 100 + Number(m[2]);
  return version < 803 ? 'as-is' : version < 814 ? '8.3' : '8.14';
}
