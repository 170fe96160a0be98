/**
 * The S3 documentation's SigV4 worked examples (header auth and a presigned URL), each stage on its own.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */

import { describe, expect, it } from 'vitest';
import { signText, verifyText } from '../../../src/lib/sig/index';
import { uriEncode } from '../../../src/lib/sig/encoding';
import { readVectorJson } from './vectors';

interface ExampleRequest {
  method: string;
  path: string;
  query: [string, string][];
  raw_query?: string;
  headers: [string, string][];
  body?: string;
}

interface Examples {
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  service: string;
  cases: {
    id: string;
    request: ExampleRequest;
    canonical_request: string;
    string_to_sign: string;
    signed_headers: string;
    signature: string;
    authorization_as_documented?: string;
  }[];
}

/** Writes an example's request as raw HTTP, the form users paste. */
function rawRequest(r: ExampleRequest): string {
  const query = r.raw_query ?? r.query.map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`).join('&');
  const target = r.path + (query ? `?${query}` : '');
  return [
    `${r.method} ${target} HTTP/1.1`,
    ...r.headers.map(([k, v]) => `${k}: ${v}`),
    '',
    r.body ?? '',
  ].join('\r\n');
}

const header = readVectorJson<Examples>('s3', 'sigv4-header-examples.json');
const credentials = {
  accessKeyId: header.credentials.access_key_id,
  secretAccessKey: header.credentials.secret_access_key,
};

describe.each(header.cases)('S3 header example $id', (example) => {
  const sign = () =>
    signText({
      scheme: 'sigv4-s3',
      mode: 'header',
      request: rawRequest(example.request),
      credentials,
      region: header.region,
      service: header.service,
    });

  it('builds the canonical request', async () => {
    const result = await sign();
    expect(result.ok && result.value.canonicalRequestText).toBe(example.canonical_request);
  });

  it('builds the string to sign', async () => {
    const result = await sign();
    expect(result.ok && result.value.stringToSignText).toBe(example.string_to_sign);
  });

  it('signs the documented headers', async () => {
    const result = await sign();
    expect(result.ok && result.value.signedHeaders.join(';')).toBe(example.signed_headers);
  });

  it('computes the signature', async () => {
    const result = await sign();
    expect(result.ok && result.value.signature).toBe(example.signature);
  });
});

// Only the first example's page shows the whole Authorization header; the others give the signature alone.
describe.each(header.cases.filter((c) => c.authorization_as_documented))(
  'S3 header example $id as sent',
  (example) => {
    it('verifies the documented Authorization header', async () => {
      const request = rawRequest({
        ...example.request,
        headers: [...example.request.headers, ['Authorization', example.authorization_as_documented!]],
      });
      const result = await verifyText({
        scheme: 'sigv4-s3',
        request,
        secretAccessKey: credentials.secretAccessKey,
      });
      expect(result.ok && result.value.match).toBe(true);
    });
  },
);

interface PresignedExample {
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  service: string;
  request: ExampleRequest & { host: string };
  presigned_url: string;
  canonical_request: string;
  string_to_sign: string;
  signature: string;
}

describe('S3 presigned URL example', () => {
  const example = readVectorJson<PresignedExample>('s3', 'sigv4-presigned-url-example.json');
  const creds = {
    accessKeyId: example.credentials.access_key_id,
    secretAccessKey: example.credentials.secret_access_key,
  };
  const sign = () =>
    signText({
      scheme: 'sigv4-s3',
      mode: 'query',
      request: rawRequest(example.request),
      credentials: creds,
      region: example.region,
      service: example.service,
    });

  it('builds the canonical request with UNSIGNED-PAYLOAD', async () => {
    const result = await sign();
    expect(result.ok && result.value.canonicalRequestText).toBe(example.canonical_request);
  });

  it('builds the string to sign', async () => {
    const result = await sign();
    expect(result.ok && result.value.stringToSignText).toBe(example.string_to_sign);
  });

  it('computes the signature and the URL', async () => {
    const result = await sign();
    expect(result.ok && result.value.signature).toBe(example.signature);
    expect(result.ok && result.value.url).toBe(example.presigned_url);
  });

  it('verifies the presigned URL as a pasted GET', async () => {
    const url = new URL(example.presigned_url);
    const request = `GET ${url.pathname}${url.search} HTTP/1.1\nHost: ${url.host}\n\n`;
    const result = await verifyText({ scheme: 'sigv4-s3', request, secretAccessKey: creds.secretAccessKey });
    expect(result.ok && result.value.match).toBe(true);
    expect(result.ok && result.value.provided.expires).toBe(86400);
  });
});
