/**
 * A small JSON parser that remembers where every value sits in the text, so that a problem found deep inside a
 * case file (say, in the request string) can be reported as `file:line:col`.
 */

import { fail, ok, problem, type Problem, type Result, type Span } from './types';

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

/** Tolerant mode: how many raw line breaks a string may hold (error messages quote a few dozen lines). */
const MAX_STRING_LINES = 400;

/** The escapes a JSON string may hold, but `\uXXXX`. */
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** The JSON escape at `at` (a backslash): what it stands for and its length, or `undefined` when it is none. */
export function jsonEscapeAt(text: string, at: number): { value: string; length: number } | undefined {
  const e = text[at + 1];
  if (e !== undefined && e in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[e]!, length: 2 };
  const hex = text.slice(at + 2, at + 6);
  if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
    return { value: String.fromCharCode(parseInt(hex, 16)), length: 6 };
  }
  return undefined;
}

class Parser {
  at = 0;
  depth = 0;
  readonly locations = new Map<string, ValueLocation>();
  /** Tolerant mode: where the text stopped making sense (its end, or a syntax error), once it has. */
  stop?: { at: number; message: string };
  /** Tolerant mode: what was forgiven, as [kind, message, offset]. */
  readonly forgiven: [string, string, number][] = [];
  constructor(
    readonly text: string,
    readonly tolerant = false,
  ) {}

  error(message: string): never {
    throw new JsonSyntaxError(message, this.at);
  }
  /** In tolerant mode, notes something forgiven (once per kind); otherwise it is a syntax error. */
  forgive(kind: string, message: string, note = message): void {
    if (!this.tolerant) this.error(message);
    if (!this.forgiven.some(([k]) => k === kind)) this.forgiven.push([kind, note, this.at]);
  }
  /** Tolerant mode only: stops reading here, keeping what was read. */
  halt(e: JsonSyntaxError): void {
    this.stop ??= { at: e.at, message: e.message };
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
    else if (c === undefined) {
      if (!this.tolerant) this.error('The JSON ends too early.');
      this.stop ??= { at: this.at, message: 'The JSON ends too early.' };
      result = null;
    } else result = this.literal();
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
    try {
      for (;;) {
        this.skip();
        if (this.tolerant && this.text[this.at] === '}') {
          this.forgive('json-trailing-comma', 'A comma before "}" was ignored.');
          this.at++;
          return out;
        }
        if (this.text[this.at] === undefined && this.tolerant) this.error('The JSON ends too early.');
        if (this.text[this.at] !== '"') this.error('Expected a "quoted" property name.');
        const [key] = this.string();
        if (this.stop) return out;
        this.skip();
        if (this.text[this.at] !== ':') this.error('Expected ":" after the property name.');
        this.at++;
        out[key] = this.value(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        if (this.stop) return out;
        this.skip();
        const next = this.text[this.at++];
        if (next === '}') return out;
        if (next !== ',') {
          this.at--;
          this.error(
            next === undefined ? 'The JSON ends too early.' : 'Expected "," or "}" after the value.',
          );
        }
      }
    } catch (e) {
      if (!this.tolerant || !(e instanceof JsonSyntaxError)) throw e;
      this.halt(e);
      return out;
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
    try {
      for (;;) {
        out.push(this.value(`${pointer}/${out.length}`));
        if (this.stop) return out;
        this.skip();
        const next = this.text[this.at++];
        if (next === ']') return out;
        if (next === ',' && this.tolerant && /^\s*\]/.test(this.text.slice(this.at, this.at + 64))) {
          this.forgive('json-trailing-comma', 'A comma before "]" was ignored.');
          this.skip();
          this.at++;
          return out;
        }
        if (next !== ',') {
          this.at--;
          this.error(
            next === undefined ? 'The JSON ends too early.' : 'Expected "," or "]" after the value.',
          );
        }
      }
    } catch (e) {
      if (!this.tolerant || !(e instanceof JsonSyntaxError)) throw e;
      this.halt(e);
      return out;
    }
  }
  string(): [string, number[]] {
    this.at++;
    let out = '';
    const offsets: number[] = [];
    let breaks = 0;
    for (;;) {
      // A quote left open would swallow the rest of a long paste: a string runs over a few hundred lines at most.
      if (this.tolerant && this.text[this.at] === '\n' && ++breaks > MAX_STRING_LINES) {
        this.stop ??= {
          at: this.at,
          message: 'This string runs on for too many lines; its closing quote is missing.',
        };
        offsets.push(this.at);
        return [out, offsets];
      }
      const c = this.text[this.at];
      if (c === undefined) {
        if (!this.tolerant) this.error('This string is never closed.');
        this.stop ??= { at: this.at, message: 'This string is never closed.' };
        offsets.push(this.at);
        return [out, offsets];
      }
      if (c === '"') break;
      if (c < ' ') {
        this.forgive(
          'json-control',
          'A control character must be escaped inside a JSON string (a newline is \\n).',
          'A raw line break or control character inside a JSON string was read as written.',
        );
      }
      const start = this.at;
      const escape = c === '\\' ? jsonEscapeAt(this.text, this.at) : undefined;
      if (c !== '\\') {
        out += c;
        this.at++;
      } else if (escape) {
        out += escape.value;
        this.at += escape.length;
      } else {
        this.forgive(
          'json-escape',
          'Unknown escape in a JSON string.',
          'Unknown escape in a JSON string; kept as written.',
        );
        out += c;
        this.at++;
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

/** What a tolerant read found: the value as far as it goes, what was forgiven, and where it stopped, if early. */
export interface TolerantJson extends LocatedJson {
  /** Just past the value, or where reading stopped. */
  end: number;
  /** Where and why reading stopped before the value closed (the text ends, or a syntax error). */
  stopped?: { at: number; message: string };
  /** Warnings for what was read as written (raw newlines in strings, trailing commas, unknown escapes). */
  problems: Problem[];
}

/**
 * Parses the JSON value at the start of `text` the way a person reads a pasted one: raw control characters in
 * strings, trailing commas and unknown escapes are read as written, and a value cut short or broken keeps what
 * was read before the break. Text after the value is left alone. `undefined` when no value starts there.
 * Reading starts at `start`; positions are in `text`.
 */
export function parseTolerantJson(text: string, start = 0): TolerantJson | undefined {
  const parser = new Parser(text, true);
  parser.at = start;
  try {
    const value = parser.value('');
    const problems = parser.forgiven.map(([kind, message, at]) =>
      problem(kind, message, { start: at, end: Math.min(at + 1, text.length) }, { severity: 'warning' }),
    );
    const out: TolerantJson = { value, locations: parser.locations, end: parser.at, problems };
    if (parser.stop) out.stopped = parser.stop;
    return out;
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return undefined;
  }
}

/** Maps a span inside a string value back to the JSON text, using the string's recorded offsets. */
export function mapStringSpan(location: ValueLocation, span: Span): Span {
  const offsets = location.sourceOffsets;
  if (!offsets) return location.span;
  const at = (i: number) => offsets[Math.min(Math.max(i, 0), offsets.length - 1)]!;
  return { start: at(span.start), end: at(span.end) };
}
