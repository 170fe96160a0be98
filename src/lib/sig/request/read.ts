/**
 * The front door for a pasted request: tell its form (or take the one given) and read it into raw HTTP/1.1 with
 * the span of the paste behind every line.
 */

import { fail, problem, type Result } from '../types';
import { readCurlCommand } from './curl-command';
import { readCurlVerbose } from './curl-verbose';
import { detectRequestForm } from './detect';
import { readHar } from './har';
import { writePasted } from './http-text';
import type { PastedRequest, RequestForm } from './pasted';
import { readUrl } from './url';

/** Reads raw HTTP as it is: each line of `http` is the same line of the paste. */
export function readRawHttp(text: string): Result<PastedRequest> {
  return writePasted(text, 'http', [{ text, source: (start, end) => ({ start, end }) }], {}, []);
}

/**
 * Reads a pasted request in any form sigscope knows: raw HTTP, `curl -v` output, a curl command, HAR or a URL.
 * On success the result's problems are the request's `notes`.
 */
export function readPastedRequest(text: string, form?: RequestForm): Result<PastedRequest> {
  switch (form ?? detectRequestForm(text)) {
    case 'http':
      return readRawHttp(text);
    case 'curl-verbose':
      return readCurlVerbose(text);
    case 'curl':
      return readCurlCommand(text);
    case 'har':
      return readHar(text);
    case 'url':
      return readUrl(text);
    case undefined:
      return fail([
        problem(
          'request-form',
          text.trim() === '' ? 'Paste a request.' : 'This does not look like a request sigscope can read.',
          { start: 0, end: text.length },
          {
            hint:
              'Paste raw HTTP ("GET /path HTTP/1.1" and headers), curl -v output, a curl command, a HAR file or ' +
              'entry, or a URL.',
          },
        ),
      ]);
  }
}
