/**
 * Percent-encoding as SigV4 defines it: RFC 3986 unreserved characters stay, every other byte of the UTF-8
 * form becomes `%XX` with upper-case hex.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 */

import { toBytes } from './crypto';

const UPPER_HEX = Array.from({ length: 256 }, (_, i) => '%' + i.toString(16).toUpperCase().padStart(2, '0'));

/** RFC 3986 unreserved: `A-Z a-z 0-9 - . _ ~`. */
export function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x2e ||
    byte === 0x5f ||
    byte === 0x7e
  );
}

const SAFE = /^[A-Za-z0-9\-._~]*$/;
const SAFE_WITH_SLASH = /^[A-Za-z0-9\-._~/]*$/;

/**
 * SigV4's `UriEncode`: every byte but the unreserved ones as `%XX`; `/` kept when `keepSlash` is set (paths).
 * Text is taken as UTF-8.
 */
export function uriEncode(data: string | Uint8Array, keepSlash = false): string {
  if (typeof data === 'string' && (keepSlash ? SAFE_WITH_SLASH : SAFE).test(data)) return data;
  const bytes = toBytes(data);
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += isUnreserved(b) || (keepSlash && b === 0x2f) ? String.fromCharCode(b) : UPPER_HEX[b];
  }
  return out;
}

/** The result of decoding percent-escapes: the bytes, and the offsets of any `%` not followed by two hex digits. */
export interface Decoded {
  bytes: Uint8Array;
  /** UTF-16 offsets (into the decoded text) of `%` signs that start no valid escape; they stay literal. */
  malformedAt: number[];
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Decodes `%XX` escapes to bytes, keeping every other character (as UTF-8) and any malformed `%` literally,
 * the way a lenient server does. `+` is kept as `+`: SigV4 gives it no meaning of its own.
 */
export function percentDecode(text: string): Decoded {
  const malformedAt: number[] = [];
  if (!text.includes('%')) return { bytes: toBytes(text), malformedAt };
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x25) {
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out.push(hi * 16 + lo);
        i += 3;
        continue;
      }
      malformedAt.push(i);
      out.push(0x25);
      i++;
      continue;
    }
    // Copy a run of ordinary characters through the UTF-8 encoder.
    let j = text.indexOf('%', i);
    if (j < 0) j = text.length;
    for (const b of toBytes(text.slice(i, j))) out.push(b);
    i = j;
  }
  return { bytes: Uint8Array.from(out), malformedAt };
}

/** Decodes percent-escapes to text (invalid UTF-8 becomes U+FFFD), for display and comparisons. */
export function percentDecodeText(text: string): string {
  return new TextDecoder().decode(percentDecode(text).bytes);
}
