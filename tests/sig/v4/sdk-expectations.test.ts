/**
 * Expectations from the AWS SDKs' own unit tests (smithy-typescript's SignatureV4.spec.ts and botocore's
 * test_signers.py), transcribed in tests/vectors/sigv4/*.json. The JSON gives each case's inputs in words; the
 * tables below write them as the raw requests sigscope reads, and every expected value is read from the JSON.
 */

import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../src/lib/sig/crypto';
import { signText, type SignTextInput } from '../../../src/lib/sig/index';
import { renderCanonicalQuery } from '../../../src/lib/sig/v4/canonical-query';
import { readVectorJson } from './vectors';

type Query = Record<string, string>;
interface SmithyCase {
  id: string;
  body?: string;
  body_hex?: string;
  credentials?: { access_key_id: string; secret_access_key: string; session_token?: string };
  expected_query?: Query;
  expected_query_subset?: Query;
  expected_signature?: string;
  expected_authorization?: string;
  expected_authorization_prefix?: string;
}
interface Smithy {
  signer: {
    service: string;
    region: string;
    credentials: NonNullable<SmithyCase['credentials']>;
  };
  presign: { options: { expiresIn: number; signingDate: string }; cases: SmithyCase[] };
  sign_headers: { options: { signingDate: string }; cases: SmithyCase[] };
}

const smithy = readVectorJson<Smithy>('sigv4', 'smithy-typescript-signature-v4.json');
const HOST = 'foo.us-bar-1.amazonaws.com';

/** How each smithy case's request reads on the wire, and the settings that match the SDK call's options. */
const SMITHY_REQUESTS: Record<
  string,
  {
    headers?: string[];
    path?: string;
    settings?: SignTextInput['settings'];
    scheme?: 'sigv4-s3';
    omitHost?: boolean;
    expires?: number | null;
  }
> = {
  'no-body': {},
  'override-region-service': {}, // signingRegion/signingService override the signer's own: the scope is the same
  'default-expires': { expires: null },
  'string-body': {},
  'binary-body': {},
  'no-host-header': { omitHost: true },
  'unhoistable-header': { headers: ['x-amz-not-hoisted: test'], settings: { hoistAmzHeaders: false } },
  'streaming-unsigned-body': { settings: { payload: 'unsigned' } },
  'session-token': {},
  'precalculated-unsigned-payload': { headers: ['X-Amz-Content-Sha256: UNSIGNED-PAYLOAD'] },
  'unsigned-body-when-directed': { headers: ['X-Amz-Content-Sha256: UNSIGNED-PAYLOAD'] },
  'uri-encode-path': { path: '/foo%3Dbar' },
  'normalize-relative-path': { path: '/abc/../foo%3Dbar' },
  'normalize-double-slash': { path: '//foo%3Dbar' },
};

/**
 * Cases not run, and why:
 * - custom-unsignable-headers, signable-overrides-unsignable: per-call lists of extra (un)signable header names are
 *   an SDK API; sigscope signs by one of the named unsigned-header profiles, which cannot name `foo`.
 * - expires-too-long is asserted below as an input problem rather than a signature.
 * - no-uri-escape-s3-style is run below under the S3 scheme, whose settings are what `uriEscapePath: false` means.
 */
const NOT_RUN = [
  'custom-unsignable-headers',
  'signable-overrides-unsignable',
  'expires-too-long',
  'no-uri-escape-s3-style',
];

function smithyInput(
  c: SmithyCase,
  mode: 'header' | 'query',
  signingDate: string,
  expiresIn?: number,
): SignTextInput {
  const shape = SMITHY_REQUESTS[c.id]!;
  const headers = [...(shape.omitHost ? [] : [`Host: ${HOST}`]), ...(shape.headers ?? [])];
  const creds = c.credentials ?? smithy.signer.credentials;
  const input: SignTextInput = {
    scheme: 'sigv4',
    mode,
    request: [`POST ${shape.path ?? '/'} HTTP/1.1`, ...headers, '', c.body ?? ''].join('\n'),
    credentials: {
      accessKeyId: creds.access_key_id,
      secretAccessKey: creds.secret_access_key,
      ...(creds.session_token ? { sessionToken: creds.session_token } : {}),
    },
    region: smithy.signer.region,
    service: smithy.signer.service,
    time: new Date(signingDate),
    // The SDK signer adds x-amz-content-sha256 to every header-signed request (applyChecksum).
    settings: { contentSha256Header: true, ...shape.settings },
  };
  if (c.body_hex) input.body = fromHex(c.body_hex)!;
  if (mode === 'query' && shape.expires !== null) input.expires = expiresIn;
  return input;
}

