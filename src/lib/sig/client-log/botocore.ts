/**
 * botocore and the AWS CLI with `--debug`: `botocore.auth - DEBUG - CanonicalRequest:` then the canonical request
 * on the lines up to the next log line, and likewise `StringToSign:` and `Signature:`. When a log holds several
 * requests, the last one is read.
 */

import { problem, type Problem } from '../types';
import type { ClientLog } from './types';
import { lastMatch, logged, nextMatch, type Found } from './value';

const MARKER = /(?: - DEBUG - |DEBUG:botocore\.auth:)(CanonicalRequest|StringToSign|Signature):[ \t]*\r?\n/g;
const CANONICAL = /(?: - DEBUG - |DEBUG:botocore\.auth:)CanonicalRequest:[ \t]*\r?\n/g;
const STRING_TO_SIGN = /(?: - DEBUG - |DEBUG:botocore\.auth:)StringToSign:[ \t]*\r?\n/g;
const SIGNATURE = /(?: - DEBUG - |DEBUG:botocore\.auth:)Signature:[ \t]*\r?\n/g;
/** A line that starts a new log record (Python's default formats). */
const LOG_LINE =
  /^(?:\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d|(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[\w.]+:|[^\n]* - (?:DEBUG|INFO|WARNING|ERROR|CRITICAL) - )/gm;

/** The value after a marker: the lines up to the next log record. */
function valueAfter(text: string, marker: RegExpExecArray) {
  const start = marker.index + marker[0].length;
  const next = nextMatch(LOG_LINE, text, start);
  return logged(text, start, next ? next.index : text.length);
}

/** Reads a botocore debug log. */
export function readBotocore(text: string): Found | undefined {
  if (!nextMatch(MARKER, text, 0)) return undefined;
  const problems: Problem[] = [];
  const log: ClientLog = { source: 'botocore' };
  const canonical = lastMatch(CANONICAL, text);
  const from = canonical?.index ?? 0;
  if (canonical) log.canonicalRequest = valueAfter(text, canonical);
  const sts = canonical ? nextMatch(STRING_TO_SIGN, text, from) : lastMatch(STRING_TO_SIGN, text);
  if (sts) log.stringToSign = valueAfter(text, sts);
  const signature = nextMatch(SIGNATURE, text, sts?.index ?? from);
  if (signature) {
    const value = valueAfter(text, signature);
    const line = /^[ \t]*([0-9a-fA-F]+)/.exec(value.text);
    if (line) {
      const start = value.span.start + line[0].length - line[1]!.length;
      log.signature = { text: line[1]!, span: { start, end: start + line[1]!.length } };
    } else {
      const message = 'The line after "Signature:" is not a hex signature; it was left out.';
      problems.push(problem('signature', message, value.span, { severity: 'warning' }));
    }
  }
  const count = text.match(CANONICAL)?.length ?? 0;
  if (count > 1 && canonical) {
    const message = `The log signs ${count} requests; the last one was read.`;
    const span = { start: canonical.index, end: canonical.index + canonical[0].length };
    problems.push(problem('several-requests', message, span, { severity: 'note' }));
  }
  return { log, problems };
}
