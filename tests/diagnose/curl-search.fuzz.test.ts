/**
 * The curl profile and the one-header search never throw: curl commands and curl -v output, cut and spliced
 * with junk, explained with and without a secret and beside a client log; and curl's canonical query and path
 * for any text.
 */

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURL_ERAS, curlPath, curlQuery } from '../../src/lib/diagnose/clients/curl';
import { explain } from '../../src/lib/diagnose/explain';
import type { ExplainInput } from '../../src/lib/diagnose/types';
import { parseQueryString } from '../../src/lib/sig/request/query';

const twin = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../fixtures/real-shapes/23-curl-url-query-neptune-json-no-canonical.json'),
    'utf8',
  ),
) as { case: { request: string } };

const PASTES = [
  twin.case.request,
  "curl --aws-sigv4 aws:amz:us-east-1:es -u K:S 'https://search-x.us-east-1.es.amazonaws.com/_cat/indices?v&b=1+2'",
  [
    '> PUT /a%20b/c?x=1&filter=a=b HTTP/1.1',
    '> Host: abc.execute-api.us-east-1.amazonaws.com',
    '> Authorization: AWS4-HMAC-SHA256 Credential=user/20240115/us-east-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-meta, Signature=' +
      'a'.repeat(64),
    '> X-Amz-Date: 20240115T120000Z',
    '> User-Agent: curl/8.5.0',
    '> Content-Type:  text/plain ',
    '> X-Meta: one',
    '> X-Meta:   two  ',
    '>',
    'hello',
  ].join('\n'),
];

const mutated = fc
  .tuple(fc.constantFrom(...PASTES), fc.nat(), fc.nat(), fc.string({ maxLength: 8 }))
  .map(([text, a, b, junk]) => {
    const i = a % (text.length + 1);
    const j = Math.min(text.length, i + (b % 30));
    return text.slice(0, i) + junk + text.slice(j);
  });

describe('curl pastes and the one-header search on anything', () => {
  it('never throw, with or without a secret or a log', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated,
        fc.option(fc.constantFrom('secret', 'S', ''), { nil: undefined }),
        fc.option(fc.string({ maxLength: 120 }), { nil: undefined }),
        async (request, secret, clientLog) => {
          const input: ExplainInput = { request };
          if (secret !== undefined) input.secretAccessKey = secret;
          if (clientLog !== undefined) input.clientLog = `GET\n/\n\nhost:x\n\nhost\n${clientLog}`;
          const explanation = await explain(input);
          expect(['match', 'mismatch', 'unknown']).toContain(explanation.verdict);
        },
      ),
      { numRuns: 1500, seed: 20261205 },
    );
  }, 300_000);

  it("gives curl's query and path for any text, in every release range", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 40 }), (query, path) => {
        for (const era of CURL_ERAS) {
          expect(typeof curlQuery(parseQueryString(query), era)).toBe('string');
          const signed = curlPath(path, era, false);
          if (era === '8.14') expect(signed).toMatch(/^(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})+$/);
          else expect(signed).toBe(path === '' ? '/' : path);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
