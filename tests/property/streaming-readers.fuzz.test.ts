/**
 * Fuzzing the readers of issue 11 with random and mutated input: aws-chunked bodies (and whole chunked uploads
 * through verifyChunked), event-stream frames (hex and Base64, through verifyEventStream), POST policies, forms
 * in every shape (through verifyPostPolicy), SigV4A public keys and signatures. Nothing may throw, and every
 * problem must point inside the text it is about.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64, toHex } from '../../src/lib/sig/crypto';
import { readMessages, signEventStream, verifyEventStream } from '../../src/lib/sig/event-stream/index';
import { readPolicy, readPostForm, verifyPostPolicy } from '../../src/lib/sig/post-policy/index';
import { parseHttpRequest } from '../../src/lib/sig/request/http';
import { readAwsChunked, signChunks, verifyChunked } from '../../src/lib/sig/streaming/index';
import type { Problem } from '../../src/lib/sig/types';
import { parsePublicKey, verifyV4a } from '../../src/lib/sig/v4a/index';

/** Runs per reader; raise with ISSUE11_FUZZ_RUNS for a longer soak. */
const RUNS = Number(process.env['ISSUE11_FUZZ_RUNS'] ?? 3000);

/** Every problem has a span, and it lies inside a text of `length`. */
function placed(problems: readonly Problem[], length: number, context: string): void {
  for (const p of problems) {
    expect(p.span, `${p.kind}: ${p.message}\n${context}`).toBeDefined();
    expect(p.span!.start, context).toBeGreaterThanOrEqual(0);
    expect(p.span!.end, context).toBeGreaterThanOrEqual(p.span!.start);
    expect(p.span!.end, context).toBeLessThanOrEqual(length);
  }
}

/** Mutations of a valid input: flip, delete, insert or duplicate bytes at random places. */
function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.record({
    op: fc.constantFrom('flip', 'delete', 'insert', 'truncate', 'dup'),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 12 }),
    byte: fc.integer({ min: 0, max: 255 }),
  });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let b = Array.from(base);
    for (const e of edits) {
      const at = b.length === 0 ? 0 : e.at % b.length;
      if (e.op === 'flip' && b.length > 0) b[at] = e.byte;
      else if (e.op === 'delete') b.splice(at, e.len);
      else if (e.op === 'insert') b.splice(at, 0, ...new Array<number>(e.len).fill(e.byte));
      else if (e.op === 'truncate') b = b.slice(0, at);
      else b.splice(at, 0, ...b.slice(at, at + e.len));
    }
    return Uint8Array.from(b);
  });
}

const ASCII = (s: Uint8Array) => String.fromCharCode(...s);

