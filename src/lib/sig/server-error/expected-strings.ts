/**
 * The expected values that API Gateway, the Query protocol and JSON services put inside the error message:
 * "The Canonical String for this request should have been\n'…'\n\nThe String-to-Sign should have been\n'…'".
 * The quoted canonical request holds blank lines (and may hold quotes), so its end is found from what follows it
 * or from its shape, never from the next blank line.
 */

import { canonicalRequestEnd, stringToSignEnd } from '../client-log/shape';
import { problem, type Problem, type Span } from '../types';

/** Where the quoted values sit (positions in the text searched) and where the last closing quote ends. */
export interface ExpectedRanges {
  canonicalRequest?: Span;
  stringToSign?: Span;
  /** Just past the last closing quote read. */
  end: number;
  /** Which values run to the end of the text because their closing quote never comes (the paste is cut off). */
  cut?: { canonicalRequest?: boolean; stringToSign?: boolean };
  problems: Problem[];
}

const CANONICAL =
  /the canonical (?:string|request)(?: for this request)? should have been[ \t]*\r?\n?[ \t]*'/gi;
const STRING_TO_SIGN = /the string[- ]to[- ]sign should have been[ \t]*\r?\n?[ \t]*'/gi;
const BEFORE_STRING_TO_SIGN = /'[ \t]*\r?\n\s*the string[- ]to[- ]sign should have been/gi;
const QUOTE_AT_LINE_END = /'[ \t]*(?=\r?\n|$)/g;

function find(re: RegExp, text: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(text);
}

/** Finds a phrase that must start before `startBy`, without scanning the rest of a long paste. */
function findPhrase(
  re: RegExp,
  text: string,
  from: number,
  startBy: number,
): { index: number; end: number } | null {
  const m = find(re, text.slice(from, Math.min(text.length, startBy + 120)), 0);
  return m && from + m.index < startBy ? { index: from + m.index, end: from + m.index + m[0].length } : null;
}

/** The closing quote of a canonical request value starting at `start`. */
function canonicalClose(text: string, start: number, to: number): number | undefined {
  const next = find(BEFORE_STRING_TO_SIGN, text, start);
  if (next && next.index < to) return next.index;
  const shaped = canonicalRequestEnd(text, start);
  if (shaped !== undefined && shaped <= to && text[shaped - 1] === "'") return shaped - 1;
  const quote = find(QUOTE_AT_LINE_END, text, start);
  return quote && quote.index < to ? quote.index : undefined;
}

/** The closing quote of a string-to-sign value starting at `start`; `bounded` when `to` ends the message. */
function stringToSignClose(text: string, start: number, to: number, bounded: boolean): number | undefined {
  const shaped = stringToSignEnd(text, start);
  if (shaped !== undefined && shaped < to && text[shaped] === "'") return shaped;
  if (bounded) {
    const last = text.lastIndexOf("'", to - 1);
    if (last >= start) return last;
  }
  const quote = find(QUOTE_AT_LINE_END, text, start);
  return quote && quote.index < to ? quote.index : undefined;
}

/**
 * Finds the expected canonical request and string to sign in `text[from, to)`. The first phrase must start before
 * `startBy` (defaults to `to`); `bounded` says `to` is where the message ends (JSON and XML), so a value may run up
 * to its last quote. `undefined` when neither phrase is there.
 */
export function findExpectedStrings(
  text: string,
  from: number,
  to: number,
  bounded: boolean,
  startBy = to,
): ExpectedRanges | undefined {
  const problems: Problem[] = [];
  let canonicalRequest: Span | undefined;
  let stringToSign: Span | undefined;
  let end: number | undefined;
  const cut: { canonicalRequest?: boolean; stringToSign?: boolean } = {};
  // A value whose quote never closes runs to the end of the text: the paste was cut inside it.
  const unclosed = (phrase: Span, key: keyof typeof cut, what: string): Span | undefined => {
    const message = `The quoted ${what} never closes: the message looks cut off.`;
    problems.push(problem('expected-unclosed', message, phrase, { severity: 'warning' }));
    const stop = text.slice(0, to).trimEnd().length;
    if (to !== text.length || stop <= phrase.end) return undefined;
    cut[key] = true;
    end = stop;
    return { start: phrase.end, end: stop };
  };
  let searchFrom = from;
  const canonical = findPhrase(CANONICAL, text, from, startBy);
  if (canonical && canonical.end <= to) {
    const start = canonical.end;
    const close = canonicalClose(text, start, to);
    if (close === undefined) {
      canonicalRequest = unclosed(
        { start: canonical.index, end: start },
        'canonicalRequest',
        'canonical request',
      );
    } else {
      canonicalRequest = { start, end: close };
      end = close + 1;
      searchFrom = end;
      // The string to sign must follow right after, past whitespace only.
      let next = end;
      while (next < to && /\s/.test(text[next]!)) next++;
      startBy = Math.min(to, next + 1);
    }
  }
  const sts = findPhrase(STRING_TO_SIGN, text, searchFrom, startBy);
  if (sts && sts.end <= to) {
    const start = sts.end;
    const close = stringToSignClose(text, start, to, bounded);
    if (close === undefined) {
      stringToSign = unclosed({ start: sts.index, end: start }, 'stringToSign', 'string to sign');
    } else {
      stringToSign = { start, end: close };
      end = close + 1;
    }
  }
  if (end === undefined && problems.length === 0) return undefined;
  return {
    ...(canonicalRequest ? { canonicalRequest } : {}),
    ...(stringToSign ? { stringToSign } : {}),
    end: end ?? from,
    ...(cut.canonicalRequest || cut.stringToSign ? { cut } : {}),
    problems,
  };
}

/**
 * Where a plain-text message that starts at `start` (on a line ending at `lineEnd`) ends: at that line's end, or,
 * when the expected canonical request and string to sign follow (after blank lines), past the last closing quote.
 */
export function textMessageEnd(text: string, start: number, lineEnd: number): number {
  const rest = /^(?:[ \t]*\r?\n)*[^\n]*/.exec(text.slice(lineEnd + 1, lineEnd + 4097));
  const startBy = rest ? lineEnd + 1 + rest[0].length : lineEnd;
  const found = findExpectedStrings(text, start, text.length, false, Math.max(startBy, lineEnd));
  return found && found.end > lineEnd ? found.end : lineEnd;
}
