/**
 * A generated request and its two renderings: the raw HTTP text sigscope parses, and the `HttpRequest` that
 * `@smithy/signature-v4` signs. Both come from the same model, so a signature that differs is a signer that differs.
 */

import { createHash } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import fc from 'fast-check';

/** Which path rules a request is generated for: every service but S3, or S3. */
export type Flavor = 'generic' | 's3';

/** One `name=value` pair: decoded as smithy takes it, and encoded as it is written on the wire. */
export interface QueryPair {
  name: string;
  value: string;
  wire: string;
}

/** A line fold inside a header value: whitespace, a line break, then the continuation line's indent. */
export interface Fold {
  before: string;
  indent: string;
}

/** One header field: its name as written and its value as text pieces, whitespace and folds. */
export interface HeaderField {
  name: string;
  pieces: (string | Fold)[];
}

/** Everything one generated request is made of. */
export interface RequestModel {
  method: string;
  /** The path exactly as sent: already percent-encoded (or not) the way a client writes it. */
  wirePath: string;
  query: QueryPair[];
  /** Write a `?` even when there are no pairs. */
  questionMark: boolean;
  /** `host[:port]`. */
  authority: string;
  /** Write the target in absolute form (`https://host/path`). */
  absoluteForm: boolean;
  /** The Host header's name as written, or `null` to leave it out (absolute form only: the target has it). */
  hostHeader: string | null;
  headers: HeaderField[];
  body: string;
  lineEnd: '\n' | '\r\n';
}

/** Percent-encoding as the AWS SDK for JavaScript writes paths and queries: encodeURIComponent plus `!'()*`. */
export function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/** Lower-case hex SHA-256 of text as UTF-8, for the `x-amz-content-sha256` a client sends. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// ---- characters -------------------------------------------------------------------------------------------

const UNRESERVED = fc.constantFrom(...'AZaz09-._~'.split(''), 'x', 'Q', '5');
const SUB_DELIMS = fc.constantFrom(...`$&+,;=:@!*'()`.split(''));
const AWKWARD = fc.constantFrom(
  ' ',
  '%',
  '/',
  '?',
  '#',
  '[',
  ']',
  '"',
  '<',
  '>',
  '\\',
  '^',
  '`',
  '{',
  '|',
  '}',
);
/** Any one code point (never a lone surrogate, which no client can encode). */
const CODE_POINT = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const NON_ASCII = fc.constantFrom('é', 'ß', '日本', '€', '😀', '\u00a0', '\u2028', 'Ω');

/** Decoded text as an application would put it in a key, a query name or a value. */
const decodedText = (minLength: number) =>
  fc.string({
    unit: fc.oneof(UNRESERVED, SUB_DELIMS, AWKWARD, NON_ASCII, CODE_POINT),
    minLength,
    maxLength: 10,
  });

const hexByte = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.boolean())
  .map(([b, upper]) => '%' + (upper ? b.toString(16).toUpperCase() : b.toString(16)).padStart(2, '0'));

// ---- paths ------------------------------------------------------------------------------------------------

/** A path segment as sent to a generic service: raw reserved characters, escapes of any byte, stray `%`. */
const genericSegment = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('.', '..', '') },
  {
    weight: 5,
    arbitrary: fc.string({
      unit: fc.oneof(
        UNRESERVED,
        SUB_DELIMS,
        CODE_POINT.map(escapeUri),
        hexByte,
        fc.constant('%'),
        NON_ASCII.filter((c) => c !== '\u00a0' && c !== '\u2028'),
      ),
      minLength: 1,
      maxLength: 6,
    }),
  },
);

/** An S3 key segment, encoded the way the S3 client encodes keys: each segment with escapeUri. */
const s3Segment = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('.', '..', '') },
  { weight: 5, arbitrary: decodedText(1).map((s) => s.replaceAll('/', '_')) },
);

const wirePath = (flavor: Flavor) =>
  flavor === 'generic'
    ? fc.array(genericSegment, { maxLength: 6 }).map((segments) => '/' + segments.join('/'))
    : fc.array(s3Segment, { maxLength: 6 }).map((segments) => '/' + segments.map(escapeUri).join('/'));

// ---- query ------------------------------------------------------------------------------------------------

