/**
 * Shared vocabulary of the engine: source spans, input problems and results.
 *
 * A problem with what the user pasted is data, never an exception: every parser and signer returns
 * `Problem`s with a sentence a person can act on and, where there is one, the span of the input it is about.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into the text the user pasted. */
export interface Span {
  start: number;
  end: number;
}

/** How serious a problem is: an `error` stops the stage, a `warning` or `note` is reported beside the result. */
export type Severity = 'error' | 'warning' | 'note';

/** A problem with the user's input, as data: branch on `kind`, show `message`, point at `span`. */
export interface Problem {
  /** A stable machine-readable identifier such as `request-line` or `bad-percent-encoding`. */
  kind: string;
  severity: Severity;
  /** One sentence a person can act on. */
  message: string;
  /** Where in the input the problem sits, when it sits somewhere. */
  span?: Span;
  /** What to do about it, when the message alone does not say. */
  hint?: string;
}

/** The outcome of a stage that may fail on bad input: a value, or the problems that stopped it. */
export type Result<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Builds a problem; `severity` defaults to `error`. */
export function problem(kind: string, message: string, span?: Span, extra: Partial<Problem> = {}): Problem {
  return { kind, severity: 'error', message, ...(span ? { span } : {}), ...extra };
}

/** A successful result carrying any warnings met on the way. */
export function ok<T>(value: T, problems: Problem[] = []): Result<T> {
  return { ok: true, value, problems };
}

/** A failed result. */
export function fail<T>(problems: Problem[]): Result<T> {
  return { ok: false, problems };
}

/** Converts a UTF-16 offset into a 1-based line and column, for `file:line:col` messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
