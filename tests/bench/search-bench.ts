/**
 * The diagnosis search rate: candidate canonicalizations tested per second, and the time to try the whole
 * catalogue on a typical request whose signature nothing reproduces (so every candidate is tried): an S3 PUT with
 * five signed headers, and a 10-header request, where the mistakes made on one header alone (and their pairs
 * with the common mistakes) make most of the candidates. Targets in Node (with node:crypto, as the CLI runs it):
 * at least 100,000 candidates per second, and at most 20 ms for the 10-header request. Both backends are printed.
 * `npx tsx tests/bench/search-bench.ts` prints both; `npm run bench` includes them.
 */

import { nodeCryptoBackend } from '../../src/cli/node-crypto';
import { contextFromPlan } from '../../src/lib/diagnose/context';
import { searchMistakes } from '../../src/lib/diagnose/search';
import { canonicalText, variantParts, type VariantContext } from '../../src/lib/diagnose/variant';
import { createSha256, cryptoBackendName, hmacHexWithKey, setCryptoBackend } from '../../src/lib/sig/crypto';
import { deriveSigningKey, renderScope } from '../../src/lib/sig/registry-sigv4';
import { parseHttpRequest } from '../../src/lib/sig/request/http';
import { GENERIC_SETTINGS, S3_SETTINGS } from '../../src/lib/sig/v4/settings';
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

const TEN_HEADERS = [
  'POST /2015-03-31/functions/my-function/invocations?Qualifier=prod HTTP/1.1',
  'Host: lambda.us-east-1.amazonaws.com',
  'Content-Type: application/json',
  'Content-Length: 13',
  'User-Agent: aws-sdk-java/1.12.600 Linux/6.1 OpenJDK_64-Bit_Server_VM/17.0.9',
  'Accept:  application/json ',
  'Accept-Encoding: identity',
  'X-Amz-Date: 20240115T120000Z',
  'X-Amz-Security-Token: FwoGZXIvYXdzEJr//////////wEaDEXAMPLETOKEN',
  'X-Amz-Invocation-Type: RequestResponse',
  'X-Amz-Log-Type:   Tail',
  'amz-sdk-invocation-id: 1f0b7d5c-3c1a-4c1e-9d2b-6a7e8f9a0b1c',
  'amz-sdk-request: attempt=1;  max=3',
  'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240115/us-east-1/lambda/aws4_request, SignedHeaders=accept;amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date;x-amz-invocation-type;x-amz-log-type;x-amz-security-token, Signature=0000000000000000000000000000000000000000000000000000000000000000',
  '',
  '{"key":"v 1"}',
].join('\n');

/** One bench figure: candidates tried per second, the median time of one whole search, and how many it tries. */
export interface SearchFigures {
  /** The median round's rate: candidates tried over the time spent searching in that round. */
  candidatesPerSecond: number;
  /**
   * The floor beside it: as many distinct canonical requests of the same length hashed and signed with one cached
   * key, in rounds interleaved with the search's, with the same backend; its median round's rate. What a search
   * could reach if finding and building its candidates cost nothing; `ofFloor` is the search's share of it (load
   * falls on both alike).
   */
  floorPerSecond: number;
  ofFloor: number;
  candidatesPerCpuSecond: number;
  wholeCatalogueMs: number;
  /** The fastest whole search: on a shared machine, what the search does when it has a core to itself. */
  fastestMs: number;
  /** The first search in the process (code not yet optimized by V8): what a one-off `sigscope explain` meets. */
  firstMs: number;
  candidates: number;
}

/** As the signing bench (bench.ts): a warm-up, then interleaved rounds of fixed length, the median round kept. */
const WARM_UP_MS = 500;
const ROUND_MS = 250;
const ROUNDS = 7;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Runs the whole catalogue over and over: after a warm-up, in rounds of `ROUND_MS` each followed by a round of the
 * floor, and reports the median round's rates and the median time of one search. Each search gets a fresh
 * context: it may not lean on anything cached from the last one but signing keys.
 */
