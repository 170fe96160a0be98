/**
 * aws-sdk-go v1 with `LogDebugWithSigning` (also aws-sigv4-proxy `--log-signing-process`) and aws-sdk-go-v2 with
 * `ClientLogMode` `LogSigning`: a `Request Signature:` record, then `---[ CANONICAL STRING  ]---` and
 * `---[ STRING TO SIGN ]---` blocks, and for presigned URLs `---[ SIGNED URL ]---`.
 * https://pkg.go.dev/github.com/aws/aws-sdk-go/aws#LogDebugWithSigning
 */

import { problem, type Problem } from '../types';
import type { ClientLog, ClientLogSource } from './types';
import { lastMatch, logged, nextMatch, type Found } from './value';

const CANONICAL = /---\[ CANONICAL STRING\s*\]-*[ \t]*\r?\n/g;
const STRING_TO_SIGN = /\r?\n---\[ STRING TO SIGN\s*\]-*[ \t]*\r?\n/g;
const BLOCK_END = /\r?\n---/g;
const SIGNED_URL = /---\[ SIGNED URL\s*\]-*[ \t]*\r?\n[^\s]*?[?&]X-Amz-Signature=([0-9a-f]{64})/g;

/** v1 writes `DEBUG: Request Signature:`; v2's logger writes `SDK <date> DEBUG Request Signature:`. */
function sourceBefore(text: string, at: number): ClientLogSource {
  const head = text.slice(Math.max(0, at - 200), at);
  return /DEBUG Request Signature:\s*$|SDK \d{4}\/\d\d\/\d\d[^\n]*Request Signature:\s*$/.test(head)
    ? 'aws-sdk-go-v2'
    : 'aws-sdk-go';
}

/** Reads an aws-sdk-go (v1 or v2) or aws-sigv4-proxy signing log; the last block when there are several. */
export function readGo(text: string): Found | undefined {
  const canonical = lastMatch(CANONICAL, text);
  const stsOnly = canonical ? undefined : lastMatch(/---\[ STRING TO SIGN\s*\]-*[ \t]*\r?\n/g, text);
  if (!canonical && !stsOnly) return undefined;
  const problems: Problem[] = [];
  const log: ClientLog = { source: sourceBefore(text, (canonical ?? stsOnly)!.index) };
  let stsStart: number | undefined = stsOnly ? stsOnly.index + stsOnly[0].length : undefined;
  if (canonical) {
    const start = canonical.index + canonical[0].length;
    const sts = nextMatch(STRING_TO_SIGN, text, start);
    if (sts) {
      log.canonicalRequest = logged(text, start, sts.index);
      stsStart = sts.index + sts[0].length;
    } else {
      const end = nextMatch(BLOCK_END, text, start)?.index ?? text.length;
      log.canonicalRequest = logged(text, start, end);
      const message =
        'The canonical string block is not followed by a string-to-sign block; the log looks cut off.';
      problems.push(problem('go-block', message, log.canonicalRequest.span, { severity: 'warning' }));
    }
  }
  if (stsStart !== undefined) {
    const end = nextMatch(BLOCK_END, text, stsStart)?.index ?? text.length;
    log.stringToSign = logged(text, stsStart, end);
    const url = nextMatch(SIGNED_URL, text, end);
    if (url) {
      const start = url.index + url[0].length - url[1]!.length;
      log.signature = { text: url[1]!, span: { start, end: start + url[1]!.length } };
    }
  }
  return { log, problems };
}
