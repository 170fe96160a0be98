/**
 * Writing what a paste reader found as raw HTTP/1.1 text, keeping for each line the span of the paste it came
 * from, and checking that the engine's HTTP parser reads the text back.
 */

import { fail, ok, type Problem, type Result, type Span } from '../types';
import { parseHttpRequest } from './http';
import type { HttpRequest } from './model';
import type { PastedRequest, RequestForm, SigningHints } from './pasted';
import { requestHints } from './request-hints';

/**
 * A piece of the HTTP text (pieces are joined with `\n`) and where it came from: one span for all its lines, or a
 * function from a line's range inside the piece to its span in the paste.
 */
export interface Piece {
  text: string;
  source: Span | ((start: number, end: number) => Span);
}

/** An empty span: the source of a line the reader wrote itself (placed at `at`, the option that implied it). */
export function written(at = 0): Span {
  return { start: at, end: at };
}

/** A line of the paste without its line break (a CR before the LF is left out of `text` and the span). */
export interface PasteLine {
  text: string;
  start: number;
  end: number;
}

/** Splits a paste into lines with their offsets. */
export function pasteLines(text: string): PasteLine[] {
  const lines: PasteLine[] = [];
  let start = 0;
  for (;;) {
    const lf = text.indexOf('\n', start);
    const next = lf < 0 ? text.length : lf;
    const end = next > start && text[next - 1] === '\r' ? next - 1 : next;
    lines.push({ text: text.slice(start, end), start, end });
    if (lf < 0) return lines;
    start = lf + 1;
  }
}

function lineSourcesOf(pieces: readonly Piece[]): Span[] {
  const sources: Span[] = [];
  for (const { text, source } of pieces) {
    let start = 0;
    for (;;) {
      const lf = text.indexOf('\n', start);
      const end = lf < 0 ? text.length : lf;
      sources.push(typeof source === 'function' ? source(start, end) : source);
      if (lf < 0) break;
      start = lf + 1;
    }
  }
  return sources;
}

function mapOffset(
  http: string,
  lineSources: readonly Span[],
  offset: number,
  side: 'start' | 'end',
): number {
  let line = 0;
  let lineStart = 0;
  for (let lf = http.indexOf('\n'); lf >= 0 && lf < offset; lf = http.indexOf('\n', lineStart)) {
    line++;
    lineStart = lf + 1;
  }
  const lf = http.indexOf('\n', lineStart);
  const lineEnd = lf < 0 ? http.length : lf;
  const source = lineSources[line] ?? written();
  // A line copied verbatim keeps its length, so offsets inside it map one to one.
  if (source.end - source.start === lineEnd - lineStart) {
    return source.start + Math.min(Math.max(offset - lineStart, 0), lineEnd - lineStart);
  }
  return source[side];
}

/** Maps a span of a reader's HTTP text back to the paste, through `lineSources`. */
export function pasteSpanOf(pasted: Pick<PastedRequest, 'http' | 'lineSources'>, span: Span): Span {
  const start = mapOffset(pasted.http, pasted.lineSources, span.start, 'start');
  const end = mapOffset(pasted.http, pasted.lineSources, Math.max(span.end, span.start), 'end');
  return { start, end: Math.max(start, end) };
}

/** Gives every error without a span the whole paste, so that each one points somewhere. */
export function anchored(problems: readonly Problem[], text: string): Problem[] {
  return problems.map((p) =>
    p.severity === 'error' && !p.span ? { ...p, span: { start: 0, end: text.length } } : p,
  );
}

/**
 * Joins the pieces into HTTP text and parses it back; a text the parser rejects fails with its problems moved
 * onto the paste. Hints read off the request itself fill in what the reader's own hints leave open.
 */
export function writePasted(
  paste: string,
  form: RequestForm,
  pieces: readonly Piece[],
  hints: SigningHints,
  notes: Problem[],
): Result<PastedRequest> {
  const http = pieces.map((p) => p.text).join('\n');
  const lineSources = lineSourcesOf(pieces);
  const parsed = parseHttpRequest(http);
  if (!parsed.ok) {
    const moved = parsed.problems.map((p) =>
      p.span ? { ...p, span: pasteSpanOf({ http, lineSources }, p.span) } : p,
    );
    return fail(anchored([...notes, ...moved], paste));
  }
  const value: PastedRequest = {
    form,
    http,
    lineSources,
    hints: { ...requestHints(parsed.value), ...hints },
    notes,
  };
  parses.set(value, parsed);
  return ok(value, notes);
}

/** The parse writePasted made of each paste's HTTP text, until parsePasted takes it. */
const parses = new WeakMap<PastedRequest, Result<HttpRequest>>();

/**
 * The paste's HTTP text parsed: the parse writePasted already made, handed out once (the request is then the
 * caller's to change), else the text parsed again. Signing a paste no longer parses it twice.
 */
export function parsePasted(pasted: PastedRequest): Result<HttpRequest> {
  const made = parses.get(pasted);
  if (!made) return parseHttpRequest(pasted.http);
  parses.delete(pasted);
  return made;
}