function queryOf(url: string): Query {
  return Object.fromEntries(new URL(url).searchParams);
}

describe('smithy-typescript presign', () => {
  const { options, cases } = smithy.presign;
  describe.each(cases.filter((c) => !NOT_RUN.includes(c.id)))('$id', (c) => {
    it('produces the expected query', async () => {
      const result = await signText(smithyInput(c, 'query', options.signingDate, options.expiresIn));
      expect(result.ok, JSON.stringify(result.problems)).toBe(true);
      if (!result.ok) return;
      const query = queryOf(result.value.url!);
      if (c.expected_query) expect(query).toEqual(c.expected_query);
      if (c.expected_query_subset) expect(query).toMatchObject(c.expected_query_subset);
      if (c.expected_signature) expect(result.value.signature).toBe(c.expected_signature);
    });
  });

  it('refuses a lifetime over a week', async () => {
    const c = cases.find((x) => x.id === 'expires-too-long')!;
    const result = await signText({
      ...smithyInput({ ...c, id: 'no-body' }, 'query', options.signingDate),
      expires: 604801,
    });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toContain('expires');
  });

  it('signs S3-style (path as sent, hoisted UNSIGNED-PAYLOAD) like uriEscapePath: false', async () => {
    const c = cases.find((x) => x.id === 'no-uri-escape-s3-style')!;
    const result = await signText({
      ...smithyInput({ ...c, id: 'no-body' }, 'query', options.signingDate, options.expiresIn),
      scheme: 'sigv4-s3',
      request: `POST /foo/bar/baz HTTP/1.1\nHost: ${HOST}\nX-Amz-Content-Sha256: UNSIGNED-PAYLOAD\n\n`,
    });
    expect(result.ok && result.value.signature).toBe(c.expected_signature);
  });
});

describe('smithy-typescript sign (header)', () => {
  const { options, cases } = smithy.sign_headers;
  describe.each(cases.filter((c) => !NOT_RUN.includes(c.id)))('$id', (c) => {
    it('produces the expected Authorization', async () => {
      const result = await signText(smithyInput(c, 'header', options.signingDate));
      expect(result.ok, JSON.stringify(result.problems)).toBe(true);
      if (!result.ok) return;
      if (c.expected_authorization) expect(result.value.authorization).toBe(c.expected_authorization);
      if (c.expected_signature) expect(result.value.signature).toBe(c.expected_signature);
      expect(result.value.added.headers).toContainEqual(['X-Amz-Date', '20000101T000000Z']);
    });
  });

  it('signs S3-style (path encoded once) like uriEscapePath: false', async () => {
    const c = cases.find((x) => x.id === 'no-uri-escape-s3-style')!;
    const result = await signText({
      ...smithyInput({ ...c, id: 'no-body' }, 'header', options.signingDate),
      scheme: 'sigv4-s3',
      request: `POST /foo%3Dbar HTTP/1.1\nHost: ${HOST}\nX-Amz-Content-Sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n\n`,
    });
    expect(result.ok && result.value.authorization).toBe(c.expected_authorization);
  });
});

interface BotocoreCase {
  id: string;
  url?: string;
  expected_query?: Query;
  expected_query_subset?: Query;
  expected_url_contains?: string;
  expected_canonical_query?: string;
}
const botocore = readVectorJson<{
  credentials: { access_key_id: string; secret_access_key: string };
  service: string;
  region: string;
  now: string;
  expires: number;
  cases: BotocoreCase[];
}>('sigv4', 'botocore-sigv4.json');

/**
 * botocore cases not run, and why: presign-spaces and presign-form-content-type-not-signed test botocore's
 * request serializer (a `data` dict written into the query; a form Content-Type deleted when the body moves into
 * the query), which happen before signing; sigscope signs the request as pasted.
 */
