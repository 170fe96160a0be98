/**
 * Explaining aws-chunked uploads and the replies S3 sends about them. The requests are the S3 documentation's
 * streaming and trailer examples (tests/vectors/s3/sigv4-chunked-upload-examples.json, quoted from s3s and
 * aws-c-auth; see its SOURCES.md), carrying the example's own signatures. S3's reply is its SignatureDoesNotMatch
 * shape (Code, Message, AWSAccessKeyId, StringToSign, SignatureProvided) with a chunk's string to sign, as the
 * streaming page defines it; where a chunk's bytes or signature must differ from the example, the hash and the
 * HMAC are made here with node:crypto, never with sigscope's signer.
 */

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import {
  CHUNK_DATA as DATA,
  chunkedBody as body,
  chunkedUpload as upload,
  chunkStringToSign as chunkSts,
  sha256,
  signatureMismatch as reply,
  STREAMING as file,
} from './upload-cases';

const [plain, trailered] = file.examples;
const SECRET = file.credentials.secret_access_key;
const A = (n: number) => 'a'.repeat(n);
const SIGS = plain.chunks.map((c) => c.signature);
const EMPTY = sha256('');

/** The SigV4 signing key of the example's scope, by the documented HMAC chain. */
function hmacSign(sts: string): string {
  let key: Buffer = createHmac('sha256', `AWS4${SECRET}`).update('20130524').digest();
  for (const part of ['us-east-1', 's3', 'aws4_request'])
    key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(sts).digest('hex');
}

describe('an aws-chunked upload', () => {
  it('verifies the example whole with the secret', async () => {
    const e = await explain({ request: upload(body(SIGS)), secretAccessKey: SECRET });
    expect(e.verdict).toBe('match');
    expect(e.findings).toEqual([]);
  });

  it('shows chunk 2 changed on the way: S3 hashed other bytes than the chunk sent, even without the secret', async () => {
    const changed = sha256(A(1023) + 'b');
    const server = reply(chunkSts(SIGS[0]!, changed), SIGS[1]!);
    for (const secretAccessKey of [SECRET, undefined]) {
      const e = await explain({
        request: upload(body(SIGS)),
        serverError: server,
        ...(secretAccessKey ? { secretAccessKey } : {}),
      });
      expect(e.verdict).toBe('mismatch');
      expect(e.findings[0]).toMatchObject({
        kind: 'transit',
        basis: 'shown',
        component: 'payload-hash',
        cause: 'chunk-changed-in-transit',
        evidence: {
          ours: '2edc986847e209b4016e141a6dc8716d3207350f416969382d431539bf292e4a',
          server: changed,
        },
      });
      expect(e.findings[0]!.message).toContain('chunk 2');
    }
  });

  it("keeps trusting a chunk reply that also carries the seed's canonical request", async () => {
    const changed = sha256(A(1023) + 'b');
    const seed = plain.seed_canonical_request;
    const server = reply(chunkSts(SIGS[0]!, changed), SIGS[1]!).replace(
      '<RequestId>',
      `<CanonicalRequest>${seed}</CanonicalRequest><RequestId>`,
    );
    const e = await explain({ request: upload(body(SIGS)), serverError: server, secretAccessKey: SECRET });
    expect(e.problems.map((p) => p.problem.kind)).not.toContain('reply-contradicts-itself');
    expect(e.findings[0]).toMatchObject({ basis: 'shown', cause: 'chunk-changed-in-transit' });
  });

  it("names chunk 2 as the first break when its bytes are not the ones signed, and S3's chunk string to sign is ours", async () => {
    const data = [A(65536), A(1023) + 'b', ''];
    const sts = chunkSts(SIGS[0]!, sha256(data[1]!));
    const e = await explain({
      request: upload(body(SIGS, data)),
      serverError: reply(sts, SIGS[1]!),
      secretAccessKey: SECRET,
    });
    expect(e.verdict).toBe('mismatch');
    expect(e.findings[0]).toMatchObject({ basis: 'shown', cause: 'chunk-data-not-signed' });
    expect(e.findings[0]!.message).toContain('chunk 2');
    expect(e.findings.map((f) => f.cause)).not.toContain('chunk-changed-in-transit');
    // Line by line, the server's string to sign and ours for the same chunk agree.
    expect(e.sides.ours!.stringToSign).toBe(sts);
    expect(e.sides.server!.stringToSign).toBe(sts);
  });

  it("names the first broken chunk from the body and the secret when the reply shows nothing to compare (MinIO's shape)", async () => {
    // MinIO's SignatureDoesNotMatch names no string to sign: Code, Message, Key, BucketName, Resource, ids.
    const minio =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><Key>chunkObject.txt</Key><BucketName>examplebucket</BucketName><Resource>/examplebucket/chunkObject.txt</Resource><RequestId>17A5B1F2C0D6E3A4</RequestId><HostId>dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8</HostId></Error>';
    const data = [A(65536), A(1023) + 'b', ''];
    const e = await explain({
      request: upload(body(SIGS, data)),
      serverError: minio,
      secretAccessKey: SECRET,
    });
    expect(e.verdict).toBe('mismatch');
    expect(e.findings[0]).toMatchObject({ basis: 'shown', cause: 'chunk-data-not-signed' });
    expect(e.findings[0]!.message).toContain('chunk 2');
  });

  it('names a chain not carried on: chunk 2 signed on the seed, not on chunk 1', async () => {
    const onSeed = hmacSign(chunkSts(plain.seed_signature, sha256(A(1024))));
    const sigs = [SIGS[0]!, onSeed, SIGS[2]!];
    const server = reply(plain.chunks[1]!.string_to_sign!, onSeed);
    const e = await explain({ request: upload(body(sigs)), serverError: server, secretAccessKey: SECRET });
    expect(e.verdict).toBe('mismatch');
    expect(e.findings[0]).toMatchObject({ kind: 'client', basis: 'shown', cause: 'chunk-chain-not-carried' });
    expect(e.findings[0]!.message).toMatch(/chunk 2 is signed on the seed signature/);
  });

  it("says the body pasted is not the one sent when S3's chunk chains on no signature of it", async () => {
    const e = await explain({
      request: upload(body(SIGS)),
      serverError: reply(chunkSts('ab'.repeat(32), EMPTY), 'x'),
    });
    expect(e.findings).toContainEqual(
      expect.objectContaining({ basis: 'suspected', cause: 'chunk-chain-unknown' }),
    );
    expect(e.findings.filter((f) => f.basis === 'shown')).toEqual([]);
  });

  it('asks for the body when the request is pasted without it', async () => {
    const e = await explain({
      request: upload(''),
      serverError: reply(plain.chunks[1]!.string_to_sign!, SIGS[1]!),
    });
    expect(e.findings).toContainEqual(
      expect.objectContaining({ basis: 'suspected', cause: 'chunk-body-missing' }),
    );
    expect(e.findings.filter((f) => f.basis === 'shown')).toEqual([]);
  });

  it('names a decoded length that is not the sum of the chunks', async () => {
    const request = upload(body(SIGS)).replace(
      'x-amz-decoded-content-length: 66560',
      'x-amz-decoded-content-length: 66561',
    );
    const e = await explain({ request, secretAccessKey: SECRET });
    expect(e.findings).toContainEqual(
      expect.objectContaining({
        component: 'headers',
        name: 'x-amz-decoded-content-length',
        cause: 'decoded-length',
      }),
    );
  });
});

