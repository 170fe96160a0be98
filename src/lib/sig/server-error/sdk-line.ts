/**
 * The one-line errors SDKs and tools print instead of the body: s3cmd `S3 error: 403 (Code): message`; botocore / AWS CLI `An error occurred (Code) when calling the
 * Op operation: message`; AWS SDK for Java `…Exception: message (Service: Amazon S3; Status Code: 403; Error Code:
 * Code; Request ID: …)` (v2 uses commas and leaves out the code); aws-sdk-go v1 `Code: message\n\tstatus code: 403,
 * request id: …`; aws-sdk-go-v2 `operation error S3: Op, https response error StatusCode: 403, …, api error Code:
 * message`. A message may run over several lines when it quotes the expected canonical request.
 */

import type { Span } from '../types';
import { textMessageEnd } from './expected-strings';

/** One SDK error line: where it sits, what it says, and where its message is (all in the paste). */
export interface SdkLine {
  span: Span;
  code?: string;
  status?: number;
  message: Span;
}

const BOTOCORE =
  /An error occurred \(([^()\s]*)\)(?: \(reached max retries: \d+\))? when calling the \w+ operation(?: \(reached max retries: \d+\))?: ?/;
/** s3cmd: `ERROR: S3 error: 403 (SignatureDoesNotMatch): message`. */
const S3CMD = /S3 error: (\d{3}) \(([A-Za-z0-9.]+)\): /;
const JAVA_SUFFIX = /(?:Exception|Error): /;
const JAVA_CLASS = /(?:^|\s)((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)$/;
const JAVA_TRAILER =
  /[ \t]*\(Service: [^;,()]*[;,] Status Code: (\d{3})[;,] (?:Error Code: ([^;,()\s]*)[;,] )?Request ID: [^()]*\)/g;
const GO_V2 = /https response error StatusCode: (\d{3}),[^\n]*? api error ([A-Za-z0-9.]+): /;
const GO_V1 = /(?:^|\s)([A-Z][a-z]+(?:[A-Z][a-z0-9]*)+): /;
const GO_V1_TRAILER = /\r?\n[ \t]+status code: (\d{3}), request id: [^\n]*/g;

/** A code that is really an HTTP status (botocore says `(403)` when a HEAD reply has no body). */
function codeOrStatus(raw: string | undefined): { code?: string; status?: number } {
  if (!raw) return {};
  return /^\d{3}$/.test(raw) ? { status: Number(raw) } : { code: raw };
}

/** The trailer that ends a multi-line message, searched for in the 16 KiB after `from`. */
function trailerAfter(
  re: RegExp,
  text: string,
  from: number,
): { index: number; end: number; groups: string[] } | null {
  re.lastIndex = 0;
  const m = re.exec(text.slice(from, from + 16_384));
  return m ? { index: from + m.index, end: from + m.index + m[0].length, groups: [...m] } : null;
}

/** Finds `pkg.SomeException: ` in a line: the class name's start and where the message starts. */
function javaException(line: string): { start: number; messageStart: number } | undefined {
  const suffix = JAVA_SUFFIX.exec(line);
  if (!suffix) return undefined;
  const head = line.slice(Math.max(0, suffix.index - 300), suffix.index);
  const name = JAVA_CLASS.exec(head);
  if (!name) return undefined;
  const start = suffix.index - head.length + name.index + name[0].indexOf(name[1]!);
  return { start, messageStart: suffix.index + suffix[0].length };
}

/** Reads an SDK error line found in `text[lineStart, lineEnd)`; `undefined` when the line is none of these. */
export function readSdkLine(text: string, lineStart: number, lineEnd: number): SdkLine | undefined {
  const line = text.slice(lineStart, lineEnd);
  const botocore = BOTOCORE.exec(line);
  if (botocore) {
    const start = lineStart + botocore.index;
    const messageStart = start + botocore[0].length;
    let end = textMessageEnd(text, messageStart, lineEnd);
    // Inside Python's repr of the exception, `ClientError('An error occurred …')`, the quote ends the message.
    const opener = /\((['"])$/.exec(text.slice(Math.max(0, start - 2), start));
    if (opener && text.slice(end - 2, end) === `${opener[1]})`) end -= 2;
    return { span: { start, end }, ...codeOrStatus(botocore[1]), message: { start: messageStart, end } };
  }
  const s3cmd = S3CMD.exec(line);
  if (s3cmd) {
    const messageStart = lineStart + s3cmd.index + s3cmd[0].length;
    const end = textMessageEnd(text, messageStart, lineEnd);
    const span = { start: lineStart + s3cmd.index, end };
    return { span, code: s3cmd[2]!, status: Number(s3cmd[1]), message: { start: messageStart, end } };
  }
  const java = javaException(line);
  const javaTrailer = java && trailerAfter(JAVA_TRAILER, text, lineStart + java.messageStart);
  if (java && javaTrailer) {
    const messageStart = lineStart + java.messageStart;
    const code = javaTrailer.groups[2] ? { code: javaTrailer.groups[2] } : {};
    return {
      span: { start: lineStart + java.start, end: javaTrailer.end },
      ...code,
      status: Number(javaTrailer.groups[1]),
      message: { start: messageStart, end: javaTrailer.index },
    };
  }
  const goV2 = GO_V2.exec(line);
  if (goV2) {
    const messageStart = lineStart + goV2.index + goV2[0].length;
    const end = textMessageEnd(text, messageStart, lineEnd);
    return {
      span: { start: lineStart, end },
      ...codeOrStatus(goV2[2]),
      status: Number(goV2[1]),
      message: { start: messageStart, end },
    };
  }
  const goV1 = GO_V1.exec(line);
  if (goV1) {
    const start = lineStart + goV1.index + goV1[0].indexOf(goV1[1]!);
    const messageStart = lineStart + goV1.index + goV1[0].length;
    const trailer = trailerAfter(GO_V1_TRAILER, text, messageStart);
    if (trailer) {
      const status = Number(trailer.groups[1]);
      const message = { start: messageStart, end: trailer.index };
      return { span: { start, end: trailer.end }, code: goV1[1]!, status, message };
    }
  }
  return undefined;
}
