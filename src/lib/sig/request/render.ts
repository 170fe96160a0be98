/**
 * Writing a request back out as raw HTTP/1.1 text, the form the CLI prints and the app copies.
 */

/** The parts of a request to write out. */
export interface RequestText {
  method: string;
  target: string;
  httpVersion: string;
  headers: readonly (readonly [string, string])[];
  body: string;
}

/** Renders raw HTTP/1.1: request line, `Name: value` lines, a blank line, the body. */
export function renderRequest(request: RequestText, lineEnd = '\n'): string {
  const head = [`${request.method} ${request.target} ${request.httpVersion}`];
  for (const [name, value] of request.headers) head.push(`${name}: ${value}`);
  return head.join(lineEnd) + lineEnd + lineEnd + request.body;
}

/** The line ending a pasted text uses: CRLF when its first line ends in one, else LF. */
export function lineEndingOf(source: string): string {
  const lf = source.indexOf('\n');
  return lf > 0 && source[lf - 1] === '\r' ? '\r\n' : '\n';
}
