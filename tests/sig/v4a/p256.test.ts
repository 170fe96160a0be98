/**
 * The P-256 curve sigscope makes from its own copy of the domain parameters (src/lib/sig/v4a/p256.ts, made on first
 * use) is @noble/curves' own p256: the same parameters, the same public keys, signatures each verifies of the other.
 */

import { p256 as nobleP256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/lib/sig/crypto';
import {
  ecdsaSignDigest,
  ecdsaVerifyDigest,
  P256_ORDER,
  P256_PARAMETERS,
  pointFromSec1,
  publicKeyOf,
  uncompressedHex,
} from '../../../src/lib/sig/v4a/p256';

describe('P-256 as sigscope makes it', () => {
  it('has the domain parameters of noble nist.js p256', () => {
    const curve = nobleP256.Point.CURVE();
    for (const name of ['p', 'n', 'h', 'a', 'b', 'Gx', 'Gy'] as const) {
      expect(P256_PARAMETERS[name], name).toBe(curve[name]);
    }
    expect(P256_ORDER).toBe(nobleP256.Point.Fn.ORDER);
  });

  it('derives the public keys noble derives, and each verifies the other signature', () => {
    const digest = fromHex('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')!;
    for (const d of ['01', '02', 'c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721']) {
      const secret = fromHex(d.padStart(64, '0'))!;
      const ours = uncompressedHex(publicKeyOf(secret));
      const theirs = toHex(nobleP256.getPublicKey(secret, false));
      expect(ours).toBe(theirs);
      expect(pointFromSec1(fromHex(theirs)!)).toEqual(publicKeyOf(secret));
      const signed = ecdsaSignDigest(digest, secret, 'deterministic');
      expect(
        nobleP256.verify(fromHex(signed)!, digest, fromHex(theirs)!, { prehash: false, format: 'der' }),
      ).toBe(true);
      const theirSignature = nobleP256.sign(digest, secret, { prehash: false, format: 'der' });
      expect(ecdsaVerifyDigest(theirSignature, digest, publicKeyOf(secret))).toBe(true);
    }
  });
});
