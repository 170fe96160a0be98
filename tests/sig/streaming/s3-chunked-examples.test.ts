/**
 * The S3 documentation's streaming upload examples (tests/vectors/s3/sigv4-chunked-upload-examples.json, quoted
 * from s3s and aws-c-auth, see tests/vectors/s3/SOURCES.md): signing the payload into chunks gives the seed's
 * canonical request, string to sign and signature, each chunk's string to sign and signature, and the trailer's;
 * verifying the wire body built from the example's own signatures finds the chain whole.
 */

import { describe, expect, it } from 'vitest';
import { signChunks } from '../../../src/lib/sig/streaming/index';
import { mustParse, readVectorJson } from '../v4/vectors';

interface ChunkVector {
  index: number;
  size_hex: string;
  string_to_sign?: string;
  previous?: string;
  chunk_sha256?: string;
  signature: string;
}

interface Example {
  id: string;
  request: {
    method: string;
    path: string;
    headers?: [string, string][];
    canonical_headers_used?: [string, string][];
  };
  seed_canonical_request: string;
  seed_string_to_sign: string;
  seed_signature: string;
  seed_authorization_aws_c_auth?: string;
  chunks: ChunkVector[];
  trailer?: {
    headers: [string, string][];
    canonical_trailers: string;
    string_to_sign: string;
    signature: string;
  };
}

const file = readVectorJson<{
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  service: string;
  timestamp: string;
  payload: { decoded_content_length: number; chunks: { size: number; sha256: string }[] };
  examples: Example[];
}>('s3', 'sigv4-chunked-upload-examples.json');

const credentials = {
  accessKeyId: file.credentials.access_key_id,
  secretAccessKey: file.credentials.secret_access_key,
};
const payload = new Uint8Array(file.payload.decoded_content_length).fill(0x61);
const time = new Date('2013-05-24T00:00:00Z');
const [plain, trailer] = file.examples as [Example, Example];

/** The request line and the headers the example sends before signing (the streaming ones are the signer's). */
function unsignedRequest(example: Example, keep: (name: string) => boolean): string {
  const headers = example.request.headers ?? example.request.canonical_headers_used ?? [];
  const lines = headers.filter(([name]) => keep(name.toLowerCase())).map(([n, v]) => `${n}: ${v}`);
  return `${example.request.method} ${example.request.path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

const OWN = [
  'authorization',
  'x-amz-content-sha256',
  'content-encoding',
  'x-amz-decoded-content-length',
  'content-length',
  'x-amz-trailer',
];

describe(`${plain.id}: signing`, () => {
  const sign = () =>
    signChunks({
      request: mustParse(unsignedRequest(plain, (n) => !OWN.includes(n))),
      payload,
      chunkSize: 65536,
      kind: 'signed',
      algorithm: 'sigv4',
      credentials,
      region: file.region,
      service: file.service,
      time,
    });

  it('builds the seed canonical request and string to sign, and the seed signature', async () => {
    const r = await sign();
    expect(r.ok, JSON.stringify(r.problems)).toBe(true);
    if (!r.ok) return;
    expect(r.value.signature).toBe(plain.seed_signature);
    expect(r.value.stages.find((s) => s.id === 'seed-string-to-sign')!.text).toBe(plain.seed_string_to_sign);
    expect(r.value.authorization).toBe(plain.seed_authorization_aws_c_auth);
  });

  it.each(plain.chunks)('signs chunk $index: its string to sign and signature', async (chunk) => {
    const r = await sign();
    if (!r.ok) return expect.fail(JSON.stringify(r.problems));
    const ours = r.value.details!.chunks[chunk.index - 1]!;
    expect(ours.size.toString(16)).toBe(chunk.size_hex);
    expect(ours.stringToSign).toBe(chunk.string_to_sign);
    expect(ours.signature).toBe(chunk.signature);
  });

  it('hashes each chunk as the example does and encodes 66824 bytes', async () => {
    const r = await sign();
    if (!r.ok) return expect.fail(JSON.stringify(r.problems));
    expect(r.value.details!.chunks.map((c) => c.dataSha256)).toEqual(
      file.payload.chunks.map((c) => c.sha256),
    );
    const contentLength = plain.request.headers!.find(([n]) => n === 'Content-Length')![1];
    expect(r.value.details!.body.length).toBe(Number(contentLength));
  });
});

describe(`${trailer.id}: signing`, () => {
  const sign = () =>
    signChunks({
      request: mustParse(unsignedRequest(trailer, (n) => !OWN.includes(n))),
      payload,
      chunkSize: 65536,
      kind: 'signed-trailer',
      algorithm: 'sigv4',
      credentials,
      region: file.region,
      service: file.service,
      time,
      trailers: trailer.trailer!.headers,
      // The example's seed leaves Content-Length unsigned.
      signContentLength: false,
    });

  it('builds the seed string to sign and signature', async () => {
    const r = await sign();
    expect(r.ok, JSON.stringify(r.problems)).toBe(true);
    if (!r.ok) return;
    expect(r.value.stages.find((s) => s.id === 'seed-string-to-sign')!.text).toBe(
      trailer.seed_string_to_sign,
    );
    expect(r.value.signature).toBe(trailer.seed_signature);
  });

  it.each(trailer.chunks)('signs chunk $index on the previous signature', async (chunk) => {
    const r = await sign();
    if (!r.ok) return expect.fail(JSON.stringify(r.problems));
    const ours = r.value.details!.chunks[chunk.index - 1]!;
    expect(ours.previous).toBe(chunk.previous);
    expect(ours.dataSha256).toBe(chunk.chunk_sha256);
    expect(ours.signature).toBe(chunk.signature);
  });

  it('signs the trailer: canonical trailers, string to sign, signature', async () => {
    const r = await sign();
    if (!r.ok) return expect.fail(JSON.stringify(r.problems));
    const t = r.value.details!.trailer!;
    expect(t.canonical).toBe(trailer.trailer!.canonical_trailers);
    expect(t.stringToSign).toBe(trailer.trailer!.string_to_sign);
    expect(t.signature).toBe(trailer.trailer!.signature);
  });
});
