/**
 * Bash's ANSI-C quoting, `$'…'`: the escapes Chrome's "Copy as cURL (bash)" writes (`\n`, `\'`, `\u0021`) and the
 * rest of them (`\xHH`, octal, `\cX`, `\UHHHHHHHH`).
 * https://www.gnu.org/software/bash/manual/bash.html#ANSI_002dC-Quoting
 */

const ANSI_SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Decodes a `$'…'` body from `from` (just past the quote); `close` is the closing quote's offset, or -1. */
export function decodeAnsiC(text: string, from: number): { value: string; close: number } {
  let value = '';
  const bytes: number[] = [];
  // \xHH and octal escapes are bytes: runs of them are read as UTF-8, as bash's output would be.
  const flush = () => {
    if (bytes.length > 0) value += new TextDecoder().decode(Uint8Array.from(bytes.splice(0)));
  };
  let i = from;
  while (i < text.length && text[i] !== "'") {
    const e = text[i] === '\\' ? text[i + 1] : undefined;
    const ahead = text.slice(i + 1, i + 10);
    let m: RegExpExecArray | null;
    if (e === undefined) {
      flush();
      value += text[i++];
    } else if (Object.hasOwn(ANSI_SIMPLE, e)) {
      flush();
      value += ANSI_SIMPLE[e];
      i += 2;
    } else if ((m = /^x([0-9A-Fa-f]{1,2})/.exec(ahead)) || (m = /^([0-7]{1,3})/.exec(ahead))) {
      bytes.push(parseInt(m[1]!, m[0].startsWith('x') ? 16 : 8) & 0xff);
      i += 1 + m[0].length;
    } else if ((m = /^(?:u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8}))/.exec(ahead))) {
      flush();
      const code = parseInt(m[1] ?? m[2]!, 16);
      value += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
      i += 1 + m[0].length;
    } else if (e === 'c' && i + 2 < text.length) {
      flush();
      value += String.fromCharCode(text.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else {
      flush();
      value += '\\' + e;
      i += 2;
    }
  }
  flush();
  return { value, close: i < text.length ? i : -1 };
}