describe('aws-chunked bodies', async () => {
  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
  const request = parseHttpRequest(
    'PUT /b/k HTTP/1.1\r\nHost: b.s3.amazonaws.com\r\nx-amz-date: 20240101T000000Z\r\n\r\n',
  );
  if (!request.ok) throw new Error('request');
  const signed = await signChunks({
    request: request.value,
    payload: 'x'.repeat(40) + '\u00e9\u00e9',
    chunkSize: 16,
    kind: 'signed-trailer',
    algorithm: 'sigv4',
    credentials,
    region: 'us-east-1',
    trailers: [['x-amz-checksum-crc32', 'AAAAAA==']],
  });
  if (!signed.ok) throw new Error('sign');
  const body = signed.value.details!.body;
  const head = signed.value.signedRequest.slice(0, signed.value.signedRequest.indexOf('\r\n\r\n') + 4);
  const bodies = fc.oneof(
    mutated(body),
    fc.uint8Array({ maxLength: 200 }),
    fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
  );

  it('reads any body without throwing, every problem inside it', () => {
    fc.assert(
      fc.property(bodies, (b) => {
        const r = readAwsChunked(b);
        placed(r.problems, b.length, toHex(b));
        for (const c of r.chunks) expect(c.data.end).toBeLessThanOrEqual(b.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('verifies any upload without throwing, every problem inside the paste', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (b) => {
        // Bytes as Latin-1 text keep one character per byte, as a paste of the body would.
        const text = head + ASCII(b);
        const parsed = parseHttpRequest(text);
        if (!parsed.ok) return;
        const r = await verifyChunked({
          request: parsed.value,
          secretAccessKey: credentials.secretAccessKey,
        });
        placed(r.problems, text.length, JSON.stringify(text));
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});

describe('event-stream frames', () => {
  const signed = signEventStream({
    seedSignature: 'e1d8e8c8815e60969f2a34765c9a15945ffc0badbaa4b7e3b163ea19131e949b',
    secretAccessKey: 'secret',
    region: 'us-east-1',
    service: 'demo',
    events: ['A', 'BB', ''].map((payload, i) => ({ payload, time: new Date(Date.UTC(2020, 0, 1, 0, 0, i)) })),
  });
  if (!signed.ok) throw new Error('sign');
  const joined = Uint8Array.from(signed.value.details!.events.flatMap((e) => Array.from(e.frame)));
  const frames = fc.oneof(mutated(joined), fc.uint8Array({ maxLength: 120 }));
  const pasted = fc.oneof(
    frames.map(toHex),
    frames.map(toBase64),
    frames.map((f) => toHex(f).replace(/(.{40})/g, '$1\n')),
    fc.string({ maxLength: 120 }),
  );

  it('reads any bytes as messages without throwing, every problem inside them', () => {
    fc.assert(
      fc.property(frames, (f) => placed(readMessages(f).problems, f.length, toHex(f))),
      { numRuns: RUNS },
    );
  });

  it('verifies any pasted frames without throwing, every problem inside the paste', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const r = verifyEventStream({
          frames: text,
          seedSignature: 'e1d8',
          secretAccessKey: 's',
          region: 'us-east-1',
          service: 'demo',
        });
        placed(r.ok ? r.value.notes : r.problems, text.length, JSON.stringify(text));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('POST policies and forms', () => {
  const POLICY =
    '{ "expiration": "2030-01-01T00:00:00Z",\r\n  "conditions": [\r\n    {"bucket": "b"},\r\n    ["starts-with", "$key", "u/"],\r\n    ["content-length-range", 1, 10],\r\n    ["eq", "$acl", "private"]\r\n  ]\r\n}';
  const policyText = fc.oneof(
    mutated(new TextEncoder().encode(POLICY)).map((b) => new TextDecoder().decode(b)),
    fc.string({ maxLength: 100 }),
    fc.json({ maxDepth: 3 }),
    mutated(new TextEncoder().encode(toBase64(new TextEncoder().encode(POLICY)))).map(ASCII),
  );
  const FORMS = [
    'key=u/a\nacl=private\nPolicy=abc\nX-Amz-Signature=00',
    '<form action="https://b.s3.amazonaws.com/"><input type="hidden" name="key" value="u/&amp;x"><input name="acl" value=\'private\'><input type="file" name="file"></form>',
    '--xx\r\nContent-Disposition: form-data; name="key"\r\n\r\nu/a\r\n--xx\r\nContent-Disposition: form-data; name="file"; filename="f"\r\n\r\nDATA\r\n--xx--\r\n',
    '{"key": "u/a", "acl": "private"}',
    '[["key", "u/a"], ["X-Amz-Credential", "AKID/20300101/us-east-1/s3/aws4_request"], ["X-Amz-Signature", "ab"]]',
  ];
  const formText = fc.oneof(
    fc
      .constantFrom(...FORMS)
      .chain((f) => mutated(new TextEncoder().encode(f)).map((b) => new TextDecoder().decode(b))),
    fc.string({ maxLength: 120 }),
  );

  it('reads any policy without throwing, every problem inside it', () => {
    fc.assert(
      fc.property(policyText, (text) => {
        const r = readPolicy(text);
        placed(r.problems, Math.max(text.length, r.ok ? r.value.json.length : 0), JSON.stringify(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads any form and checks it against any policy without throwing, every problem inside the form', () => {
    fc.assert(
      fc.property(formText, fc.option(policyText, { nil: undefined }), (form, policy) => {
        placed(readPostForm(form).problems, form.length, JSON.stringify(form));
        const r = verifyPostPolicy({
          form,
          now: new Date('2024-01-01T00:00:00Z'),
          secretAccessKey: 's',
          ...(policy !== undefined ? { policy } : {}),
        });
        const length = Math.max(
          form.length,
          policy?.length ?? 0,
          ...(r.ok ? [r.value.trace.details!.policy.json.length] : []),
        );
        placed(r.ok ? r.value.notes : r.problems, length, JSON.stringify({ form, policy }));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('SigV4A keys and signatures', () => {
  it('reads any pasted public key without throwing, every problem inside it', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 140 }),
      fc.uint8Array({ minLength: 30, maxLength: 66 }).map(toHex),
      fc.json({ maxDepth: 1 }),
    );
    fc.assert(
      fc.property(key, (text) => placed(parsePublicKey(text).problems, text.length, JSON.stringify(text))),
      { numRuns: RUNS },
    );
  });

  it('verifies any signature without throwing, every problem inside the request', async () => {
    const sig = fc.oneof(
      fc.uint8Array({ maxLength: 80 }).map(toHex),
      fc.string({ maxLength: 40 }).map((s) => s.replace(/[\s,]/g, '')),
    );
    await fc.assert(
      fc.asyncProperty(sig, async (s) => {
        const text = `GET / HTTP/1.1\nHost: example.amazonaws.com\nX-Amz-Date: 20150830T123600Z\nX-Amz-Region-Set: us-east-1\nAuthorization: AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20150830/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=${s}\n\n`;
        const parsed = parseHttpRequest(text);
        if (!parsed.ok) return;
        const r = await verifyV4a({
          request: parsed.value,
          secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
        });
        placed(r.ok ? r.value.notes : r.problems, text.length, text);
        if (r.ok) expect(r.value.match).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
