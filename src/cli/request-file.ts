/**
 * A request file as a case: any form a request is pasted in (raw HTTP, curl -v, a curl command, HAR, a presigned
 * URL), its scheme and mode read off the signature it carries (or off the host, for one to sign), and nothing else:
 * credentials, region and time come from the command line, the environment or a profile, or from the request.
 */

import type { CaseFile, SchemeCaseFile } from '../lib/sig/case-file';
import type { LocatedJson } from '../lib/sig/json-source';
import { inferEndpoint } from '../lib/sig/endpoint';
import { parseHttpRequest } from '../lib/sig/request/http';
import { requestHost } from '../lib/sig/request/model';
import { readPastedRequest } from '../lib/sig/request/read';
import { detectScheme } from '../lib/sig/registry';
import { isPostForm } from '../lib/sig/registry-sigv4';
import { fail, ok, problem, type Problem, type Result } from '../lib/sig/types';

/** Whether a file's text is a case file (a JSON object) rather than a request. */
export function isCaseFileText(text: string): boolean {
  return /^\s*\{/.test(text) && !/^\s*\{\s*"log"\s*:/.test(text);
}

/** Reads a request file as a case whose "request" is the whole file (problems point into the file as it is). */
export function parseRequestFile(
  text: string,
): Result<{ caseFile: CaseFile | SchemeCaseFile; located: LocatedJson }> {
  const pasted = readPastedRequest(text);
  // A browser POST upload's HTML form is no HTTP request, yet explain reads it as the request box's form.
  if (!pasted.ok && !isPostForm(text)) return fail(pasted.problems);
  const http = pasted.ok ? parseHttpRequest(pasted.value.http) : undefined;
  const notes: Problem[] = pasted.ok ? [...pasted.problems] : [];
  let scheme = 'sigv4';
  let mode = 'header';
  if (http?.ok) {
    const detected = detectScheme(http.value);
    if (detected) {
      scheme = detected.scheme;
      mode = detected.mode;
      notes.push(
        problem('scheme-detected', `${detected.reason} Using ${scheme}.`, undefined, { severity: 'note' }),
      );
    } else {
      if (inferEndpoint(requestHost(http.value) ?? '')?.service === 's3') scheme = 'sigv4-s3';
    }
  }
  const caseFile = { scheme, mode, request: text, credentials: { accessKeyId: '' } } as CaseFile;
  const located: LocatedJson = {
    value: { scheme, mode, request: text, credentials: { accessKeyId: '' } },
    // The request is the file itself: offsets in it are offsets in the file.
    locations: new Map([
      [
        '/request',
        { span: { start: 0, end: text.length }, sourceOffsets: [...Array(text.length + 1).keys()] },
      ],
    ]),
  };
  return ok({ caseFile, located }, notes);
}
