/**
 * JSON error bodies: `{"message": …}` (REST-JSON, API Gateway), `{"__type": "ns#Code", "message": …}` (JSON 1.0 and
 * 1.1), `{"Error": {"Code", "Message"}}` (Query APIs asked for JSON). Read with the engine's located JSON parser,
 * so every value keeps its place in the paste.
 */

import { jsonEscapeAt, parseLocatedJson, parseTolerantJson, type Json } from '../json-source';
import { problem, type Problem } from '../types';
import { cleanCode, type Field, type ReplyBody } from './body';
import { decodedFrom, pasteSpan, type Located } from './located';

/**
 * Where the JSON value at `start` ends as a reader sees it: past its closing brace, past the character where it
 * stops making sense, or at the end of the text when it is cut off. Reading goes no further than the value does.
 */
export function jsonReplyEnd(text: string, start: number): number {
  const parsed = parseTolerantJson(text, start);
  if (!parsed) return Math.min(text.length, start + 1);
  if (!parsed.stopped) return parsed.end;
  return Math.min(text.length, parsed.stopped.at + 1);
}

/** Text escaped as inside a JSON string (`<\/Message>`, `\n`), decoded over `[start, end)` of `loc.text`. */
export function unescapeJsonRun(loc: Located, start: number, end: number): Located {
  const text = loc.text;
  let out = '';
  const inner: number[] = [];
  for (let i = start; i < end;) {
    const escape = text[i] === '\\' ? jsonEscapeAt(text, i) : undefined;
    const value = escape ? escape.value : text[i]!;
    out += value;
    inner.push(i);
    i += escape ? escape.length : 1;
  }
  inner.push(end);
  return decodedFrom(loc, out, inner);
}

const MESSAGE_KEYS = [
  '/message',
  '/Message',
  '/errorMessage',
  '/Error/Message',
  '/detailedMessage',
  '/error/message',
  '/error/Message',
  '/Error/message',
  '/errors/0/message',
  '/error_description',
];
const CODE_KEYS = [
  '/__type',
  '/code',
  '/Code',
  '/Error/Code',
  '/errorType',
  '/error/code',
  '/error/Code',
  '/errorCode',
  '/errors/0/code',
];

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Error replies nest two levels deep; far deeper nesting is not a reply (and would exhaust a recursive parser). */
const MAX_DEPTH = 64;

/** The position where nesting first goes deeper than `MAX_DEPTH`, or -1. */
function tooDeep(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return -1;
}

/** Reads the JSON body in `body.text[start, end)`. */
export function readJsonBody(body: Located, start: number, end: number): ReplyBody {
  const shifted = (s: number, e: number) => pasteSpan(body, start + s, start + e);
  const source = body.text.slice(start, end);
  const deep = tooDeep(source);
  if (deep >= 0) {
    const message = `This JSON nests more than ${MAX_DEPTH} levels deep, which no error reply does; it was not read.`;
    return {
      format: 'json',
      fields: new Map(),
      problems: [problem('json-depth', message, shifted(deep, deep + 1))],
    };
  }
  const parsed = parseTolerantJson(source);
  if (!parsed || (parsed.stopped && Object.keys(isObject(parsed.value) ? parsed.value : {}).length === 0)) {
    const strict = parseLocatedJson(source);
    const problems = (strict.ok ? [] : strict.problems).map((p) => ({
      ...p,
      message: `This JSON reply cannot be read: ${p.message}`,
      ...(p.span ? { span: shifted(p.span.start, p.span.end) } : {}),
    }));
    return { format: 'json', fields: new Map(), problems };
  }
  const problems: Problem[] = parsed.problems.map((p) => ({
    ...p,
    ...(p.span ? { span: shifted(p.span.start, p.span.end) } : {}),
  }));
  const stoppedAt = parsed.stopped?.at;
  if (parsed.stopped) {
    const at = Math.min(parsed.stopped.at, source.length);
    const cut = at >= source.trimEnd().length;
    const message = cut
      ? 'The JSON ends before it closes: the reply looks cut off; what came before was read.'
      : `Reading the JSON stopped here (${parsed.stopped.message}); what came before was read.`;
    const span = shifted(Math.max(0, cut ? at - 1 : at), Math.min(at + 1, source.length));
    problems.push(problem(cut ? 'json-truncated' : 'json', message, span, { severity: 'warning' }));
  }
  const { value, locations } = parsed;
  if (!isObject(value)) {
    const message = 'This JSON reply is not an object, so it holds no error code or message.';
    return {
      format: 'json',
      fields: new Map(),
      problems: [problem('json-shape', message, shifted(0, end - start))],
    };
  }
  const fields = new Map<string, Field>();
  const pointers = [...Object.keys(value).map((k) => `/${k}`), ...MESSAGE_KEYS, ...CODE_KEYS];
  for (const pointer of pointers) {
    const location = locations.get(pointer);
    const path = pointer.split('/').slice(1);
    let v: Json | undefined = value;
    for (const key of path) v = isObject(v) ? v[key] : Array.isArray(v) ? v[Number(key)] : undefined;
    if (typeof v !== 'string' || !location?.sourceOffsets || fields.has(pointer)) continue;
    const positions = location.sourceOffsets.map((o) => start + o);
    const cut = stoppedAt !== undefined && location.span.end >= stoppedAt;
    fields.set(pointer, {
      value: decodedFrom(body, v, positions),
      span: shifted(location.span.start, location.span.end),
      ...(cut ? { truncated: true } : {}),
    });
  }
  const message = MESSAGE_KEYS.map((k) => fields.get(k)).find((f) => f !== undefined)?.value;
  // JSON.stringify of an SDK error carries its status: aws-sdk v2's statusCode, v3's $metadata.httpStatusCode.
  const metadata = value.$metadata;
  const status = [value.statusCode, isObject(metadata) ? metadata.httpStatusCode : undefined].find(
    (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599,
  );
  const rawCode = CODE_KEYS.map((k) => fields.get(k)).find((f) => f !== undefined)?.value.text;
  const code = rawCode === undefined ? undefined : cleanCode(rawCode);
  return {
    format: 'json',
    ...(code ? { code } : {}),
    ...(message ? { message } : {}),
    ...(status !== undefined ? { status } : {}),
    fields: new Map([...fields].map(([k, f]) => [k.slice(1), f])),
    problems,
  };
}
