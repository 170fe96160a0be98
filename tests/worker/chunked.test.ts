/**
 * A pasted aws-chunked upload through the worker's recompute, on the S3 documentation's streaming example
 * (tests/vectors/s3/sigv4-chunked-upload-examples.json, see SOURCES.md): the seed's stages, then the chain as table
 * rows whose strings to sign and signatures are the example's, every link valid; a chunk changed after signing is
 * the first break, marked with the reason, and the verdict says the upload fails though the seed verifies.
 */

import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT } from '../../src/lib/state/snapshot';
import type { RunInput, RunOutput } from '../../src/lib/worker/protocol';
import { runStages } from '../../src/lib/worker/run';
import { readVectorJson } from '../sig/v4/vectors';

interface Example {
  request: { method: string; path: string; headers: [string, string][] };
  seed_canonical_request: string;
  seed_signature: string;
  seed_authorization_aws_c_auth: string;
  chunks: { index: number; size_hex: string; string_to_sign: string; signature: string }[];
}
const doc = readVectorJson<{
  credentials: { access_key_id: string; secret_access_key: string };
  examples: Example[];
}>('s3', 'sigv4-chunked-upload-examples.json');
const example = doc.examples.find((e) => (e as { id?: string }).id === 'streaming-signed-payload')!;
const sizes = example.chunks.map((c) => parseInt(c.size_hex, 16));

/** The example's request on the wire: its headers, the seed's Authorization, the chunks as the doc lays them out. */
function wire(data: (i: number) => string = (i) => 'a'.repeat(sizes[i]!)): string {
  const head = example.request.headers
    .map(([n, v]) => `${n}: ${n === 'Authorization' ? example.seed_authorization_aws_c_auth : v}`)
    .join('\r\n');
  const chunks = example.chunks
    .map((c, i) => `${c.size_hex};chunk-signature=${c.signature}\r\n${data(i)}${sizes[i] ? '\r\n' : ''}`)
    .join('');
  return `${example.request.method} ${example.request.path} HTTP/1.1\r\n${head}\r\n\r\n${chunks}\r\n`;
}

function run(over: Partial<RunInput>): Promise<RunOutput> {
  const blank = { ...EMPTY_SNAPSHOT, settings: {}, secretAccessKey: '', sessionToken: '' };
  return runStages({ ...blank, now: '2013-05-24T00:01:00Z', explain: false, ...over });
}

describe('the S3 streaming example pasted on the page', () => {
  const secretAccessKey = doc.credentials.secret_access_key;

  it('verifies the seed with its canonical request, and every chunk in the table', async () => {
    const out = await run({ request: wire(), secretAccessKey });
    expect(out.stages?.canonicalRequest).toBe(example.seed_canonical_request);
    expect(out.stages?.signature).toBe(example.seed_signature);
    const table = out.chunked!;
    expect(table.literal).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
    expect(table.rows.map((r) => r.size)).toEqual(sizes);
    expect(table.rows.map((r) => r.stringToSign)).toEqual(example.chunks.map((c) => c.string_to_sign));
    expect(table.rows.map((r) => r.sent)).toEqual(example.chunks.map((c) => c.signature));
    expect(table.rows.map((r) => r.computed)).toEqual(example.chunks.map((c) => c.signature));
    expect(table.rows.every((r) => r.valid)).toBe(true);
    expect(table.firstBreak).toBeUndefined();
    expect(out.verdict.verdict).toBe('match');
  });

  it('marks the first chunk whose bytes changed as the break, with why and where, and fails the upload', async () => {
    const text = wire((i) => (i === 1 ? 'a'.repeat(1023) + 'b' : 'a'.repeat(sizes[i]!)));
    const out = await run({ request: text, secretAccessKey });
    const table = out.chunked!;
    expect(table.rows.map((r) => r.valid)).toEqual([true, false, true]);
    expect(table.firstBreak).toMatchObject({ at: 'chunk', index: 2 });
    expect(table.firstBreak?.message).toContain('does not sign these 1024 bytes');
    const [span] = table.firstBreak!.sources;
    expect(text.slice(span!.start, span!.end)).toBe(example.chunks[1]!.signature);
    expect(out.verdict.verdict).toBe('mismatch');
    expect(out.verdict.reason).toContain('chain breaks at chunk 2');
  });

  it('without the secret, shows the seed’s stages and no chain verdict', async () => {
    const out = await run({ request: wire() });
    expect(out.stages?.canonicalRequest).toBe(example.seed_canonical_request);
    expect(out.chunked).toBeUndefined();
    expect(out.verdict.verdict).toBe('unknown');
  });
});
