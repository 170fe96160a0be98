/**
 * A wrong secret is never claimed as shown without the client's own canonical request: over random requests
 * signed with one secret and diagnosed with another (or with none), beside the server's reply and with no
 * client log, no finding about the secret has basis "shown". A client mistake outside the catalogue would look
 * the same as a wrong secret, so the most the diagnosis may say is that it suspects the secret.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import type { Explanation } from '../../src/lib/diagnose/types';
import { richRequest } from './requests';
import { jsonReply, s3Reply, SECRET, serverView, signCorrectly } from './signed-with-mistake';

const secretText = fc
  .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('')), {
    minLength: 40,
    maxLength: 40,
  })
  .map((cs) => cs.join(''))
  .filter((s) => s !== SECRET);

function shownSecret(explanation: Explanation): string[] {
  return explanation.findings
    .filter((f) => f.component === 'secret' && f.basis === 'shown')
    .map((f) => f.cause);
}

describe('a wrong secret with no client log', () => {
  it('is never a shown finding, whichever side holds the wrong one', async () => {
    let runs = 0;
    let suspected = 0;
    await fc.assert(
      fc.asyncProperty(richRequest, secretText, async (generated, other) => {
        const s3 = generated.scheme === 'sigv4-s3';
        // The client signed with another secret than the one the server (and sigscope) holds.
        const signedWrong = await signCorrectly(generated.scheme, generated.text, other);
        const view = await serverView(generated.scheme, signedWrong);
        const sent = /Signature=([0-9a-f]{64})/.exec(signedWrong)![1]!;
        const reply = s3 ? s3Reply(view, sent) : jsonReply(view);
        const withSecret = await explain({
          scheme: generated.scheme,
          request: signedWrong,
          serverError: reply,
          secretAccessKey: SECRET,
        });
        // The user gave sigscope another secret than the client's, which was right.
        const signedRight = await signCorrectly(generated.scheme, generated.text);
        const givenWrong = await explain({
          scheme: generated.scheme,
          request: signedRight,
          secretAccessKey: other,
        });
        const noSecret = await explain({
          scheme: generated.scheme,
          request: signedWrong,
          serverError: reply,
        });
        runs++;
        if (withSecret.findings.some((f) => f.cause === 'wrong-secret')) suspected++;
        expect(shownSecret(withSecret), signedWrong).toEqual([]);
        expect(shownSecret(givenWrong), signedRight).toEqual([]);
        expect(shownSecret(noSecret), signedWrong).toEqual([]);
      }),
      { numRuns: 40, seed: 20261203 },
    );
    console.log(`wrong secrets: ${runs} requests, none shown; wrong-secret suspected in ${suspected}`);
    expect(suspected).toBeGreaterThan(0);
  }, 300_000);
});
