/**
 * Reading pasted event-stream frames: hex or Base64, one frame a line or all in one blob, whitespace between
 * pieces. Keeps where each byte came from in the paste, so that problems found in the bytes point at the text.
 */

import { fromBase64, fromHex } from '../crypto';
import { fail, ok, problem, type Result, type Span } from '../types';

/** One whitespace-separated piece of the paste and the bytes it decodes to. */
interface Piece {
  text: Span;
  bytes: Span;
  hex: boolean;
}

/** The decoded frames and the mapping of their bytes back onto the paste. */
export interface DecodedFrames {
  bytes: Uint8Array;
  encoding: 'hex' | 'base64';
  /** Moves a span of bytes onto the paste. */
  toText(span: Span): Span;
}

/** Decodes pasted frames; a piece that is neither hex nor Base64 is a problem at that piece. */
export function decodeFrames(text: string): Result<DecodedFrames> {
  const tokens = [...text.matchAll(/\S+/g)].map((m) => ({
    value: m[0].replace(/^0x/i, ''),
    start: m.index + (m[0].length - m[0].replace(/^0x/i, '').length),
    end: m.index + m[0].length,
  }));
  if (tokens.length === 0)
    return fail([
      problem('frames-empty', 'Paste the event-stream messages as hex or Base64.', {
        start: 0,
        end: text.length,
      }),
    ]);
  const hex = tokens.every((t) => /^[0-9a-fA-F]*$/.test(t.value) && t.value.length % 2 === 0);
  const parts: Uint8Array[] = [];
  const pieces: Piece[] = [];
  let at = 0;
  for (const t of tokens) {
    const bytes = hex ? fromHex(t.value) : fromBase64(t.value);
    if (!bytes) {
      return fail([
        problem(
          'frames-encoding',
          'This piece is neither hex (pairs of 0-9a-f) nor Base64; paste each frame in one of the two.',
          { start: t.start, end: t.end },
        ),
      ]);
    }
    parts.push(bytes);
    pieces.push({ text: { start: t.start, end: t.end }, bytes: { start: at, end: at + bytes.length }, hex });
    at += bytes.length;
  }
  const bytes = new Uint8Array(at);
  for (const [i, p] of parts.entries()) bytes.set(p, pieces[i]!.bytes.start);
  const place = (byte: number, side: 'start' | 'end'): number => {
    const piece =
      pieces.find((p) => (side === 'start' ? byte < p.bytes.end : byte <= p.bytes.end)) ??
      pieces[pieces.length - 1]!;
    const within = Math.max(0, Math.min(byte, piece.bytes.end) - piece.bytes.start);
    const offset = piece.hex
      ? within * 2
      : side === 'start'
        ? Math.floor((within * 4) / 3)
        : Math.ceil((within * 4) / 3);
    return Math.min(piece.text.start + offset, piece.text.end);
  };
  return ok({
    bytes,
    encoding: hex ? 'hex' : 'base64',
    toText: (s) => ({
      start: place(s.start, 'start'),
      end: Math.max(place(s.start, 'start'), place(s.end, 'end')),
    }),
  });
}
