/**
 * sigscope's SigV4 signer against `@smithy/signature-v4` (the AWS SDK for JavaScript v3) on thousands of random
 * requests: both sign the same generated request, and the canonical requests, signed header lists and signatures
 * must be equal.
 *
 * Where the two differ on purpose, the generator stays inside what both agree on:
 * - S3 paths: smithy signs the path exactly as given (`uriEscapePath: false`); sigscope decodes it and encodes it
 *   once, as S3 does. S3 paths are therefore generated the way the S3 client encodes keys (escapeUri per segment);
 *   `%2F`, lower-case escapes and raw reserved characters in S3 paths are outside this oracle.
 * - Repeated headers: smithy's request is a map, so a repeat is one entry holding the trimmed values joined with
 *   `,` (SigV4's rule), while sigscope gets one line per field.
 * - Headers a signer owns: smithy drops `date`, `x-amz-date` and `authorization` before signing and overwrites
 *   `x-amz-security-token`; it never adds `host` (the SDK's middleware does), so its request always has one.
 *   Random headers never use these names or the `X-Amz-*` query-auth names; `x-amz-content-sha256` is only set
 *   on purpose (S3).
 * - Presigned URLs with a repeated `x-amz-*` header: sigscope hoists each field as its own parameter, smithy can
 *   only hoist one map entry, so smithy gets such headers already in its query, as lists.
 * - Query names starting `X-Amz-` would collide with the query-auth parameters (smithy also drops any
 *   `X-Amz-Signature` in every mode); `__proto__` is not a usable key of smithy's maps. Neither is generated.
 * - S3 presigned URLs: sigscope signs `UNSIGNED-PAYLOAD` by default, smithy hashes the body unless the request
 *   says `x-amz-content-sha256: UNSIGNED-PAYLOAD`, as the S3 request presigner does; the S3 query variant says so.
 * - Raw whitespace is never in the target: a trailing space there reads as the gap before `HTTP/1.1`.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signText, type SchemeId, type SigV4Settings } from '../../src/lib/sig/index';
import {
  renderRawRequest,
  requestModel,
  sha256Hex,
  toSmithyRequest,
  type Flavor,
  type RequestModel,
} from './request-model';
import { signWithSmithy } from './smithy-oracle';

/** Runs per variant; raise with SIGV4_ORACLE_RUNS for a longer local soak. */
const RUNS = Number(process.env['SIGV4_ORACLE_RUNS'] ?? 2000);

interface Variant {
  title: string;
  scheme: SchemeId;
  flavor: Flavor;
  mode: 'header' | 'query';
  settings: Partial<SigV4Settings>;
  /** The `x-amz-content-sha256` values the client may send, as a function of the body; none when empty. */
  contentSha256: (body: string) => string[];
}

const VARIANTS: Variant[] = [
  {
    title: 'generic header mode',
    scheme: 'sigv4',
    flavor: 'generic',
    mode: 'header',
    // smithy always adds x-amz-content-sha256 in header mode (applyChecksum defaults to true).
    settings: { contentSha256Header: true },
    contentSha256: () => [],
  },
  {
    title: 'generic query mode',
    scheme: 'sigv4',
    flavor: 'generic',
    mode: 'query',
    settings: {},
    contentSha256: () => [],
  },
  {
    title: 'S3 header mode',
    scheme: 'sigv4-s3',
    flavor: 's3',
    mode: 'header',
    settings: {},
    contentSha256: (body) => [sha256Hex(body), 'UNSIGNED-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'],
  },
  {
    title: 'S3 query mode',
    scheme: 'sigv4-s3',
    flavor: 's3',
    mode: 'query',
    settings: {},
    contentSha256: () => ['UNSIGNED-PAYLOAD'],
  },
];

const SIGNING = fc.record({
  accessKeyId: fc.string({
    unit: fc.constantFrom(...'AKIA0123456789XYZ'.split('')),
    minLength: 4,
    maxLength: 20,
  }),
  secretAccessKey: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  sessionToken: fc.option(
    fc.string({ unit: fc.constantFrom(...'AQoDYXdzEJr/+=ab 09'.split('')), minLength: 1, maxLength: 60 }),
    { nil: undefined },
  ),
  region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'cn-north-1', 'us-gov-west-1'),
  service: fc.constantFrom('dynamodb', 's3', 'execute-api', 'iam', 'sts', 'es'),
  time: fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
  expires: fc.integer({ min: 1, max: 604800 }),
});

