/**
 * The diagnosis search rate: candidate canonicalizations tested per second, and the time to try the whole
 * catalogue on a typical request whose signature nothing reproduces (so every candidate is tried).
 */

import { contextFromPlan } from '../../src/lib/diagnose/context';
import { searchMistakes } from '../../src/lib/diagnose/search';
import { parseHttpRequest } from '../../src/lib/sig/request/http';
import { S3_SETTINGS } from '../../src/lib/sig/v4/settings';
import { planVerification } from '../../src/lib/sig/v4/verify';

const REQUEST = [
  'PUT /photos/2024/cat%20%281%29.jpg?x-id=PutObject HTTP/1.1',
  'Host: examplebucket.s3.us-east-1.amazonaws.com',
  'Content-Type: image/jpeg',
  'x-amz-content-sha256: UNSIGNED-PAYLOAD',
  'x-amz-date: 20240115T120000Z',
  'x-amz-meta-owner:  alice  ',
  'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240115/us-east-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-owner, Signature=0000000000000000000000000000000000000000000000000000000000000000',
  '',
  '',
].join('\n');

/** Runs the whole catalogue `runs` times (after `warmUp` runs) and reports the rate and the median time of one search. */
export async function searchBench(
  runs = 200,
  warmUp = 50,
): Promise<{ candidatesPerSecond: number; wholeCatalogueMs: number; candidates: number }> {
  const parsed = parseHttpRequest(REQUEST);
  if (!parsed.ok) throw new Error('bench request does not parse');
  const planned = await planVerification({
    request: parsed.value,
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    settings: S3_SETTINGS,
  });
  if (!planned.ok) throw new Error('bench request has no plan');
  const target = { signature: planned.value.provided.signature };
  const times: number[] = [];
  let candidates = 0;
  for (let i = 0; i < warmUp + runs; i++) {
    // A fresh context each run: the search may not lean on anything cached from the last one but signing keys.
    const ctx = await contextFromPlan(parsed.value, planned.value);
    const start = performance.now();
    const outcome = await searchMistakes(ctx, target, true);
    if (i >= warmUp) times.push(performance.now() - start);
    if (outcome.found) throw new Error('the bench signature should match no candidate');
    candidates = outcome.tried;
  }
  const total = times.reduce((a, b) => a + b, 0);
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  return {
    candidatesPerSecond: Math.round((candidates * runs * 1000) / total),
    wholeCatalogueMs: Math.round(median * 100) / 100,
    candidates,
  };
}
