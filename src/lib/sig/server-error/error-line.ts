/**
 * `Code: message` as Go and Node print an error. aws-sdk-go prints `SignatureDoesNotMatch: The request signature …`
 * (the `status code:` line may be missing). Node's `console.log` of an aws-sdk-js error prints the stack, whose
 * first line is `Code: message` (the message keeps its line breaks), then the error object's members: old Node
 * wraps it all as `{ Code: message\n    at …\n  code: 'X',\n  statusCode: 403 }`; newer Node and aws-sdk-js v3
 * print `Code: message\n    at …\n    at … {\n  '$metadata': { httpStatusCode: 403 }, StringToSign: '…' + '…' }`.
 */

import type { Span } from '../types';
import { startsAwsMessage } from './advice';
import { textMessageEnd } from './expected-strings';
import { readLiteralObject, type LiteralObject } from './literal-object';

/** One `Code: message` error: where it sits, its code, where its message is, and the members printed after it. */
export interface ErrorLine {
  span: Span;
  /** The code, unless the name is a generic word (`Error: …`). */
  code?: string;
  message: Span;
  object?: LiteralObject;
  /** The status aws-sdk-go's `status code: 403, request id: …` line gives. */
  status?: number;
  /** Node's old-style `{ Code: …` whose closing brace the paste does not reach. */
  unclosed?: Span;
}

const HEAD = /(\{ )?([A-Z][A-Za-z0-9]*)(?: \[[\w$]+\])?: (?=\S)/y;
/** An error code as AWS names them: CamelCase words (`SignatureDoesNotMatch`), or a name ending in Exception. */
const CODE_LIKE = /^(?:[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Z]\w*(?:Exception|Error))$/;
const GO_TRAILER = /\r?\n[ \t]+status code: (\d{3}), request id: [^\n]*/y;
const STACK_LINE = /^[ \t]+at \S[^\n]*$/;
/** A member line of a printed object: two spaces, a name, a colon. */
const MEMBER_LINE = /\n {2}(?:[A-Za-z_$][\w$]*|'[^'\n]*'): /g;

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** The stack lines from `from` (a line start): where the last one ends, or `undefined` when none is there. */
function stackEnd(text: string, from: number): number | undefined {
  let at = from;
  let end: number | undefined;
  while (at < text.length) {
    const e = lineEnd(text, at);
    if (!STACK_LINE.test(text.slice(at, e))) break;
    end = e;
    at = e + 1;
  }
  return end;
}

/** Where the stack starts when it follows the message ending at `from` (past blank lines only). */
function stackAfter(text: string, from: number): number | undefined {
  let at = from;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return start > from - 1 && STACK_LINE.test(text.slice(start, lineEnd(text, start))) ? start : undefined;
}

/** Reads a `Code: message` error at `at`; `undefined` unless it has a stack or a message AWS writes. */
export function readErrorLine(text: string, at: number): ErrorLine | undefined {
  HEAD.lastIndex = at;
  const head = HEAD.exec(text);
  if (!head) return undefined;
  const braced = head[1] !== undefined;
  const code = CODE_LIKE.test(head[2]!) ? { code: head[2]! } : {};
  const messageStart = at + head[0].length;
  const end1 = lineEnd(text, messageStart);
  const known = startsAwsMessage(text, messageStart);
  // `Error: …`, `ID: …`: a word that names no error says nothing unless AWS's message follows.
  if (!code.code && !known) return undefined;
  const stack = stackAfter(text, textMessageEnd(text, messageStart, end1));
  if (stack === undefined) {
    if (!known) return undefined;
    MEMBER_LINE.lastIndex = messageStart;
    const member = braced ? MEMBER_LINE.exec(text) : null;
    const end = member ? member.index : textMessageEnd(text, messageStart, end1);
    const out: ErrorLine = { span: { start: at, end }, ...code, message: { start: messageStart, end } };
    GO_TRAILER.lastIndex = end;
    const trailer = member ? null : GO_TRAILER.exec(text);
    if (trailer) {
      out.status = Number(trailer[1]);
      out.span.end = end + trailer[0].length;
    }
    if (member) return withObject(text, out, member.index + 1, true);
    if (braced) out.unclosed = { start: at, end: at + 1 };
    return out;
  }
  // The message runs up to the stack (its line breaks are its own).
  let messageEnd = stack - 1;
  while (messageEnd > messageStart && /\s/.test(text[messageEnd - 1]!)) messageEnd--;
  const stackStop = stackEnd(text, stack)!;
  const out: ErrorLine = {
    span: { start: at, end: stackStop },
    ...code,
    message: { start: messageStart, end: messageEnd },
  };
  const lastLine = text.slice(text.lastIndexOf('\n', stackStop - 1) + 1, stackStop);
  if (/ \{$/.test(lastLine)) return withObject(text, out, stackStop - 1, false);
  const members = braced && stackStop < text.length ? withObject(text, out, stackStop + 1, true) : out;
  if (braced && !members.object) members.unclosed = { start: at, end: at + 1 };
  return members;
}

function withObject(text: string, line: ErrorLine, start: number, membersOnly: boolean): ErrorLine {
  const object = readLiteralObject(text, start, membersOnly);
  if (object.strings.size === 0 && object.scalars.size === 0) return line;
  return { ...line, span: { start: line.span.start, end: Math.max(line.span.end, object.end) }, object };
}
