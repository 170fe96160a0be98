/**
 * For random requests and every catalogue mistake, a request signed with that mistake is diagnosed as that
 * mistake: the first finding names it, or names a mistake that canonicalizes this request identically (the two
 * cannot be told apart from the signature). Target: at least 95%.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISTAKES, type Mistake } from '../../src/lib/diagnose/catalogue';
import { explain } from '../../src/lib/diagnose/explain';
import { variantCanonical, variantSecret } from '../../src/lib/diagnose/variant';
import { generatedRequest } from './requests';
import { resignWithMistake, SECRET, serverView, signCorrectly } from './signed-with-mistake';

// Scope mistakes are left out here: a client that signs for another scope also writes it into its Credential, so
// they show in the request itself (see request-findings tests), not as a signature to reproduce.
const SIGNATURE_MISTAKES: Mistake[] = MISTAKES.filter((m) => m.kind !== 'scope');

describe('catalogue mistakes are diagnosed as themselves', () => {
  it('names the mistake first in at least 95% of random requests', async () => {
    let tried = 0;
    let named = 0;
    const misses: string[] = [];
    await fc.assert(
      fc.asyncProperty(generatedRequest, async (generated) => {
        const signed = await signCorrectly(generated.scheme, generated.text);
        const { ctx } = await serverView(generated.scheme, signed);
        const s3 = generated.scheme === 'sigv4-s3';
        for (const mistake of SIGNATURE_MISTAKES) {
          if (mistake.only && mistake.only !== (s3 ? 's3' : 'generic')) continue;
          const wrong = await resignWithMistake(generated.scheme, signed, mistake.variant);
          if (!wrong) continue;
          tried++;
          const explanation = await explain({
            scheme: generated.scheme,
            request: wrong,
            secretAccessKey: SECRET,
          });
          const first = explanation.findings[0];
          const same = (id: string) => {
            const found = SIGNATURE_MISTAKES.find((m) => m.id === id);
            if (!found) return false;
            const a = variantCanonical(ctx, found.variant);
            const b = variantCanonical(ctx, mistake.variant);
            return (
              a.text === b.text &&
              a.scope.region === b.scope.region &&
              variantSecret(SECRET, found.variant) === variantSecret(SECRET, mistake.variant)
            );
          };
          if (first && (first.cause === mistake.id || same(first.cause))) named++;
          else misses.push(`${mistake.id} → ${first?.cause ?? 'nothing'}\n${generated.text}`);
        }
      }),
      { numRuns: 40, seed: 20241115 },
    );
    expect(tried).toBeGreaterThan(500);
    expect(named / tried, misses.slice(0, 5).join('\n\n')).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
