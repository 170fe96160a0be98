/**
 * The page's worker on a chunk reply: the diff it shows sets S3's chunk string to sign beside ours for the same
 * chunk (not beside the seed's), and the finding is the diagnosis's. The upload is the S3 streaming example
 * (tests/vectors/s3/sigv4-chunked-upload-examples.json); the hash S3 reports for the changed chunk is made with
 * node:crypto.
 */

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT } from '../../src/lib/state/snapshot';
import type { RunInput } from '../../src/lib/worker/protocol';
import { runExplain, runStages } from '../../src/lib/worker/run';
import { readVectorJson } from '../sig/v4/vectors';

const file = readVectorJson<{
  credentials: { secret_access_key: string };
  examples: {
    request: { path: string; headers: [string, string][] };
    seed_authorization_aws_c_auth: string;
    chunks: { size_hex: string; signature: string }[];
  }[];
}>('s3', 'sigv4-chunked-upload-examples.json');
const plain = file.examples[0]!;
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');

describe('the worker on a chunk reply', () => {
  it("diffs S3's chunk string to sign against ours for that chunk, on its last line only", async () => {
    const data = ['a'.repeat(65536), 'a'.repeat(1024), ''];
    const body =
      plain.chunks
        .map((c, i) => `${c.size_hex};chunk-signature=${c.signature}\r\n${data[i]}${data[i] ? '\r\n' : ''}`)
        .join('') + '\r\n';
    const headers = plain.request.headers.map(
      ([n, v]) => `${n}: ${n === 'Authorization' ? plain.seed_authorization_aws_c_auth : v}`,
    );
    const request = `PUT ${plain.request.path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}`;
    const sts = [
      'AWS4-HMAC-SHA256-PAYLOAD',
      '20130524T000000Z',
      '20130524/us-east-1/s3/aws4_request',
      plain.chunks[0]!.signature,
      sha256(''),
      sha256('a'.repeat(1023) + 'b'),
    ].join('\n');
    const serverError = `<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><StringToSign>${sts}</StringToSign><SignatureProvided>${plain.chunks[1]!.signature}</SignatureProvided></Error>`;
    const input: RunInput = {
      ...EMPTY_SNAPSHOT,
      settings: {},
      secretAccessKey: file.credentials.secret_access_key,
      sessionToken: '',
      now: '2013-05-24T00:00:10Z',
      explain: true,
      request,
      serverError,
    };
    const out = await runExplain(input, await runStages(input));
    expect(out.findings?.[0]).toMatchObject({ basis: 'shown', cause: 'chunk-changed-in-transit' });
    expect(out.sides.ours?.stringToSign?.split('\n')[5]).toBe(sha256('a'.repeat(1024)));
    const diff = out.diffs.find((d) => d.part === 'string-to-sign' && d.right === 'server');
    expect(diff, JSON.stringify(out.diffs.map((d) => d.id))).toBeDefined();
    expect(diff!.comparison).toMatchObject({ identical: false, changed: 1, leftLines: 6, rightLines: 6 });
  });
});
