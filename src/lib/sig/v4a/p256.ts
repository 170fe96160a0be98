/**
 * Every use of the P-256 curve in one place, over @noble/curves (audited, constant-time, the same code in the
 * browser, a Web Worker and Node; WebCrypto cannot import a private key from a bare scalar). ECDSA here always
 * works on a SHA-256 digest computed by the caller (`prehash: false`), as SigV4A signs SHA-256(string to sign).
 * Throwing calls of the library are wrapped here once: bad bytes come back as `undefined`.
 */

import { ecdsa, weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromHex, toHex } from '../crypto';

/**
 * P-256's domain parameters (SEC 2 v2 §2.4.2; FIPS 186-5 §D.1.2.3), the numbers @noble/curves' nist.js builds
 * its p256 from (tests/sig/v4a/p256.test.ts holds the two equal).
 */
export const P256_PARAMETERS: Readonly<Record<'p' | 'n' | 'h' | 'a' | 'b' | 'Gx' | 'Gy', bigint>> = {
  p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
  n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  h: 1n,
  a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
  b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  Gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  Gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
};

/** The order n of the P-256 group. */
export const P256_ORDER: bigint = P256_PARAMETERS.n;

let made: ReturnType<typeof ecdsa> | undefined;

/**
 * The curve with ECDSA over it, made on first use: importing nist.js makes it at once, several milliseconds of
 * every CLI start, though only SigV4A and its chunk chains ever use it.
 */
function p256(): ReturnType<typeof ecdsa> {
  return (made ??= ecdsa(weierstrass(P256_PARAMETERS), sha256));
}

/** A point on P-256 as affine coordinates, lower-case hex, 32 bytes each. */
export interface P256PublicKey {
  x: string;
  y: string;
}

/** An ECDSA signature's two integers, lower-case hex without leading zeros trimmed to 32 bytes. */
export interface EcdsaParts {
  r: string;
  s: string;
  /** Whether s is above n/2: valid for AWS, but rejected by verifiers that demand low-S (Bitcoin-style). */
  highS: boolean;
}

/** Big-endian bytes to an integer. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt('0x' + toHex(bytes));
}

/** An integer to 32 big-endian bytes. */
export function bigIntTo32(value: bigint): Uint8Array {
  return fromHex(value.toString(16).padStart(64, '0'))!;
}

/** The public key d·G of a private scalar. */
export function publicKeyOf(privateKey: Uint8Array): P256PublicKey {
  const point = p256().Point.BASE.multiply(bytesToBigInt(privateKey)).toAffine();
  return { x: point.x.toString(16).padStart(64, '0'), y: point.y.toString(16).padStart(64, '0') };
}

/** The public key's SEC1 uncompressed encoding, `04 || X || Y`, as hex. */
export function uncompressedHex(key: P256PublicKey): string {
  return '04' + key.x + key.y;
}

/** Reads SEC1 bytes (compressed `02`/`03` or uncompressed `04`) into a point; `undefined` when not on the curve. */
export function pointFromSec1(bytes: Uint8Array): P256PublicKey | undefined {
  try {
    const point = p256().Point.fromBytes(bytes).toAffine();
    return { x: point.x.toString(16).padStart(64, '0'), y: point.y.toString(16).padStart(64, '0') };
  } catch {
    // fromBytes throws on a wrong length, a wrong prefix or a point off the curve: all mean "not a P-256 key".
    return undefined;
  }
}

/** How a signature's nonce is chosen. */
export type NonceMode = 'deterministic' | 'random';

/** ECDSA-SHA256 over a 32-byte digest; the DER encoding as hex. */
export function ecdsaSignDigest(digest: Uint8Array, privateKey: Uint8Array, nonce: NonceMode): string {
  return toHex(
    p256().sign(digest, privateKey, {
      prehash: false,
      format: 'der',
      lowS: true,
      extraEntropy: nonce === 'random',
    }),
  );
}

/** Reads a DER signature into r and s; `undefined` when the bytes are not a DER ECDSA signature. */
export function parseDerSignature(der: Uint8Array): EcdsaParts | undefined {
  try {
    const sig = p256().Signature.fromBytes(der, 'der');
    return {
      r: sig.r.toString(16).padStart(64, '0'),
      s: sig.s.toString(16).padStart(64, '0'),
      highS: sig.hasHighS(),
    };
  } catch {
    // fromBytes throws on any malformed DER (lengths, tags, r or s out of range): the paste is not a signature.
    return undefined;
  }
}

/** Whether a DER signature is valid for the digest under the public key (high S accepted, as AWS accepts it). */
export function ecdsaVerifyDigest(der: Uint8Array, digest: Uint8Array, key: P256PublicKey): boolean {
  const point = fromHex(uncompressedHex(key));
  if (!point) return false;
  // verify itself returns false on a bad signature; it throws only on a wrong signature length, which is the same.
  try {
    return p256().verify(der, digest, point, { prehash: false, format: 'der', lowS: false });
  } catch {
    return false;
  }
}
