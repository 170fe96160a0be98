/**
 * The SigV4A signing key: a P-256 private scalar derived from the secret access key and the access key id with
 * HMAC-SHA256 in counter mode (NIST SP 800-108), as aws-c-auth, the AWS SDKs and IAM do.
 * HMAC key = "AWS4A" + secret; fixed input = 0x00000001 ‖ "AWS4-ECDSA-P256-SHA256" ‖ 0x00 ‖ access key id ‖
 * counter (one byte, from 1) ‖ 0x00000100 (256, the output length in bits). A result k0 above n − 2 is rejected
 * and the counter moves on; the key is d = k0 + 1, so that 1 ≤ d ≤ n − 1.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#derive-signing-key-sigv4a
 */

import { hmac, toBytes, toHex } from '../crypto';
import { bigIntTo32, bytesToBigInt, P256_ORDER, publicKeyOf, type P256PublicKey } from './p256';
import { ALGORITHM_V4A } from './string-to-sign';

/** The highest counter the derivation tries before giving up (a one-byte counter, as aws-c-auth). */
export const MAX_COUNTER = 254;

/** One try of the derivation: the counter, the fixed input it hashed, and whether the result was kept. */
export interface DerivationTry {
  counter: number;
  /** The KDF's fixed input as hex (it holds the access key id, never the secret). */
  fixedInputHex: string;
  accepted: boolean;
}

/**
 * A derived SigV4A key. The private scalar is as powerful as the secret itself (it never expires, it is not
 * scoped to a day or a region), so traces show the tries and the public key, never `privateKey`.
 */
export interface V4aKey {
  privateKey: Uint8Array;
  publicKey: P256PublicKey;
  /** The counter of the accepted try (1 for all but about one secret in 2^32). */
  counter: number;
  tries: DerivationTry[];
}

const PREFIX = Uint8Array.of(0, 0, 0, 1);
const SUFFIX = Uint8Array.of(0, 0, 1, 0);

/** The KDF's fixed input for one counter value. */
export function fixedInput(accessKeyId: string, counter: number): Uint8Array {
  const label = toBytes(ALGORITHM_V4A);
  const context = toBytes(accessKeyId);
  const out = new Uint8Array(4 + label.length + 1 + context.length + 1 + 4);
  let at = 0;
  out.set(PREFIX, at);
  out.set(label, (at += 4));
  out[(at += label.length)] = 0;
  out.set(context, (at += 1));
  out[(at += context.length)] = counter;
  out.set(SUFFIX, at + 1);
  return out;
}

const cache = new Map<string, V4aKey | null>();
const CACHE_LIMIT = 32;

function derive(accessKeyId: string, secretAccessKey: string): V4aKey | null {
  const key = toBytes('AWS4A' + secretAccessKey);
  const tries: DerivationTry[] = [];
  for (let counter = 1; counter <= MAX_COUNTER; counter++) {
    const input = fixedInput(accessKeyId, counter);
    const k0 = bytesToBigInt(hmac(key, input));
    const accepted = k0 <= P256_ORDER - 2n;
    tries.push({ counter, fixedInputHex: toHex(input), accepted });
    if (accepted) {
      const privateKey = bigIntTo32(k0 + 1n);
      return { privateKey, publicKey: publicKeyOf(privateKey), counter, tries };
    }
  }
  return null;
}

/**
 * Derives the SigV4A key of a credential pair; `undefined` only if all 254 tries fall above n − 2, which no key
 * will do in practice. Keys are kept in memory (never stored) for the most recent pairs, as the SDKs do.
 */
export function deriveV4aKey(accessKeyId: string, secretAccessKey: string): V4aKey | undefined {
  const id = accessKeyId + '\n' + secretAccessKey;
  let found = cache.get(id);
  if (found === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    found = derive(accessKeyId, secretAccessKey);
    cache.set(id, found);
  }
  return found ?? undefined;
}
