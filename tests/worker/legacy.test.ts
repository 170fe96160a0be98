/**
 * A request signed with a legacy scheme, through the worker's recompute: its stages come from the scheme's own
 * trace (the S3 guide's example string to sign, exactly), its signature is verified, and the diagnosis runs
 * under the scheme the signature shows, not SigV4.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT } from '../../src/lib/state/snapshot';
import type { RunInput } from '../../src/lib/worker/protocol';
import { runExplain, runStages } from '../../src/lib/worker/run';

const VECTORS = join(import.meta.dirname, '../vectors/s3/sigv2-rest-examples.json');
const TWINS = join(import.meta.dirname, '../fixtures/real-shapes');

async function run(over: Partial<RunInput>) {
  const blank = { ...EMPTY_SNAPSHOT, settings: {}, secretAccessKey: '', sessionToken: '' };
  const i: RunInput = { ...blank, now: '2024-01-15T12:00:30Z', explain: true, ...over };
  return runExplain(i, await runStages(i));
}

const doc = JSON.parse(readFileSync(VECTORS, 'utf8'));
const put = doc.johnsmith_2017.find((c: { id: string }) => c.id === 'object-put');
// The guide prints the Authorization header after the blank line; it belongs with the other headers.
const [head, auth] = (put.request as string).split('\n\n');
const request = `${head}\n${auth}\n\n`;

describe('an S3 SigV2 request on the page', () => {
  it("shows S3's string to sign and verifies the guide's signature", async () => {
    const out = await run({ request, secretAccessKey: doc.credentials.secret_access_key });
    expect(out.stages).toBeUndefined();
    expect(out.trace?.scheme).toBe('s3v2');
    expect(out.trace?.stages.find((s) => s.id === 'string-to-sign')?.text).toBe(put.string_to_sign);
    expect(out.trace?.signature).toBe(put.signature);
    expect(out.verdict.verdict).toBe('match');
  });

  it('says a signature made with another secret does not match', async () => {
    const out = await run({ request, secretAccessKey: 'another secret' });
    expect(out.verdict.verdict).not.toBe('match');
  });

  it('explains twin 13 under S3 SigV2: the client signed another resource', async () => {
    const twin = JSON.parse(
      readFileSync(join(TWINS, '13-s3v2-ruby-log-signature-of-other-resource.json'), 'utf8'),
    );
    const out = await run({ request: twin.case.request, serverError: twin.error, clientLog: twin.client });
    expect(out.trace?.scheme).toBe('s3v2');
    expect(out.findings[0]).toMatchObject({ kind: 'client', component: 'path', basis: 'shown' });
  });
});
