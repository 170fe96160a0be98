/**
 * Byte offsets in a body, as the aws-chunked reader and the event-stream reader keep them, moved onto the paste:
 * UTF-16 offsets into the text the user pasted. A binary body given apart from the paste has no place in it, so
 * its problems point at the body as a whole.
 */

import type { Span } from '../types';

/** Maps byte spans of a body onto the paste. */
export type ToPaste = (span: Span) => Span;

/**
 * The mapping for a body that starts at `bodyStart` in the paste. `text` is the body as pasted; when `binary` the
 * bytes did not come from the paste and every span becomes the body's own span.
 */
export function bodySpanMapper(text: string, bodyStart: number, binary: boolean): ToPaste {
  const whole = { start: bodyStart, end: bodyStart + text.length };
  if (binary) return () => whole;
  // eslint-disable-next-line no-control-regex -- ASCII is exactly the range where bytes and UTF-16 units agree
  if (/^[\x00-\x7f]*$/.test(text)) return (s) => ({ start: bodyStart + s.start, end: bodyStart + s.end });
  const encoder = new TextEncoder();
  const charAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const len = encoder.encode(String.fromCodePoint(cp)).length;
    for (let b = 0; b < len; b++) charAt.push(i);
    if (cp > 0xffff) i++;
  }
  charAt.push(text.length);
  const at = (byte: number) => charAt[Math.min(byte, charAt.length - 1)]!;
  return (s) => ({ start: bodyStart + at(s.start), end: bodyStart + at(s.end) });
}
