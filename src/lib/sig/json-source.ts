/**
 * A small JSON parser that remembers where every value sits in the text, so that a problem found deep inside a
 * case file (say, in the request string) can be reported as `file:line:col`.
 */

import { fail, ok, problem, type Result, type Span } from './types';

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where a value sits; for strings, the source offset of each decoded UTF-16 unit (and one past the end). */
export interface ValueLocation {
  span: Span;
  sourceOffsets?: number[];
}

/** A parsed document and the location of each value, keyed by JSON pointer (`/request`, `/credentials/secretAccessKey`). */
export interface LocatedJson {
  value: Json;
  locations: Map<string, ValueLocation>;
}

/** Deeper nesting than any case file or HAR needs; past it the parser reports a problem, not a stack overflow. */
const MAX_DEPTH = 256;

class Parser {
  at = 0;
  depth = 0;
  readonly locations = new Map<string, ValueLocation>();
  constructor(readonly text: string) {}

  error(message: string): never {
    throw new JsonSyntaxError(message, this.at);
  }
  skip(): void {
    while (/[ \t\r\n]/.test(this.text[this.at] ?? '')) this.at++;
  }
  value(pointer: string): Json {
    this.skip();
    const start = this.at;
    const c = this.text[this.at];
    let result: Json;
    let sourceOffsets: number[] | undefined;
    if ((c === '{' || c === '[') && ++this.depth > MAX_DEPTH)
      this.error(`The JSON nests deeper than ${MAX_DEPTH} levels.`);
    if (c === '{') result = this.object(pointer);
    else if (c === '[') result = this.array(pointer);
    else if (c === '"') [result, sourceOffsets] = this.string();
    else if (c === undefined) this.error('The JSON ends too early.');
    else result = this.literal();
    if (c === '{' || c === '[') this.depth--;
    const location: ValueLocation = { span: { start, end: this.at } };
    if (sourceOffsets) location.sourceOffsets = sourceOffsets;
    this.locations.set(pointer, location);
    return result;
  }
  object(pointer: string): Json {
    const out: { [key: string]: Json } = {};
    this.at++;
    this.skip();
    if (this.text[this.at] === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      this.skip();
      if (this.text[this.at] !== '"') this.error('Expected a "quoted" property name.');
      const [key] = this.string();
      this.skip();
      if (this.text[this.at] !== ':') this.error('Expected ":" after the property name.');
      this.at++;
      out[key] = this.value(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      this.skip();
      const next = this.text[this.at++];
      if (next === '}') return out;
      if (next !== ',') {
        this.at--;
        this.error('Expected "," or "}" after the value.');
      }
    }
  }
  array(pointer: string): Json {
    const out: Json[] = [];
    this.at++;
    this.skip();
    if (this.text[this.at] === ']') {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(this.value(`${pointer}/${out.length}`));
      this.skip();
      const next = this.text[this.at++];
      if (next === ']') return out;
      if (next !== ',') {
        this.at--;
        this.error('Expected "," or "]" after the value.');
      }
    }
  }
  string(): [string, number[]] {
    this.at++;
    let out = '';
    const offsets: number[] = [];
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) this.error('This string is never closed.');
      if (c === '"') break;
      if (c < ' ') this.error('A control character must be escaped inside a JSON string (a newline is \\n).');
      const start = this.at;
      if (c !== '\\') {
        out += c;
        this.at++;
      } else {
        const e = this.text[this.at + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.at += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) {
          out += String.fromCharCode(parseInt(this.text.slice(this.at + 2, this.at + 6), 16));
          this.at += 6;
        } else {
          this.error('Unknown escape in a JSON string.');
        }
      }
      while (offsets.length < out.length) offsets.push(start);
    }
    offsets.push(this.at);
    this.at++;
    return [out, offsets];
  }
  literal(): Json {
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.text.slice(this.at, this.at + 400),
    );
    if (!m) this.error('Expected a JSON value: an object, array, string, number, true, false or null.');
    this.at += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : Number(m[0]);
  }
}

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly at: number,
  ) {}
}

/** Parses JSON text, returning each value's location, or a problem at the first syntax error. */
export function parseLocatedJson(text: string): Result<LocatedJson> {
  const parser = new Parser(text);
  try {
    const value = parser.value('');
    parser.skip();
    if (parser.at < text.length) parser.error('Unexpected text after the JSON value.');
    return ok({ value, locations: parser.locations });
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return fail([problem('json', e.message, { start: e.at, end: Math.min(e.at + 1, text.length) })]);
  }
}

/** Maps a span inside a string value back to the JSON text, using the string's recorded offsets. */
export function mapStringSpan(location: ValueLocation, span: Span): Span {
  const offsets = location.sourceOffsets;
  if (!offsets) return location.span;
  const at = (i: number) => offsets[Math.min(Math.max(i, 0), offsets.length - 1)]!;
  return { start: at(span.start), end: at(span.end) };
}
