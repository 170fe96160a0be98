/**
 * Every cryptographic primitive sigscope uses, over WebCrypto (`crypto.subtle`), which Node 20, browsers and
 * Web Workers all provide. Everything above this module is async; nothing else imports `crypto`.
 */

const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();

/** Bytes to hash or sign: text is encoded as UTF-8. */
export type BytesLike = string | Uint8Array;

/** Encodes text as UTF-8 bytes; bytes pass through. */
export function toBytes(data: BytesLike): Uint8Array<ArrayBuffer> {
  return typeof data === 'string' ? encoder.encode(data) : (data as Uint8Array<ArrayBuffer>);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of bytes, as SigV4 prints hashes and signatures. */
export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (let i = 0; i < view.length; i++) out += HEX[view[i]!];
  return out;
}

/** Parses lower- or upper-case hex into bytes; `undefined` when the text is not hex of whole bytes. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** SHA-256 of the data. */
export async function sha256(data: BytesLike): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', toBytes(data)));
}

/** Lower-case hex SHA-256 of the data. */
export async function sha256Hex(data: BytesLike): Promise<string> {
  return toHex(await subtle.digest('SHA-256', toBytes(data)));
}

/** An HMAC key imported once, to sign many messages. */
export type HmacKey = CryptoKey;

/** Imports raw key bytes as an HMAC key over the given hash. */
export function importHmacKey(key: BytesLike, hash: 'SHA-256' | 'SHA-1' = 'SHA-256'): Promise<HmacKey> {
  return subtle.importKey('raw', toBytes(key), { name: 'HMAC', hash }, false, ['sign']);
}

/** HMAC of the data under an imported key. */
export async function hmacWithKey(key: HmacKey, data: BytesLike): Promise<Uint8Array> {
  return new Uint8Array(await subtle.sign('HMAC', key, toBytes(data)));
}

/** HMAC-SHA256 (or SHA-1) of the data under raw key bytes. */
export async function hmac(
  key: BytesLike,
  data: BytesLike,
  hash: 'SHA-256' | 'SHA-1' = 'SHA-256',
): Promise<Uint8Array> {
  return hmacWithKey(await importHmacKey(key, hash), data);
}

/**
 * Compares two strings in time that depends only on their lengths, so that verifying a signature does not
 * reveal how many leading characters matched.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
