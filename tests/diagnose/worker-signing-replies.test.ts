/**
 * The page's worker on a chunk reply: the diff it shows sets S3's chunk string to sign beside ours for the same
 * chunk (not beside the seed's), and the finding is the diagnosis's. The upload is the S3 streaming example
 * (tests/vectors/s3/sigv4-chunked-upload-examples.json); the hash S3 reports for the changed chunk is made with
 * node:crypto.
 */

import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT } from '../../src/lib/state/snapshot';
import type { RunInput } from '../../src/lib/worker/protocol';
import { runExplain, runStages } from '../../src/lib/worker/run';
import {
  chunkedBody,
  chunkedUpload,
  chunkStringToSign,
  sha256,
  signatureMismatch,
  STREAMING as file,
} from './upload-cases';

const plain = file.examples[0];

describe('the worker on a chunk reply', () => {
  it("diffs S3's chunk string to sign against ours for that chunk, on its last line only", async () => {
    const sigs = plain.chunks.map((c) => c.signature);
    const request = chunkedUpload(chunkedBody(sigs));
    const sts = chunkStringToSign(sigs[0]!, sha256('a'.repeat(1023) + 'b'));
    const serverError = signatureMismatch(sts, sigs[1]!);
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
