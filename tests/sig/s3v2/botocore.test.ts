/**
 * S3 SigV2 against botocore's HmacV1Auth and HmacV1QueryAuth tests (tests/vectors/s3/botocore-s3-sigv2.json; see
 * SOURCES.md): string to sign and signature asserted separately, presigned URLs through signing and verifying.
 */

import { describe, expect, it } from 'vitest';
import { signS3V2 } from '../../../src/lib/sig/s3v2/sign';
import { s3V2StringToSign } from '../../../src/lib/sig/s3v2/string-to-sign';
import { verifyS3V2 } from '../../../src/lib/sig/s3v2/verify';
import { readVectorJson } from '../v4/vectors';
import { http } from './doc-requests';

type Pairs = [string, string][];
interface HeaderCase {
  id: string;
  method?: string;
  path?: string;
  url?: string;
  headers?: Pairs;
  expected_string_to_sign?: string;
  derived_by_collector?: { string_to_sign: string };
  signature?: string;
  expected?: string;
}
interface PresignCase {
  id: string;
  url?: string;
  headers?: Pairs;
  signature?: string;
  derived_by_collector?: { string_to_sign: string };
  expected_query_subset?: Record<string, string>;
  expected?: string;
}
interface Botocore {
  header_auth: { credentials: { access_key_id: string; secret_access_key: string }; cases: HeaderCase[] };
  query_auth_presign: {
    credentials: { access_key_id: string; secret_access_key: string };
    expected_Expires: string;
    url: string;
    method: string;
    cases: PresignCase[];
  };
}

const v = readVectorJson<Botocore>('s3', 'botocore-s3-sigv2.json');

function raw(method: string, target: string, headers: Pairs = []): string {
  return `${method} ${target} HTTP/1.1\n${headers.map(([n, val]) => `${n}: ${val}\n`).join('')}\n`;
}

describe('botocore HmacV1Auth (header)', () => {
  const ha = v.header_auth;
  const credentials = {
    accessKeyId: ha.credentials.access_key_id,
    secretAccessKey: ha.credentials.secret_access_key,
  };
  for (const c of ha.cases.filter((c) => c.signature)) {
    it(`${c.id}: string to sign and signature`, () => {
      const request = http(raw(c.method!, c.url ?? c.path!, c.headers));
      const expected = c.expected_string_to_sign ?? c.derived_by_collector!.string_to_sign;
      const sts = s3V2StringToSign(request, { mode: 'header' });
      expect(sts.ok && sts.value.text).toBe(expected);
      const signed = signS3V2({ request, credentials, mode: 'header' });
      expect(signed.ok && signed.value.signature).toBe(c.signature);
      expect(signed.ok && signed.value.authorization).toBe(`AWS ${credentials.accessKeyId}:${c.signature}`);
    });
  }

  const listed = ha.cases.find((c) => c.id === 'bucket-subresources')!.expected!;
  const names = /keeps these query keys: ([^(]+)\(/
    .exec(listed)![1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  it(`keeps every bucket sub-resource botocore lists (${names.length}) in the resource, e.g. /quotes?acl`, () => {
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const sts = s3V2StringToSign(http(raw('GET', `/quotes?${name}`, [['Date', 'x']])), { mode: 'header' });
      expect(sts.ok && sts.value.resource.text, name).toBe(`/quotes?${name}`);
    }
  });
});

describe('botocore HmacV1QueryAuth (presigned URL)', () => {
  const q = v.query_auth_presign;
  const credentials = {
    accessKeyId: q.credentials.access_key_id,
    secretAccessKey: q.credentials.secret_access_key,
  };
  const expires = Number(q.expected_Expires);
  const url = new URL(q.url);
  for (const c of q.cases.filter((c) => c.signature)) {
    it(`${c.id}: string to sign, signature, and the URL verifies`, () => {
      const request = http(raw(q.method, url.pathname, [['Host', url.host], ...(c.headers ?? [])]));
      const signed = signS3V2({ request, credentials, mode: 'query', expires });
      expect(signed.ok).toBe(true);
      if (!signed.ok) return;
      if (c.derived_by_collector)
        expect(signed.value.stages.find((s) => s.id === 'string-to-sign')!.text).toBe(
          c.derived_by_collector.string_to_sign,
        );
      expect(signed.value.signature).toBe(c.signature);
      // x-amz-* headers move into the URL, as botocore's presigner puts them (hoistAmzHeaders).
      const amzSubset = Object.entries(c.expected_query_subset ?? {}).filter(([n]) => n.startsWith('x-amz-'));
      expect(signed.value.added.query).toEqual([
        ...amzSubset,
        ['AWSAccessKeyId', credentials.accessKeyId],
        ['Expires', q.expected_Expires],
        ['Signature', c.signature],
      ]);
      const sentQuery = new URL(signed.value.url!).searchParams;
      for (const [n, val] of amzSubset) expect(sentQuery.get(n)).toBe(val);
      expect(signed.value.url).toContain(
        `AWSAccessKeyId=${credentials.accessKeyId}&Expires=${q.expected_Expires}&Signature=${encodeURIComponent(c.signature!)}`,
      );
      const verified = verifyS3V2({
        request: http(signed.value.signedRequest),
        secretAccessKey: credentials.secretAccessKey,
      });
      expect(verified.ok && verified.value.match).toBe(true);
    });
  }

  it('a URL as botocore builds it, every header in its query and none sent, verifies with its signature', () => {
    for (const c of q.cases.filter((c) => c.signature && c.expected_query_subset)) {
      const query = Object.entries(c.expected_query_subset!)
        .map(([n, val]) => `${n}=${encodeURIComponent(val)}`)
        .join('&');
      const target = `${url.pathname}?${query}&AWSAccessKeyId=${credentials.accessKeyId}&Expires=${q.expected_Expires}&Signature=${encodeURIComponent(c.signature!)}`;
      const request = http(raw(q.method, target, [['Host', url.host]]));
      const verified = verifyS3V2({ request, secretAccessKey: credentials.secretAccessKey });
      expect(verified.ok && verified.value.match, c.id).toBe(true);
    }
  });

  it('existing-query: response-content-disposition is kept, signed decoded, and AWSAccessKeyId added', () => {
    const c = q.cases.find((c) => c.id === 'existing-query')!;
    const u = new URL(c.url!);
    const request = http(raw(q.method, u.pathname + u.search, [['Host', u.host]]));
    const signed = signS3V2({ request, credentials, mode: 'query', expires });
    if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
    expect(signed.value.stages.find((s) => s.id === 'canonical-resource')!.text).toBe(
      '/foo-bucket/image.jpg?response-content-disposition=attachment; filename="download.jpg"',
    );
    expect(signed.value.url).toContain(u.search.slice(1) + '&AWSAccessKeyId=access_key&');
  });
});
