/**
 * Objects as programs print them, not as JSON: Python's `repr` / `pprint` (`{'Error': {'Code': 'X'}}`, Python 2's
 * `{u'message': u"…"}`, s3cmd's `{'data': b'<?xml…'\n b'…'}` with a bytes value split into adjacent chunks) and
 * Node's `util.inspect` (`{ code: 'X', '$metadata': { httpStatusCode: 403 }, StringToSign: 'AWS4…\n' +\n '…' }`).
 * Read leniently: strings are decoded and joined, other values are kept as written, and an object cut short or
 * broken keeps the members read before the break.
 */

import { problem, type Problem, type Span } from '../types';
import type { Field } from './body';
import { decodedFrom, located, type Located } from './located';
import { readPythonLiteral } from './python-literal';

/** What was read of a printed object. */
export interface LiteralObject {
  /** String members by name (the first of each name, at any depth), decoded. */
  strings: Map<string, Field>;
  /** Other members by name (numbers, `None`, `undefined`, dates), as written. */
  scalars: Map<string, string>;
  /** Just past the closing brace, or where reading stopped. */
  end: number;
  closed: boolean;
  /** Where the text ends inside the object, when it is cut off. */
  cutAt?: number;
  problems: Problem[];
}

const MAX_DEPTH = 64;
const KEY = /[A-Za-z_$][\w$.-]*/y;
const SCALAR = /[^,{}[\]()\n]*/y;

class Reader {
  at: number;
  strings = new Map<string, Field>();
  scalars = new Map<string, string>();
  problems: Problem[] = [];
  stopped = false;
  cutAt?: number;
  constructor(
    readonly text: string,
    start: number,
  ) {
    this.at = start;
  }
  skip(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }
  end(): boolean {
    if (this.at < this.text.length) return false;
    this.cutAt ??= this.text.length;
    this.stopped = true;
    return true;
  }
  fail(message: string): void {
    const span = { start: this.at, end: Math.min(this.at + 1, this.text.length) };
    this.problems.push(problem('object-syntax', message, span, { severity: 'warning' }));
    this.stopped = true;
  }
  isStringStart(): boolean {
    const c = this.text[this.at];
    const q = /[bBuU]/.test(c ?? '') ? this.text[this.at + 1] : c;
    return q === "'" || q === '"' || q === '`';
  }
  /** Adjacent string literals, joined (`'a' 'b'`, `b'a'\n b'b'`, `'a' +\n 'b'`). */
  strings_(): Located | undefined {
    let joined = '';
    const positions: number[] = [];
    let end = this.at;
    for (;;) {
      const literal = readPythonLiteral(this.text, this.at, `'"\``);
      if (!literal) break;
      joined += literal.text;
      for (let k = 0; k < literal.positions.length - 1; k++) positions.push(literal.positions[k]!);
      end = literal.positions[literal.positions.length - 1]!;
      this.at = literal.end;
      if (!literal.closed) {
        for (const p of literal.problems) this.problems.push({ ...p, severity: 'warning' });
        this.cutAt ??= literal.end;
        this.stopped = true;
        break;
      }
      for (const p of literal.problems) this.problems.push(p);
      const save = this.at;
      this.skip();
      if (this.text[this.at] === '+') {
        this.at++;
        this.skip();
      }
      if (!this.isStringStart()) {
        this.at = save;
        break;
      }
    }
    positions.push(end);
    return decodedFrom(located(this.text), joined, positions);
  }
  key(): string | undefined {
    if (this.isStringStart()) {
      const literal = readPythonLiteral(this.text, this.at, `'"\``);
      if (!literal?.closed) return undefined;
      this.at = literal.end;
      return literal.text;
    }
    if (this.text[this.at] === '[') {
      // `[Symbol(foo)]: …`
      const close = this.text.indexOf(']', this.at);
      if (close < 0 || close - this.at > 100) return undefined;
      const name = this.text.slice(this.at + 1, close);
      this.at = close + 1;
      return name;
    }
    KEY.lastIndex = this.at;
    const m = KEY.exec(this.text);
    if (!m) return undefined;
    this.at += m[0].length;
    return m[0];
  }
  value(name: string, depth: number): void {
    this.skip();
    if (this.end()) return;
    const c = this.text[this.at];
    if (c === '{') return this.members(depth + 1, '}', true);
    if (c === '[' || c === '(') return this.items(depth + 1, c === '[' ? ']' : ')');
    const start = this.at;
    if (this.isStringStart()) {
      const value = this.strings_();
      if (value && !this.strings.has(name)) {
        this.strings.set(name, { value, span: { start, end: this.at } satisfies Span });
      }
      return;
    }
    SCALAR.lastIndex = this.at;
    const raw = SCALAR.exec(this.text)![0];
    this.at += raw.length;
    const v = raw.trim();
    if (v && !this.scalars.has(name)) this.scalars.set(name, v);
  }
  items(depth: number, close: string): void {
    if (depth > MAX_DEPTH)
      return this.fail('This object nests too deep to be an error reply; reading stopped.');
    this.at++;
    for (let n = 0; !this.stopped; n++) {
      this.skip();
      if (this.end()) return;
      if (this.text[this.at] === close) {
        this.at++;
        return;
      }
      this.value(String(n), depth);
      if (this.stopped) return;
      this.skip();
      if (this.end()) return;
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== close) return this.fail(`Expected "," or "${close}" here.`);
    }
  }
  /** Members up to `close`; `braced` when the opening brace is at `at`. */
  members(depth: number, close: string, braced: boolean): void {
    if (depth > MAX_DEPTH)
      return this.fail('This object nests too deep to be an error reply; reading stopped.');
    if (braced) this.at++;
    while (!this.stopped) {
      this.skip();
      if (this.end()) return;
      if (this.text[this.at] === close) {
        this.at++;
        return;
      }
      const name = this.key();
      if (name === undefined) return this.fail('Expected a member name here.');
      this.skip();
      if (this.end()) return;
      if (this.text[this.at] !== ':') return this.fail('Expected ":" after the member name.');
      this.at++;
      this.value(name, depth);
      if (this.stopped) return;
      this.skip();
      if (this.end()) return;
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== close) return this.fail(`Expected "," or "${close}" here.`);
    }
  }
}

/**
 * Reads the printed object whose `{` is at `start`, or, with `membersOnly`, the members that start there up to a
 * closing `}` (Node prints an old-style error as `{ Name: message\n    at …\n  code: 'X' }`).
 */
export function readLiteralObject(text: string, start: number, membersOnly = false): LiteralObject {
  const reader = new Reader(text, start);
  reader.members(1, '}', !membersOnly);
  const closed = !reader.stopped;
  if (reader.cutAt !== undefined) {
    const span = { start: Math.max(start, reader.cutAt - 1), end: reader.cutAt };
    const message = 'The paste ends inside this object: it looks cut off; what came before was read.';
    reader.problems.push(problem('object-truncated', message, span, { severity: 'warning' }));
  }
  return {
    strings: reader.strings,
    scalars: reader.scalars,
    end: reader.at,
    closed,
    ...(reader.cutAt !== undefined ? { cutAt: reader.cutAt } : {}),
    problems: reader.problems,
  };
}

/** Whether a printed object (not JSON) starts at the `{` at `at`: a quoted or bare member name follows. */
export function looksLikeLiteralObject(text: string, at: number): boolean {
  return /^\{\s*(?:[buBU]?'|[A-Za-z_$][\w$]*\s*:\s*(?:['"`{[\d-]|[A-Za-z_$][\w$]*\s*[,}\n]|\[)|'\$)/.test(
    text.slice(at, at + 200),
  );
}
