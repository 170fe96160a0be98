/**
 * The URL of a curl command as curl sends it: `http://` when no scheme is given, `.` and `..` segments removed
 * from the path unless `--path-as-is`, the fragment left out, the default port left out of `Host`.
 * https://curl.se/docs/url-syntax.html
 */

import { problem, type Problem } from '../types';
import type { ShellWord } from './shell-words';
import { hostHeaderOf, splitUrl } from './url';

/** What curl makes of a URL: the request target, the `Host` value and any `user:password@`. */
export interface CurlUrl {
  target: string;
  host: string;
  userinfo?: string;
}

/** The RFC 3986 §5.2.4 `remove_dot_segments`, which curl applies to the path unless `--path-as-is`. */
export function removeDotSegments(path: string): string {
  const segments = path.split('/');
  const out: string[] = [];
  segments.forEach((s, i) => {
    if (s !== '.' && s !== '..') out.push(s);
    else {
      if (s === '..' && out.length > 1) out.pop();
      if (i === segments.length - 1) out.push('');
    }
  });
  return out.join('/') || '/';
}

/** The request line's target and the `Host`, from the URL word as curl reads it. */
export function readCurlUrl(word: ShellWord, pathAsIs: boolean, notes: Problem[]): CurlUrl | Problem {
  const bad = word.text.search(/[\s\p{Cc}]/u);
  if (bad >= 0)
    return problem('curl-url', 'curl rejects a URL with spaces or control characters in it.', word.span);
  const parts = splitUrl(word.text);
  if (parts.host === '') return problem('curl-url', 'The URL has no host.', word.span);
  if (parts.scheme === undefined) {
    notes.push(
      problem('curl-scheme', 'The URL has no scheme; curl assumes http://.', word.span, { severity: 'note' }),
    );
  }
  let target = parts.target;
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const clean = pathAsIs ? path : removeDotSegments(path);
  if (clean !== path) {
    target = clean + target.slice(path.length);
    notes.push(
      problem(
        'curl-dot-segments',
        `curl sends the path ${clean}, without "." and ".." segments.`,
        word.span,
        {
          severity: 'note',
          hint: 'curl --path-as-is sends the path as written.',
        },
      ),
    );
  }
  const url: CurlUrl = { target, host: hostHeaderOf(parts.host, parts.scheme ?? 'http') };
  if (parts.userinfo !== undefined) url.userinfo = parts.userinfo;
  return url;
}
