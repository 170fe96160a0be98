/**
 * SigV4's catalogue of client mistakes: each a variant of canonicalization (how the client built its canonical
 * request, string to sign or key differently) with the sentence and fix a finding gives when it reproduces the
 * signature sent. These are made on every header or parameter at once; diagnosis also makes the ones made on one
 * header or parameter alone, per request, and runs the search.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html
 */

import type { Component, FindingKind } from '../scheme';
import type { SigV4Settings } from './settings';

/** How a client canonicalized differently from SigV4, everywhere in the request. */
export interface CanonicalVariant {
  pathEncoding?: 'single' | 'double' | 'raw';
  normalizePath?: boolean;
  /** Leave RFC 3986 reserved characters (`!$&'()*+,;=:@`) unencoded, as `encodeURI` does. */
  reservedRaw?: boolean;
  spaceAsPlus?: boolean;
  encodeTilde?: boolean;
  lowerHex?: boolean;
  querySort?: 'as-sent' | 'case-insensitive' | 'decoded';
  bareKeyWithoutEquals?: boolean;
  untrimmedHeaderValues?: boolean;
  uncollapsedHeaderSpaces?: boolean;
  headerNamesAsSent?: boolean;
  repeatedHeaderJoin?: ', ' | 'first' | 'last';
  hostPort?: 'add-default' | 'strip';
  payload?: 'empty' | 'unsigned' | 'body';
  excludeToken?: boolean;
  timeSource?: 'date';
  scopeDayOffset?: number;
  region?: string;
  service?: string;
  secret?: 'trailing-newline' | 'trailing-space' | 'leading-space' | 'trimmed' | 'plus-as-space';
}

/** A known mistake: how it canonicalizes, and what to tell the user when it reproduces their signature. */
export interface SigV4Mistake {
  id: string;
  kind: FindingKind;
  component: Component;
  /** The lower-case header or query parameter it is made on, when it is made on one. */
  name?: string;
  variant: CanonicalVariant;
  message: string;
  fix: string;
  /** Tried in pairs with the other common mistakes. */
  common?: boolean;
  /** The setting that makes sigscope sign the way the client did. */
  setting?: Partial<SigV4Settings>;
  /** Only for services that double-encode (generic) or only for S3. */
  only?: 'generic' | 's3';
}

