/**
 * JSON error bodies: `{"message": …}` (REST-JSON, API Gateway), `{"__type": "ns#Code", "message": …}` (JSON 1.0 and
 * 1.1), `{"Error": {"Code", "Message"}}` (Query APIs asked for JSON). Read with the engine's located JSON parser,
 * so every value keeps its place in the paste.
 */

import { parseLocatedJson, type Json } from '../json-source';
import { problem } from '../types';
import { cleanCode, type Field, type ReplyBody } from './body';
import { decodedFrom, pasteSpan, type Located } from './located';

/** Where the JSON value that starts at `start` ends, and whether it closed; a raw newline in a string cuts it. */
export function jsonValueEnd(text: string, start: number): { end: number; closed: boolean } {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      else if (c === '\n') return { end: i, closed: false };
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth <= 0) return { end: i + 1, closed: true };
    } else if (c === '\n' && /^\n[ \t]*\r?\n[ \t]*(?:[{<]|HTTP\/)/.test(text.slice(i, i + 16))) {
      return { end: i, closed: false };
    }
  }
  return { end: text.trimEnd().length, closed: false };
}

const MESSAGE_KEYS = ['/message', '/Message', '/errorMessage', '/Error/Message'];
const CODE_KEYS = ['/__type', '/code', '/Code', '/Error/Code', '/errorType'];

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
  const parsed = parseLocatedJson(source);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => ({
      ...p,
      message: `This JSON reply cannot be read: ${p.message}`,
      ...(p.span ? { span: shifted(p.span.start, p.span.end) } : {}),
    }));
    return { format: 'json', fields: new Map(), problems };
  }
  const { value, locations } = parsed.value;
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
    for (const key of path) v = isObject(v) ? v[key] : undefined;
    if (typeof v !== 'string' || !location?.sourceOffsets || fields.has(pointer)) continue;
    const positions = location.sourceOffsets.map((o) => start + o);
    fields.set(pointer, {
      value: decodedFrom(body, v, positions),
      span: shifted(location.span.start, location.span.end),
    });
  }
  const message = MESSAGE_KEYS.map((k) => fields.get(k)).find((f) => f !== undefined)?.value;
  const rawCode = CODE_KEYS.map((k) => fields.get(k)).find((f) => f !== undefined)?.value.text;
  const code = rawCode === undefined ? undefined : cleanCode(rawCode);
  return {
    format: 'json',
    ...(code ? { code } : {}),
    ...(message ? { message } : {}),
    fields: new Map([...fields].map(([k, f]) => [k.slice(1), f])),
    problems: [],
  };
}
