/**
 * The named settings of SigV4: every way services differ, each with the reason and the services that need it.
 * The UI shows these doc comments as the toggles' help, and a diagnosis names the setting to flip.
 */

/** Which headers a signer leaves out of the signature even when they are on the request. The SDKs disagree. */
export type UnsignedHeaderProfile = 'aws-sdk-js-v3' | 'botocore' | 'aws-c-auth' | 'sign-all';

/** Which payload hash goes on the last line of the canonical request. */
export type PayloadSetting = 'auto' | 'hash' | 'unsigned';

/** The settings that make one SigV4 signer differ from another. */
export interface SigV4Settings {
  /**
   * Percent-encode the path as sent once more (`%3D` becomes `%253D`). Every service but S3 does this: they do
   * not decode the path before checking the signature. S3 decodes it and encodes each segment once.
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
   */
  doubleEncodePath: boolean;
  /**
   * Remove `.` and `..` segments and empty segments (`//`) from the path before encoding it. Every service but S3
   * does this; S3 object keys may contain `//` and `..`, so S3 signs the path as sent.
   */
  normalizePath: boolean;
  /**
   * The payload hash: `auto` uses `x-amz-content-sha256` when the request carries it, else `UNSIGNED-PAYLOAD` for
   * an S3 presigned URL (see `presignedPayloadUnsigned`) and the body's SHA-256 elsewhere; `hash` always hashes
   * the body; `unsigned` always signs the literal `UNSIGNED-PAYLOAD` (S3 only).
   */
  payload: PayloadSetting;
  /**
   * A presigned URL signs the literal `UNSIGNED-PAYLOAD` instead of the body's hash: the body is not known when
   * the URL is made. S3 does this; other services hash the (usually empty) body.
   * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
   */
  presignedPayloadUnsigned: boolean;
  /**
   * Add an `x-amz-content-sha256` header carrying the payload hash, and sign it (header mode). S3 requires it;
   * other services accept it (the AWS SDK for JavaScript always sends it, botocore never does).
   * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
   */
  contentSha256Header: boolean;
  /**
   * Include `X-Amz-Security-Token` in what is signed. Most services want it signed; a few (AWS IoT's MQTT over
   * WebSocket, some older STS flows) want it added after the signature is computed.
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#temporary-security-credentials
   */
  signSessionToken: boolean;
  /**
   * Which headers present on the request are left unsigned: hop-by-hop and proxy-rewritten headers such as
   * `user-agent` or `x-amzn-trace-id`. SDKs disagree on the list; the server only checks what SignedHeaders names.
   */
  unsignedHeaders: UnsignedHeaderProfile;
  /**
   * In a presigned URL, move `x-amz-*` headers into the query string so that whoever follows the URL need not send
   * them (as the AWS SDK for JavaScript does). Off: they stay headers and are signed as headers.
   */
  hoistAmzHeaders: boolean;
}

/** Defaults for services other than S3. */
export const GENERIC_SETTINGS: Readonly<SigV4Settings> = Object.freeze({
  doubleEncodePath: true,
  normalizePath: true,
  payload: 'auto',
  presignedPayloadUnsigned: false,
  contentSha256Header: false,
  signSessionToken: true,
  unsignedHeaders: 'aws-sdk-js-v3',
  hoistAmzHeaders: true,
});

/** Defaults for Amazon S3. */
export const S3_SETTINGS: Readonly<SigV4Settings> = Object.freeze({
  ...GENERIC_SETTINGS,
  doubleEncodePath: false,
  normalizePath: false,
  presignedPayloadUnsigned: true,
  contentSha256Header: true,
});

/** The headers each profile leaves unsigned (lower case); `authorization` is never signed by anyone. */
export const UNSIGNED_HEADER_PROFILES: Readonly<Record<UnsignedHeaderProfile, readonly string[]>> = {
  // @smithy/signature-v4 ALWAYS_UNSIGNABLE_HEADERS; it also skips `proxy-*` and `sec-*` (see isUnsignedHeader).
  'aws-sdk-js-v3': [
    'authorization',
    'cache-control',
    'connection',
    'expect',
    'from',
    'keep-alive',
    'max-forwards',
    'pragma',
    'referer',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
    'user-agent',
    'x-amzn-trace-id',
  ],
  // botocore auth.py: the headers S3SigV4Auth never signs (SigV4Auth skips the first four).
  botocore: [
    'authorization',
    'expect',
    'transfer-encoding',
    'user-agent',
    'x-amzn-trace-id',
    'connection',
    'keep-alive',
    'proxy-authenticate',
    'proxy-authorization',
    'te',
    'trailer',
    'upgrade',
  ],
  // aws-c-auth aws_signing.c skipped headers.
  'aws-c-auth': [
    'authorization',
    'connection',
    'expect',
    'sec-websocket-key',
    'sec-websocket-protocol',
    'sec-websocket-version',
    'transfer-encoding',
    'upgrade',
    'user-agent',
    'x-amzn-trace-id',
  ],
  'sign-all': ['authorization'],
};

/** Why a header is left unsigned under a profile, or `undefined` when it is signed. */
export function unsignedHeaderReason(lowerName: string, profile: UnsignedHeaderProfile): string | undefined {
  if (lowerName === 'authorization') return 'it carries the signature itself';
  if (UNSIGNED_HEADER_PROFILES[profile].includes(lowerName)) {
    return `the ${profile} profile never signs it: proxies and clients may change it in transit`;
  }
  if (profile === 'aws-sdk-js-v3' && /^(proxy|sec)-/.test(lowerName)) {
    return 'the aws-sdk-js-v3 profile never signs proxy-* or sec-* headers';
  }
  return undefined;
}

/** Fills in a scheme's defaults under the caller's overrides. */
export function resolveSettings(
  defaults: Readonly<SigV4Settings>,
  overrides: Partial<SigV4Settings> = {},
): SigV4Settings {
  return { ...defaults, ...overrides };
}
