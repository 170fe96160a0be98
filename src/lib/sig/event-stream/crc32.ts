/**
 * CRC-32 (IEEE 802.3, as zlib computes it), the checksum of an event-stream message's prelude and of the whole
 * message. Not a cryptographic hash: it only catches a frame cut or changed in transit.
 * https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html
 */

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The CRC-32 of bytes `[start, end)`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
