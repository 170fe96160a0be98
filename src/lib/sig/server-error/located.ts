/**
 * Text that remembers where it came from: after an envelope or an escape is undone, every UTF-16 unit of the
 * decoded text still knows its offset in what the user pasted, so spans found in the decoded text point at the paste.
 */

import type { Problem, Span } from '../types';

/** Decoded text and, per UTF-16 unit, the paste offset it came from. */
export interface Located {
  text: string;
  /** Where the text starts in the paste, when it is an unchanged slice of it. */
  base: number;
  /**
   * For decoded text: `offsets[i]` is where unit `i` starts in the paste and `offsets[text.length]` where the last
   * one ends. Absent when the text is an unchanged slice starting at `base`.
   */
  offsets?: number[];
}

/** Wraps an unchanged slice of the paste that starts at `base`. */
export function located(text: string, base = 0): Located {
  return { text, base };
}

/** The paste offset of position `i` (0 … length) of the located text. */
export function pasteOffset(loc: Located, i: number): number {
  const at = Math.min(Math.max(i, 0), loc.text.length);
  return loc.offsets ? loc.offsets[at]! : loc.base + at;
}

/** The paste span of `[start, end)` in the located text. */
export function pasteSpan(loc: Located, start: number, end: number): Span {
  const s = pasteOffset(loc, start);
  return { start: s, end: Math.max(s, pasteOffset(loc, end)) };
}

/** The located text of `[start, end)`. */
export function sliceLocated(loc: Located, start: number, end: number): Located {
  const text = loc.text.slice(start, end);
  if (!loc.offsets) return { text, base: loc.base + start };
  return { text, base: 0, offsets: loc.offsets.slice(start, start + text.length + 1) };
}

/**
 * Text decoded from `loc.text`: `inner[i]` is the position in `loc.text` that unit `i` came from, and
 * `inner[text.length]` where the decoded run ends.
 */
export function decodedFrom(loc: Located, text: string, inner: readonly number[]): Located {
  return { text, base: 0, offsets: inner.map((i) => pasteOffset(loc, i)) };
}

/** Moves problems whose spans are positions in `loc.text` onto the paste. */
export function problemsToPaste(loc: Located, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => (p.span ? { ...p, span: pasteSpan(loc, p.span.start, p.span.end) } : p));
}

/** Trims whitespace off both ends, keeping the offsets. */
export function trimLocated(loc: Located): Located {
  const start = loc.text.length - loc.text.trimStart().length;
  const end = loc.text.trimEnd().length;
  return start >= end ? sliceLocated(loc, 0, 0) : sliceLocated(loc, start, end);
}
