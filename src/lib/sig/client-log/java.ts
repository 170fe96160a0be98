/**
 * AWS SDK for Java: v1's `com.amazonaws.auth.AWS4Signer` logs `AWS4 Canonical Request: '"…"` and
 * `AWS4 String to Sign: '"…"` at DEBUG; v2's signers (`software.amazon.awssdk.auth.signer`, and
 * `software.amazon.awssdk.http.auth.aws`) log `AWS4 Canonical Request: …` and `AWS4 String to sign: …` unquoted,
 * so the values' ends come from their shape.
 */

import { problem, type Problem } from '../types';
import type { ClientLog } from './types';
import { closedValueEnd, lastMatch, logged, nextMatch, valueToRecord, type Found } from './value';

const V1_CANONICAL = /AWS4 Canonical Request: '"/g;
const V1_STRING_TO_SIGN = /AWS4 String to Sign: '"/g;
const V2_CANONICAL = /AWS4 Canonical Request: (?!'")/g;
const V2_STRING_TO_SIGN = /AWS4 String to sign: /g;

/** Reads the value after `marker`, ending from its shape and `closer`; warns when the end cannot be told. */
function value(
  text: string,
  marker: RegExpExecArray,
  artefact: 'canonical-request' | 'string-to-sign',
  closer: string,
  problems: Problem[],
) {
  const start = marker.index + marker[0].length;
  const end = closedValueEnd(text, start, artefact, closer);
  if (end !== undefined) return logged(text, start, end);
  // No closing quote: the value runs to the next log record, or is cut off where the paste ends.
  const what = artefact === 'canonical-request' ? 'canonical request' : 'string to sign';
  const read = valueToRecord(text, start, `the ${what}`);
  if (!read.truncated) {
    const message = `This ${what} is not closed with ${closer || 'its last line'}; it was read up to the next log line.`;
    problems.push(problem('java-value', message, read.span, { severity: 'warning' }));
  }
  return read;
}

/** Reads an AWS SDK for Java (v1 or v2) signer debug log; the last request when there are several. */
export function readJava(text: string): Found | undefined {
  const v1 = lastMatch(V1_CANONICAL, text) ?? lastMatch(V1_STRING_TO_SIGN, text);
  const v2 = v1 ? undefined : (lastMatch(V2_CANONICAL, text) ?? lastMatch(V2_STRING_TO_SIGN, text));
  if (!v1 && !v2) return undefined;
  const problems: Problem[] = [];
  const closer = v1 ? '"' : '';
  const canonicalRe = v1 ? V1_CANONICAL : V2_CANONICAL;
  const stsRe = v1 ? V1_STRING_TO_SIGN : V2_STRING_TO_SIGN;
  const log: ClientLog = { source: v1 ? 'aws-sdk-java-v1' : 'aws-sdk-java-v2' };
  const canonical = lastMatch(canonicalRe, text);
  if (canonical) log.canonicalRequest = value(text, canonical, 'canonical-request', closer, problems);
  const sts = canonical ? nextMatch(stsRe, text, canonical.index) : lastMatch(stsRe, text);
  if (sts) log.stringToSign = value(text, sts, 'string-to-sign', closer, problems);
  const cut = [log.canonicalRequest, log.stringToSign].find((v) => v?.truncated)?.truncated;
  if (cut) log.truncated = cut;
  return { log, problems };
}
