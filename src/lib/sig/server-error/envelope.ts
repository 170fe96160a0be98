/**
 * What a body can be wrapped in when pasted: an HTTP status line and headers (raw, or as `curl -v` prints them with
 * `< `), or botocore's debug line `Response body:` followed by the body as a Python bytes repr (`b'<?xml …>\n…'`,
 * escapes written as characters). SDK one-liners are read in `sdk-line.ts`.
 */

import type { Problem, Span } from '../types';
import { cleanCode } from './body';
import { decodedFrom, located, type Located } from './located';
import { readPythonLiteral } from './python-literal';

/** An HTTP status line and its headers: the status, the code a header names, and where the body starts. */
export interface HttpEnvelope {
  status: number;
  /** `x-amzn-ErrorType`, without its `:http://…` suffix. */
  headerCode?: string;
  bodyStart: number;
}

const STATUS_LINE = /(< )?HTTP\/\d(?:\.[\dxX])? (\d{3})\b[^\n]*(?:\n|$)/y;

/** Reads a status line at `start` and the header lines after it, up to the blank line. */
export function readHttpEnvelope(text: string, start: number): HttpEnvelope | undefined {
  STATUS_LINE.lastIndex = start;
  const status = STATUS_LINE.exec(text);
  if (!status) return undefined;
  const prefix = status[1] ?? '';
  let at = STATUS_LINE.lastIndex;
  let headerCode: string | undefined;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    let line = text.slice(at, end).replace(/\r$/, '');
    if (prefix && line.startsWith(prefix.trimEnd())) line = line.slice(prefix.length);
    if (line.trim() === '') return { status: Number(status[2]), ...code(headerCode), bodyStart: end + 1 };
    const header = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*)$/.exec(line);
    if (!header) return { status: Number(status[2]), ...code(headerCode), bodyStart: at };
    if (header[1]!.toLowerCase() === 'x-amzn-errortype') headerCode = cleanCode(header[2]!);
    at = end + 1;
  }
  return { status: Number(status[2]), ...code(headerCode), bodyStart: text.length };
}

function code(headerCode: string | undefined): { headerCode?: string } {
  return headerCode ? { headerCode } : {};
}

/** A body that botocore logged as a Python bytes repr, decoded, with its place in the paste. */
export interface BotocoreBody {
  span: Span;
  body: Located;
  problems: Problem[];
}

const RESPONSE_BODY = /Response body:[ \t]*(?:\r?\n[ \t]*)?(?=[bB]?['"])/;
const BARE_BYTES = /[bB]['"](?=[<{])/y;

/**
 * Reads botocore's `Response body:\nb'…'` when the line at `lineStart` holds it, or a bare `b'<…'` / `b'{…'`
 * literal starting at `lineStart`.
 */
export function readBotocoreBody(text: string, lineStart: number, lineEnd: number): BotocoreBody | undefined {
  const marker = RESPONSE_BODY.exec(text.slice(lineStart, Math.min(text.length, lineEnd + 512)));
  let start: number;
  let literalStart: number;
  if (marker && marker.index < lineEnd - lineStart) {
    start = lineStart + marker.index;
    literalStart = start + marker[0].length;
  } else {
    BARE_BYTES.lastIndex = lineStart;
    if (!BARE_BYTES.test(text)) return undefined;
    start = lineStart;
    literalStart = lineStart;
  }
  const literal = readPythonLiteral(text, literalStart);
  if (!literal) return undefined;
  return {
    span: { start, end: literal.end },
    body: decodedFrom(located(text), literal.text, literal.positions),
    problems: literal.problems,
  };
}
