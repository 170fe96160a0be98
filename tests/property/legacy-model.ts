/**
 * Generated requests for the legacy schemes' oracle tests: one model per request, rendered both as the raw HTTP
 * sigscope parses and as the inputs the AWS SDK for JavaScript v2's signers take.
 */

import fc from 'fast-check';
import { escapeUri } from './request-model';

/** The parameters the Query API signers own; the generator never writes them. */
const AUTH = [
  'AWSAccessKeyId',
  'SignatureVersion',
  'SignatureMethod',
  'Timestamp',
  'Expires',
  'SecurityToken',
  'Signature',
];

/** Text with unicode, spaces, reserved characters and the ones encoders disagree on. */
export const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary-ascii', maxLength: 8 }),
  fc.constantFrom('~', 'a b', "!*'()", '+', '=&', '%', 'é', '𝄞', 'Z', '_'),
);

/** Each character of text in upper or lower case, by a list of coin tosses. */
export function mixedCase(text: string, flips: readonly boolean[]): string {
  return [...text].map((c, i) => (flips[i % Math.max(flips.length, 1)] ? c.toUpperCase() : c)).join('');
}

const label = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const hostName = fc.array(label, { minLength: 2, maxLength: 4 }).map((l) => l.join('.'));
const credentials = fc.record(
  {
    accessKeyId: fc.stringMatching(/^[A-Z0-9]{4,20}$/),
    secretAccessKey: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 40 }),
    sessionToken: fc.stringMatching(/^[A-Za-z0-9+/=]{1,30}$/),
  },
  { requiredKeys: ['accessKeyId', 'secretAccessKey'] },
);
const time = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2037-12-31T00:00:00Z'),
  noInvalidDate: true,
});

const API_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-'];

/** API-like names (`Attribute.1.Name`: unreserved characters only), or any text. */
function paramName(names: 'api' | 'any'): fc.Arbitrary<string> {
  const base =
    names === 'api'
      ? fc.string({ unit: fc.constantFrom(...API_CHARS), minLength: 1, maxLength: 12 })
      : anyText;
  return base.filter((n) => n !== '' && !AUTH.includes(n) && n !== '__proto__');
}

/** A Query API request: a GET with its parameters in the query, or a form POST. */
export interface QueryApiModel {
  method: 'GET' | 'POST';
  host: string;
  /** The Host header as written (any case). */
  hostHeader: string;
  port?: number;
  /** Already encoded, as sent. */
  path: string;
  params: [string, string][];
  /** How the wire encodes names and values. */
  wire: 'rfc3986' | 'component' | 'plus';
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  time: Date;
}

/** Query API requests, with API-like parameter names or any. */
export function queryApiModel(names: 'api' | 'any'): fc.Arbitrary<QueryApiModel> {
  return fc
    .record({
      method: fc.constantFrom('GET' as const, 'POST' as const),
      host: hostName,
      flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
      port: fc.option(
        fc.integer({ min: 1, max: 65535 }).filter((p) => p !== 443),
        { nil: undefined },
      ),
      path: fc.oneof(
        fc.constant('/'),
        fc
          .array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 })
          .map((s) => '/' + s.map(escapeUri).join('/')),
      ),
      params: fc.uniqueArray(fc.tuple(paramName(names), anyText), {
        selector: ([n]) => n,
        maxLength: 8,
      }),
      wire: fc.constantFrom('rfc3986' as const, 'component' as const, 'plus' as const),
      credentials,
      time,
    })
    .map(({ flips, ...m }) => ({ ...m, hostHeader: mixedCase(m.host, flips) }))
    .map((m) => {
      const out: QueryApiModel = { ...m };
      if (m.port === undefined) delete out.port;
      return out;
    });
}

function encodeWire(text: string, wire: QueryApiModel['wire']): string {
  if (wire === 'component') return encodeURIComponent(text);
  const rfc = escapeUri(text);
  return wire === 'plus' ? rfc.replace(/%20/g, '+') : rfc;
}

/** The request as raw HTTP. */
export function renderQueryApi(m: QueryApiModel): string {
  const pairs = m.params.map(([n, v]) => `${encodeWire(n, m.wire)}=${encodeWire(v, m.wire)}`).join('&');
  const host = `Host: ${m.hostHeader}${m.port ? ':' + m.port : ''}`;
  if (m.method === 'GET') return `GET ${m.path}${pairs ? '?' + pairs : ''} HTTP/1.1\r\n${host}\r\n\r\n`;
  return `POST ${m.path} HTTP/1.1\r\n${host}\r\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\r\n\r\n${pairs}`;
}

/** The sub-resources the SDK signs with their values as sent, and the response overrides it decodes. */
export const SDK_SUB_RESOURCES = [
  'acl',
  'accelerate',
  'analytics',
  'cors',
  'lifecycle',
  'delete',
  'inventory',
  'location',
  'logging',
  'metrics',
  'notification',
  'partNumber',
  'policy',
  'requestPayment',
  'replication',
  'restore',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
  'versionId',
  'versioning',
  'versions',
  'website',
];
export const SDK_RESPONSE_HEADERS = [
  'response-content-type',
  'response-content-language',
  'response-expires',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
];

/** One x-amz-* header: its name as written, its values (two for a repeat), and whether the first is folded. */
export interface AmzField {
  name: string;
  values: string[];
  /** Written over two lines: `first\r\n  second`, which reads as `first second`. */
  fold?: [string, string];
}

