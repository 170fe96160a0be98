/**
 * Signing one link of a streaming chain: a chunk's or the trailer's string to sign under the seed's key, HMAC
 * for SigV4 and ECDSA for SigV4A. The worker hashes a large file in slices and calls this link by link.
 */

import { hmacWithKey, sha256HexNative, toHex, type HmacKey } from '../crypto';
import { ecdsaSignDigest, ecdsaVerifyDigest, type NonceMode, type P256PublicKey } from '../v4a/p256';
import { v4aDigest } from '../v4a/sign';
import { chunkStringToSign, type ChainContext } from './chunk-string-to-sign';
import { padV4aSignature } from './payload-mode';

/** The key that signs every link: the seed's HMAC signing key, or the SigV4A private key. */
export type ChainKey =
  { algorithm: 'sigv4'; key: HmacKey } | { algorithm: 'sigv4a'; privateKey: Uint8Array; nonce: NonceMode };

/** Signs a string to sign of the chain: hex HMAC (SigV4) or DER hex ECDSA (SigV4A), unpadded. */
export function signLink(key: ChainKey, stringToSign: string): string {
  return key.algorithm === 'sigv4'
    ? toHex(hmacWithKey(key.key, stringToSign))
    : ecdsaSignDigest(v4aDigest(stringToSign), key.privateKey, key.nonce);
}

/** Whether a SigV4A link's signature is valid for its string to sign. */
export function verifyV4aLink(
  publicKey: P256PublicKey,
  stringToSign: string,
  signatureHex: string,
  der: Uint8Array | undefined,
): boolean {
  return !!der && signatureHex.length > 0 && ecdsaVerifyDigest(der, v4aDigest(stringToSign), publicKey);
}

/** One signed chunk: a row of the chain table. */
export interface ChunkLink {
  index: number;
  size: number;
  /** Offset of the chunk's data in the decoded payload. */
  offset: number;
  dataSha256: string;
  previous: string;
  stringToSign: string;
  /** The signature (unpadded). */
  signature: string;
  /** The signature as written on the wire (SigV4A padded with `*`). */
  wire: string;
}

/** Signs the next chunk of a chain, given the previous signature and the chunk data's SHA-256. */
export function signChunk(
  ctx: ChainContext,
  key: ChainKey,
  previous: string,
  chunk: { index: number; size: number; offset: number; dataSha256: string },
): ChunkLink {
  const stringToSign = chunkStringToSign(ctx, previous, chunk.dataSha256);
  const signature = signLink(key, stringToSign);
  const wire = ctx.algorithm === 'sigv4a' ? padV4aSignature(signature) : signature;
  return { ...chunk, previous, stringToSign, signature, wire };
}

/** How many chunk digests run at once: enough to keep the platform's hashing threads busy. */
const HASH_WINDOW = 16;

/**
 * The SHA-256 of each slice `[start, end)` of a payload, by the native digest, several at once. The page's
 * worker hashes a large file slice by slice itself and calls `signChunk` with each digest.
 */
export async function hashSlices(
  payload: Uint8Array,
  slices: readonly { start: number; end: number }[],
): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < slices.length; i += HASH_WINDOW) {
    const window = slices
      .slice(i, i + HASH_WINDOW)
      .map((s) => sha256HexNative(payload.subarray(s.start, s.end)));
    out.push(...(await Promise.all(window)));
  }
  return out;
}
