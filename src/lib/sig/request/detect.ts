/**
 * Telling which form a pasted request takes, cheaply, by its first lines: the readers do the real work.
 */

import type { RequestForm } from './pasted';

/**
 * A request line: `METHOD target`, the version optional; a method is any HTTP token (RFC 9110 §9.1) but one
 * starting with `*`, which is how `curl -v` starts its lines.
 */
const REQUEST_LINE = /^[!#$%&'+\-.^_`|~0-9A-Za-z][!#$%&'*+\-.^_`|~0-9A-Za-z]*[ \t]+\S/;
/** A request line as `curl -v` prints it: `> GET /path HTTP/1.1`. */
const VERBOSE_REQUEST_LINE = /^[ \t]*>[ \t]+[A-Za-z-]+[ \t]+\S/m;
const CURL = /^(?:\$[ \t]+)?(?:\S*[/\\])?curl(?:\.exe)?(?:[ \t\r\n]|$)/i;
const URL_TOKEN = /^(["'<]?)https?:\/\/\S*$/i;

/**
 * Classifies a paste: a JSON object that mentions `log`, `request` or `method` is HAR; `curl -v` output is told by
 * its `> METHOD target` line; a first line starting `curl` (or `$ curl`) is a command; a lone `http(s)://` token
 * is a URL; a first line `METHOD target` is raw HTTP. `undefined` when none fits.
 */
export function detectRequestForm(text: string): RequestForm | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^[[{]/.test(trimmed)) {
    return /"(?:log|request|method)"\s*:/.test(trimmed) ? 'har' : undefined;
  }
  if (URL_TOKEN.test(trimmed)) return 'url';
  const firstLine = trimmed.slice(0, (trimmed + '\n').indexOf('\n')).replace(/\r$/, '');
  const isRequestLine = REQUEST_LINE.test(firstLine) && !CURL.test(firstLine);
  if (!isRequestLine && VERBOSE_REQUEST_LINE.test(trimmed)) return 'curl-verbose';
  if (CURL.test(firstLine)) return 'curl';
  if (isRequestLine) return 'http';
  return undefined;
}
