/**
 * Python string and bytes literals as `repr()` prints them: botocore logs a response body as `b'<?xml ...>\n...'`
 * and awscurl pretty-prints its canonical request as `'\nCANONICAL REQUEST = GET\n'` fragments. Escapes (`\n`,
 * `\'`, `\\`, `\xNN`, `\uNNNN`, octal) are undone; bytes are decoded as UTF-8.
 * https://docs.python.org/3/reference/lexical_analysis.html#escape-sequences
 */

import { problem, type Problem } from '../types';
import { decodeUtf8 } from './utf8';

/** A decoded literal: `positions[i]` is where unit `i` came from in the source (one extra entry for the end). */
export interface PythonLiteral {
  text: string;
  positions: number[];
  /** Just past the closing quote, or where reading stopped. */
  end: number;
  closed: boolean;
  problems: Problem[];
}

const SIMPLE: Record<string, number> = {
  '\\': 0x5c,
  "'": 0x27,
  '"': 0x22,
  n: 10,
  r: 13,
  t: 9,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
};

const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Reads one escape at `i` (a backslash): the unit it stands for and its length, or `undefined`. */
function escapeAt(text: string, i: number, bytes: boolean): { unit: number; length: number } | undefined {
  const e = text[i + 1];
  if (e === undefined) return undefined;
  if (e in SIMPLE) return { unit: SIMPLE[e]!, length: 2 };
  const hexLength = HEX_LENGTH[e];
  if (hexLength !== undefined && (!bytes || e === 'x')) {
    const digits = text.slice(i + 2, i + 2 + hexLength);
    if (digits.length !== hexLength || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
    const unit = parseInt(digits, 16);
    return unit > 0x10ffff ? undefined : { unit, length: 2 + hexLength };
  }
  const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
  if (octal) return { unit: parseInt(octal[0], 8) & (bytes ? 0xff : 0x1ff), length: 1 + octal[0].length };
  return undefined;
}

/**
 * Reads the literal starting at `start` (an optional `b`, or Python 2's `u`, then a quote); `undefined` when none
 * starts there. `quotes` are the quote characters accepted (JavaScript's util.inspect also uses a backtick).
 */
export function readPythonLiteral(text: string, start: number, quotes = `'"`): PythonLiteral | undefined {
  let i = start;
  const bytes = text[i] === 'b' || text[i] === 'B';
  if (bytes || text[i] === 'u' || text[i] === 'U') i++;
  const quote = text[i];
  if (quote === undefined || !quotes.includes(quote)) return undefined;
  i++;
  const units: number[] = [];
  const positions: number[] = [];
  const problems: Problem[] = [];
  let closed = false;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
    const c = text[i]!;
    if (c === quote) {
      closed = true;
      i++;
      break;
    }
    if (c === '\\') {
      const escape = escapeAt(text, i, bytes);
      if (!escape) {
        const span = { start: i, end: Math.min(i + 2, text.length) };
        const message = 'This escape is not one Python prints; kept as written.';
        problems.push(problem('python-escape', message, span, { severity: 'warning' }));
      }
      units.push(escape ? escape.unit : 0x5c);
      positions.push(i);
      i += escape ? escape.length : 1;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (bytes && cp > 0x7f) {
      for (const b of new TextEncoder().encode(String.fromCodePoint(cp))) {
        units.push(b);
        positions.push(i);
      }
    } else {
      units.push(cp);
      positions.push(i);
    }
    i += width;
  }
  const end = i;
  if (!closed) {
    problems.push(
      problem(
        'python-literal',
        `This ${bytes ? "b'…'" : "'…'"} value is never closed: the line looks cut off.`,
        {
          start,
          end,
        },
      ),
    );
  }
  positions.push(end - (closed ? 1 : 0));
  if (!bytes) {
    let out = '';
    const at: number[] = [];
    units.forEach((u, k) => {
      const ch = String.fromCodePoint(u);
      out += ch;
      for (let w = 0; w < ch.length; w++) at.push(positions[k]!);
    });
    at.push(positions[units.length]!);
    return { text: out, positions: at, end, closed, problems };
  }
  const decoded = decodeUtf8(units, positions);
  if (decoded.invalid.length > 0) {
    const first = decoded.invalid[0]!;
    problems.push(
      problem(
        'utf8',
        'These bytes are not valid UTF-8; they are shown as �.',
        { start: first, end: first + 1 },
        {
          severity: 'warning',
        },
      ),
    );
  }
  return { text: decoded.text, positions: decoded.positions, end, closed, problems };
}
