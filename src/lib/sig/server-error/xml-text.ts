/**
 * XML character data, decoded: the five predefined entities, numeric character references, CDATA sections and
 * CRLF line ends (read as LF, as XML parsers do), keeping for each decoded unit the position it came from.
 * https://www.w3.org/TR/xml/#sec-predefined-ent
 */

import { problem, type Problem } from '../types';

/** Decoded text, `positions[i]` for each unit (plus one for the end), and problems at positions in the source. */
export interface XmlText {
  text: string;
  positions: number[];
  problems: Problem[];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const REFERENCE = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/** Resolves the reference body between `&` and `;`, or `undefined` when it names no character. */
function resolve(body: string): string | undefined {
  if (body[0] !== '#') return NAMED[body];
  const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return valid ? String.fromCodePoint(cp) : undefined;
}

/** Decodes the character data in `text[start, end)`. */
export function decodeXmlText(text: string, start: number, end: number): XmlText {
  let out = '';
  const positions: number[] = [];
  const problems: Problem[] = [];
  const put = (s: string, at: number) => {
    out += s;
    for (let k = 0; k < s.length; k++) positions.push(at);
  };
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (c === '&') {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(text);
      const value = m && i + m[0].length <= end ? resolve(m[1]!) : undefined;
      if (m && value !== undefined && i + m[0].length <= end) {
        put(value, i);
        i += m[0].length;
        continue;
      }
      const span = { start: i, end: m && i + m[0].length <= end ? i + m[0].length : i + 1 };
      const message = m
        ? `${m[0]} is not an XML entity or character; kept as written.`
        : 'A bare "&" in XML should be written &amp;; kept as written.';
      problems.push(problem('xml-entity', message, span, { severity: 'warning' }));
      put('&', i);
      i++;
    } else if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      const stop = close < 0 || close > end ? end : close;
      for (let k = i + 9; k < stop; k++) put(text[k]!, k);
      i = stop === end ? end : stop + 3;
    } else if (c === '\r' && text[i + 1] === '\n' && i + 1 < end) {
      i++;
    } else {
      put(c, i);
      i++;
    }
  }
  positions.push(end);
  return { text: out, positions, problems };
}
