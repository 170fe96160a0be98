/**
 * Signing a file into an aws-chunked upload in the worker, slice by slice: the S3 documentation's streaming example
 * (tests/vectors/s3/sigv4-chunked-upload-examples.json) as a 66,560-byte file gives the example's seed and chunk
 * signatures; a file of several slices with chunks that straddle them gives the chain that node:crypto computes
 * from the documented chunk string to sign, with progress reported per slice.
 */

import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT } from '../../src/lib/state/snapshot';
import type { RunInput, SignFileJob } from '../../src/lib/worker/protocol';
import { signFile, SLICE } from '../../src/lib/worker/sign-file';
import { readVectorJson } from '../sig/v4/vectors';

const doc = readVectorJson<{
  credentials: { access_key_id: string; secret_access_key: string };
  timestamp: string;
  credential_scope: string;
  examples: { id: string; seed_signature: string; chunks: { signature: string }[] }[];
}>('s3', 'sigv4-chunked-upload-examples.json');
const example = doc.examples.find((e) => e.id === 'streaming-signed-payload')!;

const REQUEST =
  'PUT /examplebucket/chunkObject.txt HTTP/1.1\nHost: s3.amazonaws.com\nx-amz-date: 20130524T000000Z\nx-amz-storage-class: REDUCED_REDUNDANCY\n\n';

function job(chunkSize: number, over: Partial<RunInput> = {}): SignFileJob {
  const input: RunInput = {
    ...EMPTY_SNAPSHOT,
    settings: {},
    request: REQUEST,
    accessKeyId: doc.credentials.access_key_id,
    secretAccessKey: doc.credentials.secret_access_key,
    sessionToken: '',
    region: 'us-east-1',
    now: '2013-05-24T00:00:30Z',
    explain: false,
    ...over,
  };
  return { input, chunkSize, kind: 'signed' };
}

describe('signing a file into chunks in the worker', () => {
  it("gives the S3 streaming example's seed and chunk signatures for its 66,560 bytes of 'a'", async () => {
    const file = new Blob(['a'.repeat(66560)]);
    const signed = await signFile(file, 'chunkObject.txt', job(65536), () => undefined);
    expect(signed.ok, JSON.stringify(signed.problems)).toBe(true);
    if (!signed.ok) return;
    expect(signed.value.table.seed).toBe(example.seed_signature);
    expect(signed.value.table.rows.map((r) => r.sent)).toEqual(example.chunks.map((c) => c.signature));
    expect(signed.value.contentLength).toBe(66824);
    expect(signed.value.mbps).toBeGreaterThan(0);
  });

  it('chains chunks that straddle the slices as node:crypto does, reporting progress per slice', async () => {
    const size = 2 * SLICE + 12345;
    const bytes = new Uint8Array(size).map((_, i) => (i * 31 + (i >> 9)) & 0xff);
    const chunkSize = 3 * 1024 * 1024 + 7;
    const progress: number[] = [];
    const signed = await signFile(new Blob([bytes]), 'x.bin', job(chunkSize), (done) => progress.push(done));
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    expect(progress).toEqual([SLICE, 2 * SLICE, size]);

    // The documented chain, computed here with node:crypto.
    const key = ['20130524', 'us-east-1', 's3', 'aws4_request'].reduce<Buffer>(
      (k, part) => createHmac('sha256', k).update(part).digest(),
      Buffer.from(`AWS4${doc.credentials.secret_access_key}`),
    );
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    let previous = signed.value.table.seed;
    const expected: string[] = [];
    for (let at = 0; ; at += chunkSize) {
      const data = bytes.subarray(at, Math.min(at + chunkSize, size));
      const sts = [
        'AWS4-HMAC-SHA256-PAYLOAD',
        doc.timestamp,
        doc.credential_scope,
        previous,
        sha(new Uint8Array()),
        sha(data),
      ].join('\n');
      previous = createHmac('sha256', key).update(sts).digest('hex');
      expected.push(previous);
      if (data.length === 0) break;
    }
    expect(signed.value.table.rows.map((r) => r.size)).toEqual([
      chunkSize,
      chunkSize,
      size - 2 * chunkSize,
      0,
    ]);
    expect(signed.value.table.rows.map((r) => r.sent)).toEqual(expected);
  });

  it('a trailer upload carries the file’s SHA-256 in x-amz-checksum-sha256, signed on the last chunk', async () => {
    const file = new Blob(['hello world']);
    const signed = await signFile(file, 'h.txt', { ...job(65536), kind: 'signed-trailer' }, () => undefined);
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    const digest = createHash('sha256').update('hello world').digest('base64');
    expect(signed.value.table.trailer?.canonical).toBe(`x-amz-checksum-sha256:${digest}\n`);
    expect(signed.value.table.trailer?.stringToSign?.split('\n')[3]).toBe(
      signed.value.table.rows.at(-1)!.sent,
    );
  });

  it('says what is wrong with a request it cannot sign, without throwing', async () => {
    const signed = await signFile(new Blob(['x']), 'x', job(65536, { request: '' }), () => undefined);
    expect(signed.ok).toBe(false);
    expect(signed.problems.length).toBeGreaterThan(0);
  });
});
