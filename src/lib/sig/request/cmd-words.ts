/**
 * Splitting a Windows command ("Copy as cURL (cmd)") into words in two passes, as Windows does: cmd.exe first
 * removes its carets (`^x` is a literal `x`, `^` at a line end continues the line), then the C runtime splits the
 * line into arguments (`"` quotes, `\"` is a quote, backslashes before a quote are halved).
 * https://learn.microsoft.com/en-us/cpp/c-language/parsing-c-command-line-arguments
 */

import type { ShellWords } from './shell-words';

interface Char {
  c: string;
  at: number;
}

/** Whether a command was written for cmd.exe: `^` continuations or `^"` quoting. */
export function looksLikeCmd(text: string): boolean {
  return /\^\r?\n/.test(text) || /(?:^|\s)\^"/.test(text);
}

/** cmd.exe's pass: carets removed, up to the first unescaped line break, `&` or `|` outside quotes. */
function cmdPass(text: string, from: number): { chars: Char[]; end: number } {
  const chars: Char[] = [];
  let quoted = false;
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '^' && !quoted) {
      const lineEnd = text[i + 1] === '\n' ? 1 : text[i + 1] === '\r' && text[i + 2] === '\n' ? 2 : 0;
      i += 1 + lineEnd;
      // The character after the caret (or after the escaped line break) is taken literally.
      if (i < text.length) chars.push({ c: text[i]!, at: i });
      i++;
      continue;
    }
    if (c === '\n' || (!quoted && (c === '&' || c === '|'))) break;
    if (c === '"') quoted = !quoted;
    if (c !== '\r') chars.push({ c, at: i });
    i++;
  }
  return { chars, end: Math.min(i, text.length) };
}

/** Splits the first cmd.exe command in `text`, starting at `from`. */
export function splitCmdWords(text: string, from = 0): ShellWords {
  const { chars, end } = cmdPass(text, from);
  const words: ShellWords['words'] = [];
  let k = 0;
  while (k < chars.length) {
    if (chars[k]!.c === ' ' || chars[k]!.c === '\t') {
      k++;
      continue;
    }
    const start = chars[k]!.at;
    let out = '';
    let quoted = false;
    while (k < chars.length && (quoted || (chars[k]!.c !== ' ' && chars[k]!.c !== '\t'))) {
      const c = chars[k]!.c;
      if (c === '\\') {
        let m = 0;
        while (chars[k + m]?.c === '\\') m++;
        const beforeQuote = chars[k + m]?.c === '"';
        out += '\\'.repeat(beforeQuote ? m >> 1 : m);
        k += m;
        if (beforeQuote && m % 2 === 1) {
          out += '"';
          k++;
        }
      } else if (c === '"') {
        if (quoted && chars[k + 1]?.c === '"') {
          out += '"';
          k++;
        } else quoted = !quoted;
        k++;
      } else {
        out += c;
        k++;
      }
    }
    words.push({ text: out, span: { start, end: chars[k - 1]!.at + 1 } });
  }
  return { words, end, problems: [] };
}
