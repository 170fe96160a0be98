/**
 * Every cryptographic primitive sigscope uses, in one place: WebCrypto (`crypto.subtle`, in Node 20, browsers and
 * Web Workers alike) for bodies of any size, and @noble/hashes (audited, dependency-free) for the many small
 * inputs of every signature (keys, canonical requests, strings to sign), which it hashes at once. Nothing else
 * imports a hash. A host with a faster native hash (Node, for the CLI) hands it in with `setCryptoBackend`; the engine
 * never imports it, so the browser and the worker keep @noble/hashes.
 */

import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

const encoder = new TextEncoder();

/** A running SHA-256: fed piece by piece, copied to resume from a shared prefix, finished as hex. */
export interface Sha256State {
  update(data: string): Sha256State;
  /** An independent copy of the state so far. */
  clone(): Sha256State;
  /** Lower-case hex of the digest; the state is finished. */
  digestHex(): string;
}

/**
 * The synchronous primitives a host may supply natively. Every function takes text as UTF-8 or bytes and must
 * give exactly the bytes @noble/hashes gives; nothing else changes.
 */
export interface CryptoBackend {
  name: string;
  sha256(data: BytesLike): Uint8Array;
  sha256Hex(data: BytesLike): string;
  createSha256(): Sha256State;
  hmac(key: Uint8Array, data: BytesLike, hash: 'SHA-256' | 'SHA-1'): Uint8Array;
  hmacHex(key: Uint8Array, data: BytesLike): string;
}

class NobleState implements Sha256State {
  constructor(private readonly h = nobleSha256.create()) {}
  update(data: string): Sha256State {
    this.h.update(encoder.encode(data));
    return this;
  }
  clone(): Sha256State {
    return new NobleState(this.h.clone());
  }
  digestHex(): string {
    return toHex(this.h.digest());
  }
}

const nobleBackend: CryptoBackend = {
  name: '@noble/hashes',
  sha256: (data) => nobleSha256(toBytes(data)),
  sha256Hex: (data) => toHex(nobleSha256(toBytes(data))),
  createSha256: () => new NobleState(),
  hmac: (key, data, hash) => nobleHmac(hash === 'SHA-256' ? nobleSha256 : sha1, key, toBytes(data)),
  hmacHex: (key, data) => toHex(nobleHmac(nobleSha256, key, toBytes(data))),
};

let backend: CryptoBackend = nobleBackend;

/**
 * Installs a host's native primitives (the CLI gives node:crypto's); `undefined` restores @noble/hashes. Only
 * small synchronous inputs go through it: bodies still go to WebCrypto.
 */
export function setCryptoBackend(next: CryptoBackend | undefined): void {
  backend = next ?? nobleBackend;
}

/** The name of the backend in use, for benches and `--version`-style reports. */
export function cryptoBackendName(): string {
  return backend.name;
}

/** A fresh running SHA-256, to hash a shared prefix once and resume from copies of it. */
export function createSha256(): Sha256State {
  return backend.createSha256();
}

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

/**
 * Inputs up to this size are hashed synchronously with @noble/hashes: a WebCrypto call costs a round trip to
 * another thread (tens of microseconds in Node), far more than hashing a canonical request. Larger inputs (bodies)
 * go to `crypto.subtle`, whose native digest is faster per byte.
 */
const SYNC_LIMIT = 64 * 1024;

/** SHA-256 of the data. */
export async function sha256(data: BytesLike): Promise<Uint8Array> {
  // A native backend takes text as it is (no encoding pass); at most 3 bytes a UTF-16 unit, so it is small.
  if (backend !== nobleBackend && typeof data === 'string' && data.length * 3 <= SYNC_LIMIT) {
    return backend.sha256(data);
  }
  const bytes = toBytes(data);
  if (bytes.length <= SYNC_LIMIT) return backend.sha256(bytes);
  // Reached only here: touching globalThis.crypto loads Node's WebCrypto, which a CLI start need not pay for.
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

/** Lower-case hex SHA-256 of the data. */
export async function sha256Hex(data: BytesLike): Promise<string> {
  if (backend !== nobleBackend && typeof data === 'string' && data.length * 3 <= SYNC_LIMIT) {
    return backend.sha256Hex(data);
  }
  return toHex(await sha256(data));
}

/**
 * Lower-case hex SHA-256 by the platform's native digest whatever the size: for many large inputs hashed
 * together (the chunks of a streaming upload), where digests started at once run on several threads.
 */
export async function sha256HexNative(data: BytesLike): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', toBytes(data))));
}

/**
 * Lower-case hex SHA-256, computed at once: for the texts SigV4 hashes on every signature (canonical request,
 * string to sign), which are small, where waiting for a Promise would cost more than the hash.
 */
export function sha256HexNow(data: BytesLike): string {
  return backend === nobleBackend ? toHex(nobleSha256(toBytes(data))) : backend.sha256Hex(data);
}

/** An HMAC key prepared once (its inner and outer pads hashed), to sign many messages. */
export interface HmacKey {
  /** noble's HMAC with the key's pads hashed, made on the first HMAC with noble (a native backend never needs it). */
  prepared?: ReturnType<typeof nobleHmac.create>;
  /** The raw key, for a native backend (which prepares its pads itself, faster than cloning noble's). */
  readonly raw: Uint8Array;
  readonly hash: 'SHA-256' | 'SHA-1';
}

/** Prepares raw key bytes as an HMAC key over the given hash. */
export function prepareHmacKey(key: BytesLike, hash: 'SHA-256' | 'SHA-1' = 'SHA-256'): HmacKey {
  return { raw: toBytes(key), hash };
}

/** HMAC of the data under a prepared key. */
export function hmacWithKey(key: HmacKey, data: BytesLike): Uint8Array {
  if (backend !== nobleBackend) return backend.hmac(key.raw, data, key.hash);
  key.prepared ??= nobleHmac.create(key.hash === 'SHA-256' ? nobleSha256 : sha1, key.raw);
  return key.prepared.clone().update(toBytes(data)).digest();
}

/** Lower-case hex HMAC-SHA256 of the data under a prepared key: a SigV4 signature. */
export function hmacHexWithKey(key: HmacKey, data: BytesLike): string {
  if (backend !== nobleBackend && key.hash === 'SHA-256') return backend.hmacHex(key.raw, data);
  return toHex(hmacWithKey(key, data));
}

/** HMAC-SHA256 (or SHA-1) of the data under raw key bytes. */
export function hmac(key: BytesLike, data: BytesLike, hash: 'SHA-256' | 'SHA-1' = 'SHA-256'): Uint8Array {
  if (backend !== nobleBackend) return backend.hmac(toBytes(key), data, hash);
  return nobleHmac(hash === 'SHA-256' ? nobleSha256 : sha1, toBytes(key), toBytes(data));
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

/** Standard Base64 (with `=` padding) of bytes, as SigV2, S3 SigV2 and SigV1 print signatures. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

/** Decodes standard Base64 (whitespace ignored); `undefined` when the text is not Base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  } catch {
    // atob is the one throwing call here: text the pattern lets through but atob rejects ("A===") is not Base64.
    return undefined;
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Base64 HMAC of a text, as SigV2 (SHA-256 or SHA-1), S3 SigV2 and SigV1 (SHA-1) sign their strings. */
export function hmacBase64(key: BytesLike, data: BytesLike, hash: 'SHA-256' | 'SHA-1'): string {
  return toBase64(hmac(key, data, hash));
}
