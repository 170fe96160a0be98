/**
 * The curl --aws-sigv4 profile against what curl does. Signatures come from curl's own test suite
 * (curl/curl tests/data/test439 and test472: `-u user:secret`, CURL_FORCETIME so the time is 19700101T000000Z;
 * used under the curl license, https://curl.se/docs/copyright.html); canonical forms are read off lib/http_aws_sigv4.c:
 * - 7.75.0 to 8.2: `curl_maprintf("%s\n%s\n%s\n…", method, data->state.up.path, data->state.up.query, …)`:
 *   path and query exactly as in the URL.
 * - 8.3.0 (PR #11806) to 8.13: `canon_query()` sorts the raw pieces with `compare_func()` (strncmp over the
 *   shorter length), keeps `A-Z a-z 0-9 - . _ ~ =`, upper-cases an existing `%XX`, writes a stray `%` as `%25`,
 *   encodes every other byte, and appends "=" to a piece without one; the path is `data->state.up.path`.
 * - 8.14.0 (PR #17129) on: `canon_query()` URL-decodes and re-encodes each name and value
 *   (`encode_query_component()`: `+` becomes `%20`), sorts by name then value; `canon_path()` runs
 *   `uri_encode_path()` unless `should_urlencode()` says s3, s3-express or s3-outposts.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curlEraOf, curlPath, curlQuery, type CurlEra } from '../../src/lib/diagnose/clients/curl';
import { explain } from '../../src/lib/diagnose/explain';
import { hmacWithKey, sha256HexNow, toHex } from '../../src/lib/sig/crypto';
import { parseQueryString } from '../../src/lib/sig/request/query';
import { deriveSigningKey } from '../../src/lib/sig/v4/signing-key';

/** curl's signature for a GET it signs with SignedHeaders=host;x-amz-date at 19700101T000000Z (curl's tests). */
function curlTestSignature(path: string, query: string, host: string, region: string, service: string) {
  const canonical = [
    'GET',
    path,
    query,
    `host:${host}\nx-amz-date:19700101T000000Z\n`,
    'host;x-amz-date',
    sha256HexNow(''),
  ].join('\n');
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    '19700101T000000Z',
    `19700101/${region}/${service}/aws4_request`,
    sha256HexNow(canonical),
  ].join('\n');
  const key = deriveSigningKey('secret', { date: '19700101', region, service, terminator: 'aws4_request' });
  return toHex(hmacWithKey(key.key, stringToSign));
}

describe('curl --aws-sigv4 canonicalization, per release range', () => {
  it("reproduces curl's test439 signature with the 8.3 query rules", () => {
    const pairs = parseQueryString('name=me%&noval&aim=b%aad&&&weirdo=*.//-');
    const query = curlQuery(pairs, '8.3');
    expect(query).toBe('aim=b%AAd&name=me%25&noval=&weirdo=%2A.%2F%2F-');
    expect(
      curlTestSignature(curlPath('/439/', '8.3', false), query, 'fake.fake.fake:8000', 'us-east-2', 'es'),
    ).toBe('cbbf4a72764e27e396730f5e56cea046d4ce862a2d91db4856fb086b92f49270');
  });

  it("reproduces curl's test472 signature with the 8.14 path rule (encoded once more, not for S3)", () => {
    const path = curlPath('/472/a=%E3%81%82', '8.14', false);
    expect(path).toBe('/472/a%3D%25E3%2581%2582');
    expect(curlTestSignature(path, '', 'fake.fake.fake:8000', 'us-east-2', 'es')).toBe(
      'b8783c8387a5249b084642126fe1f8e07e12a2847820fd5b6cd64b2047149da4',
    );
    expect(curlPath('/472/a=%E3%81%82', '8.14', true)).toBe('/472/a=%E3%81%82');
  });

  it('copies path and query as written before 8.3 (not sorted, not encoded, bare keys bare)', () => {
    const pairs = parseQueryString('z=1&graph=urn:x:y/z&acl');
    expect(curlQuery(pairs, 'as-is')).toBe('z=1&graph=urn:x:y/z&acl');
    expect(curlPath('/a%20b/c', 'as-is', false)).toBe('/a%20b/c');
  });

  it('signs a "+" and a %2B as %20 from 8.14 on (curl issue #20543)', () => {
    expect(curlQuery(parseQueryString('q=a+b&r=c%2Bd'), '8.14')).toBe('q=a%20b&r=c%20d');
    expect(curlQuery(parseQueryString('q=a+b&r=c%2Bd'), '8.3')).toBe('q=a%2Bb&r=c%2Bd');
  });

  it.each([
    ['curl/7.81.0', 'as-is'],
    ['curl/8.2.1', 'as-is'],
    ['curl/8.3.0', '8.3'],
    ['curl/8.13.0', '8.3'],
    ['curl/8.14.1', '8.14'],
  ] as [string, CurlEra][])('reads the release range from User-Agent %s', (agent, era) => {
    expect(curlEraOf(agent)).toBe(era);
  });
});