/** Encodes only what would break the query apart, leaving reserved characters and non-ASCII raw. */
function escapeLoosely(text: string, isName: boolean): string {
  const mustEscape = isName ? /[%&=#\s\p{Cc}]/u : /[%&#\s\p{Cc}]/u;
  return Array.from(text, (c) => (mustEscape.test(c) ? escapeUri(c) : c)).join('');
}

const queryName = fc
  .oneof(fc.constantFrom('a', 'A', 'list-type', 'prefix', 'k', 'versionId'), decodedText(0))
  .filter((name) => !/^x-amz-/i.test(name) && name !== '__proto__');

const queryPair: fc.Arbitrary<QueryPair> = fc
  .record({
    name: queryName,
    value: fc.oneof(fc.constant(''), decodedText(1)),
    loose: fc.boolean(),
    bare: fc.boolean(),
  })
  .map(({ name, value, loose, bare }) => {
    const encode = (text: string, isName: boolean) => (loose ? escapeLoosely(text, isName) : escapeUri(text));
    const wire =
      value === '' && bare && name !== ''
        ? encode(name, true)
        : `${encode(name, true)}=${encode(value, false)}`;
    return { name, value, wire };
  });

// ---- headers ----------------------------------------------------------------------------------------------

/** Header names either signer adds, replaces or drops itself; see the list at the top of the oracle test. */
const RESERVED_HEADERS = new Set([
  'host',
  'authorization',
  'date',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-signedheaders',
  'x-amz-expires',
  'x-amz-signature',
  '__proto__',
]);

const TOKEN_CHAR = fc.constantFrom(..."!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCZ".split(''));

/** Changes the case of a name's letters as the bits of `bits` say. */
function withCase(name: string, bits: number): string {
  return Array.from(name, (c, i) => ((bits >> (i % 31)) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
}

/** Token characters that mean nothing special in a query string (all but `%`, `&`, `#` and `+`). */
const PLAIN_TOKEN_CHAR = fc.constantFrom(..."!$'*-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCZ".split(''));

/** The random part of an `x-amz-meta-*` name; see `AmzNameChars`. */
const amzMetaSuffix = (chars: AmzNameChars) =>
  fc.string({ unit: chars === 'any' ? TOKEN_CHAR : PLAIN_TOKEN_CHAR, minLength: 1, maxLength: 6 });

const headerName = (chars: AmzNameChars) =>
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom('content-type', 'accept', 'x-amz-target', 'x-amz-meta-color', 'if-match', 'x-custom'),
        // The aws-sdk-js-v3 profile leaves these unsigned.
        fc.constantFrom(
          'user-agent',
          'x-amzn-trace-id',
          'proxy-authorization',
          'sec-fetch-mode',
          'expect',
          'cache-control',
          'connection',
          'referer',
          'from',
          'pragma',
          'te',
          'upgrade',
          'keep-alive',
          'max-forwards',
          'trailer',
          'transfer-encoding',
        ),
        fc.string({ unit: TOKEN_CHAR, minLength: 1, maxLength: 10 }).filter((s) => !/^x-amz-/i.test(s)),
        amzMetaSuffix(chars).map((s) => 'x-amz-meta-' + s),
      ),
      fc.integer({ min: 0, max: 0x7fffffff }),
    )
    .map(([name, bits]) => withCase(name, bits))
    .filter((name) => !RESERVED_HEADERS.has(name.toLowerCase()));

const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t'), minLength: 1, maxLength: 4 });
const valueText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
    { weight: 1, arbitrary: NON_ASCII },
  ),
  minLength: 1,
  maxLength: 8,
});
const fold: fc.Arbitrary<Fold> = fc.record({ before: fc.constantFrom('', ' ', '\t '), indent: whitespace });

const headerField = (chars: AmzNameChars): fc.Arbitrary<HeaderField> =>
  fc.record({
    name: headerName(chars),
    pieces: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: valueText },
        { weight: 2, arbitrary: whitespace },
        { weight: 1, arbitrary: fold },
      ),
      { maxLength: 6 },
    ),
  });

// ---- the whole request ------------------------------------------------------------------------------------

const METHOD = fc.oneof(
  fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'),
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ-_'.split('')),
    minLength: 1,
    maxLength: 8,
  }),
);

const BODY = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('{', '}', '"', ':', ',', ' ', 'a', '\r\n', '\n', 'é', '😀'),
    maxLength: 40,
  }),
);

/**
 * Which characters the random part of an `x-amz-meta-*` header name is made of: any token character (`%`, `&`,
 * `#`, `+` included), or only `plain` ones, which mean nothing special when written raw in a query string.
 */
