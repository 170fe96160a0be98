/**
 * Reads what a client printed about its own signing: the canonical request, the string to sign and the signature
 * it computed, from whichever SDK or tool wrote the log, each with its place in the paste.
 */

import { capProblems } from '../server-error/cap';
import { fail, ok, problem, type Result } from '../types';
import { readAwscurl } from './awscurl';
import { readBare } from './bare';
import { readBotocore } from './botocore';
import { readCurl } from './curl';
import { readGo } from './go';
import { readJava } from './java';
import type { ClientLog } from './types';
import { lastMatch, type LogReader } from './value';

/** The readers, most specific marker first. */
const READERS: readonly LogReader[] = [readBotocore, readGo, readJava, readCurl, readAwscurl, readBare];

const SHAPES =
  'sigscope reads signing logs from botocore / aws --debug (CanonicalRequest:), aws-sdk-go and aws-sigv4-proxy ' +
  '(---[ CANONICAL STRING ]---), the AWS SDK for Java (AWS4 Canonical Request:), curl -v --aws-sigv4 ' +
  '(aws_sigv4: Canonical request …), awscurl -v (CANONICAL REQUEST = …), or a bare canonical request and/or ' +
  'string to sign (as aws4 prints them). This text holds none of those.';

const AUTHORIZATION =
  /AWS4-HMAC-SHA256 Credential=[^\s,'"]+,\s*SignedHeaders=[^\s,'"]+,\s*Signature=([0-9a-f]{64})(?![0-9a-f])/g;

/** Adds the Authorization header a log shows (request dumps, awscurl's header dict), and its signature. */
function withAuthorization(text: string, log: ClientLog): ClientLog {
  const m = lastMatch(AUTHORIZATION, text);
  if (!m || log.authorization) return log;
  const out: ClientLog = {
    ...log,
    authorization: { text: m[0], span: { start: m.index, end: m.index + m[0].length } },
  };
  if (!out.signature) {
    const start = m.index + m[0].length - 64;
    out.signature = { text: m[1]!, span: { start, end: start + 64 } };
  }
  return out;
}

/** Reads a client's signing log. */
export function parseClientLog(text: string): Result<ClientLog> {
  for (const read of READERS) {
    const found = read(text);
    if (found && (found.log.canonicalRequest || found.log.stringToSign)) {
      return ok(withAuthorization(text, found.log), capProblems(found.problems));
    }
  }
  return fail([problem('client-log-shape', SHAPES, { start: 0, end: text.length })]);
}