/** Every single mistake the search knows, most common first. */
export const SIGV4_MISTAKES: readonly SigV4Mistake[] = [
  {
    id: 'path-single-encoded',
    kind: 'client',
    component: 'path',
    variant: { pathEncoding: 'single' },
    only: 'generic',
    common: true,
    setting: { doubleEncodePath: false },
    message:
      'Your client encoded the path once; this service wants it encoded twice (every service but S3 does).',
    fix: 'URI-encode each path segment of the already-encoded path again before signing (the AWS SDKs do this for every service but S3).',
  },
  {
    id: 'path-double-encoded',
    kind: 'client',
    component: 'path',
    variant: { pathEncoding: 'double' },
    only: 's3',
    common: true,
    setting: { doubleEncodePath: true },
    message: 'Your client encoded the path twice; S3 wants each segment encoded once.',
    fix: 'For S3, sign the object key URI-encoded once (turn off double encoding, e.g. the SDK signer option for S3).',
  },
  {
    id: 'path-raw',
    kind: 'client',
    component: 'path',
    variant: { pathEncoding: 'raw' },
    common: true,
    message: 'Your client signed the path exactly as sent, without the URI encoding SigV4 requires.',
    fix: 'URI-encode each path segment (every byte but A-Z a-z 0-9 - _ . ~) in the canonical request.',
  },
  {
    id: 'path-not-normalized',
    kind: 'client',
    component: 'path',
    variant: { normalizePath: false },
    only: 'generic',
    setting: { normalizePath: false },
    message:
      'Your client did not remove "." / ".." segments and duplicate slashes from the path; this service does.',
    fix: 'Normalize the path (RFC 3986 dot-segment removal, collapse "//") before encoding it; only S3 signs it as sent.',
  },
  {
    id: 'path-normalized',
    kind: 'client',
    component: 'path',
    variant: { normalizePath: true },
    only: 's3',
    setting: { normalizePath: true },
    message:
      'Your client normalized the path ("." / ".." segments or "//"), but S3 signs object keys exactly as sent.',
    fix: 'For S3, do not normalize the path: keep "//", "." and ".." in the key as they are.',
  },
  {
    id: 'reserved-unencoded',
    kind: 'client',
    component: 'query',
    variant: { reservedRaw: true },
    common: true,
    message:
      "Your client left reserved characters such as ! $ & ' ( ) * + , ; = : @ unencoded (as encodeURI does).",
    fix: "Percent-encode every byte except A-Z a-z 0-9 - _ . ~ (encodeURIComponent plus ! ' ( ) *).",
  },
  {
    id: 'space-as-plus',
    kind: 'client',
    component: 'query',
    variant: { spaceAsPlus: true },
    common: true,
    message: 'Your client encoded spaces as "+"; SigV4 wants "%20".',
    fix: 'Encode a space as %20, never "+", in the path and the query string.',
  },
  {
    id: 'tilde-encoded',
    kind: 'client',
    component: 'query',
    variant: { encodeTilde: true },
    message: 'Your client encoded "~" as %7E; SigV4 keeps "~" unencoded.',
    fix: 'Leave the unreserved characters A-Z a-z 0-9 - _ . ~ as they are.',
  },
  {
    id: 'lowercase-hex',
    kind: 'client',
    component: 'query',
    variant: { lowerHex: true },
    message: 'Your client wrote percent-escapes in lower case (%2f); SigV4 wants upper case (%2F).',
    fix: 'Use upper-case hex digits in percent-encoding.',
  },
  {
    id: 'query-unsorted',
    kind: 'client',
    component: 'query',
    variant: { querySort: 'as-sent' },
    common: true,
    message: 'Your client did not sort the query parameters.',
    fix: 'Sort the encoded query parameters by name (byte order), then by value.',
  },
  {
    id: 'query-sorted-case-insensitive',
    kind: 'client',
    component: 'query',
    variant: { querySort: 'case-insensitive' },
    message:
      'Your client sorted the query parameters ignoring case; SigV4 sorts by byte value (upper case first).',
    fix: 'Sort the encoded names by byte value: "B" sorts before "a".',
  },
  {
    id: 'query-sorted-before-encoding',
    kind: 'client',
    component: 'query',
    variant: { querySort: 'decoded' },
    message: 'Your client sorted the query parameters before encoding them; SigV4 sorts the encoded names.',
    fix: 'Encode the names and values first, then sort by the encoded name.',
  },
  {
    id: 'bare-key-without-equals',
    kind: 'client',
    component: 'query',
    variant: { bareKeyWithoutEquals: true },
    message: 'Your client signed a parameter without a value as "k"; SigV4 signs it as "k=".',
    fix: 'Write every query parameter as name=value in the canonical query, with an empty value after "=".',
  },
  {
    id: 'header-untrimmed',
    kind: 'client',
    component: 'headers',
    variant: { untrimmedHeaderValues: true },
    common: true,
    message: 'Your client did not trim spaces around a header value.',
    fix: 'Trim leading and trailing whitespace from each header value in the canonical headers.',
  },
  {
    id: 'header-spaces-not-collapsed',
    kind: 'client',
    component: 'headers',
    variant: { uncollapsedHeaderSpaces: true },
    message: 'Your client did not collapse runs of spaces inside a header value into one.',
    fix: 'Replace each run of spaces or tabs inside a header value with a single space.',
  },
  {
    id: 'header-names-not-lowercased',
    kind: 'client',
    component: 'headers',
    variant: { headerNamesAsSent: true },
    message: 'Your client did not lower-case the header names in the canonical request.',
    fix: 'Lower-case every header name in CanonicalHeaders and SignedHeaders.',
  },
  {
    id: 'repeated-headers-comma-space',
    kind: 'client',
    component: 'headers',
    variant: { repeatedHeaderJoin: ', ' },
    message: 'Your client joined a repeated header\'s values with ", "; SigV4 joins them with "," alone.',
    fix: 'Join the values of a repeated header with a comma and no space, in the order sent.',
  },
  {
    id: 'repeated-headers-first',
    kind: 'client',
    component: 'headers',
    variant: { repeatedHeaderJoin: 'first' },
    message: 'Your client signed only the first value of a repeated header.',
    fix: 'Sign every value of a repeated header, joined with ",".',
  },
  {
    id: 'repeated-headers-last',
    kind: 'client',
    component: 'headers',
    variant: { repeatedHeaderJoin: 'last' },
    message: 'Your client signed only the last value of a repeated header.',
    fix: 'Sign every value of a repeated header, joined with ",".',
  },
  {
    id: 'host-with-port',
    kind: 'client',
    component: 'headers',
    name: 'host',
    variant: { hostPort: 'add-default' },
    common: true,
    message: 'Your client signed the Host with its port, but sent it without one.',
    fix: 'Sign the Host header exactly as it is sent: with a default port (443, 80) left off.',
  },
  {
    id: 'host-without-port',
    kind: 'client',
    component: 'headers',
    name: 'host',
    variant: { hostPort: 'strip' },
    common: true,
    message: 'Your client signed the Host without its port, but sent it with one.',
    fix: 'Sign the Host header exactly as it is sent, port included.',
  },
  {
    id: 'payload-empty-hash',
    kind: 'client',
    component: 'payload-hash',
    variant: { payload: 'empty' },
    common: true,
    message: 'Your client signed the hash of an empty body, but the request has a body.',
    fix: 'Hash the body exactly as sent (after serialization), or sign UNSIGNED-PAYLOAD where the service allows it.',
  },
  {
    id: 'payload-unsigned',
    kind: 'client',
    component: 'payload-hash',
    variant: { payload: 'unsigned' },
    common: true,
    setting: { payload: 'unsigned' },
    message: "Your client signed UNSIGNED-PAYLOAD, but the server expected the body's hash.",
    fix: "Send x-amz-content-sha256: UNSIGNED-PAYLOAD with the request (S3 only), or sign the body's SHA-256.",
  },
  {
    id: 'payload-body-hash',
    kind: 'client',
    component: 'payload-hash',
    variant: { payload: 'body' },
    setting: { payload: 'hash' },
    message:
      "Your client signed the body's hash, but the request says x-amz-content-sha256 is something else.",
    fix: 'Sign the same payload hash you send in x-amz-content-sha256.',
  },
  {
    id: 'token-unsigned',
    kind: 'client',
    component: 'query',
    name: 'x-amz-security-token',
    variant: { excludeToken: true },
    common: true,
    setting: { signSessionToken: false },
    message:
      'Your client left X-Amz-Security-Token out of the canonical query, then added it to the URL; this service signs it.',
    fix: 'Add X-Amz-Security-Token to the query before computing the signature.',
  },
  {
    id: 'date-header-used',
    kind: 'client',
    component: 'timestamp',
    name: 'date',
    variant: { timeSource: 'date' },
    message:
      'Your client took the signing time from the Date header, but the request also carries X-Amz-Date, which wins.',
    fix: 'Sign with the X-Amz-Date time (or drop X-Amz-Date and sign with Date).',
  },
  {
    id: 'scope-date-previous-day',
    kind: 'scope',
    component: 'scope',
    variant: { scopeDayOffset: -1 },
    message:
      'Your client dated the credential scope a day before the request time (a cached date around midnight UTC?).',
    fix: 'Take the scope date from the same UTC timestamp as X-Amz-Date.',
  },
  {
    id: 'scope-date-next-day',
    kind: 'scope',
    component: 'scope',
    variant: { scopeDayOffset: 1 },
    message:
      'Your client dated the credential scope a day after the request time (local time instead of UTC?).',
    fix: 'Take the scope date from the same UTC timestamp as X-Amz-Date.',
  },
  {
    id: 'secret-trailing-newline',
    kind: 'credentials',
    component: 'secret',
    variant: { secret: 'trailing-newline' },
    common: true,
    message:
      'Your client signed with the secret key plus a trailing newline (read from a file or an environment variable?).',
    fix: 'Strip the newline from the secret access key where it is read.',
  },
  {
    id: 'secret-trailing-space',
    kind: 'credentials',
    component: 'secret',
    variant: { secret: 'trailing-space' },
    message: 'Your client signed with the secret key plus a trailing space.',
    fix: 'Trim the secret access key where it is read.',
  },
  {
    id: 'secret-leading-space',
    kind: 'credentials',
    component: 'secret',
    variant: { secret: 'leading-space' },
    message: 'Your client signed with a space before the secret key.',
    fix: 'Trim the secret access key where it is read.',
  },
  {
    id: 'secret-trimmed',
    kind: 'credentials',
    component: 'secret',
    variant: { secret: 'trimmed' },
    message: 'The secret you gave sigscope has surrounding whitespace that your client did not use.',
    fix: 'Give sigscope the secret without the whitespace; your client is right.',
  },
  {
    id: 'secret-plus-as-space',
    kind: 'credentials',
    component: 'secret',
    variant: { secret: 'plus-as-space' },
    common: true,
    message:
      'Your client signed with the secret key\'s "+" characters turned into spaces (it was URL-decoded somewhere).',
    fix: 'Pass the secret access key through unchanged: do not URL-decode it.',
  },
];

/** AWS regions tried when looking for a region mistake (besides the one the host names). */
export const REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-east-1',
  'me-south-1',
  'af-south-1',
  'us-gov-west-1',
  'cn-north-1',
  'auto',
];

/** Service names tried when looking for a service mistake (besides the one the host names). */
export const SERVICES: readonly string[] = [
  's3',
  'execute-api',
  'es',
  'aoss',
  'lambda',
  'sts',
  'iam',
  'sqs',
  'sns',
  'dynamodb',
  'apigateway',
  'ec2',
  'kinesis',
  'logs',
  'monitoring',
  'appsync',
  'bedrock',
  'sagemaker',
  'secretsmanager',
  'ssm',
  'kms',
];
