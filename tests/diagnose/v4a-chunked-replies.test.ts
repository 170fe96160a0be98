/**
 * Explaining a SigV4A aws-chunked upload (STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD), the upload of the aws-c-auth
 * chunked case (tests/vectors/streaming/aws-c-auth-chunked-trailer.json: its request, scope and chunk hashes).
 * ECDSA is randomized, so the vectors carry no signatures: the seed and the chunks are signed here with
 * node:crypto, under the key derived as the SigV4A documentation gives it (HMAC-SHA256 counter mode, then + 1),
 * never with sigscope's signer. The chunk signatures go on the wire padded with `*` to 144 characters, as
 * aws-c-auth sends them.
 */

import { createECDH, createHash, createHmac, createPrivateKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import { readVectorJson } from '../sig/v4/vectors';

const vector = readVectorJson<{
  credentials: { access_key_id: string; secret_access_key: string };
  sigv4a: { chunk_hashes: { chunk1: string; chunk2: string; final: string } };
}>('streaming', 'aws-c-auth-chunked-trailer.json');
const AKID = vector.credentials.access_key_id;
const SECRET = vector.credentials.secret_access_key;
const N = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551');

/** The SigV4A private key: the first counter whose HMAC is at most n - 2, plus one. */
function privateKey() {
  for (let counter = 1; counter < 255; counter++) {
    const fixed = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('AWS4-ECDSA-P256-SHA256'),
      Buffer.from([0]),
      Buffer.from(AKID),
      Buffer.from([counter, 0, 0, 1, 0]),
    ]);
    const k = BigInt(`0x${createHmac('sha256', `AWS4A${SECRET}`).update(fixed).digest('hex')}`);
    if (k > N - 2n) continue;
    const d = Buffer.from((k + 1n).toString(16).padStart(64, '0'), 'hex');
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(d);
    const pub = ecdh.getPublicKey();
    const b64 = (b: Buffer) => b.toString('base64url');
    return createPrivateKey({
      key: { kty: 'EC', crv: 'P-256', d: b64(d), x: b64(pub.subarray(1, 33)), y: b64(pub.subarray(33, 65)) },
      format: 'jwk',
    });
  }
  throw new Error('no key');
}
const KEY = privateKey();
const ecdsa = (sts: string) =>
  sign('sha256', Buffer.from(sts), { key: KEY, dsaEncoding: 'der' }).toString('hex');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const DATE = '20130524T000000Z';
const SCOPE = '20130524/s3/aws4_request';
const DATA = ['a'.repeat(65536), 'a'.repeat(1024), ''];
const SIZES = ['10000', '400', '0'];
const LENGTH = String(66824 + 3 * (144 - 64));
const HEADERS: [string, string][] = [
  ['content-encoding', 'aws-chunked'],
  ['content-length', LENGTH],
  ['host', 's3.amazonaws.com'],
  ['x-amz-content-sha256', 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD'],
  ['x-amz-date', DATE],
  ['x-amz-decoded-content-length', '66560'],
  ['x-amz-region-set', 'us-east-1'],
  ['x-amz-storage-class', 'REDUCED_REDUNDANCY'],
];
const SIGNED = HEADERS.map(([n]) => n).join(';');
const CANONICAL = [
  'PUT',
  '/examplebucket/chunkObject.txt',
  '',
  ...HEADERS.map(([n, v]) => `${n}:${v}`),
  '',
  SIGNED,
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
].join('\n');
const SEED = ecdsa(['AWS4-ECDSA-P256-SHA256', DATE, SCOPE, sha256(CANONICAL)].join('\n'));
const chunkSts = (previous: string, hash: string) =>
  ['AWS4-ECDSA-P256-SHA256-PAYLOAD', DATE, SCOPE, previous, sha256(''), hash].join('\n');

/** The upload with its chunk signatures chained from the seed, over `signedData` (what the client signed). */
function upload(sent = DATA, signedData = DATA): { text: string; signatures: string[] } {
  let previous = SEED;
  const signatures = signedData.map((d) => (previous = ecdsa(chunkSts(previous, sha256(d)))));
  const body =
    SIZES.map(
      (s, i) =>
        `${s};chunk-signature=${signatures[i]!.padEnd(144, '*')}\r\n${sent[i]}${sent[i] ? '\r\n' : ''}`,
    ).join('') + '\r\n';
  const auth = `AWS4-ECDSA-P256-SHA256 Credential=${AKID}/${SCOPE}, SignedHeaders=${SIGNED}, Signature=${SEED}`;
  const head = HEADERS.map(([n, v]) => `${n}: ${v}`).join('\r\n');
  return {
    text: `PUT /examplebucket/chunkObject.txt HTTP/1.1\r\n${head}\r\nAuthorization: ${auth}\r\n\r\n${body}`,
    signatures,
  };
}

describe('a SigV4A aws-chunked upload', () => {
  it('hashes each chunk as the vector does', () => {
    expect(DATA.map(sha256)).toEqual(Object.values(vector.sigv4a.chunk_hashes));
  });

  it('verifies the seed and every chunk with the key derived from the secret', async () => {
    const e = await explain({ request: upload().text, secretAccessKey: SECRET });
    expect(e.verdict).toBe('match');
    expect(e.findings).toEqual([]);
  });

  it('names chunk 2 as the first break when the bytes sent are not the ones signed', async () => {
    const sent = [DATA[0]!, 'a'.repeat(1023) + 'b', ''];
    const e = await explain({ request: upload(sent, DATA).text, secretAccessKey: SECRET });
    expect(e.verdict).toBe('mismatch');
    expect(e.findings[0]).toMatchObject({ basis: 'shown', cause: 'chunk-data-not-signed' });
    expect(e.findings[0]!.message).toContain('chunk 2');
  });

  it("shows chunk 2 changed on the way from S3's SigV4A chunk string to sign, without the secret", async () => {
    const { text, signatures } = upload();
    const changed = sha256('a'.repeat(1023) + 'b');
    const reply =
      '<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>' +
      `<StringToSign>${chunkSts(signatures[0]!, changed)}</StringToSign><SignatureProvided>${signatures[1]}</SignatureProvided></Error>`;
    const e = await explain({ request: text, serverError: reply });
    expect(e.verdict).toBe('mismatch');
    expect(e.findings[0]).toMatchObject({
      kind: 'transit',
      basis: 'shown',
      cause: 'chunk-changed-in-transit',
    });
  });
});
