/**
 * Python's `repr()` of bytes and str, as botocore and awscurl print them, to wrap fixtures the way users paste them.
 * Checked against real Python output in wrappers.test.ts.
 */

const encoder = new TextEncoder();

function escapeUnit(code: number, quote: string, bytes: boolean): string {
  const ch = String.fromCharCode(code);
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (ch === '\t') return '\\t';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (code < 0x20 || code === 0x7f || (bytes && code > 0x7f))
    return `\\x${code.toString(16).padStart(2, '0')}`;
  return ch;
}

function quoteFor(text: string): string {
  return text.includes("'") && !text.includes('"') ? '"' : "'";
}

/** `repr(text.encode())`: `b'…'` with non-ASCII bytes as `\xNN`. */
export function pythonBytesRepr(text: string): string {
  const quote = quoteFor(text);
  const body = Array.from(encoder.encode(text), (b) => escapeUnit(b, quote, true)).join('');
  return `b${quote}${body}${quote}`;
}

/** `repr(text)` for text without non-ASCII characters. */
export function pythonStrRepr(text: string): string {
  const quote = quoteFor(text);
  return `${quote}${Array.from(text, (c) => escapeUnit(c.charCodeAt(0), quote, false)).join('')}${quote}`;
}

/** `pprint.pprint(text)` for a text longer than one line: one repr fragment per line, in parentheses. */
export function pythonPprint(text: string): string {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [''];
  return `(${lines.map((l, i) => (i === 0 ? '' : ' ') + pythonStrRepr(l)).join('\n')})`;
}
