/**
 * `curl -v` without `--aws-sigv4` (the signature was made elsewhere): no signing lines, but the request it sent,
 * as `> ` lines up to a blank `> ` line. The request and its Authorization header are what the log shows.
 * https://everything.curl.dev/usingcurl/verbose/
 */

import type { ClientLog } from './types';
import type { Found } from './value';

const SENT_LINE = /^> ?(.*)$/;

/** Reads the first request a `curl -v` log shows it sent; `undefined` when there is none. */
export function readRequestDump(text: string): Found | undefined {
  const start = /^> [A-Z]+ \S+ HTTP\/[\d.]+\r?$/m.exec(text);
  if (!start) return undefined;
  const lines: string[] = [];
  let at = start.index;
  let end = at;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const m = SENT_LINE.exec(text.slice(at, lineEnd).replace(/\r$/, ''));
    if (!m) break;
    end = lineEnd;
    if (m[1]!.trim() === '') break;
    lines.push(m[1]!);
    at = lineEnd + 1;
  }
  const log: ClientLog = {
    source: 'curl',
    request: {
      text: `${lines.join('\n')}\n\n`,
      span: { start: start.index, end },
      normalized: ['The "> " before each line curl sent was left out.'],
    },
  };
  return { log, problems: [] };
}
