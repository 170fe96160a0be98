/**
 * Making invisible characters visible, for diffs of canonical requests where a stray space, tab, carriage return or
 * look-alike Unicode character is the whole bug.
 */

/** One displayed piece of text: plain, an invisible character's symbol, or a non-ASCII character. */
export interface Glyph {
  text: string;
  /** `invisible`: a symbol standing for a character; `unicode`: a non-ASCII character shown with its code point. */
  kind: 'text' | 'invisible' | 'unicode';
  /** What the symbol stands for, for a tooltip and screen readers. */
  title?: string;
  /** `U+00A0` for non-ASCII characters. */
  codePoint?: string;
}

const SYMBOLS: Record<string, [string, string]> = {
  ' ': ['·', 'space'],
  '\t': ['→', 'tab'],
  '\r': ['␍', 'carriage return'],
  '\n': ['↵', 'line feed'],
};

/** `U+00E9` for a code point. */
export function codePointLabel(cp: number): string {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}

// Characters with no glyph of their own: controls, format characters (zero-width, BOM), and other spaces.
const BLANK = /[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]/u;

/** Splits text into glyphs, with `·` for a space, `→` tab, `␍` CR, `↵` LF, and code points for non-ASCII. */
export function glyphs(text: string): Glyph[] {
  const out: Glyph[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ text: plain, kind: 'text' });
    plain = '';
  };
  for (const ch of text) {
    const symbol = SYMBOLS[ch];
    const cp = ch.codePointAt(0)!;
    if (symbol) {
      flush();
      out.push({ text: symbol[0], kind: 'invisible', title: symbol[1] });
    } else if (cp < 0x20 || cp === 0x7f) {
      flush();
      out.push({ text: `⟨${codePointLabel(cp)}⟩`, kind: 'invisible', title: 'control character' });
    } else if (cp > 0x7e) {
      flush();
      const label = codePointLabel(cp);
      if (BLANK.test(ch)) out.push({ text: `⟨${label}⟩`, kind: 'invisible', title: `invisible ${label}` });
      else out.push({ text: ch, kind: 'unicode', codePoint: label, title: label });
    } else {
      plain += ch;
    }
  }
  flush();
  return out;
}
