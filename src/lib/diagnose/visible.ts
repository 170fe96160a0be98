/**
 * Making invisible characters visible, so that evidence shows a stray space, tab, CR or non-ASCII character.
 */

const MARKS: Record<string, string> = { ' ': '·', '\t': '→', '\n': '↵', '\r': '␍' };

/** Replaces space, tab, LF and CR with `·` `→` `↵` `␍` and shows other non-printing or non-ASCII characters as `⟨U+XXXX⟩`. */
export function visible(text: string): string {
  let out = '';
  for (const ch of text) {
    const mark = MARKS[ch];
    if (mark) out += mark;
    else {
      const code = ch.codePointAt(0)!;
      out += code < 0x20 || code > 0x7e ? `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩` : ch;
    }
  }
  return out;
}
