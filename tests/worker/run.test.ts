/**
 * The worker's recompute, run in Node: what it makes of the fixtures, an official vector and a presigned URL.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_REQUESTS, FIXTURE_SECRET } from '../../src/lib/examples/fixture-requests';
import { EMPTY_SNAPSHOT } from '../../src/lib/state/snapshot';
import type { RunInput } from '../../src/lib/worker/protocol';
import { readTime, runExplain, runStages, SIGNED_REQUEST_LIMIT } from '../../src/lib/worker/run';
import { serverFixture } from './fixtures';

const VECTORS = join(import.meta.dirname, '../vectors');
const NOW = '2024-01-15T12:00:30Z';

function input(over: Partial<RunInput>): RunInput {
  const blank = { ...EMPTY_SNAPSHOT, settings: {}, secretAccessKey: '', sessionToken: '' };
  return { ...blank, now: NOW, explain: true, ...over };
}

async function run(over: Partial<RunInput>) {
  const i = input(over);
  return runExplain(i, await runStages(i));
}

describe('the fixtures, pasted with the request that was sent and the client canonical request', () => {
  const cases = [
    // id, scheme chosen, 1-based line of the client canonical request that differs, first finding's cause
    ['F1', 'sigv4-s3', 2, 'path-double-encoded'],
    ['F2', 'sigv4-s3', 3, 'token-unsigned'],
    ['F5', 'sigv4', 2, 'path-single-encoded'],
    ['F6', 'sigv4', 4, undefined],
  ] as const;

  it.each(cases)(
    '%s: %s, the diff marks line %i, the first finding names the fault',
    async (id, scheme, line, cause) => {
      const out = await run({
        request: FIXTURE_REQUESTS[id]!,
        ...serverFixture(id),
        secretAccessKey: FIXTURE_SECRET,
      });
      expect(out.seen.scheme).toBe(scheme);
      expect(out.seen.action).toBe('verify');
      expect(out.verdict.verdict).toBe('mismatch');
      const diff = out.diffs.find((d) => d.id === 'canonical-request:client-server');
      expect(diff, JSON.stringify(out.diffs.map((d) => d.id))).toBeDefined();
      expect(diff!.comparison.first?.leftLine).toBe(line);
      expect(out.findings.length).toBeGreaterThan(0);
      if (cause) expect(out.findings[0]!.cause).toBe(cause);
    },
  );

  it('F6: our canonical request, from the request as sent, differs from the server’s in the Content-Type line', async () => {
    const out = await run({
      request: FIXTURE_REQUESTS.F6!,
      ...serverFixture('F6'),
      secretAccessKey: FIXTURE_SECRET,
    });
    const diff = out.diffs.find((d) => d.id === 'canonical-request:ours-server')!;
    expect(diff.comparison.first?.leftLine).toBe(4);
    expect(out.findings[0]).toMatchObject({ kind: 'transit', name: 'content-type' });
  });

  it('the requests carry the signature the client made', async () => {
    for (const id of ['F1', 'F5', 'F6'] as const) {
      const out = await runStages(
        input({ request: FIXTURE_REQUESTS[id]!, ...serverFixture(id), secretAccessKey: FIXTURE_SECRET }),
      );
      expect(out.provided?.signature).toMatch(/^[0-9a-f]{64}$/);
      expect(out.sides.client?.canonicalRequest).toBeDefined();
    }
  });
});

describe('an official vector', () => {
  const dir = join(VECTORS, 'sigv4/aws-c-auth-v4/get-vanilla');
  const signed = readFileSync(join(dir, 'header-signed-request.txt'), 'utf8');

  it('verifies with the right secret', async () => {
    const out = await run({ request: signed, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' });
    expect(out.seen.action).toBe('verify');
    expect(out.verdict.verdict).toBe('match');
    expect(out.stages?.signature).toBe(readFileSync(join(dir, 'header-signature.txt'), 'utf8').trim());
    expect(out.stages?.keyChain.map((k) => k.name)).toEqual([
      'kSecret',
      'kDate',
      'kRegion',
      'kService',
      'kSigning',
    ]);
  });

  it('does not match with another secret', async () => {
    const out = await run({ request: signed, secretAccessKey: 'not-the-secret' });
    expect(out.verdict.verdict).toBe('mismatch');
  });

  it('cannot tell without a secret, and shows no key chain', async () => {
    const out = await runStages(input({ request: signed }));
    expect(out.verdict.verdict).toBe('unknown');
    expect(out.stages?.keyChain).toEqual([]);
    expect(out.stages?.signature).toBeUndefined();
    expect(out.stages?.canonicalRequest).toBe(
      readFileSync(join(dir, 'header-canonical-request.txt'), 'utf8'),
    );
  });

  it('labels each canonical line with the span of the request it came from', async () => {
    const out = await runStages(input({ request: signed, secretAccessKey: 'x' }));
    const host = out.stages!.canonicalLines.find((l) => l.part === 'header' && l.name === 'host')!;
    const span = host.sources[0]!;
    expect(signed.slice(span.start, span.end)).toBe('Host:example.amazonaws.com');
    const method = out.stages!.canonicalLines[0]!;
    expect(signed.slice(method.sources[0]!.start, method.sources[0]!.end)).toBe('GET');
  });

  it('signs the unsigned request at the vector’s time', async () => {
    const request = readFileSync(join(dir, 'request.txt'), 'utf8');
    const out = await runStages(
      input({
        request,
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
        region: 'us-east-1',
        service: 'service',
        time: '2015-08-30T12:36:00Z',
      }),
    );
    expect(out.seen.action).toBe('sign');
    expect(out.stages?.authorization).toContain(
      'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });
});

describe('a presigned URL', () => {
  const example = JSON.parse(readFileSync(join(VECTORS, 's3/sigv4-presigned-url-example.json'), 'utf8')) as {
    presigned_url: string;
    credentials: { secret_access_key: string };
  };

  it('is taken apart, its expiry computed from the page’s clock, and verified', async () => {
    const out = await run({
      request: example.presigned_url,
      secretAccessKey: example.credentials.secret_access_key,
      now: '2013-05-24T12:00:00Z',
    });
    expect(out.seen.form).toBe('url');
    expect(out.seen.scheme).toBe('sigv4-s3');
    expect(out.seen.location).toBe('query');
    expect(out.presigned?.expiresAt).toBe('2013-05-25T00:00:00.000Z');
    expect(out.presigned?.remaining).toBe(12 * 3600);
    expect(out.presigned?.params.map((p) => p.name)).toContain('X-Amz-Signature');
    expect(out.verdict.verdict).toBe('match');
  });
});

describe('a precomputed payload hash', () => {
  it('is signed as x-amz-content-sha256 when the request has none', async () => {
    const hex = 'a'.repeat(64);
    const request =
      'PUT /big.bin HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nx-amz-date: 20240115T120000Z\n\n';
    const out = await runStages(
      input({
        request,
        secretAccessKey: 'secret',
        accessKeyId: 'AKID',
        payloadHash: { hex, name: 'big.bin', size: 5e9 },
      }),
    );
    expect(out.stages?.canonicalLines.at(-1)?.text).toBe(hex);
    expect(out.problems.some((p) => p.problem.kind === 'payload-hash-file')).toBe(true);
    // The added header is not in what was pasted: it points nowhere, and nothing else moves.
    const lines = out.stages!.canonicalLines;
    expect(lines.find((l) => l.name === 'x-amz-content-sha256')?.sources).toEqual([]);
    const date = lines.find((l) => l.name === 'x-amz-date')!.sources[0]!;
    expect(request.slice(date.start, date.end)).toBe('x-amz-date: 20240115T120000Z');
  });
});

describe('a large body', () => {
  it('is cut in the signed request shown', async () => {
    const body = 'x'.repeat(SIGNED_REQUEST_LIMIT * 2);
    const out = await runStages(
      input({
        request: `POST / HTTP/1.1\nHost: sqs.us-east-1.amazonaws.com\nX-Amz-Date: 20240115T120000Z\n\n${body}`,
        secretAccessKey: 'secret',
      }),
    );
    expect(out.stages?.signedRequest?.length).toBe(SIGNED_REQUEST_LIMIT);
    expect(out.stages?.signedRequestCut).toBeGreaterThan(SIGNED_REQUEST_LIMIT);
  });
});

describe('readTime', () => {
  it('reads ISO 8601 and X-Amz-Date forms, and nothing else', () => {
    expect(readTime('2015-08-30T12:36:00Z')?.toISOString()).toBe('2015-08-30T12:36:00.000Z');
    expect(readTime('20150830T123600Z')?.toISOString()).toBe('2015-08-30T12:36:00.000Z');
    expect(readTime('yesterday')).toBeUndefined();
    expect(readTime('2015-08-30')).toBeUndefined();
  });
});

describe('nothing pasted', () => {
  it('says so and computes nothing', async () => {
    const out = await run({});
    expect(out.seen.facts).toEqual(['nothing pasted yet']);
    expect(out.stages).toBeUndefined();
    expect(out.verdict.verdict).toBe('unknown');
  });
});
