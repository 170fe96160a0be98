/**
 * Writing the aws-chunked encoding: a chunk's header line, and the encoded length of a whole upload, known
 * before signing so that Content-Length can be signed.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

import { toBytes } from '../crypto';

/** Writes one chunk's header line and data, with CRLF line breaks. */
export function chunkFrameHeader(size: number, signature: string | undefined): string {
  return size.toString(16) + (signature === undefined ? '' : `;chunk-signature=${signature}`) + '\r\n';
}

/** The length in bytes of the aws-chunked encoding of chunks of these sizes, signatures this wide, these trailers. */
export function encodedLength(
  sizes: readonly number[],
  signatureWidth: number | undefined,
  trailerLines: readonly string[],
): number {
  let total = 0;
  for (const size of sizes) {
    total += chunkFrameHeader(
      size,
      signatureWidth === undefined ? undefined : ''.padEnd(signatureWidth),
    ).length;
    total += size === 0 ? 0 : size + 2;
  }
  for (const line of trailerLines) total += toBytes(line).length + 2;
  return total + 2;
}
