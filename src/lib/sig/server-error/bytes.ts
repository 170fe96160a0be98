/**
 * `StringToSignBytes` and `CanonicalRequestBytes`: the exact bytes the server signed, as space-separated hex pairs
 * (Amazon S3) or decimal numbers (some S3-compatible servers). They are decoded as UTF-8 and preferred over the
 * text fields, whose whitespace and escaping a paste can change.
 */

import { problem, type Problem } from '../types';
import { decodeUtf8 } from './utf8';

/** The decoded text (when the bytes could be read) and problems at positions in the source. */
export interface DecodedBytes {
  text?: string;
  problems: Problem[];
}

interface Token {
  text: string;
  start: number;
}

const HEX_PAIR = /^[0-9a-fA-F]{2}$/;
const DECIMAL = /^\d{1,3}$/;

/** Whether decoded text reads like a canonical request or string to sign: valid UTF-8, no odd control characters. */
function plausible(bytes: number[], text: string): boolean {
  return !text.includes('\ufffd') && bytes.every((b) => b >= 0x20 || b === 0x0a || b === 0x0d || b === 0x09);
}

function decode(tokens: Token[], radix: 16 | 10, end: number) {
  const bytes = tokens.map((t) => parseInt(t.text, radix));
  const positions = [...tokens.map((t) => t.start), end];
  return { bytes, utf8: decodeUtf8(bytes, positions) };
}

/** Splits one unbroken run of hex digits into pairs. */
function pairs(token: Token): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < token.text.length; i += 2) {
    out.push({ text: token.text.slice(i, i + 2), start: token.start + i });
  }
  return out;
}

/**
 * Decodes the byte list in `text[start, end)`. `counterpart` is the text field of the same value, used to tell
 * decimal from hex when every number has two digits.
 */
export function decodeByteList(text: string, start: number, end: number, counterpart?: string): DecodedBytes {
  let tokens: Token[] = [];
  const re = /[^\s,]+/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    tokens.push({ text: m[0].slice(0, end - m.index), start: m.index });
  }
  if (tokens.length === 0) return { problems: [] };
  const only = tokens[0]!;
  if (tokens.length === 1 && only.text.length > 3 && /^[0-9a-fA-F]+$/.test(only.text)) {
    if (only.text.length % 2 !== 0) {
      const span = { start: only.start, end: only.start + only.text.length };
      const message = 'Hex bytes come in pairs, but this run has an odd number of digits.';
      return { problems: [problem('bytes-hex', message, span)] };
    }
    tokens = pairs(only);
  }
  const hex = tokens.every((t) => HEX_PAIR.test(t.text));
  const decimal = tokens.every((t) => DECIMAL.test(t.text) && Number(t.text) <= 255);
  if (!hex && !decimal) {
    const hexIntent = tokens.some((t) => /[a-fA-F]/.test(t.text));
    const bad = tokens.find((t) => !(hexIntent ? HEX_PAIR : DECIMAL).test(t.text) || Number(t.text) > 255)!;
    const message = hexIntent
      ? `"${bad.text}" is not a byte in hex: each byte is two digits, 00 to ff.`
      : `"${bad.text}" is not a byte: each is a hex pair or a decimal number from 0 to 255.`;
    return { problems: [problem('bytes', message, { start: bad.start, end: bad.start + bad.text.length })] };
  }
  let chosen = decode(tokens, hex ? 16 : 10, end);
  if (hex && decimal) {
    const asDecimal = decode(tokens, 10, end);
    const decimalFits =
      counterpart !== undefined
        ? asDecimal.utf8.text === counterpart && chosen.utf8.text !== counterpart
        : plausible(asDecimal.bytes, asDecimal.utf8.text) && !plausible(chosen.bytes, chosen.utf8.text);
    if (decimalFits) chosen = asDecimal;
  }
  const problems: Problem[] = [];
  const invalid = chosen.utf8.invalid[0];
  if (invalid !== undefined) {
    const span = { start: invalid, end: Math.min(invalid + 2, end) };
    const message = 'These bytes are not valid UTF-8; they are shown as �.';
    problems.push(problem('utf8', message, span, { severity: 'warning' }));
  }
  return { text: chosen.utf8.text, problems };
}
