/**
 * For random requests and every single-target mistake (a mistake made on one header or query parameter while the
 * others were right), applied to one random header or parameter: the request re-signed with that mistake is
 * diagnosed, with the secret, as that mistake on that header or parameter — kind, component and name — or as a
 * mistake that canonicalizes this request identically (the two cannot be told apart from a signature). Target: at
 * least 98%. The rate is printed.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISTAKES, type Mistake } from '../../src/lib/diagnose/catalogue';
import { explain } from '../../src/lib/diagnose/explain';
import { targetedMistakes } from '../../src/lib/diagnose/targets';
import type { Finding } from '../../src/lib/diagnose/types';
import { variantCanonical, variantSecret, type VariantContext } from '../../src/lib/diagnose/variant';
import { richRequest } from './requests';
import {
  keepHeaderPadding,
  resignWithMistake,
  SECRET,
  serverView,
  signCorrectly,
} from './signed-with-mistake';

function sameCanonical(ctx: VariantContext, a: Mistake, b: Mistake): boolean {
  const x = variantCanonical(ctx, a.variant);
  const y = variantCanonical(ctx, b.variant);
  return x.text === y.text && variantSecret(SECRET, a.variant) === variantSecret(SECRET, b.variant);
}

/** The finding names the mistake, or one the signature cannot tell from it. */
function names(ctx: VariantContext, finding: Finding | undefined, mistake: Mistake): boolean {
  if (!finding) return false;
  if (
    finding.kind === mistake.kind &&
    finding.component === mistake.component &&
    finding.name === mistake.name
  )
    return true;
  const pool = [...MISTAKES, ...targetedMistakes(ctx)];
  return pool.some(
    (m) =>
      m.id === finding.cause &&
      (m.name === undefined || m.name === finding.name) &&
      sameCanonical(ctx, m, mistake),
  );
}

describe('mistakes made on one header or parameter are diagnosed as themselves', () => {
  it('names the mistake, its component and its header or parameter first in at least 98%', async () => {
    let tried = 0;
    let named = 0;
    const misses: string[] = [];
    const perId = new Map<string, { tried: number; named: number }>();
    await fc.assert(
      fc.asyncProperty(
        richRequest,
        fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
        async (generated, picks) => {
          const signed = keepHeaderPadding(
            generated.text,
            await signCorrectly(generated.scheme, generated.text),
          );
          const { ctx } = await serverView(generated.scheme, signed);
          const byId = new Map<string, Mistake[]>();
          for (const m of targetedMistakes(ctx)) byId.set(m.id, [...(byId.get(m.id) ?? []), m]);
          let k = 0;
          for (const [id, options] of byId) {
            const mistake = options[picks[k++ % picks.length]! % options.length]!;
            const wrong = await resignWithMistake(generated.scheme, signed, mistake.variant);
            if (!wrong) continue;
            tried++;
            const stat = perId.get(id) ?? { tried: 0, named: 0 };
            stat.tried++;
            perId.set(id, stat);
            const explanation = await explain({
              scheme: generated.scheme,
              request: wrong,
              secretAccessKey: SECRET,
            });
            const first = explanation.findings[0];
            if (names(ctx, first, mistake)) {
              named++;
              stat.named++;
            } else {
              misses.push(
                `${id} on ${mistake.name} → ${first ? `${first.cause} ${first.component} ${first.name ?? ''}` : 'nothing'}\n${signed}`,
              );
            }
          }
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
    const rate = named / tried;
    console.log(
      `single-target mistakes: ${named}/${tried} named first (${(rate * 100).toFixed(1)}%)`,
      Object.fromEntries([...perId].map(([id, s]) => [id, `${s.named}/${s.tried}`])),
    );
    expect(tried).toBeGreaterThan(300);
    expect(rate, misses.slice(0, 5).join('\n\n')).toBeGreaterThanOrEqual(0.98);
  }, 300_000);

  it('names both mistakes of a pair (one header or parameter, one common) in at least 95%', async () => {
    const common = MISTAKES.filter((m) => m.common && m.kind !== 'scope');
    let tried = 0;
    let named = 0;
    const misses: string[] = [];
    await fc.assert(
      fc.asyncProperty(richRequest, fc.nat(), fc.nat(), async (generated, a, b) => {
        const s3 = generated.scheme === 'sigv4-s3';
        const signed = keepHeaderPadding(
          generated.text,
          await signCorrectly(generated.scheme, generated.text),
        );
        const { ctx } = await serverView(generated.scheme, signed);
        const targeted = targetedMistakes(ctx);
        const globals = common.filter((m) => !m.only || m.only === (s3 ? 's3' : 'generic'));
        if (targeted.length === 0) return;
        const one = targeted[a % targeted.length]!;
        const other = globals[b % globals.length]!;
        const variant = { ...other.variant, ...one.variant };
        const wrong = await resignWithMistake(generated.scheme, signed, variant);
        const alone = await resignWithMistake(generated.scheme, signed, one.variant);
        const otherAlone = await resignWithMistake(generated.scheme, signed, other.variant);
        // A pair is a pair only when each mistake changes something the other does not undo.
        if (!wrong || !alone || !otherAlone || wrong === alone || wrong === otherAlone) return;
        tried++;
        const explanation = await explain({
          scheme: generated.scheme,
          request: wrong,
          secretAccessKey: SECRET,
        });
        const shown = explanation.findings.filter((f) => f.basis === 'shown');
        const namesOther = (f: Finding) =>
          f.cause === other.id || (f.kind === other.kind && f.component === other.component);
        if (shown.some((f) => names(ctx, f, one)) && shown.some(namesOther)) named++;
        else
          misses.push(
            `${one.id} on ${one.name} + ${other.id} → ${shown.map((f) => f.cause).join(', ') || 'nothing shown'}`,
          );
      }),
      { numRuns: 150, seed: 20261202 },
    );
    const rate = named / tried;
    console.log(`pairs: ${named}/${tried} with both mistakes shown (${(rate * 100).toFixed(1)}%)`);
    expect(tried).toBeGreaterThan(60);
    expect(rate, misses.slice(0, 8).join('\n')).toBeGreaterThanOrEqual(0.95);
  }, 300_000);
});