describe('an aws-chunked upload with a signed trailer', () => {
  const t = trailered.trailer!;
  const headers = trailered.request.canonical_headers_used!;
  const authorization = `AWS4-HMAC-SHA256 Credential=${file.credentials.access_key_id}/20130524/us-east-1/s3/aws4_request, SignedHeaders=${headers.map(([n]) => n).join(';')}, Signature=${trailered.seed_signature}`;
  const request = (trailerValue: string) => {
    const b = body(
      trailered.chunks.map((c) => c.signature),
      DATA,
      `${t.headers[0]![0]}:${trailerValue}\r\nx-amz-trailer-signature:${t.signature}\r\n`,
    );
    const lines = [...headers.map(([n, v]) => `${n}: ${v}`), `Authorization: ${authorization}`];
    return `PUT ${trailered.request.path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${b}`;
  };

  it('verifies the example whole', async () => {
    const e = await explain({ request: request(t.headers[0]![1]), secretAccessKey: SECRET });
    expect(e.verdict).toBe('match');
  });

  it('breaks at the trailer when a trailing checksum changed after signing, and says the checksum is not the data', async () => {
    const e = await explain({ request: request('AAAAAA=='), secretAccessKey: SECRET });
    expect(e.verdict).toBe('mismatch');
    expect(e.findings[0]).toMatchObject({ basis: 'shown', cause: 'trailer-signature' });
    expect(e.findings.map((f) => f.cause)).toContain('trailer-checksum');
  });

  it("shows the trailing headers changed on the way when S3's trailer string to sign hashes others", async () => {
    const received = sha256(`${t.headers[0]![0]}:AAAAAA==\n`);
    const sts = t.string_to_sign.replace(/[0-9a-f]{64}$/, received);
    const e = await explain({
      request: request(t.headers[0]![1]),
      serverError: reply(sts, t.signature),
      secretAccessKey: SECRET,
    });
    expect(e.verdict).toBe('mismatch');
    expect(e.findings[0]).toMatchObject({
      kind: 'transit',
      basis: 'shown',
      cause: 'trailer-changed-in-transit',
    });
    // Ours is the example's own trailer string to sign, beside the server's.
    expect(e.sides.ours!.stringToSign).toBe(t.string_to_sign);
  });
});
