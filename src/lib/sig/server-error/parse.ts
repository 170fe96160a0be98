/**
 * Reads what a server said about a failed signature: every reply in the paste, whatever its body shape and
 * wrapper, into `ServerError`s carrying the expected canonical request and string to sign (when the server shows
 * them), clock and scope details, and advice when there is nothing to compare.
 */

import { fail, ok, problem, type Problem, type Result } from '../types';
import { emptyBodyAdvice, isSignatureMismatch, mismatchAdvice } from './advice';
import { readObjectBody, readTextBody, type ReplyBody } from './body';
import { capProblems } from './cap';
import { readClock } from './clock';
import { expectedText, readExpected, type Expected } from './expected';
import { located } from './located';
import { readBodyExtent, readNested } from './nested';
import { readThroughView } from './paste-view';
import { readScope } from './scope';
import { splitReplies, type Segment } from './segment';
import type { ServerError, Truncation } from './types';

const SHAPES =
  'sigscope reads error replies as S3, Query or EC2 XML; JSON ({"message"}, {"__type"}); the same behind an HTTP ' +
  "status line, or in botocore's `Response body: b'…'` line; SDK error lines (`An error occurred (Code) when " +
  'calling …`, Java `(Service: …; Status Code: …)`, Go `status code: …, request id: …`); or AWS messages such as ' +
  '"Signature expired: …". This text is none of those.';

function readBody(segment: Segment): ReplyBody {
  let body: ReplyBody;
  if (segment.sdk) {
    body = readTextBody(segment.sdk.message, segment.sdk.code);
    if (segment.object) {
      // Node printed the error object after the stack: its members say what the line leaves out.
      const members = readObjectBody(located(''), segment.object);
      const code = segment.sdk.code ?? members.code;
      body = {
        ...members,
        format: 'text',
        ...(code ? { code } : {}),
        ...(body.message ? { message: body.message } : members.message ? { message: members.message } : {}),
      };
    }
  } else if (!segment.body) body = { format: 'text', fields: new Map(), problems: [] };
  else body = readBodyExtent(segment.body);
  return readNested(body);
}

/** Where a reply, or one of its values, is cut off, as the paste shows it. */
function truncation(segment: Segment, body: ReplyBody, expected: Expected): Truncation | undefined {
  if (segment.truncated) return segment.truncated;
  const cut = [expected.canonicalRequest, expected.stringToSign].find((e) => e?.truncated)?.truncated;
  if (cut) return cut;
  const p = body.problems.find((q) => TRUNCATED_KINDS.has(q.kind) && q.span);
  if (!p) return undefined;
  const field = [...body.fields].find(([, f]) => f.truncated)?.[0];
  const what = field ? `the ${field} value` : `the ${body.format === 'json' ? 'JSON' : ''} reply`;
  return { span: p.span!, what: what.replace('  ', ' ') };
}

const TRUNCATED_KINDS = new Set(['xml-truncated', 'json-truncated', 'object-truncated', 'python-literal']);
const CUT_KINDS = new Set([...TRUNCATED_KINDS, 'expected-unclosed']);

/** Reads one reply; `undefined` when it says nothing about an error (the problems then say why). */
function readReply(segment: Segment): { reply?: ServerError; problems: Problem[] } {
  const body = readBody(segment);
  const expected = readExpected(body);
  const problems = [...segment.problems, ...body.problems, ...expected.problems];
  const code = body.code ?? segment.headerCode;
  const message = body.message?.text.trim();
  const { canonicalRequest } = expected;
  const stringToSign =
    expected.stringToSign ??
    (segment.stringToSign
      ? expectedText(segment.stringToSign, 'StringToSign', 'text', segment.span, false)
      : undefined);
  const empty = !segment.body || segment.body.kind === 'empty';
  const status = segment.status ?? body.status;
  if (code === undefined && !message && !canonicalRequest && !stringToSign && !status) {
    if (!problems.some((p) => p.severity === 'error')) {
      const text = 'This reply holds no error code or message, so it was skipped.';
      problems.push(problem('no-error', text, segment.span, { severity: 'note' }));
    }
    return { problems };
  }
  const comparable = Boolean(canonicalRequest || stringToSign);
  const scheme = stringToSign ? (stringToSign.text.startsWith('AWS4-') ? 'sigv4' : 'sigv2') : 'sigv4';
  // An identifier cut off by the paste is not the identifier: only whole values are taken.
  const field = (name: string) => {
    const f = body.fields.get(name);
    return f && !f.truncated ? f.value.text.trim() || undefined : undefined;
  };
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
  const truncated = truncation(segment, body, expected);
  const normalized = [canonicalRequest, stringToSign].flatMap((e) => e?.normalized ?? []);
  const reply: ServerError = {
    format: body.format,
    envelope: segment.envelope,
    ...(status !== undefined ? { status } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(message ? { message } : {}),
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
    ...(truncated ? { truncated } : {}),
    ...(normalized.length > 0 ? { normalized } : {}),
  };
  return { reply, problems };
}

/** Replies read while deciding whether a segment found after a prefix says anything, kept to be read once. */
const readOnce = new WeakMap<Segment, ReturnType<typeof readReply>>();

/** Whether a segment found after a log prefix says anything: a code, a message or an expected string. */
function says(segment: Segment): boolean {
  const read = readReply(segment);
  readOnce.set(segment, read);
  const reply = read.reply;
  return reply !== undefined && (reply.code !== undefined || reply.message !== undefined || reply.comparable);
}

/** Reads every error reply in the view of a paste. */
function parseView(text: string): Result<ServerError[]> {
  const { segments, skipped } = splitReplies(text, says);
  const replies: ServerError[] = [];
  const problems: Problem[] = [];
  for (const segment of segments) {
    const read = readOnce.get(segment) ?? readReply(segment);
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
  // Something was read, so nothing stops the box: what could not be read is a warning beside it.
  for (let k = 0; k < problems.length; k++) {
    if (problems[k]!.severity === 'error') problems[k] = { ...problems[k]!, severity: 'warning' };
  }
  if (skipped.length > 0) {
    const n = skipped.length;
    const message = `Skipped ${n} line${n === 1 ? '' : 's'} that belong to no error reply.`;
    problems.push(problem('skipped-lines', message, skipped[0], { severity: 'note' }));
  }
  for (const reply of replies) {
    if (reply.truncated) {
      // One warning says where the paste ends; the readers' own notes of the same cut would repeat it.
      const inside = (p: Problem) =>
        p.span && p.span.end >= reply.span.start && p.span.start <= reply.span.end;
      for (let k = problems.length - 1; k >= 0; k--) {
        if (CUT_KINDS.has(problems[k]!.kind) && inside(problems[k]!)) problems.splice(k, 1);
      }
      const message = `The paste ends inside ${reply.truncated.what}: only the part above this point can be compared.`;
      problems.push(problem('truncated', message, reply.truncated.span, { severity: 'warning' }));
    }
  }
  return ok(replies, capProblems(problems));
}

/** Reads every error reply in a paste (several may be separated by blank lines), after undoing safe reformatting. */
export function parseServerErrors(text: string): Result<ServerError[]> {
  return readThroughView(text, parseView, (replies, normalized) =>
    replies.map((r) => ({ ...r, normalized: [...normalized, ...(r.normalized ?? [])] })),
  );
}

/** Reads the first error reply in a paste. */
export function parseServerError(text: string): Result<ServerError> {
  const all = parseServerErrors(text);
  if (!all.ok) return all;
  return ok(all.value[0]!, all.problems);
}
