/**
 * Explaining SigV4A requests and the replies S3 sends about them. The request and the server's canonical request
 * and string to sign are the aws-c-auth v4a get-vanilla case (tests/vectors/sigv4a, Apache-2.0); its signature
 * verifies under the key derived from the case's secret. The replies' codes, messages and members are S3's, as
 * brekkylab/backlot `backlot/auth.py` reproduces them (measured against s3.us-east-1.amazonaws.com): a
 * SignatureDoesNotMatch carries StringToSign and CanonicalRequest; a missing region set is InvalidRequest
 * "Missing required header for this request: x-amz-region-set"; RegionSetMismatch names RegionSet and
 * RequestedRegion; unsigned headers are AccessDenied with HeadersNotSigned.
 */

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import { readVector, readVectorJson, type AwsCAuthContext } from '../sig/v4/vectors';

const dir = ['sigv4a', 'aws-c-auth-v4a', 'get-vanilla'];
const context = readVectorJson<AwsCAuthContext>(...dir, 'context.json');
const SECRET = context.credentials.secret_access_key;
const SIGNED = readVector(...dir, 'header-signed-request.txt');
const CANONICAL = readVector(...dir, 'header-canonical-request.txt');
const STS = readVector(...dir, 'header-string-to-sign.txt');

const mismatch = (sts: string, canonical: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>' +
  `<AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId><StringToSign>${sts}</StringToSign><SignatureProvided>3046</SignatureProvided>` +
  `<CanonicalRequest>${canonical}</CanonicalRequest><RequestId>1</RequestId></Error>`;

const refusal = (code: string, message: string, members = '') =>
  `<Error><Code>${code}</Code><Message>${message}</Message>${members}<RequestId>1</RequestId></Error>`;

describe('a SigV4A request', () => {
  it('verifies with the key derived from the secret', async () => {
    const e = await explain({ request: SIGNED, secretAccessKey: SECRET });
    expect(e.verdict).toBe('match');
    expect(e.sides.ours).toMatchObject({ canonicalRequest: CANONICAL, stringToSign: STS });
  });

  it("shows the Host changed on the way, line by line against the server's canonical request", async () => {
    const received = CANONICAL.replace('host:example.amazonaws.com', 'host:example.amazonaws.com:443');
    const sts = STS.replace(/[0-9a-f]{64}$/, createHash('sha256').update(received).digest('hex'));
    for (const secretAccessKey of [SECRET, undefined]) {
      const e = await explain({
        request: SIGNED,
        serverError: mismatch(sts, received),
        ...(secretAccessKey ? { secretAccessKey } : {}),
      });
      expect(e.verdict).toBe('mismatch');
      expect(e.findings[0]).toMatchObject({
        kind: 'transit',
        basis: 'shown',
        name: 'host',
        cause: 'host-port-changed-in-transit',
      });
    }
  });

  it('only suspects the secret when the server built the same canonical request and the signature fails', async () => {
    const e = await explain({
      request: SIGNED,
      serverError: mismatch(STS, CANONICAL),
      secretAccessKey: SECRET + 'x',
    });
    expect(e.verdict).toBe('unknown');
    expect(e.findings.filter((f) => f.basis === 'shown')).toEqual([]);
    expect(e.findings).toContainEqual(expect.objectContaining({ basis: 'suspected', cause: 'wrong-secret' }));
  });

  it('names a SigV4 HMAC signature sent in a SigV4A request', async () => {
    const request = SIGNED.replace(/Signature=[0-9a-f]+/, `Signature=${'ab'.repeat(32)}`);
    const e = await explain({ request, secretAccessKey: SECRET });
    expect(e.verdict).toBe('mismatch');
    expect(e.findings[0]).toMatchObject({
      basis: 'shown',
      component: 'algorithm',
      cause: 'v4a-signature-encoding',
    });
  });
});

describe('the region set', () => {
  const withoutSet = SIGNED.replace('X-Amz-Region-Set:us-east-1\n', '');

  it("names a missing X-Amz-Region-Set with its fix, from the request and from S3's reply", async () => {
    const e = await explain({
      request: withoutSet,
      serverError: refusal('InvalidRequest', 'Missing required header for this request: x-amz-region-set'),
    });
    expect(e.verdict).toBe('mismatch');
    expect(e.findings[0]).toMatchObject({
      kind: 'client',
      basis: 'shown',
      component: 'headers',
      name: 'x-amz-region-set',
      cause: 'region-set-missing',
    });
    expect(e.findings[0]!.fix).toMatch(/X-Amz-Region-Set/);
    expect(e.findings.filter((f) => f.cause === 'region-set-missing')).toHaveLength(1);
  });

  it('names a region set left out of SignedHeaders', async () => {
    const request = SIGNED.replace(
      'SignedHeaders=host;x-amz-date;x-amz-region-set',
      'SignedHeaders=host;x-amz-date',
    );
    const e = await explain({
      request,
      serverError: refusal(
        'AccessDenied',
        'There were headers present in the request which were not signed',
        '<HeadersNotSigned>x-amz-region-set</HeadersNotSigned>',
      ),
    });
    expect(e.findings[0]).toMatchObject({
      basis: 'shown',
      component: 'signed-headers',
      cause: 'region-set-unsigned',
    });
  });

  it("says which headers were left unsigned when the request shows it, though the SDK's line does not", async () => {
    const request = SIGNED.replace(
      'SignedHeaders=host;x-amz-date;x-amz-region-set',
      'SignedHeaders=host;x-amz-date',
    );
    const e = await explain({
      request,
      serverError:
        'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: There were headers present in the request which were not signed',
    });
    expect(e.findings.map((f) => f.cause)).toEqual(['region-set-unsigned', 'header-sent-not-signed']);
    expect(e.findings.every((f) => f.basis === 'shown')).toBe(true);
  });

  it('names a region set that leaves out the region that served the request', async () => {
    const e = await explain({
      request: SIGNED.replace('X-Amz-Region-Set:us-east-1', 'X-Amz-Region-Set:eu-west-1'),
      serverError: refusal(
        'RegionSetMismatch',
        "The provided X-Amz-Region-Set doesn't match against the requested S3 region.",
        '<RequestedRegion>us-east-1</RequestedRegion><RegionSet>eu-west-1</RegionSet>',
      ),
    });
    expect(e.findings[0]).toMatchObject({ kind: 'scope', basis: 'shown', cause: 'region-set-mismatch' });
    expect(e.findings[0]!.fix).toContain('us-east-1');
  });

  it('names a SigV4 credential scope sent with SigV4A, from the reply alone', async () => {
    const e = await explain({
      serverError: refusal(
        'AuthorizationHeaderMalformed',
        'The authorization header is malformed; the Credential is mal-formed; expecting "&lt;YOUR-AKID&gt;/YYYYMMDD/SERVICE/aws4_request".',
      ),
    });
    expect(e.findings[0]).toMatchObject({ basis: 'shown', component: 'scope', cause: 'v4a-scope-region' });
  });
});

describe('a Multi-Region Access Point', () => {
  it('suspects a SigV4 (HMAC) signature sent to one, which takes SigV4A only', async () => {
    const request = [
      'GET /sample_data.csv HTTP/1.1',
      'Host: mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com',
      'X-Amz-Date: 20240620T042415Z',
      `x-amz-content-sha256: ${createHash('sha256').update('').digest('hex')}`,
      `Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240620/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${'0'.repeat(64)}`,
      '',
      '',
    ].join('\n');
    const e = await explain({ request });
    expect(e.findings).toContainEqual(
      expect.objectContaining({ basis: 'suspected', component: 'algorithm', cause: 'mrap-needs-sigv4a' }),
    );
  });
});