export type AmzNameChars = 'any' | 'plain';

/** A random request for a flavor of path rules, with optional folds, repeats, absolute form and CRLF. */
export function requestModel(flavor: Flavor, amzNameChars: AmzNameChars = 'any'): fc.Arbitrary<RequestModel> {
  return fc
    .record({
      method: METHOD,
      wirePath: wirePath(flavor),
      query: fc.array(queryPair, { maxLength: 6 }),
      questionMark: fc.boolean(),
      authority: fc
        .tuple(
          fc.constantFrom(
            'dynamodb.us-east-1.amazonaws.com',
            'bucket.s3.eu-west-1.amazonaws.com',
            'localhost',
          ),
          fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        )
        .map(([host, port]) => (port === undefined ? host : `${host}:${port}`)),
      absoluteForm: fc.boolean(),
      hostHeader: fc.constantFrom('Host', 'host', 'HOST', null),
      headers: fc.array(headerField(amzNameChars), { maxLength: 8 }),
      body: BODY,
      lineEnd: fc.constantFrom('\n' as const, '\r\n' as const),
    })
    .map((model) =>
      model.absoluteForm || model.hostHeader !== null ? model : { ...model, hostHeader: 'Host' },
    );
}

// ---- renderings -------------------------------------------------------------------------------------------

/** A header value as a server reads it: each fold's line break read as a space, ends trimmed of SP and HTAB. */
export function headerValue(field: HeaderField): string {
  return field.pieces
    .map((p) => (typeof p === 'string' ? p : `${p.before} ${p.indent}`))
    .join('')
    .replace(/^[ \t]+|[ \t]+$/g, '');
}

/** The query string as written on the wire, without the `?`. */
export function wireQuery(model: RequestModel): string {
  return model.query.map((p) => p.wire).join('&');
}

/** The raw HTTP/1.1 text of the request, as a user would paste it. */
export function renderRawRequest(model: RequestModel): string {
  const query = model.query.length > 0 || model.questionMark ? `?${wireQuery(model)}` : '';
  const origin = model.absoluteForm ? `https://${model.authority}` : '';
  const lines = [`${model.method} ${origin}${model.wirePath}${query} HTTP/1.1`];
  if (model.hostHeader !== null) lines.push(`${model.hostHeader}: ${model.authority}`);
  for (const field of model.headers) {
    const raw = field.pieces
      .map((p) => (typeof p === 'string' ? p : `${p.before}${model.lineEnd}${p.indent}`))
      .join('');
    lines.push(`${field.name}:${raw}`);
  }
  return lines.join(model.lineEnd) + model.lineEnd + model.lineEnd + model.body;
}

/** Adds a value under a key of a string-or-list map, turning the entry into a list on a repeat. */
function addTo(map: Record<string, string | string[]>, key: string, value: string): void {
  const existing = Object.hasOwn(map, key) ? map[key] : undefined;
  if (existing === undefined) map[key] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else map[key] = [existing, value];
}

/**
 * The same request as smithy's `HttpRequest`. Repeated headers become one entry whose value is the trimmed
 * values joined with `,` (SigV4's rule). With `hoistRepeatedAmzHeaders`, repeated `x-amz-*` headers go straight
 * into the query as lists, field by field, which is where a presigned URL puts them.
 */
export function toSmithyRequest(
  model: RequestModel,
  options: { hoistRepeatedAmzHeaders: boolean },
): HttpRequest {
  const query: Record<string, string | string[]> = {};
  for (const pair of model.query) addTo(query, pair.name, pair.value);
  const headers: Record<string, string> = { host: model.authority };
  const byName = new Map<string, HeaderField[]>();
  for (const field of model.headers) {
    const lower = field.name.toLowerCase();
    byName.set(lower, [...(byName.get(lower) ?? []), field]);
  }
  for (const [lower, fields] of byName) {
    if (options.hoistRepeatedAmzHeaders && fields.length > 1 && lower.startsWith('x-amz-')) {
      for (const field of fields) addTo(query, field.name, headerValue(field));
    } else {
      headers[fields[0]!.name] = fields.map(headerValue).join(',');
    }
  }
  const [hostname, port] = model.authority.split(':');
  return new HttpRequest({
    method: model.method,
    protocol: 'https:',
    hostname: hostname!,
    ...(port ? { port: Number(port) } : {}),
    path: model.wirePath,
    query,
    headers,
    body: model.body,
  });
}
