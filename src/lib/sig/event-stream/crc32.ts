/**
 * CRC-32 (IEEE 802.3, as zlib computes it), the checksum of an event-stream message's prelude and of the whole
 * message. Not a cryptographic hash: it only catches a frame cut or changed in transit.
 * https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html
 */

function table(polynomial: number): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? polynomial ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

const IEEE = table(0xedb88320);
const CASTAGNOLI = table(0x82f63b78);

function crc(t: Uint32Array, bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The CRC-32 of bytes `[start, end)`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return crc(IEEE, bytes, start, end);
}

/** The CRC-32C (Castagnoli) of bytes, as S3's x-amz-checksum-crc32c carries it (Base64 of the big-endian value). */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return crc(CASTAGNOLI, bytes, start, end);
}
