/**
 * A paste that is only the artefacts, as the `aws4` npm package's `canonicalString()` and `stringToSign()` print
 * them (or as anyone copies them): a canonical request and/or a string to sign, in either order, told apart by
 * shape (a string to sign is `AWS4-HMAC-SHA256`, a time, a scope and a 64-digit hash), optionally followed by the
 * signature.
 */

import { problem, type Problem } from '../types';
import { canonicalRequestEnd, stringToSignEnd } from './shape';
import type { ClientLog } from './types';
import { logged, type Found } from './value';

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/** Reads a paste of bare artefacts; `undefined` unless it starts with one. */
export function readBare(text: string): Found | undefined {
  const log: ClientLog = { source: 'aws4' };
  let at = skipSpace(text, 0);
  for (let round = 0; round < 2; round++) {
    const sts = log.stringToSign ? undefined : stringToSignEnd(text, at);
    const cr = sts !== undefined || log.canonicalRequest ? undefined : canonicalRequestEnd(text, at);
    if (sts !== undefined) log.stringToSign = logged(text, at, sts);
    else if (cr !== undefined) log.canonicalRequest = logged(text, at, cr);
    else break;
    at = skipSpace(text, sts ?? cr!);
  }
  if (!log.canonicalRequest && !log.stringToSign) return undefined;
  const signature = /[0-9a-f]{64}(?=\s*$)/y;
  signature.lastIndex = at;
  if (log.stringToSign && signature.test(text)) {
    log.signature = { text: text.slice(at, at + 64), span: { start: at, end: at + 64 } };
    at = skipSpace(text, at + 64);
  }
  const problems: Problem[] = [];
  if (at < text.length) {
    const message = 'Text after the canonical request and string to sign was not read.';
    problems.push(problem('trailing-text', message, { start: at, end: text.length }, { severity: 'note' }));
  }
  return { log, problems };
}
