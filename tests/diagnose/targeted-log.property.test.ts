/**
 * The same single-target mistakes, found from the client's signing log instead of the signature: with the
 * request and the log, and with the server's reply and the log (no secret either way). The first finding names
 * the mistake, its component and its header or parameter in at least 98%; the rates are printed.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import { targetedMistakes } from '../../src/lib/diagnose/targets';
import type { ExplainInput } from '../../src/lib/diagnose/types';
import { variantCanonical, variantStringToSign } from '../../src/lib/diagnose/variant';
import { richRequest } from './requests';
import { jsonReply, keepHeaderPadding, s3Reply, serverView, signCorrectly } from './signed-with-mistake';

function botocoreLog(canonical: string, stringToSign: string): string {
  const at = '2024-01-15 12:00:00,123 - MainThread - botocore.auth - DEBUG - ';
  return `${at}CanonicalRequest:\n${canonical}\n${at}StringToSign:\n${stringToSign}\n`;
}

describe('mistakes made on one header or parameter, from the client log', () => {
  it.each(['request', 'reply'] as const)(
    'are named first with the log and the %s',
    async (beside) => {
      let tried = 0;
      let named = 0;
      const misses: string[] = [];
      await fc.assert(
        fc.asyncProperty(richRequest, fc.nat(), async (generated, pick) => {
          const signed = keepHeaderPadding(
            generated.text,
            await signCorrectly(generated.scheme, generated.text),
          );
          const view = await serverView(generated.scheme, signed);
          const { ctx } = view;
          const base = variantCanonical(ctx, {}).text;
          const options = targetedMistakes(ctx).filter((m) => variantCanonical(ctx, m.variant).text !== base);
          if (options.length === 0) return;
          const mistake = options[pick % options.length]!;
          const wrong = variantCanonical(ctx, mistake.variant);
          const log = botocoreLog(wrong.text, variantStringToSign(wrong));
          const input: ExplainInput = { scheme: generated.scheme, clientLog: log };
          if (beside === 'request') input.request = signed;
          else {
            const sent = /Signature=([0-9a-f]{64})/.exec(signed)![1]!;
            input.serverError = generated.scheme === 'sigv4-s3' ? s3Reply(view, sent) : jsonReply(view);
          }
          tried++;
          const first = (await explain(input)).findings[0];
          const ok =
            first?.kind === mistake.kind &&
            first.component === mistake.component &&
            first.name === mistake.name;
          if (ok) named++;
          else
            misses.push(
              `${mistake.id} on ${mistake.name} → ${first ? `${first.cause} ${first.component} ${first.name}` : 'nothing'}`,
            );
        }),
        { numRuns: 120, seed: 20261204 },
      );
      console.log(
        `from the log beside the ${beside}: ${named}/${tried} (${((named / tried) * 100).toFixed(1)}%)`,
      );
      expect(tried).toBeGreaterThan(80);
      expect(named / tried, misses.slice(0, 8).join('\n')).toBeGreaterThanOrEqual(0.98);
    },
    300_000,
  );
});
