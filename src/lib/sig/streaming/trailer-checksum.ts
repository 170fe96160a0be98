/**
 * The checksum a trailer carries (x-amz-checksum-crc32, -crc32c, -sha256), checked against the decoded payload:
 * with STREAMING-UNSIGNED-PAYLOAD-TRAILER it is the only thing that covers the data.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 */

import { sha256HexNative, fromHex, toBase64 } from '../crypto';
import { crc32, crc32c } from '../event-stream/crc32';

function be32(value: number): Uint8Array {
  return Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

/** The Base64 checksum S3 computes for a trailer name, or `undefined` for an algorithm not checked here (SHA-1, CRC-64). */
export async function payloadChecksum(lowerName: string, payload: Uint8Array): Promise<string | undefined> {
  switch (lowerName) {
    case 'x-amz-checksum-crc32':
      return toBase64(be32(crc32(payload)));
    case 'x-amz-checksum-crc32c':
      return toBase64(be32(crc32c(payload)));
    case 'x-amz-checksum-sha256':
      return toBase64(fromHex(await sha256HexNative(payload))!);
    default:
      return undefined;
  }
}
