/**
 * aws-c-auth's chunked-signing vectors (tests/vectors/streaming/aws-c-auth-chunked-trailer.json, Apache-2.0, see
 * SOURCES.md): the SigV4 trailing-header signature chained after the S3 example's final chunk, and the SigV4A
 * chunked and trailer uploads: seed canonical requests exact, each chunk's and the trailer's string to sign in the
 * published layout, and every ECDSA signature verified with the published public key.
 */

import { describe, expect, it } from 'vitest';
import { fromHex, sha256HexNow } from '../../../src/lib/sig/crypto';
import {
  canonicalTrailers,
  signChunks,
  signLink,
  trailerStringToSign,
  verifyChunked,
} from '../../../src/lib/sig/streaming/index';
import { deriveSigningKey, scopeOf } from '../../../src/lib/sig/v4/signing-key';
import { ecdsaVerifyDigest, v4aDigest } from '../../../src/lib/sig/v4a/index';
import { mustParse, readVectorJson } from '../v4/vectors';

const v = readVectorJson<{
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  service: string;
  base_request: { method: string; path: string; headers: [string, string][] };
  sigv4: {
    chunk_signatures: string[];
    trailing_headers: [string, string][];
    trailing_headers_prior_signature: string;
    trailing_headers_signature: string;
    derived_by_collector: { canonical_trailers: string };
  };
  sigv4a: {
    verification_public_key: { x: string; y: string };
    chunked_canonical_request: string;
    trailer_canonical_request: string;
    chunk_string_to_sign: string;
    chunk_hashes: Record<string, string>;
    trailer_string_to_sign: string;
  };
}>('streaming', 'aws-c-auth-chunked-trailer.json');

const credentials = {
  accessKeyId: v.credentials.access_key_id,
  secretAccessKey: v.credentials.secret_access_key,
};
const time = new Date('2013-05-24T00:00:00Z');
const payload = new Uint8Array(66560).fill(0x61);

describe('aws-c-auth SigV4 trailing headers', () => {
  it('signs first/second/third on the final chunk signature', () => {
    const trailers = v.sigv4.trailing_headers.map(([name, value]) => ({ name, value }));
    expect(canonicalTrailers(trailers)).toBe(v.sigv4.derived_by_collector.canonical_trailers);
    const key = deriveSigningKey(
      credentials.secretAccessKey,
      scopeOf('20130524T000000Z', v.region, v.service),
    ).key;
    const sts = trailerStringToSign(
      { algorithm: 'sigv4', amzDate: '20130524T000000Z', scope: '20130524/us-east-1/s3/aws4_request' },
      v.sigv4.trailing_headers_prior_signature,
      sha256HexNow(canonicalTrailers(trailers)),
    );
    expect(signLink({ algorithm: 'sigv4', key }, sts)).toBe(v.sigv4.trailing_headers_signature);
    expect(v.sigv4.trailing_headers_prior_signature).toBe(v.sigv4.chunk_signatures.at(-1));
  });
});

function request(extra: [string, string][] = []): string {
  const headers = [...v.base_request.headers, ...extra].map(([n, val]) => `${n}: ${val}`);
  return `${v.base_request.method} ${v.base_request.path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`;
}

const pub = v.sigv4a.verification_public_key;
const verifies = (der: string, sts: string) => ecdsaVerifyDigest(fromHex(der)!, v4aDigest(sts), pub);
const expectedChunkSts = (previous: string, hash: string) =>
  v.sigv4a.chunk_string_to_sign
    .replace('<previous signature>', previous)
    .replace('<hex sha256(chunk)>', hash);

/**
 * Signs the vector's payload as a SigV4A upload. The vector signs the Content-Length the base request sends
 * (66824, the SigV4 body's), not this body's, so the signer leaves Content-Length as sent unless told otherwise.
 */
async function signV4aUpload(extra: Partial<Parameters<typeof signChunks>[0]> = {}) {
  const r = await signChunks({
    request: mustParse(request()),
    payload,
    chunkSize: 65536,
    kind: 'signed',
    algorithm: 'sigv4a',
    credentials,
    regionSet: v.region,
    service: v.service,
    time,
    signContentLength: false,
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe.each(['deterministic', 'random'] as const)(
  'aws-c-auth SigV4A chunked upload (%s nonce)',
  (nonce) => {
    it('builds the seed canonical request; seed and chunks verify with the published key in the published layout', async () => {
      const r = { value: await signV4aUpload({ settings: { nonce } }) };
      const d = r.value.details!;
      const seedStage = r.value.stages.find((s) => s.id === 'seed-string-to-sign')!;
      expect(seedStage.text.split('\n')[3]).toBe(sha256HexNow(v.sigv4a.chunked_canonical_request));
      expect(verifies(d.seedSignature, seedStage.text)).toBe(true);
      const hashes = [
        v.sigv4a.chunk_hashes['chunk1'],
        v.sigv4a.chunk_hashes['chunk2'],
        v.sigv4a.chunk_hashes['final'],
      ];
      let previous = d.seedSignature;
      for (const [i, c] of d.chunks.entries()) {
        expect(c.stringToSign).toBe(expectedChunkSts(previous, hashes[i]!));
        expect(verifies(c.signature, c.stringToSign)).toBe(true);
        expect(c.wire).toHaveLength(144);
        previous = c.signature;
      }
    });
  },
);

describe('aws-c-auth SigV4A trailer upload', () => {
  it('builds the trailer canonical request and a trailer string to sign that verifies', async () => {
    const r = { value: await signV4aUpload({ kind: 'signed-trailer', trailers: v.sigv4.trailing_headers }) };
    const d = r.value.details!;
    const seed = r.value.stages.find((s) => s.id === 'seed-string-to-sign')!.text;
    expect(seed.split('\n')[3]).toBe(sha256HexNow(v.sigv4a.trailer_canonical_request));
    const t = d.trailer!;
    const expected = v.sigv4a.trailer_string_to_sign.replace(
      '<previous signature>',
      d.chunks.at(-1)!.signature,
    );
    expect(t.stringToSign).toBe(expected);
    expect(verifies(t.signature!, t.stringToSign!)).toBe(true);
  });
});

describe('a SigV4A chunked upload, verified with the published public key', () => {
  it('verifies whole, and breaks at the chunk whose bytes changed', async () => {
    // Content-Length as this body is, so that the signed request verifies whole.
    const r = { value: await signV4aUpload({ signContentLength: true }) };
    const publicKey = JSON.stringify({ X: pub.x, Y: pub.y });
    const check = async (text: string) => {
      const parsed = mustParse(text);
      const result = await verifyChunked({ request: parsed, publicKey });
      if (!result.ok) return expect.fail(JSON.stringify(result.problems));
      return result.value;
    };
    const whole = await check(r.value.signedRequest);
    expect(whole.match).toBe(true);
    const broken = await check(r.value.signedRequest.replace(/a\r\n400;/, 'b\r\n400;'));
    expect(broken.trace.details!.firstBreak).toMatchObject({ at: 'chunk', index: 1 });
  });
});
