/**
 * Turning the S3 guide's request tables into raw HTTP. The guide prints each example as two table cells, the
 * request headers and then (below a blank line) the headers the signer adds or that did not fit, and its later
 * revision writes requests as `GET /path (Name: value, Name: value)`. Both are rewritten here as plain requests;
 * no expected value is touched.
 */

import { parseHttpRequest } from '../../../src/lib/sig/request/http';
import type { HttpRequest } from '../../../src/lib/sig/request/model';

/** Parses raw HTTP, failing the test on a parse error. */
export function http(text: string): HttpRequest {
  const parsed = parseHttpRequest(text);
  if (!parsed.ok) throw new Error(`unparsable test request:\n${text}\n${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** The guide's two table cells joined into one header block (the second cell's lines are headers too). */
export function fromDocTable(text: string): string {
  const [head, ...rest] = text.split('\n\n');
  const tail = rest.join('\n').trim();
  return `${head}${tail ? '\n' + tail : ''}\n\n`;
}

/** `GET /p (Host: h, Date: Tue, 27 Mar 2007 …)` as raw HTTP: headers split at `, Name: `. */
export function fromDocLine(text: string): string {
  const m = /^(\S+) (\S+) \((.*)\)$/.exec(text);
  if (!m) throw new Error(`not a one-line request: ${text}`);
  const headers = m[3]!.split(/, (?=[A-Za-z][A-Za-z0-9-]*: )/);
  return `${m[1]} ${m[2]} HTTP/1.1\n${headers.join('\n')}\n\n`;
}