/** Adds the `x-amz-content-sha256` header a variant's client sends, at a random place among the headers. */
function withContentSha256(variant: Variant, models: fc.Arbitrary<RequestModel>): fc.Arbitrary<RequestModel> {
  return models.chain((model) => {
    const values = variant.contentSha256(model.body);
    if (values.length === 0) return fc.constant(model);
    return fc
      .tuple(
        fc.constantFrom(...values),
        fc.constantFrom('x-amz-content-sha256', 'X-Amz-Content-Sha256'),
        fc.nat(),
      )
      .map(([value, name, at]) => {
        const headers = [...model.headers];
        headers.splice(at % (headers.length + 1), 0, { name, pieces: [' ', value] });
        return { ...model, headers };
      });
  });
}

/** The query pairs of a URL, percent-decoded and sorted: what a server reads out of it. */
function pairsInUrl(url: string): [string, string][] {
  const search = new URL(url).search.slice(1);
  if (search === '') return [];
  return search
    .split('&')
    .filter((piece) => piece !== '')
    .map((piece): [string, string] => {
      const eq = piece.indexOf('=');
      const [name, value] = eq < 0 ? [piece, ''] : [piece.slice(0, eq), piece.slice(eq + 1)];
      return [decodeURIComponent(name), decodeURIComponent(value)];
    })
    .sort(byPair);
}

/** The query pairs of smithy's presigned request, sorted. */
function pairsInMap(query: Record<string, string | string[] | null>): [string, string][] {
  return Object.entries(query)
    .flatMap(([name, value]) => [value ?? ''].flat().map((v): [string, string] => [name, v]))
    .sort(byPair);
}

function byPair(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** Signs every request both ways and asserts each stage agrees, with the raw request in the failure message. */
async function assertAgreesWithSmithy(variant: Variant, models: fc.Arbitrary<RequestModel>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(withContentSha256(variant, models), SIGNING, async (model, signing) => {
      const raw = renderRawRequest(model);
      const credentials = {
        accessKeyId: signing.accessKeyId,
        secretAccessKey: signing.secretAccessKey,
        ...(signing.sessionToken !== undefined ? { sessionToken: signing.sessionToken } : {}),
      };
      const ours = await signText({
        scheme: variant.scheme,
        mode: variant.mode,
        request: raw,
        credentials,
        region: signing.region,
        service: signing.service,
        time: signing.time,
        expires: signing.expires,
        settings: variant.settings,
      });
      const context = `raw request: ${JSON.stringify(raw)}`;
      if (!ours.ok) expect.fail(`sigscope refused the request: ${JSON.stringify(ours.problems)}\n${context}`);
      const theirs = await signWithSmithy({
        request: toSmithyRequest(model, { hoistRepeatedAmzHeaders: variant.mode === 'query' }),
        mode: variant.mode,
        uriEscapePath: variant.flavor === 'generic',
        credentials,
        region: signing.region,
        service: signing.service,
        time: signing.time,
        expires: signing.expires,
      });
      expect(ours.value.canonicalRequestText, context).toBe(theirs.canonicalRequest);
      expect(ours.value.signedHeaders, context).toEqual(theirs.signedHeaders);
      expect(ours.value.signature, context).toBe(theirs.signature);
      if (variant.mode === 'query') {
        // The URL must carry what was signed: the same pairs as smithy's presigned request, once decoded.
        expect(pairsInUrl(ours.value.url!), context).toEqual(pairsInMap(theirs.query!));
      }
    }),
    { numRuns: RUNS },
  );
}

describe('SigV4 signing agrees with @smithy/signature-v4', () => {
  for (const variant of VARIANTS) {
    it(`on random requests in ${variant.title}`, async () => {
      await assertAgreesWithSmithy(variant, requestModel(variant.flavor, 'any'));
    }, 60_000);
  }
});
