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
import { fromHex } from '../../src/lib/sig/crypto';
import { ecdsaVerifyDigest, v4aDigest } from '../../src/lib/sig/v4a/index';
import { runStages } from '../../src/lib/worker/run';
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

  /** The documented chain over `bytes`, computed here with node:crypto. */
  function nodeChain(bytes: Uint8Array, chunkSize: number, seed: string): string[] {
    const key = ['20130524', 'us-east-1', 's3', 'aws4_request'].reduce<Buffer>(
      (k, part) => createHmac('sha256', k).update(part).digest(),
      Buffer.from(`AWS4${doc.credentials.secret_access_key}`),
    );
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    let previous = seed;
    const out: string[] = [];
    for (let at = 0; ; at += chunkSize) {
      const data = bytes.subarray(at, Math.min(at + chunkSize, bytes.length));
      const sts = [
        'AWS4-HMAC-SHA256-PAYLOAD',
        doc.timestamp,
        doc.credential_scope,
        previous,
        sha(new Uint8Array()),
        sha(data),
      ].join('\n');
      previous = createHmac('sha256', key).update(sts).digest('hex');
      out.push(previous);
      if (data.length === 0) return out;
    }
  }

  it.each([
    ['hashed whole, natively, a few chunks a read', 3 * 1024 * 1024 + 7, 2 * SLICE + 12345],
    ['hashed incrementally across the slices', 9 * 1024 * 1024 + 3, 5 * SLICE + 99],
  ])('chains chunks %s as node:crypto does, with progress', async (_, chunkSize, size) => {
    const bytes = new Uint8Array(size).map((_, i) => (i * 31 + (i >> 9)) & 0xff);
    const progress: number[] = [];
    const signed = await signFile(new Blob([bytes]), 'x.bin', job(chunkSize), (done) => progress.push(done));
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    expect(progress.at(-1)).toBe(size);
    expect(progress.length).toBeGreaterThan(1);
    const full = Math.floor(size / chunkSize);
    expect(signed.value.table.rows.map((r) => r.size)).toEqual([
      ...Array<number>(full).fill(chunkSize),
      size - full * chunkSize,
      0,
    ]);
    expect(signed.value.table.rows.map((r) => r.sent)).toEqual(
      nodeChain(bytes, chunkSize, signed.value.table.seed),
    );
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

describe('a file signed into SigV4A chunks in the worker', () => {
  const v = readVectorJson<{
    sigv4a: {
      verification_public_key: { x: string; y: string };
      chunk_hashes: { chunk1: string; chunk2: string; final: string };
    };
  }>('streaming', 'aws-c-auth-chunked-trailer.json').sigv4a;

  it("chains ECDSA signatures that aws-c-auth's public key verifies, and the page verifies the upload pasted back", async () => {
    const data = 'a'.repeat(66560);
    const signed = await signFile(
      new Blob([data]),
      'chunkObject.txt',
      job(65536, { scheme: 'sigv4a', regionSet: 'us-east-1' }),
      () => undefined,
    );
    expect(signed.ok, JSON.stringify(signed.problems)).toBe(true);
    if (!signed.ok) return;
    const rows = signed.value.table.rows;
    expect(rows.map((r) => r.stringToSign.split('\n')[5])).toEqual([
      v.chunk_hashes.chunk1,
      v.chunk_hashes.chunk2,
      v.chunk_hashes.final,
    ]);
    expect(rows[0]!.stringToSign.split('\n').slice(0, 3)).toEqual([
      'AWS4-ECDSA-P256-SHA256-PAYLOAD',
      '20130524T000000Z',
      '20130524/s3/aws4_request',
    ]);
    for (const r of rows) {
      const der = fromHex(r.sent.replace(/\*+$/, ''))!;
      expect(ecdsaVerifyDigest(der, v4aDigest(r.stringToSign), v.verification_public_key)).toBe(true);
    }

    // Pasted back with its body, the page verifies every link with the key derived from the secret.
    const body =
      rows
        .map(
          (r, i) =>
            `${r.size.toString(16)};chunk-signature=${r.sent}\r\n${data.slice(i * 65536, i * 65536 + r.size)}${r.size ? '\r\n' : ''}`,
        )
        .join('') + '\r\n';
    const out = await runStages({
      ...job(65536).input,
      request: signed.value.signedHead.replace(/\n/g, '\r\n').replace(/(\r\n)+$/, '\r\n\r\n') + body,
    });
    expect(out.trace?.scheme).toBe('sigv4a');
    expect(out.chunked?.algorithm).toBe('sigv4a');
    expect(out.chunked?.rows.map((r) => r.valid)).toEqual([true, true, true]);
    expect(out.verdict.verdict).toBe('match');
  });
});