export async function searchBench(request = REQUEST, s3 = true): Promise<SearchFigures> {
  const parsed = parseHttpRequest(request);
  if (!parsed.ok) throw new Error('bench request does not parse');
  const planned = await planVerification({
    request: parsed.value,
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    settings: s3 ? S3_SETTINGS : GENERIC_SETTINGS,
  });
  if (!planned.ok) throw new Error('bench request has no plan');
  const target = { signature: planned.value.provided.signature };
  const floor = floorOf(await contextFromPlan(parsed.value, planned.value));
  let candidates = 0;
  /** One whole search on a fresh context: its time in milliseconds. */
  const once = async (): Promise<number> => {
    const ctx = await contextFromPlan(parsed.value, planned.value);
    const start = performance.now();
    const outcome = await searchMistakes(ctx, target, s3);
    const ms = performance.now() - start;
    if (outcome.found) throw new Error('the bench signature should match no candidate');
    candidates = outcome.tried;
    return ms;
  };
  const firstMs = await once();
  for (const start = performance.now(); performance.now() - start < WARM_UP_MS;) await once();
  const times: number[] = [];
  const rates: number[] = [];
  const floorRates: number[] = [];
  let cpuMicros = 0;
  let searched = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const cpu = process.cpuUsage();
    let spent = 0;
    let n = 0;
    for (const start = performance.now(); performance.now() - start < ROUND_MS; n++) {
      const ms = await once();
      times.push(ms);
      spent += ms;
    }
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
    searched += n;
    rates.push((n * candidates * 1000) / spent);
    let floored = 0;
    const floorStart = performance.now();
    while (performance.now() - floorStart < ROUND_MS) {
      floor(candidates);
      floored += candidates;
    }
    floorRates.push((floored * 1000) / (performance.now() - floorStart));
  }
  const rate = median(rates);
  const floorRate = median(floorRates);
  return {
    candidatesPerSecond: Math.round(rate),
    floorPerSecond: Math.round(floorRate),
    ofFloor: Math.round((rate / floorRate) * 100) / 100,
    // On a shared machine the wall-clock rate moves with the load; the rate per CPU second moves less (this one
    // counts the contexts' making too).
    candidatesPerCpuSecond: Math.round((searched * candidates * 1e6) / cpuMicros),
    wholeCatalogueMs: Math.round(median(times) * 100) / 100,
    fastestMs: Math.round(Math.min(...times) * 100) / 100,
    firstMs: Math.round(firstMs * 100) / 100,
    candidates,
  };
}

/**
 * Signs `n` distinct canonical requests as long as the request's own: SHA-256 of each, then HMAC of its string to
 * sign with the request's (cached) signing key, each with the backend installed.
 */
function floorOf(ctx: VariantContext): (n: number) => void {
  const own = canonicalText(ctx, variantParts(ctx, {}));
  const { key } = deriveSigningKey(ctx.secret, ctx.scope);
  const prefix = `AWS4-HMAC-SHA256\n${ctx.amzDate}\n${renderScope(ctx.scope)}\n`;
  const texts = Array.from({ length: 1000 }, (_, i) => `${own.slice(0, -8)}${String(i).padStart(8, '0')}`);
  return (n) => {
    for (let i = 0; i < n; i++)
      hmacHexWithKey(
        key,
        prefix +
          createSha256()
            .update(texts[i % 1000]!)
            .digestHex(),
      );
  };
}

/** The whole catalogue on the 10-header request (single-header mistakes included). */
export function tenHeaderBench(): Promise<SearchFigures> {
  return searchBench(TEN_HEADERS, false);
}

/** Both requests with each crypto backend: @noble/hashes (the browser's) and node:crypto (the CLI's). */
export async function searchBenchBothBackends(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const backend of [undefined, nodeCryptoBackend]) {
    setCryptoBackend(backend);
    out[cryptoBackendName()] = { s3Put: await searchBench(), tenHeaders: await tenHeaderBench() };
  }
  setCryptoBackend(undefined);
  return { ...out, targets: { candidatesPerSecond: 100000, tenHeadersMs: 20 } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await searchBenchBothBackends(), null, 2));
}
