/**
 * The strings to sign of a streaming upload: one per chunk, chained on the previous signature, and one for the
 * trailing headers. SigV4 signs them with HMAC under the seed's signing key, SigV4A with ECDSA under its key.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
 */

import { canonicalHeaders, renderCanonicalHeaders, type HeaderField } from '../v4/canonical-headers';
import { EMPTY_SHA256 } from '../v4/payload-hash';
import { CHUNK_ALGORITHM, TRAILER_ALGORITHM } from './payload-mode';

/** What every string to sign of one upload shares: its algorithm, time and scope (those of the seed). */
export interface ChainContext {
  algorithm: 'sigv4' | 'sigv4a';
  /** `YYYYMMDDTHHMMSSZ`, the seed's. */
  amzDate: string;
  /** The seed's scope: `date/region/s3/aws4_request`, or `date/s3/aws4_request` for SigV4A. */
  scope: string;
}

/** A chunk's string to sign, given the previous signature (unpadded) and the chunk data's SHA-256. */
export function chunkStringToSign(ctx: ChainContext, previous: string, chunkSha256: string): string {
  return [CHUNK_ALGORITHM[ctx.algorithm], ctx.amzDate, ctx.scope, previous, EMPTY_SHA256, chunkSha256].join(
    '\n',
  );
}

/** The canonical trailers: the trailing headers as canonical headers, one `name:value\n` each, sorted. */
export function canonicalTrailers(trailers: readonly HeaderField[]): string {
  return renderCanonicalHeaders(canonicalHeaders(trailers));
}

/** The trailer's string to sign, given the last chunk's signature and the canonical trailers' SHA-256. */
export function trailerStringToSign(ctx: ChainContext, previous: string, trailersSha256: string): string {
  return [TRAILER_ALGORITHM[ctx.algorithm], ctx.amzDate, ctx.scope, previous, trailersSha256].join('\n');
}
