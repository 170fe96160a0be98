/**
 * A paste that is only the artefacts, as the `aws4` npm package's `canonicalString()` and `stringToSign()` print
 * them (or as anyone copies them): a canonical request and/or a string to sign, in either order, told apart by
 * shape (a string to sign is `AWS4-HMAC-SHA256`, a time, a scope and a 64-digit hash), optionally followed by the
 * signature. A SigV2 string to sign (S3's `GET\n\n\nDate\n/resource`, or a Query API's) is read too, also when
 * pasted on one line with its line breaks written as `\n`.
 */

import { unescapeJsonRun } from '../server-error/json';
import { located } from '../server-error/located';
import { problem, type Problem } from '../types';
import { canonicalRequestEnd, sigv2StringToSignEnd, stringToSignEnd } from './shape';
import type { ClientLog } from './types';
import { logged, type Found } from './value';

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/** A bare SigV2 string to sign, as it is or written on one line with `\n` escapes. */
function readSigV2(text: string): Found | undefined {
  const at = skipSpace(text, 0);
  const end = sigv2StringToSignEnd(text, at);
  if (end !== undefined && text.slice(end).trim() === '') {
    return { log: { source: 'aws4', scheme: 'sigv2', stringToSign: logged(text, at, end) }, problems: [] };
  }
  const trimmed = text.trim();
  if (trimmed.includes('\n') || !trimmed.includes('\\n')) return undefined;
  const e = at + trimmed.length;
  const decoded = unescapeJsonRun(located(text), at, e);
  const shaped = sigv2StringToSignEnd(decoded.text, 0);
  if (shaped === undefined || decoded.text.slice(shaped).trim() !== '') return undefined;
  const stringToSign = {
    text: decoded.text.slice(0, shaped),
    span: { start: at, end: e },
    normalized: ['Literal \\n escapes were read as line breaks.'],
  };
  return { log: { source: 'aws4', scheme: 'sigv2', stringToSign }, problems: [] };
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
  if (!log.canonicalRequest && !log.stringToSign) return readSigV2(text);
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