const BOTOCORE_NOT_RUN = ['presign-spaces', 'presign-form-content-type-not-signed'];

describe('botocore presign and canonical query', () => {
  it('runs every case but the ones listed above', () => {
    const run = [
      'presign-no-params',
      's3-presign',
      'presign-json-bytes-body',
      'presign-operation-params-first',
      'presign-security-token',
      'canonical-query-cloudsearch',
      's3-canonical-query-utf8',
      's3-blocklisted-headers',
    ];
    expect(botocore.cases.map((c) => c.id).sort()).toEqual([...run, ...BOTOCORE_NOT_RUN].sort());
  });

  const byId = (id: string) => botocore.cases.find((c) => c.id === id)!;
  const base = (
    scheme: 'sigv4' | 'sigv4-s3',
    url: string,
    extra: Partial<SignTextInput> = {},
  ): SignTextInput => {
    const u = new URL(url);
    return {
      scheme,
      mode: 'query',
      request: `GET ${u.pathname}${u.search} HTTP/1.1\nHost: ${u.host}\n\n`,
      credentials: {
        accessKeyId: botocore.credentials.access_key_id,
        secretAccessKey: botocore.credentials.secret_access_key,
      },
      region: botocore.region,
      service: botocore.service,
      time: new Date(botocore.now),
      expires: botocore.expires,
      ...extra,
    };
  };

  it.each([
    ['presign-no-params', 'sigv4'],
    ['s3-presign', 'sigv4-s3'],
  ] as const)('%s signs the expected query', async (id, scheme) => {
    const c = byId(id);
    const result = await signText(base(scheme, c.url!));
    expect(result.ok && queryOf(result.value.url!)).toEqual(c.expected_query);
  });

  it('presign-json-bytes-body: body parameters, which botocore moves into the query, are signed there', async () => {
    const c = byId('presign-json-bytes-body');
    const result = await signText(base('sigv4', `${c.url!}?Param=value`));
    expect(result.ok && queryOf(result.value.url!)).toEqual(c.expected_query);
  });

  it('presign-operation-params-first keeps the operation parameters first', async () => {
    const c = byId('presign-operation-params-first');
    const result = await signText(base('sigv4', c.url!));
    expect(result.ok && result.value.url).toContain(c.expected_url_contains);
  });

  it('presign-security-token adds the token to the URL', async () => {
    const c = byId('presign-security-token');
    const result = await signText(
      base('sigv4-s3', c.url!, {
        credentials: { accessKeyId: 'a', secretAccessKey: 'b', sessionToken: 'security-token' },
      }),
    );
    expect(result.ok && queryOf(result.value.url!)).toMatchObject(c.expected_query_subset!);
  });

  it.each([
    ['canonical-query-cloudsearch', 'sigv4'],
    ['s3-canonical-query-utf8', 'sigv4-s3'],
  ] as const)('%s builds the expected canonical query', async (id, scheme) => {
    const c = byId(id);
    const result = await signText({ ...base(scheme, c.url!), mode: 'header' });
    expect(result.ok && renderCanonicalQuery(result.value.canonicalRequest.query)).toBe(
      c.expected_canonical_query,
    );
  });

  it('s3-blocklisted-headers: the botocore profile leaves each listed header unsigned', async () => {
    const listed = [
      'expect',
      'x-amzn-trace-id',
      'user-agent',
      'transfer-encoding',
      'connection',
      'keep-alive',
      'proxy-authenticate',
      'proxy-authorization',
      'te',
      'trailer',
      'upgrade',
    ];
    expect(byId('s3-blocklisted-headers')).toMatchObject({
      expected: expect.stringContaining(listed.join(', ')),
    });
    const request = `PUT /bucket/key HTTP/1.1\nHost: s3.amazonaws.com\n${listed.map((h) => `${h}: x`).join('\n')}\n\n`;
    const result = await signText({
      ...base('sigv4-s3', 'https://s3.amazonaws.com/'),
      mode: 'header',
      request,
      settings: { unsignedHeaders: 'botocore' },
    });
    expect(result.ok && result.value.signedHeaders).toEqual(['host', 'x-amz-content-sha256', 'x-amz-date']);
    expect(result.ok && result.value.unsignedHeaders.map((h) => h.name).sort()).toEqual([...listed].sort());
  });
});
