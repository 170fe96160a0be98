/**
 * An event's string to sign: `AWS4-HMAC-SHA256-PAYLOAD`, the event's time, the scope, the prior signature (the
 * request's for the first event), the SHA-256 of the encoded `:date` header and the SHA-256 of the payload (the
 * inner message). The signature goes in the outer message's `:chunk-signature` header, as 32 raw bytes.
 * https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html
 */

import { sha256HexNow } from '../crypto';
import type { EventHeader } from './message';

/** The algorithm line of an event's string to sign. */
export const EVENT_ALGORITHM = 'AWS4-HMAC-SHA256-PAYLOAD';

/** The header that carries an event's time, signed. */
export const DATE_HEADER = ':date';
/** The header that carries an event's signature. */
export const SIGNATURE_HEADER = ':chunk-signature';

/** The `:date` header of an event signed at `time` (milliseconds since the epoch). */
export function dateHeader(time: Date): EventHeader {
  return { name: DATE_HEADER, value: { type: 'timestamp', value: BigInt(time.getTime()) } };
}

/** The string to sign of one event. */
export function eventStringToSign(
  amzDate: string,
  scope: string,
  prior: string,
  encodedDateHeader: Uint8Array,
  payload: Uint8Array,
): string {
  return [
    EVENT_ALGORITHM,
    amzDate,
    scope,
    prior,
    sha256HexNow(encodedDateHeader),
    sha256HexNow(payload),
  ].join('\n');
}
