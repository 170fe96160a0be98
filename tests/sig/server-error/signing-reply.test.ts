/**
 * Reading the replies of SigV4A, chunked and POST uploads in the shapes servers send them. Each shape's source is
 * named beside it; values (signatures, hashes) come from the S3 and aws-c-auth vectors in tests/vectors, never
 * from sigscope's own signer.
 */

import { describe, expect, it } from 'vitest';
import { parseSigningReplies } from '../../../src/lib/sig/server-error/signing-reply';
import { readVector, readVectorJson } from '../v4/vectors';

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

const chunked = readVectorJson<{
  examples: { chunks: { string_to_sign: string; signature: string }[] }[];
}>('s3', 'sigv4-chunked-upload-examples.json');
const chunk2 = chunked.examples[0]!.chunks[1]!;
const post = readVectorJson<{ cases: { policy_base64: string; signature: string }[] }>(
  's3',
  'sigv4-post-policy-examples.json',
).cases[0]!;
const v4aDir = ['sigv4a', 'aws-c-auth-v4a', 'get-vanilla'];

/** S3's SignatureDoesNotMatch as its members come (AWSAccessKeyId, StringToSign, SignatureProvided, bytes). */
const s3Mismatch = (sts: string, signature: string, canonical?: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code>' +
  `<Message>${MISMATCH}</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId>` +
  `<StringToSign>${sts}</StringToSign><SignatureProvided>${signature}</SignatureProvided>` +
  (canonical !== undefined ? `<CanonicalRequest>${canonical}</CanonicalRequest>` : '') +
  '<RequestId>4442587FB7D0A2F9</RequestId></Error>';

const only = (paste: string) => {
  const read = parseSigningReplies(paste);
  expect(read, paste).toHaveLength(1);
  return read[0]!.reply;
};

describe('what a StringToSign signs', () => {
  it("reads a chunk's string to sign (S3's SignatureDoesNotMatch members; chunk 2 of the S3 streaming example)", () => {
    const reply = only(s3Mismatch(chunk2.string_to_sign, chunk2.signature));
    expect(reply).toMatchObject({
      kind: 'string-to-sign',
      signatureProvided: chunk2.signature,
      expected: {
        kind: 'chunk',
        algorithm: 'sigv4',
        amzDate: '20130524T000000Z',
        scope: '20130524/us-east-1/s3/aws4_request',
        previous: chunked.examples[0]!.chunks[0]!.signature,
        chunkHash: '2edc986847e209b4016e141a6dc8716d3207350f416969382d431539bf292e4a',
      },
    });
  });

  it('reads it after a log prefix, as the request readers do', () => {
    const paste = `2024-05-01 12:00:01,234 ERROR [uploader] S3 said: ${s3Mismatch(chunk2.string_to_sign, chunk2.signature)}`;
    expect(only(paste)).toMatchObject({ expected: { kind: 'chunk' } });
  });

  it("reads a SigV4A string to sign with its region-less scope (the shape of backlot's measured S3 reply; aws-c-auth get-vanilla)", () => {
    const sts = readVector(...v4aDir, 'header-string-to-sign.txt');
    const reply = only(s3Mismatch(sts, 'x', readVector(...v4aDir, 'header-canonical-request.txt')));
    expect(reply).toMatchObject({
      expected: { kind: 'request', algorithm: 'sigv4a', scope: '20150830/service/aws4_request' },
    });
  });

  it("reads a POST's string to sign: S3 signs the form's Base64 policy (the S3 SigV4 POST example)", () => {
    const reply = only(s3Mismatch(post.policy_base64, post.signature));
    expect(reply).toMatchObject({ expected: { kind: 'post-policy', base64: post.policy_base64 } });
    if (reply.kind === 'string-to-sign' && reply.expected.kind === 'post-policy') {
      expect(reply.expected.json).toMatch(/^\{ "expiration": "2015-12-30T12:00:00.000Z"/);
    }
  });

  it('leaves plain SigV4 and SigV2 strings to sign to the common readers', () => {
    const v4 = 'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n' + 'ab'.repeat(32);
    expect(parseSigningReplies(s3Mismatch(v4, 'x'))).toEqual([]);
    expect(parseSigningReplies(s3Mismatch('GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/b/k', 'x'))).toEqual(
      [],
    );
  });
});

describe('region-set refusals', () => {
  // Codes, messages and members as brekkylab/backlot backlot/auth.py reproduces S3's (measured against
  // s3.us-east-1.amazonaws.com, 2026-09-29).
  it('reads "Missing required header for this request: x-amz-region-set"', () => {
    const paste =
      '<Error><Code>InvalidRequest</Code><Message>Missing required header for this request: x-amz-region-set</Message><RequestId>1</RequestId></Error>';
    expect(only(paste)).toEqual({ kind: 'region-set-missing', location: 'header' });
  });

  it('reads the presigned URL form: a non empty x-amz-region-set parameter', () => {
    const paste =
      '<Error><Code>AuthorizationQueryParametersError</Code><Message>SigV4a query auth requires a non empty x-amz-region-set parameter.</Message></Error>';
    expect(only(paste)).toEqual({ kind: 'region-set-missing', location: 'query' });
  });

  it('reads RegionSetMismatch with the region set and the region requested, placed in the paste', () => {
    const paste =
      "<Error><Code>RegionSetMismatch</Code><Message>The provided X-Amz-Region-Set doesn't match against the requested S3 region.</Message><RequestedRegion>us-east-1</RequestedRegion><RegionSet>eu-west-1,eu-central-1</RegionSet><RequestId>1</RequestId></Error>";
    const reply = only(paste);
    if (reply.kind !== 'region-set-mismatch') return expect.fail(reply.kind);
    expect(reply.regionSet?.value).toBe('eu-west-1,eu-central-1');
    expect(paste.slice(reply.requestedRegion!.span.start, reply.requestedRegion!.span.end)).toBe('us-east-1');
  });

  it('reads the headers S3 names as not signed (AccessDenied, HeadersNotSigned), inside a JSON string', () => {
    const xml =
      '<Error><Code>AccessDenied</Code><Message>There were headers present in the request which were not signed</Message><HeadersNotSigned>x-amz-region-set, x-amz-meta-a</HeadersNotSigned></Error>';
    // As a JSON body carries XML: quotes escaped, and "</" written "<\/" (issue 7's XML-inside-JSON shape).
    const paste = `{"error": "${xml.replace(/<\//g, '<\\/')}"}`;
    expect(only(paste)).toMatchObject({
      kind: 'headers-not-signed',
      headers: ['x-amz-region-set', 'x-amz-meta-a'],
    });
  });

  it('reads a SigV4 scope sent with SigV4A: the Credential is mal-formed, expecting SERVICE without REGION', () => {
    const paste =
      '<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the Credential is mal-formed; expecting "&lt;YOUR-AKID&gt;/YYYYMMDD/SERVICE/aws4_request".</Message></Error>';
    expect(only(paste)).toEqual({ kind: 'v4a-credential' });
  });
});

describe('POST policy refusals', () => {
  it('reads the condition S3 names (aws-doc-sdk-examples #5490: the message on its own lines)', () => {
    const paste =
      '<Error>\n<Code>AccessDenied</Code>\n<Message>\nInvalid according to Policy: Policy Condition failed: ["eq", "$acl", "public-read"]\n</Message>\n<RequestId>997GMEFQX05D6ZJ5</RequestId>\n</Error>';
    expect(only(paste)).toEqual({
      kind: 'policy-condition',
      condition: { op: 'eq', field: 'acl', value: 'public-read', text: '["eq", "$acl", "public-read"]' },
    });
  });

  it('reads a condition the XML wrapped across lines (tj/node-s3-policy #8)', () => {
    const paste =
      '<Error>\n  <Code>AccessDenied</Code>\n  <Message>\n    Invalid according to Policy: Policy Condition failed: ["starts-with"\n, "$Content-Length", ""]\n  </Message>\n</Error>';
    expect(only(paste)).toMatchObject({
      condition: { op: 'starts-with', field: 'content-length', value: '' },
    });
  });

  it("reads MinIO's denial that names no condition (minio/minio-py #1047)", () => {
    const paste =
      '<Error><Code>AccessDenied</Code><Message>Access Denied. (Invalid according to Policy: Policy Condition failed)</Message><BucketName>my-bucket</BucketName><Resource>/my-bucket</Resource></Error>';
    expect(only(paste)).toEqual({ kind: 'policy-condition' });
  });

  it('reads "Policy expired." (react-native-aws3 #28, meteor-slingshot #80)', () => {
    const paste =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>\n<Message>Invalid according to Policy: Policy expired.</Message>\n<RequestId></RequestId>\n<HostId>w//</HostId></Error>';
    expect(only(paste)).toEqual({ kind: 'policy-expired' });
  });

  it('reads the extra input fields (froala #404, cloudreve #959)', () => {
    const paste =
      '<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Extra input fields: x-requested-with</Message><RequestId>8FFF313E47C10DEF</RequestId></Error>';
    expect(only(paste)).toEqual({ kind: 'policy-extra-fields', fields: ['x-requested-with'] });
  });

  it('reads EntityTooLarge with ProposedSize and MaxSizeAllowed (froala #1625, apisauce #245)', () => {
    const paste =
      '<Error>\n<Code>EntityTooLarge</Code>\n<Message>Your proposed upload exceeds the maximum allowed size</Message>\n<ProposedSize>20974039</ProposedSize>\n<MaxSizeAllowed>20971520</MaxSizeAllowed>\n<RequestId>4292DB24BF022FC5</RequestId>\n</Error>';
    expect(only(paste)).toEqual({ kind: 'entity-size', too: 'large', proposed: 20974039, limit: 20971520 });
  });

  it('reads EntityTooSmall with MinSizeAllowed', () => {
    const paste =
      '<Error><Code>EntityTooSmall</Code><Message>Your proposed upload is smaller than the minimum allowed size</Message><ProposedSize>10</ProposedSize><MinSizeAllowed>1048576</MinSizeAllowed></Error>';
    expect(only(paste)).toEqual({ kind: 'entity-size', too: 'small', proposed: 10, limit: 1048576 });
  });
});

describe('inside SDK error lines and debug logs', () => {
  it("reads the region-set refusal from botocore's ClientError line", () => {
    const paste =
      'botocore.exceptions.ClientError: An error occurred (InvalidRequest) when calling the GetObject operation: Missing required header for this request: x-amz-region-set';
    expect(only(paste)).toEqual({ kind: 'region-set-missing', location: 'header' });
  });

  it("reads RegionSetMismatch from aws-sdk-go-v2's operation error line (it carries no members)", () => {
    const paste =
      "operation error S3: GetObject, https response error StatusCode: 403, RequestID: 4442587FB7D0A2F9, HostID: abc=, api error RegionSetMismatch: The provided X-Amz-Region-Set doesn't match against the requested S3 region.";
    expect(only(paste)).toEqual({ kind: 'region-set-mismatch' });
  });

  it("reads HeadersNotSigned from botocore's debug log of the response body", () => {
    const paste =
      '2024-05-01 12:00:01,234 botocore.parsers [DEBUG] Response body:\nb\'<?xml version="1.0" encoding="UTF-8"?>\\n<Error><Code>AccessDenied</Code><Message>There were headers present in the request which were not signed</Message><HeadersNotSigned>x-amz-region-set</HeadersNotSigned><RequestId>1</RequestId></Error>\'';
    expect(only(paste)).toMatchObject({ kind: 'headers-not-signed', headers: ['x-amz-region-set'] });
  });
});
