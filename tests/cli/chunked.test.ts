/**
 * `sigscope sign` and `verify` on aws-chunked uploads, against the S3 documentation's streaming example
 * (tests/vectors/s3/sigv4-chunked-upload-examples.json, see SOURCES.md): a case with "chunked" signs the body into
 * the example's seed and chunk signatures; the example's own wire body verifies whole, and a changed chunk is named
 * as the first break.
 */

import { describe, expect, it } from 'vitest';
import { readVectorJson } from '../sig/v4/vectors';
import { sigscope, tempFiles } from './run-cli';

interface Example {
  request: { method: string; path: string; headers: [string, string][] };
  seed_signature: string;
  seed_string_to_sign: string;
  seed_authorization_aws_c_auth: string;
  chunks: { index: number; size_hex: string; signature: string; string_to_sign: string }[];
}
const file = readVectorJson<{
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  service: string;
  timestamp: string;
  payload: { decoded_content_length: number };
  examples: Example[];
}>('s3', 'sigv4-chunked-upload-examples.json');
const plain = file.examples[0]!;
const credentials = {
  accessKeyId: file.credentials.access_key_id,
  secretAccessKey: file.credentials.secret_access_key,
};
const DATA = ['a'.repeat(65536), 'a'.repeat(1024), ''];
const OWN = [
  'authorization',
  'x-amz-content-sha256',
  'content-encoding',
  'x-amz-decoded-content-length',
  'content-length',
];
const { write } = tempFiles('sigscope-chunked-');

/** The example's request as sent: its headers, and the wire body made of its own chunk signatures. */
function wireRequest(data = DATA): string {
  const headers = plain.request.headers.map(
    ([n, v]) => `${n}: ${n === 'Authorization' ? plain.seed_authorization_aws_c_auth : v}`,
  );
  const body = plain.chunks
    .map((c, i) => `${c.size_hex};chunk-signature=${c.signature}\r\n${data[i]}${data[i] ? '\r\n' : ''}`)
    .join('');
  return `${plain.request.method} ${plain.request.path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
}

describe('sigscope sign with "chunked"', () => {
  it('signs the example payload into its seed and chunk signatures', async () => {
    const headers = plain.request.headers.filter(([n]) => !OWN.includes(n.toLowerCase()));
    const request = `PUT ${plain.request.path} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}`).join('\r\n')}\r\n\r\n${'a'.repeat(file.payload.decoded_content_length)}`;
    const c = write('sign.json', {
      scheme: 'sigv4-s3',
      request,
      credentials,
      region: file.region,
      service: file.service,
      time: '2013-05-24T00:00:00Z',
      chunked: { chunkSize: 65536 },
    });
    const r = await sigscope('sign', '--json', c);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const view = JSON.parse(r.stdout);
    expect(view.signature).toBe(plain.seed_signature);
    expect(view.stringToSign).toBe(plain.seed_string_to_sign);
    expect(view.authorization).toBe(plain.seed_authorization_aws_c_auth);
    const chain = view.stages.find((s: { id: string }) => s.id === 'chunk-chain');
    for (const chunk of plain.chunks) expect(chain.text).toContain(`signature ${chunk.signature}`);
    expect(view.signedRequest).toContain(`10000;chunk-signature=${plain.chunks[0]!.signature}`);
  });

  it('says what "chunked" should be when it is not an object with a chunk size', async () => {
    const c = write('bad.json', { scheme: 'sigv4-s3', request: wireRequest(), credentials, chunked: 8 });
    const r = await sigscope('sign', c);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('"chunked" is { "chunkSize"');
  });
});

describe('sigscope verify on an aws-chunked upload', () => {
  it("verifies the example's wire body, every link (exit 0)", async () => {
    const r = await sigscope(
      'verify',
      '--json',
      write('ok.json', { scheme: 'sigv4-s3', request: wireRequest(), credentials }),
    );
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).match).toBe(true);
  });

  it('names chunk 2 as the first break when its bytes changed (exit 1)', async () => {
    const changed = [DATA[0]!, 'b' + DATA[1]!.slice(1), ''];
    const r = await sigscope(
      'verify',
      '--json',
      write('bad2.json', { scheme: 'sigv4-s3', request: wireRequest(changed), credentials }),
    );
    expect(r.code, r.stderr + r.stdout).toBe(1);
    const view = JSON.parse(r.stdout);
    expect(view.match).toBe(false);
    expect(view.reason.message).toMatch(/chunk 2/i);
    const text = await sigscope(
      'verify',
      write('bad2t.json', { scheme: 'sigv4-s3', request: wireRequest(changed), credentials }),
    );
    expect(text.stdout).toMatch(/chunk 2/i);
  });
});
