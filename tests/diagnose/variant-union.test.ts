/**
 * The search builds a pair's parts from its two mistakes' (unionParts) and hashes them from shared states
 * (canonicalHash): for random requests and every candidate, that gives exactly what rendering the merged variant
 * from scratch, in a context of its own, gives, and the hash of that text, with either crypto backend.
 */

import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeCryptoBackend } from '../../src/cli/node-crypto';
import { candidates } from '../../src/lib/diagnose/search';
import {
  canonicalText,
  parted,
  unionParts,
  variantParts,
  type VariantParts,
} from '../../src/lib/diagnose/variant';
import { canonicalHash } from '../../src/lib/diagnose/variant-hash';
import { setCryptoBackend, toHex } from '../../src/lib/sig/crypto';
import { generatedRequest, richRequest } from './requests';
import { serverView, signCorrectly } from './signed-with-mistake';

const rest = (p: VariantParts) => [p.rest.payload, p.rest.amzDate, p.rest.scopeText, p.rest.secret];

describe.each([
  ['@noble/hashes', undefined],
  ['node:crypto', nodeCryptoBackend],
])('a pair of mistakes, with %s', (_, backend) => {
  afterAll(() => setCryptoBackend(undefined));

  it.each([
    ['generated', generatedRequest],
    ['rich', richRequest],
  ])(
    'signs what its merged variant signs (%s requests)',
    async (_kind, requests) => {
      setCryptoBackend(backend);
      let pairs = 0;
      await fc.assert(
        fc.asyncProperty(requests, async (generated) => {
          const signed = await signCorrectly(generated.scheme, generated.text);
          const { ctx } = await serverView(generated.scheme, signed);
          const { ctx: fresh } = await serverView(generated.scheme, signed);
          const base = variantParts(ctx, {});
          for (const mistakes of candidates(ctx, generated.scheme === 'sigv4-s3')) {
            const [a, b] = mistakes.map((m) => parted(ctx, m.variant));
            const made = b ? unionParts(ctx, a!, b) : a!.parts;
            const merged = Object.assign({}, ...mistakes.map((m) => m.variant));
            const expected = variantParts(fresh, merged);
            const text = canonicalText(fresh, expected);
            expect(canonicalText(ctx, made), mistakes.map((m) => m.id).join(' + ')).toBe(text);
            expect(rest(made)).toEqual(rest(expected));
            expect(canonicalHash(ctx, base, made)).toBe(toHex(sha256(new TextEncoder().encode(text))));
            if (b) pairs++;
          }
        }),
        { numRuns: 8, seed: 20261201 },
      );
      expect(pairs).toBeGreaterThan(100);
    },
    60_000,
  );
});
