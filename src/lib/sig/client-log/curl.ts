/**
 * `curl -v --aws-sigv4`: lib/http_aws_sigv4.c prints `* aws_sigv4: Canonical request (enclosed in []) - […]`,
 * `* aws_sigv4: String to sign (enclosed in []) - […]` (the values span lines) and `* aws_sigv4: Signature - …`.
 * https://curl.se/docs/manpage.html#--aws-sigv4
 */

import { problem, type Problem } from '../types';
import type { ClientLog } from './types';
import { closedValueEnd, lastMatch, logged, nextMatch, type Found } from './value';

const CANONICAL = /aws_sigv4: Canonical request \(enclosed in \[\]\) - \[/g;
const STRING_TO_SIGN = /aws_sigv4: String to sign \(enclosed in \[\]\) - \[/g;
const SIGNATURE = /aws_sigv4: Signature - ([0-9a-f]+)/g;

/** Reads curl's verbose SigV4 lines; the last request when there are several. */
export function readCurl(text: string): Found | undefined {
  const canonical = lastMatch(CANONICAL, text);
  const sts = canonical ? nextMatch(STRING_TO_SIGN, text, canonical.index) : lastMatch(STRING_TO_SIGN, text);
  if (!canonical && !sts) return undefined;
  const problems: Problem[] = [];
  const log: ClientLog = { source: 'curl' };
  const read = (marker: RegExpExecArray, artefact: 'canonical-request' | 'string-to-sign') => {
    const start = marker.index + marker[0].length;
    const end = closedValueEnd(text, start, artefact, ']');
    if (end !== undefined) return logged(text, start, end);
    // Never closed: the value runs to curl's next line (`* `, `> `, `< `) or to where the paste ends.
    const next = nextMatch(/^[*<>] /gm, text, start);
    const stop = next ? next.index : text.length;
    const message = next
      ? 'This value is never closed with "]"; it was read up to curl\'s next line.'
      : 'This value is never closed with "]": the log looks cut off; the part there was read.';
    problems.push(
      problem('curl-value', message, { start: marker.index, end: start }, { severity: 'warning' }),
    );
    return stop > start ? logged(text, start, stop) : undefined;
  };
  const cr = canonical && read(canonical, 'canonical-request');
  if (cr) log.canonicalRequest = cr;
  const st = sts && read(sts, 'string-to-sign');
  if (st) log.stringToSign = st;
  const signature = nextMatch(SIGNATURE, text, (sts ?? canonical)!.index);
  if (signature) {
    const start = signature.index + signature[0].length - signature[1]!.length;
    log.signature = { text: signature[1]!, span: { start, end: start + signature[1]!.length } };
  }
  return { log, problems };
}
