/**
 * Fuzzing the readers of SigV4A, chunked and POST replies: the shapes of signing-reply.test.ts cut, mutated,
 * prefixed and wrapped, and arbitrary text, through parseSigningReplies, expectedStringKind and readMember; and
 * whole diagnoses of mutated SigV4A, aws-chunked and POST cases through explain. Nothing may throw, and every
 * member read must point inside the paste at the text it holds.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/lib/diagnose/explain';
import { expectedStringKind } from '../../../src/lib/sig/server-error/expected-kind';
import { readMember } from '../../../src/lib/sig/server-error/members';
import { parseSigningReplies } from '../../../src/lib/sig/server-error/signing-reply';
import { readVector } from '../v4/vectors';

/** Runs per property; raise with ISSUE11_FUZZ_RUNS for a longer soak. */
const RUNS = Number(process.env['ISSUE11_FUZZ_RUNS'] ?? 3000);
/** The runs take seconds on a loaded machine; each property has this long. */
const TIMEOUT = 120_000;

const CHUNK_STS =
  'AWS4-HMAC-SHA256-PAYLOAD\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\nad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n2edc986847e209b4016e141a6dc8716d3207350f416969382d431539bf292e4a';
const SHAPES = [
  `<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><StringToSign>${CHUNK_STS}</StringToSign><SignatureProvided>0055627c</SignatureProvided></Error>`,
  '<Error><Code>InvalidRequest</Code><Message>Missing required header for this request: x-amz-region-set</Message></Error>',
  "<Error><Code>RegionSetMismatch</Code><Message>The provided X-Amz-Region-Set doesn't match against the requested S3 region.</Message><RequestedRegion>us-east-1</RequestedRegion><RegionSet>eu-west-1</RegionSet></Error>",
  '<Error><Code>AccessDenied</Code><Message>There were headers present in the request which were not signed</Message><HeadersNotSigned>x-amz-region-set</HeadersNotSigned></Error>',
  '<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy Condition failed: ["eq", "$acl", "public-read"]</Message></Error>',
  '<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Extra input fields: name</Message></Error>',
  '<Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message><ProposedSize>710336</ProposedSize><MaxSizeAllowed>709960</MaxSizeAllowed></Error>',
  '{"error": "<Error><Code>AccessDenied<\\/Code><Message>Invalid according to Policy: Policy expired.<\\/Message><\\/Error>"}',
];

/** A shape cut, with characters replaced or inserted, behind a prefix. */
const mutatedShape = fc
  .record({
    shape: fc.constantFrom(...SHAPES),
    cut: fc.nat(),
    edits: fc.array(
      fc.record({ at: fc.nat(), text: fc.string({ maxLength: 6 }), drop: fc.nat({ max: 4 }) }),
      {
        maxLength: 4,
      },
    ),
    prefix: fc.constantFrom('', 'ERROR botocore: ', "b'", '{"body": "', '│ '),
  })
  .map(({ shape, cut, edits, prefix }) => {
    let s = shape.slice(0, shape.length - (cut % Math.max(1, shape.length / 4)));
    for (const e of edits) {
      const at = s.length === 0 ? 0 : e.at % s.length;
      s = s.slice(0, at) + e.text + s.slice(at + e.drop);
    }
    return prefix + s;
  });

describe('the signing-reply readers never throw', () => {
  it(
    'reads mutated and prefixed real shapes, every member placed on its text',
    () => {
      fc.assert(
        fc.property(mutatedShape, (paste) => {
          for (const { reply } of parseSigningReplies(paste)) {
            const members =
              reply.kind === 'region-set-mismatch'
                ? [reply.regionSet, reply.requestedRegion]
                : reply.kind === 'headers-not-signed'
                  ? [reply.member]
                  : [];
            for (const m of members) {
              if (!m) continue;
              expect(m.span.start).toBeGreaterThanOrEqual(0);
              expect(m.span.end).toBeLessThanOrEqual(paste.length);
              const raw = paste.slice(m.span.start, m.span.end);
              // With nothing escaped in it, the text at the span is the value itself.
              if (!/[&\\]/.test(raw)) expect(raw.trim()).toBe(m.value);
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'judges any text as some kind of string to sign',
    () => {
      const lines = fc.array(
        fc.oneof(
          fc.string(),
          fc.constantFrom('AWS4-HMAC-SHA256-PAYLOAD', 'AWS4-ECDSA-P256-SHA256', 'eyJhIjoxfQ=='),
        ),
        { maxLength: 7 },
      );
      fc.assert(
        fc.property(lines, (l) => {
          expect(expectedStringKind(l.join('\n')).kind).toBeTypeOf('string');
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'reads a member of any name from any text',
    () => {
      fc.assert(
        fc.property(fc.string(), fc.string({ maxLength: 12 }), fc.nat(), fc.nat(), (text, name, a, b) => {
          const m = readMember(text, { start: a % (text.length + 2), end: b }, name);
          if (m) expect(m.span.end).toBeLessThanOrEqual(text.length);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

const V4A = readVector('sigv4a', 'aws-c-auth-v4a', 'get-vanilla', 'header-signed-request.txt');
const CHUNKED =
  'PUT /examplebucket/chunkObject.txt HTTP/1.1\r\nHost: s3.amazonaws.com\r\nx-amz-date: 20130524T000000Z\r\n' +
  'x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD\r\nContent-Encoding: aws-chunked\r\nx-amz-decoded-content-length: 4\r\n' +
  'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9\r\n\r\n' +
  '4;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\naaaa\r\n0;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n\r\n';
const FORM =
  'policy=eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoiLCJjb25kaXRpb25zIjpbWyJlcSIsIiRhY2wiLCJwdWJsaWMtcmVhZCJdXX0=\nacl=private\nx-amz-credential=AKID/20240101/us-east-1/s3/aws4_request\nx-amz-date=20240101T000000Z\nx-amz-signature=abc';

describe('explain never throws on mutated SigV4A, chunked and POST cases', () => {
  it(
    'explains each with a mutated reply and a mutated request',
    async () => {
      const request = fc
        .record({
          base: fc.constantFrom(V4A, CHUNKED, FORM),
          at: fc.nat(),
          text: fc.string({ maxLength: 4 }),
          drop: fc.nat({ max: 6 }),
        })
        .map(({ base, at, text, drop }) => {
          const i = at % base.length;
          return base.slice(0, i) + text + base.slice(i + drop);
        });
      await fc.assert(
        fc.asyncProperty(request, mutatedShape, fc.boolean(), async (req, reply, withSecret) => {
          const e = await explain({
            request: req,
            serverError: reply,
            ...(withSecret ? { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } : {}),
          });
          expect(['match', 'mismatch', 'unknown']).toContain(e.verdict);
        }),
        { numRuns: Math.max(50, Math.floor(RUNS / 15)) },
      );
    },
    TIMEOUT,
  );
});
