/**
 * UTF-8 decoding that keeps, for every decoded UTF-16 unit, the position of the byte it started at, and that marks
 * invalid sequences with U+FFFD instead of throwing.
 */

/** Decoded text, its per-unit positions, and the positions of bytes that were not valid UTF-8. */
export interface Utf8Text {
  text: string;
  /** `positions[i]` is the position of the first byte of unit `i`; one more entry holds `end`. */
  positions: number[];
  invalid: number[];
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const MIN_CODE_POINT = [0, 0, 0x80, 0x800, 0x10000];

/** Decodes the code point starting at `i`, or `undefined` when the bytes there are not valid UTF-8. */
function codePointAt(bytes: readonly number[], i: number): { cp: number; length: number } | undefined {
  const lead = bytes[i]!;
  const length = sequenceLength(lead);
  if (length === 0 || i + length > bytes.length) return undefined;
  if (length === 1) return { cp: lead, length };
  let cp = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k]!;
    if ((b & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (b & 0x3f);
  }
  if (cp < MIN_CODE_POINT[length]! || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return { cp, length };
}

/**
 * Decodes bytes as UTF-8. `positions[k]` is where byte `k` sits in the source (one extra entry for the end), so
 * the decoded text maps back onto it.
 */
export function decodeUtf8(bytes: readonly number[], positions: readonly number[]): Utf8Text {
  let text = '';
  const out: number[] = [];
  const invalid: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const decoded = codePointAt(bytes, i);
    const ch = decoded ? String.fromCodePoint(decoded.cp) : '\ufffd';
    if (!decoded) invalid.push(positions[i]!);
    text += ch;
    for (let u = 0; u < ch.length; u++) out.push(positions[i]!);
    i += decoded ? decoded.length : 1;
  }
  out.push(positions[bytes.length] ?? positions[positions.length - 1] ?? 0);
  return { text, positions: out, invalid };
}
