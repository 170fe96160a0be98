/**
 * Reads what a server said about a failed signature: every reply in the paste, whatever its body shape and
 * wrapper, into `ServerError`s carrying the expected canonical request and string to sign (when the server shows
 * them), clock and scope details, and advice when there is nothing to compare.
 */

import { fail, ok, problem, type Problem, type Result } from '../types';
import { emptyBodyAdvice, isSignatureMismatch, mismatchAdvice } from './advice';
import { readTextBody, readXmlBody, type ReplyBody } from './body';
import { capProblems } from './cap';
import { readClock } from './clock';
import { readExpected } from './expected';
import { readJsonBody } from './json';
import { sliceLocated } from './located';
import { readScope } from './scope';
import { splitReplies, type Segment } from './segment';
import type { ServerError } from './types';

const SHAPES =
  'sigscope reads error replies as S3, Query or EC2 XML; JSON ({"message"}, {"__type"}); the same behind an HTTP ' +
  "status line, or in botocore's `Response body: b'…'` line; SDK error lines (`An error occurred (Code) when " +
  'calling …`, Java `(Service: …; Status Code: …)`, Go `status code: …, request id: …`); or AWS messages such as ' +
  '"Signature expired: …". This text is none of those.';

function readBody(segment: Segment): ReplyBody {
  if (segment.sdk) return readTextBody(segment.sdk.message, segment.sdk.code);
  const body = segment.body;
  if (!body || body.kind === 'empty') return { format: 'text', fields: new Map(), problems: [] };
  if (body.kind === 'xml' && body.xml) return readXmlBody(body.source, body.xml);
  if (body.kind === 'json') return readJsonBody(body.source, body.start, body.end);
  return readTextBody(sliceLocated(body.source, body.start, body.end));
}

/** Reads one reply; `undefined` when it says nothing about an error (the problems then say why). */
function readReply(segment: Segment): { reply?: ServerError; problems: Problem[] } {
  const body = readBody(segment);
  const expected = readExpected(body);
  const problems = [...segment.problems, ...body.problems, ...expected.problems];
  const code = body.code ?? segment.headerCode;
  const message = body.message?.text;
  const { canonicalRequest, stringToSign } = expected;
  const empty = !segment.body || segment.body.kind === 'empty';
  if (code === undefined && message === undefined && !canonicalRequest && !stringToSign && !segment.status) {
    if (!problems.some((p) => p.severity === 'error')) {
      const text = 'This reply holds no error code or message, so it was skipped.';
      problems.push(problem('no-error', text, segment.span, { severity: 'note' }));
    }
    return { problems };
  }
  const comparable = Boolean(canonicalRequest || stringToSign);
  const scheme = stringToSign ? (stringToSign.text.startsWith('AWS4-') ? 'sigv4' : 'sigv2') : 'sigv4';
  const field = (name: string) => body.fields.get(name)?.value.text.trim() || undefined;
  const signatureProvided = field('SignatureProvided');
  const accessKeyId = field('AWSAccessKeyId');
  const clock = readClock(body.fields, message);
  const scope = readScope(code, body.fields, message);
  // Clock and scope errors explain themselves; advice is for a mismatch that shows nothing to compare.
  const explained = Object.keys(clock).length > 0 || Object.keys(scope).length > 0;
  let advice: string | undefined;
  if (!comparable && !explained && isSignatureMismatch(code, message)) {
    advice = mismatchAdvice(body.format, segment.envelope);
  } else if (!comparable && empty && segment.status !== undefined && !segment.sdk) {
    advice = emptyBodyAdvice(segment.status);
  }
  const reply: ServerError = {
    format: body.format,
    envelope: segment.envelope,
    ...(segment.status !== undefined ? { status: segment.status } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(message !== undefined ? { message } : {}),
    ...(canonicalRequest ? { canonicalRequest } : {}),
    ...(stringToSign ? { stringToSign } : {}),
    ...(signatureProvided ? { signatureProvided } : {}),
    ...(accessKeyId ? { accessKeyId } : {}),
    ...clock,
    ...scope,
    ...(comparable ? { scheme } : {}),
    comparable,
    ...(advice ? { advice } : {}),
    span: segment.span,
  };
  // A reply cut off after its code still says something: the cut is worth a warning, not a failure.
  return {
    reply,
    problems: problems.map((p) => (p.kind === 'xml-truncated' ? { ...p, severity: 'warning' } : p)),
  };
}

/** Reads every error reply in a paste (several may be separated by blank lines). */
export function parseServerErrors(text: string): Result<ServerError[]> {
  const { segments, skipped } = splitReplies(text);
  const replies: ServerError[] = [];
  const problems: Problem[] = [];
  for (const segment of segments) {
    const read = readReply(segment);
    if (read.reply) replies.push(read.reply);
    for (const p of read.problems) problems.push(p);
  }
  if (replies.length === 0) {
    if (problems.some((p) => p.severity === 'error')) return fail(capProblems(problems));
    return fail([
      ...capProblems(problems),
      problem('server-error-shape', SHAPES, { start: 0, end: text.length }),
    ]);
  }
  if (skipped.length > 0) {
    const n = skipped.length;
    const message = `Skipped ${n} line${n === 1 ? '' : 's'} that belong to no error reply.`;
    problems.push(problem('skipped-lines', message, skipped[0], { severity: 'note' }));
  }
  return ok(replies, capProblems(problems));
}

/** Reads the first error reply in a paste. */
export function parseServerError(text: string): Result<ServerError> {
  const all = parseServerErrors(text);
  if (!all.ok) return all;
  return ok(all.value[0]!, all.problems);
}