/** An S3 request in one of the three host styles. */
export interface S3Model {
  style: 'virtual' | 'path' | 'cname';
  bucket: string;
  host: string;
  method: string;
  /** Encoded as the SDK encodes keys. */
  key: string;
  /** Wire pairs, names plain, values encoded; `null` for a bare name. */
  query: [string, string | null][];
  amz: AmzField[];
  contentType?: string;
  contentMd5?: string;
  /** How the raw request spells Content-Type and Content-MD5. */
  contentCase: boolean[];
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  time: Date;
  expires: number;
}

const headerText = fc
  .string({ unit: 'binary-ascii', minLength: 1, maxLength: 10 })
  // Control characters cannot be in a header value; each becomes an x.
  .map((s) =>
    [...s]
      .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? 'x' : c))
      .join('')
      .trim(),
  )
  .filter((s) => s !== '');
const amzName = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 1, maxLength: 8 })
  .chain((n) =>
    fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }).map((f) => mixedCase(`x-amz-meta-${n}`, f)),
  );
const amzField: fc.Arbitrary<AmzField> = fc.oneof(
  fc.record({ name: amzName, values: fc.array(headerText, { minLength: 1, maxLength: 2 }) }),
  fc.record({ name: amzName, values: fc.constant([] as string[]), fold: fc.tuple(headerText, headerText) }),
);
const unreserved = fc.string({ unit: fc.constantFrom(...API_CHARS, '~'), maxLength: 8 });

/** S3 requests: virtual-hosted, path-style or CNAME; unicode keys; sub-resources, plain parameters, x-amz-*. */
export function s3Model(): fc.Arbitrary<S3Model> {
  const bucketLabel = fc.stringMatching(/^[a-z0-9]{3,10}$/).filter((b) => /^[a-z0-9]+$/.test(b));
  const sub = fc.oneof(
    fc.tuple(fc.constantFrom(...SDK_SUB_RESOURCES), fc.option(unreserved, { nil: null })),
    fc.tuple(fc.constantFrom(...SDK_RESPONSE_HEADERS), anyText.map(escapeUri)),
    fc.tuple(
      fc.constantFrom('prefix', 'max-keys', 'marker', 'delimiter', 'list-type', 'x-id', 'Action'),
      anyText.map(escapeUri),
    ),
  );
  return fc
    .record({
      style: fc.constantFrom('virtual' as const, 'path' as const, 'cname' as const),
      bucket: bucketLabel,
      region: fc.constantFrom('', 'us-west-2', 'eu-central-1'),
      dash: fc.boolean(),
      method: fc.constantFrom('GET', 'PUT', 'DELETE', 'HEAD', 'POST'),
      key: fc
        .array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), { maxLength: 3 })
        .map((s) => s.map(escapeUri).join('/')),
      query: fc.uniqueArray(sub, { selector: ([n]) => n, maxLength: 5 }),
      amz: fc.uniqueArray(amzField, { selector: (f) => f.name.toLowerCase(), maxLength: 4 }),
      contentType: fc.option(fc.constantFrom('text/plain', 'application/octet-stream', 'image/jpeg; x=1'), {
        nil: undefined,
      }),
      contentMd5: fc.option(fc.stringMatching(/^[A-Za-z0-9+/]{22}==$/), { nil: undefined }),
      contentCase: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
      credentials,
      time,
      expires: fc.integer({ min: 946684800, max: 2145916800 }),
    })
    .map(({ region, dash, ...m }) => {
      const endpoint =
        region === ''
          ? 's3.amazonaws.com'
          : dash
            ? `s3-${region}.amazonaws.com`
            : `s3.${region}.amazonaws.com`;
      const bucket = m.style === 'cname' ? `files.${m.bucket}.example` : m.bucket;
      const host = m.style === 'virtual' ? `${bucket}.${endpoint}` : m.style === 'path' ? endpoint : bucket;
      const out: S3Model = { ...m, bucket, host };
      if (m.contentType === undefined) delete out.contentType;
      if (m.contentMd5 === undefined) delete out.contentMd5;
      return out;
    });
}

/** The x-amz-* header's value as S3 signs it: repeats joined with `,`, a fold read as one space. */
export function amzValue(f: AmzField): string {
  return f.fold ? `${f.fold[0]} ${f.fold[1]}` : f.values.join(',');
}

/** The path and query as sent. */
export function s3Target(m: S3Model): string {
  const path = m.style === 'path' ? `/${m.bucket}/${m.key}` : `/${m.key}`;
  const query = m.query.map(([n, v]) => (v === null ? n : `${n}=${v}`)).join('&');
  return query ? `${path}?${query}` : path;
}

/** The S3 request as raw HTTP; `amzDate` adds the X-Amz-Date header the SDK adds in header mode. */
export function renderS3(m: S3Model, amzDate: boolean): string {
  const lines = [`${m.method} ${s3Target(m)} HTTP/1.1`, `Host: ${m.host}`];
  if (m.contentType !== undefined)
    lines.push(`${mixedCase('content-type', m.contentCase)}: ${m.contentType}`);
  if (m.contentMd5 !== undefined) lines.push(`${mixedCase('content-md5', m.contentCase)}: ${m.contentMd5}`);
  for (const f of m.amz) {
    if (f.fold) lines.push(`${f.name}: ${f.fold[0]}\r\n  ${f.fold[1]}`);
    else for (const v of f.values) lines.push(`${f.name}: ${v}`);
  }
  if (amzDate) lines.push(`X-Amz-Date: ${m.time.toUTCString()}`);
  lines.push('User-Agent: property-test');
  return lines.join('\r\n') + '\r\n\r\n';
}
