/**
 * Verifying aws-chunked uploads built from the S3 documentation's examples (tests/vectors/s3, see SOURCES.md):
 * the wire bodies carry the example's own signatures and must verify whole; each kind of break (a chunk's bytes
 * changed, a chain not carried on, a wrong seed, a size that does not frame, a trailer changed) is found at the
 * link where S3 stops, with the reason.
 */

import { describe, expect, it } from 'vitest';
import { chunkStringToSign, signChunks, signLink, verifyChunked } from '../../../src/lib/sig/streaming/index';
import { deriveSigningKey, scopeOf } from '../../../src/lib/sig/v4/signing-key';
import { parseHttpRequest } from '../../../src/lib/sig/request/http';
import { readVectorJson } from '../v4/vectors';

interface Example {
  request: {
    method: string;
    path: string;
    headers?: [string, string][];
    canonical_headers_used?: [string, string][];
  };
  seed_signature: string;
  seed_authorization_aws_c_auth?: string;
  chunks: { size_hex: string; signature: string }[];
  trailer?: { headers: [string, string][]; signature: string };
}
const file = readVectorJson<{
  credentials: { access_key_id: string; secret_access_key: string };
  examples: [Example, Example];
}>('s3', 'sigv4-chunked-upload-examples.json');
const [plain, trailered] = file.examples;
const secretAccessKey = file.credentials.secret_access_key;
const A = (n: number) => 'a'.repeat(n);
const DATA = [A(65536), A(1024), ''];

function body(signatures: string[], data = DATA, trailer = ''): string {
  return (
    plain.chunks
      .map((c, i) => `${c.size_hex};chunk-signature=${signatures[i]}\r\n${data[i]}${data[i] ? '\r\n' : ''}`)
      .join('') +
    trailer +
    '\r\n'
  );
}

function plainRequest(b: string, authorization = plain.seed_authorization_aws_c_auth!): string {
  const headers = plain.request.headers!.map(
    ([n, v]) => `${n}: ${n === 'Authorization' ? authorization : v}`,
  );
  return `PUT ${plain.request.path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${b}`;
}

function parseOrThrow(text: string) {
  const request = parseHttpRequest(text);
  if (!request.ok) throw new Error(JSON.stringify(request.problems));
  return request.value;
}

