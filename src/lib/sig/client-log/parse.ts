/**
 * Reads what a client printed about its own signing: the canonical request, the string to sign and the signature
 * it computed, from whichever SDK or tool wrote the log, each with its place in the paste.
 */

import { capProblems } from '../server-error/cap';
import { readThroughView } from '../server-error/paste-view';
import { fail, ok, problem, type Result } from '../types';
import { readAwscurl } from './awscurl';
import { readBare } from './bare';
import { readBotocore } from './botocore';
import { readCurl } from './curl';
import { readGo } from './go';
import { readJava } from './java';
import { readLabelled } from './labelled';
import { readRequestDump } from './request-dump';
import { canonicalRequestEnd, sigv2StringToSignEnd, stringToSignEnd } from './shape';
import type { ClientLog, LoggedText } from './types';
import { lastMatch, type LogReader } from './value';

/** The readers, most specific marker first; a request dump with no signing lines is the last resort. */
const READERS: readonly LogReader[] = [
  readBotocore,
  readGo,
  readJava,
  readCurl,
  readAwscurl,
  readLabelled,
  readBare,
  readRequestDump,
];

const SHAPES =
  'sigscope reads signing logs from botocore / aws --debug (CanonicalRequest:), aws-sdk-go and aws-sigv4-proxy ' +
  '(---[ CANONICAL STRING ]---), the AWS SDK for Java (AWS4 Canonical Request:), curl -v --aws-sigv4 ' +
  '(aws_sigv4: Canonical request …), awscurl -v (CANONICAL REQUEST = …), any log that labels them ' +
  '(Canonical Request:, StringToSign:, Signed string:), curl -v (the request it sent), or a bare canonical request ' +
  'and/or string to sign (SigV4 or SigV2, as aws4 prints them). This text holds none of those.';

const AUTHORIZATION =
  /AWS4-HMAC-SHA256 Credential=[^\s,'"]+,\s*SignedHeaders=[^\s,'"]+,\s*Signature=([0-9a-f]{64})(?![0-9a-f])/g;
/** S3 SigV2: `Authorization: AWS AKID:base64-signature`. */
const AUTHORIZATION_V2 =
  /(?<=Authorization['"]?:[ \t]*['"]?)AWS [A-Z0-9]{16,128}:([A-Za-z0-9+/]{27}=|[A-Za-z0-9+/]{43}=)/gi;

/** Adds the Authorization header a log shows (request dumps, awscurl's header dict), and its signature. */
function withAuthorization(text: string, log: ClientLog): ClientLog {
  const m = lastMatch(AUTHORIZATION, text) ?? lastMatch(AUTHORIZATION_V2, text);
  if (!m || log.authorization) return log;
  const out: ClientLog = {
    ...log,
    authorization: { text: m[0], span: { start: m.index, end: m.index + m[0].length } },
  };
  if (!out.signature) {
    const start = m.index + m[0].length - m[1]!.length;
    out.signature = { text: m[1]!, span: { start, end: start + m[1]!.length } };
  }
  return out;
}

/**
 * Marks a value that runs to the end of the paste without the shape's end as cut off there, whichever reader read
 * it (a botocore or Go log cut in its last block, say).
 */
function markCut(text: string, log: ClientLog): ClientLog {
  const end = text.trimEnd().length;
  const cut = (v: LoggedText | undefined, complete: boolean, what: string): LoggedText | undefined => {
    if (!v || v.truncated || complete || v.span.end < end) return v;
    const lastLine = v.text.lastIndexOf('\n') + 1;
    const start = Math.min(v.span.end, v.span.start + lastLine);
    return { ...v, truncated: { span: { start, end: v.span.end }, what } };
  };
  const cr = log.canonicalRequest;
  const sts = log.stringToSign;
  const out = { ...log };
  const c = cut(
    cr,
    cr !== undefined && canonicalRequestEnd(cr.text, 0) !== undefined,
    'the canonical request',
  );
  const s = cut(
    sts,
    sts !== undefined &&
      (stringToSignEnd(sts.text, 0) !== undefined || sigv2StringToSignEnd(sts.text, 0) !== undefined),
    'the string to sign',
  );
  if (c) out.canonicalRequest = c;
  if (s) out.stringToSign = s;
  const truncated = log.truncated ?? c?.truncated ?? s?.truncated;
  if (truncated) out.truncated = truncated;
  return out;
}

/** Reads a client's signing log in the view of the paste. */
function parseView(text: string): Result<ClientLog> {
  for (const read of READERS) {
    const found = read(text);
    if (found && (found.log.canonicalRequest || found.log.stringToSign || found.log.request)) {
      const problems = [...found.problems];
      const log = markCut(text, found.log);
      const cut = log.truncated;
      if (cut) {
        const message = `The paste ends inside ${cut.what}: only the part above this point can be compared.`;
        problems.push(problem('truncated', message, cut.span, { severity: 'warning' }));
      }
      return ok(withAuthorization(text, log), capProblems(problems));
    }
  }
  return fail([problem('client-log-shape', SHAPES, { start: 0, end: text.length })]);
}

/** Reads a client's signing log, after undoing safe reformatting of the paste (per-line prefixes, CRLF, …). */
export function parseClientLog(text: string): Result<ClientLog> {
  return readThroughView(text, parseView, (log, normalized) => ({
    ...log,
    normalized: [...normalized, ...(log.normalized ?? [])],
  }));
}