const twin = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../fixtures/real-shapes/23-curl-url-query-neptune-json-no-canonical.json'),
    'utf8',
  ),
) as {
  case: { request: string };
  error: string;
  expected: { kind: string; component: string; name: string };
};

describe('the curl profile in a diagnosis', () => {
  it("names curl's canonical query as the suspect for a curl command the server rejected (twin 23)", async () => {
    const explanation = await explain({ request: twin.case.request, serverError: twin.error });
    expect(explanation.findings[0]).toMatchObject({ ...twin.expected, basis: 'suspected' });
    expect(explanation.findings.some((f) => f.basis === 'shown')).toBe(false);
  });

  it.each([
    // curl#8107 (7.79.1): `_cat/indices?v` signed as "v", not "v=".
    [
      "curl --aws-sigv4 aws:amz:us-east-1:es -u K:S 'https://search-x.us-east-1.es.amazonaws.com/_cat/indices?v'",
      'v',
    ],
    // curl#9717: `sort=_doc&size=50` signed unsorted before 8.3 (an order, so no one parameter is named).
    [
      "curl --aws-sigv4 aws:amz:us-east-1:es -u K:S 'https://search-x.us-east-1.es.amazonaws.com/i/_search?sort=_doc&size=50'",
      undefined,
    ],
    // curl#13058 (8.6.0): --url-query turns spaces into "+", which curl 8.3 to 8.13 sign as %2B.
    [
      "curl --aws-sigv4 aws:amz:eu-west-1:neptune-db -u K:S https://db.example:8182/sparql --url-query 'query=select * where { ?s ?p ?o } limit 1'",
      'query',
    ],
  ])('suspects the query parameter curl signs its own way: %s', async (command, name) => {
    const explanation = await explain({ request: command });
    expect(explanation.findings[0]).toMatchObject({ kind: 'client', component: 'query', basis: 'suspected' });
    expect(explanation.findings[0]!.name).toBe(name);
  });

  it('suspects the release the User-Agent of curl -v output names, when there is no secret', async () => {
    const verbose = [
      '> GET /sparql/gsp?graph=urn:x:y/z HTTP/1.1',
      '> Host: db.example:8182',
      `> Authorization: AWS4-HMAC-SHA256 Credential=AKID/20230911/us-west-2/neptune-db/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'1'.repeat(64)}`,
      '> X-Amz-Date: 20230911T100000Z',
      '> User-Agent: curl/8.2.1',
      '> Accept: */*',
      '>',
    ].join('\n');
    const explanation = await explain({ request: verbose });
    expect(explanation.findings[0]).toMatchObject({
      kind: 'client',
      component: 'query',
      name: 'graph',
      cause: 'curl-as-is-query',
      basis: 'suspected',
    });
    expect(explanation.findings[0]!.evidence).toMatchObject({
      client: 'graph=urn:x:y/z',
      ours: 'graph=urn%3Ax%3Ay%2Fz',
    });
  });

  it('shows the curl release range that reproduces the signature of curl -v output, with the secret', async () => {
    // curl 8.3 to 8.13 keep "=" inside a value (`canon_query()`: case '='), where SigV4 writes %3D.
    const canonical = [
      'GET',
      '/items',
      'filter=a=b&x=1',
      'host:abc.execute-api.us-east-1.amazonaws.com\nx-amz-date:20240115T120000Z\n',
      'host;x-amz-date',
      sha256HexNow(''),
    ].join('\n');
    const stringToSign = [
      'AWS4-HMAC-SHA256',
      '20240115T120000Z',
      '20240115/us-east-1/execute-api/aws4_request',
      sha256HexNow(canonical),
    ].join('\n');
    const scope = {
      date: '20240115',
      region: 'us-east-1',
      service: 'execute-api',
      terminator: 'aws4_request',
    };
    const signature = toHex(hmacWithKey(deriveSigningKey('secret', scope).key, stringToSign));
    const verbose = [
      '> GET /items?x=1&filter=a=b HTTP/1.1',
      '> Host: abc.execute-api.us-east-1.amazonaws.com',
      `> Authorization: AWS4-HMAC-SHA256 Credential=user/20240115/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
      '> X-Amz-Date: 20240115T120000Z',
      '> User-Agent: curl/8.5.0',
      '> Accept: */*',
      '>',
      '< HTTP/1.1 403 Forbidden',
    ].join('\n');
    const explanation = await explain({ request: verbose, secretAccessKey: 'secret' });
    expect(explanation.request?.form).toBe('curl-verbose');
    expect(explanation.findings[0]).toMatchObject({
      kind: 'client',
      basis: 'shown',
      component: 'query',
      name: 'filter',
      cause: 'curl-8.3-query',
    });
  });
});
