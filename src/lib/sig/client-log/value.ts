/**
 * Shared pieces of the client-log readers: what a reader returns, how a value is cut out of the log, and how a
 * value's end is found from its shape and the closing quote or bracket a logger wraps it in.
 */

import type { Problem } from '../types';
import { canonicalRequestEnd, stringToSignEnd } from './shape';
import type { ClientLog, LoggedText } from './types';

/** What one reader found in a log. */
export interface Found {
  log: ClientLog;
  problems: Problem[];
}

/** A reader for one client's log format; `undefined` when the log is not in that format. */
export type LogReader = (text: string) => Found | undefined;

/** The value in `text[start, end)`, with CRLF line ends read as LF and trailing line ends dropped. */
export function logged(text: string, start: number, end: number): LoggedText {
  let e = end;
  while (e > start && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
  return { text: text.slice(start, e).replace(/\r\n/g, '\n'), span: { start, end: e } };
}

/** The last match of a global regex in `text`, or `undefined`. */
export function lastMatch(re: RegExp, text: string, from = 0, to = text.length): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    last = m;
    if (m[0].length === 0) re.lastIndex++;
  }
  return last;
}

/** The first match of a global regex at or after `from`, or `undefined`. */
export function nextMatch(re: RegExp, text: string, from: number): RegExpExecArray | undefined {
  re.lastIndex = from;
  return re.exec(text) ?? undefined;
}

/**
 * Where an artefact that starts at `start` ends when a logger closes it with `closer` (`"`, `]`, or nothing):
 * first from its shape, then at the first line that ends with the closer. Returns the end of the value itself.
 */
export function closedValueEnd(
  text: string,
  start: number,
  artefact: 'canonical-request' | 'string-to-sign',
  closer: string,
): number | undefined {
  if (artefact === 'canonical-request') {
    const end = canonicalRequestEnd(text, start);
    if (end !== undefined && text.slice(end - closer.length, end) === closer) return end - closer.length;
    // A closing quote may be followed by a stray one (`"'`).
    if (end !== undefined && closer && text.slice(end - closer.length - 1, end - 1) === closer) {
      return end - closer.length - 1;
    }
  } else {
    const end = stringToSignEnd(text, start);
    if (end !== undefined && text.startsWith(closer, end)) return end;
  }
  if (!closer) return undefined;
  const escaped = closer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = nextMatch(new RegExp(`${escaped}['"]?[ \\t]*(?=\\r?\\n|$)`, 'g'), text, start);
  return line?.index;
}

/** A line that starts a new log record, a separator, or a stack: where a value without a known end stops. */
const RECORD_START =
  /^(?:\d{4}[-/]\d\d[-/]\d\d|\d\d:\d\d:\d\d|\[|[DIWEF], \[|(?:DEBUG|INFO|WARN(?:ING)?|ERROR|CRITICAL|TRACE|SEVERE|FINE)\b|[A-Z][a-z]{2} [ \d]\d |-{4,}|\tat |Caused by:)/gm;

/**
 * A value that starts at `start` and whose end its shape does not give: it runs to the next log record (or
 * separator line), or to the end of the paste, in which case it is cut off there.
 */
export function valueToRecord(text: string, start: number, what: string): LoggedText {
  const next = nextMatch(RECORD_START, text, start);
  const end = next && next.index > start ? next.index : text.length;
  const value = logged(text, start, end);
  if (next && next.index > start) return value;
  const lastLine = value.text.lastIndexOf('\n') + 1;
  const cutStart = Math.min(value.span.start + lastLine, value.span.end);
  return { ...value, truncated: { span: { start: cutStart, end: value.span.end }, what } };
}