async function verify(text: string) {
  const request = parseHttpRequest(text);
  if (!request.ok) throw new Error(JSON.stringify(request.problems));
  const r = await verifyChunked({ request: request.value, secretAccessKey });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const SIGS = plain.chunks.map((c) => c.signature);

describe('the streaming example, verified', () => {
  it('verifies whole: the seed and every chunk, 66824 bytes as Content-Length says', async () => {
    const v = await verify(plainRequest(body(SIGS)));
    expect(v.match).toBe(true);
    expect(v.trace.details!.chunks.map((c) => c.valid)).toEqual([true, true, true]);
    expect(v.notes.filter((n) => n.severity !== 'note')).toEqual([]);
  });

  it("finds the break at chunk 2 when its bytes changed, and still judges chunk 3 on chunk 2's signature", async () => {
    const text = plainRequest(body(SIGS, [A(65536), A(1023) + 'b', '']));
    const v = await verify(text);
    expect(v.match).toBe(false);
    const brk = v.trace.details!.firstBreak!;
    expect(brk.at).toBe('chunk');
    expect(brk.index).toBe(2);
    expect(brk.problem.message).toContain('does not sign these 1024 bytes');
    expect(text.slice(brk.problem.span!.start, brk.problem.span!.end)).toBe(SIGS[1]);
    expect(v.trace.details!.chunks.map((c) => c.valid)).toEqual([true, false, true]);
  });

  it('names a chain not carried on: chunk 2 signed on the seed', async () => {
    const key = deriveSigningKey(secretAccessKey, scopeOf('20130524T000000Z', 'us-east-1', 's3')).key;
    const ctx = {
      algorithm: 'sigv4' as const,
      amzDate: '20130524T000000Z',
      scope: '20130524/us-east-1/s3/aws4_request',
    };
    // The faulty client's chunk 2: its string to sign takes the seed where chunk 1's signature belongs.
    const onSeed = signLink(
      { algorithm: 'sigv4', key },
      chunkStringToSign(
        ctx,
        plain.seed_signature,
        '2edc986847e209b4016e141a6dc8716d3207350f416969382d431539bf292e4a',
      ),
    );
    const v = await verify(plainRequest(body([SIGS[0]!, onSeed, SIGS[2]!])));
    const brk = v.trace.details!.firstBreak!;
    expect(brk.index).toBe(2);
    expect(brk.problem.message).toContain('did not carry the chain on');
  });

  it('puts a wrong seed first, and says the chunks still chain on it', async () => {
    const auth = plain.seed_authorization_aws_c_auth!.replace(/Signature=4f/, 'Signature=5f');
    const v = await verify(plainRequest(body(SIGS), auth));
    const brk = v.trace.details!.firstBreak!;
    expect(brk.at).toBe('seed');
    expect(v.trace.details!.seedMatch).toBe(false);
    // Chunk 1 signs on the seed sent (…5f…), so it no longer matches: the chunks do not chain on the wrong seed.
    expect(v.trace.details!.chunks[0]!.valid).toBe(false);
    expect(v.trace.details!.chunks.slice(1).map((c) => c.valid)).toEqual([true, true]);
  });

  it('reports a size that does not frame the data, with the size that would', async () => {
    const text = plainRequest(body(SIGS).replace('400;chunk', '3ff;chunk'));
    const v = await verify(text);
    expect(v.match).toBe(false);
    const framing = v.notes.find((n) => n.kind === 'chunk-size')!;
    expect(framing.message).toContain('after 1024 bytes (0x400)');
    expect(text.slice(framing.span!.start, framing.span!.end)).toMatch(/^3ff;chunk-signature=/);
  });

  it('reports a decoded length that is not the sum of the chunks', async () => {
    const text = plainRequest(body(SIGS)).replace(
      'x-amz-decoded-content-length: 66560',
      'x-amz-decoded-content-length: 66561',
    );
    const v = await verify(text);
    expect(v.notes.map((n) => n.kind)).toContain('decoded-length');
  });
});

describe('the trailer example, verified', () => {
  const t = trailered.trailer!;
  const headers = trailered.request.canonical_headers_used!;
  const signed = headers.map(([n]) => n).join(';');
  const authorization = `AWS4-HMAC-SHA256 Credential=${file.credentials.access_key_id}/20130524/us-east-1/s3/aws4_request, SignedHeaders=${signed}, Signature=${trailered.seed_signature}`;
  const request = (trailerValue: string) => {
    const sigs = trailered.chunks.map((c) => c.signature);
    const b = body(
      sigs,
      DATA,
      `${t.headers[0]![0]}:${trailerValue}\r\nx-amz-trailer-signature:${t.signature}\r\n`,
    );
    const lines = [...headers.map(([n, v]) => `${n}: ${v}`), `Authorization: ${authorization}`];
    return `PUT ${trailered.request.path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${b}`;
  };

  it('verifies whole, trailer signature included', async () => {
    const v = await verify(request(t.headers[0]![1]));
    expect(v.match).toBe(true);
    expect(v.trace.details!.trailer!.valid).toBe(true);
    // The example's x-amz-checksum-crc32c (sOO8/Q==) is the CRC-32C of its 66560 bytes of 'a'.
    expect(v.notes.map((n) => n.kind)).not.toContain('trailer-checksum');
  });

  it('breaks at the trailer when a trailing header changed after signing', async () => {
    const v = await verify(request('AAAAAA=='));
    expect(v.match).toBe(false);
    expect(v.trace.details!.firstBreak!.at).toBe('trailer');
    expect(v.trace.details!.chunks.every((c) => c.valid)).toBe(true);
    expect(v.notes.find((n) => n.kind === 'trailer-checksum')!.message).toContain('sOO8/Q==');
  });
});

describe('an unsigned-payload trailer upload', () => {
  const sign = (payload: string, checksum: string) =>
    signChunks({
      request: parseOrThrow('PUT /examplebucket/k HTTP/1.1\r\nHost: s3.amazonaws.com\r\n\r\n'),
      payload,
      chunkSize: 8192,
      kind: 'unsigned-trailer',
      algorithm: 'sigv4',
      credentials: { accessKeyId: file.credentials.access_key_id, secretAccessKey },
      region: 'us-east-1',
      time: new Date('2013-05-24T00:00:00Z'),
      trailers: [['x-amz-checksum-crc32c', checksum]],
    });

  it('frames chunks without signatures, verifies, and checks the trailer checksum against the data', async () => {
    // 66560 bytes of 'a' have the CRC-32C the S3 trailer example sends.
    const signed = await sign(A(66560), 'sOO8/Q==');
    if (!signed.ok) return expect.fail(JSON.stringify(signed.problems));
    const text = signed.value.signedRequest;
    expect(text).toContain('x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    expect(text).toContain('\r\n2000\r\naaaa');
    expect(text.endsWith('0\r\nx-amz-checksum-crc32c:sOO8/Q==\r\n\r\n')).toBe(true);
    const v = await verify(text);
    expect(v.match).toBe(true);
    const wrong = await verify(text.replace('sOO8/Q==', 'AAAAAA=='));
    expect(wrong.notes.map((n) => n.kind)).toContain('trailer-checksum');
  });
});
