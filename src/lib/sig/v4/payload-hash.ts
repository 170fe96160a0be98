/**
 * The HashedPayload line: the body's SHA-256, or a literal that says the body is not signed.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */

import { sha256Hex } from '../crypto';
import { bodyBytesOf, type HttpRequest } from '../request/model';
import type { SigV4Settings } from './settings';

/** The literal S3 accepts instead of a payload hash. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** SHA-256 of the empty string, the payload hash of every request without a body. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The `x-amz-content-sha256` values that are literals rather than hashes (S3 unsigned and streaming uploads). */
export const PAYLOAD_LITERALS: readonly string[] = [
  UNSIGNED_PAYLOAD,
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
];

/** Lower-case hex SHA-256 of a body (text as UTF-8); the empty body's hash is known without hashing. */
export function hashPayload(body: string | Uint8Array): Promise<string> {
  return body.length === 0 ? Promise.resolve(EMPTY_SHA256) : sha256Hex(body);
}

/** The SHA-256 of a request's body: the one given with the request, else computed from its bytes. */
export function bodyHashOf(request: Pick<HttpRequest, 'body' | 'bodyBytes' | 'bodySha256'>): Promise<string> {
  return request.bodySha256 !== undefined
    ? Promise.resolve(request.bodySha256)
    : hashPayload(bodyBytesOf(request));
}

/** Where the signed payload hash came from: the literal, the value the request sends, or the body. */
export type PayloadSource = 'unsigned' | 'sent' | 'body';

/**
 * The payload hash a signature covers, by the `payload` setting: `UNSIGNED-PAYLOAD`, the hash the request sends
 * (`sent`, already decoded), `UNSIGNED-PAYLOAD` for a presigned URL where the scheme says so, or the body's hash.
 */
export async function choosePayloadHash(
  settings: Pick<SigV4Settings, 'payload' | 'presignedPayloadUnsigned'>,
  request: Pick<HttpRequest, 'body' | 'bodyBytes' | 'bodySha256'>,
  sent: string | undefined,
  presigned: boolean,
): Promise<{ hash: string; source: PayloadSource }> {
  if (settings.payload === 'unsigned') return { hash: UNSIGNED_PAYLOAD, source: 'unsigned' };
  if (settings.payload === 'auto' && sent !== undefined) return { hash: sent, source: 'sent' };
  if (settings.payload === 'auto' && presigned && settings.presignedPayloadUnsigned) {
    return { hash: UNSIGNED_PAYLOAD, source: 'unsigned' };
  }
  return { hash: await bodyHashOf(request), source: 'body' };
}
