/**
 * Reading `curl -v` output: the request is on the lines curl marks `> ` (request line, headers, an empty `> `);
 * `*` (connection and TLS, `--aws-sigv4` traces), `<` (response) and `{ [n bytes data]` / `} [n bytes data]` lines
 * are skipped. curl does not print the body it sent.
 * https://everything.curl.dev/usingcurl/verbose
 */

import { fail, problem, type Problem, type Result, type Span } from '../types';
import { pasteLines, writePasted, type PasteLine, type Piece } from './http-text';
import type { PastedRequest } from './pasted';

const SENT = /^[ \t]*>(?:[ \t]|$)/;
/** A line curl -v writes itself, as opposed to the response body it passes through. */
const MARKED = /^[ \t]*[*<>{}]/;
const DATA_SENT = /^[ \t]*\} \[\d+ bytes data\]/;

/** One request curl printed: its `> ` lines, and the index of the line after its empty `> ` line. */
interface Sent {
  lines: { text: string; source: Span }[];
  after: number;
}

function sentRequests(lines: readonly PasteLine[]): Sent[] {
  const requests: Sent[] = [];
  let current: Sent | undefined;
  lines.forEach((line, i) => {
    const prefix = SENT.exec(line.text);
    if (!prefix) {
      current = undefined;
      return;
    }
    const start = line.start + prefix[0].length;
    const text = line.text.slice(prefix[0].length);
    if (!current) requests.push((current = { lines: [], after: lines.length }));
    const blank = text.trim() === '';
    current.lines.push({ text: blank ? '' : text, source: { start, end: blank ? start : line.end } });
    if (blank) {
      current.after = i + 1;
      current = undefined;
    }
  });
  return requests;
}

/**
 * Lines pasted right after the empty `> ` line (or after curl's `} [n bytes data]` there), before curl's next
 * marked line: a body the user added.
 */
function pastedBody(lines: readonly PasteLine[], after: number): Span | undefined {
  const from = lines[after] && DATA_SENT.test(lines[after].text) ? after + 1 : after;
  let last = from;
  while (last < lines.length && !MARKED.test(lines[last]!.text)) last++;
  while (last > from && lines[last - 1]!.text.trim() === '') last--;
  return last > from ? { start: lines[from]!.start, end: lines[last - 1]!.end } : undefined;
}

/** Whether the request sent a body that the output does not show, and where that shows. */
function unshownBody(sent: Sent, lines: readonly PasteLine[]): Span | undefined {
  const next = lines[sent.after];
  if (next && DATA_SENT.test(next.text)) return { start: next.start, end: next.end };
  const length = sent.lines.find((l) => /^content-length:[ \t]*0*[1-9]/i.test(l.text));
  const chunked = sent.lines.find((l) => /^transfer-encoding:/i.test(l.text));
  return (length ?? chunked)?.source;
}

/** Reads the first request in `curl -v` output as raw HTTP. */
export function readCurlVerbose(text: string): Result<PastedRequest> {
  const lines = pasteLines(text);
  const requests = sentRequests(lines);
  const sent = requests[0];
  if (!sent) {
    return fail([
      problem('curl-verbose', 'This curl -v output has no request lines (those starting with "> ").', {
        start: 0,
        end: text.length,
      }),
    ]);
  }
  const notes: Problem[] = [];
  const requestLine = sent.lines[0]!.source;
  if (requests.length > 1) {
    notes.push(
      problem(
        'several-requests',
        `curl sent ${requests.length} requests here; reading the first.`,
        requestLine,
        {
          severity: 'note',
          hint: 'Redirects (-L) and several URLs each print their own "> " block; paste the one that failed alone.',
        },
      ),
    );
  }
  const pieces: Piece[] = sent.lines.map((l) => ({ text: l.text, source: l.source }));
  if (sent.after === lines.length && sent.lines.at(-1)!.text !== '') {
    pieces.push({ text: '', source: { start: text.length, end: text.length } });
  }
  const body = sent.after < lines.length ? pastedBody(lines, sent.after) : undefined;
  const unshown = unshownBody(sent, lines);
  if (body) {
    pieces.push({
      text: text.slice(body.start, body.end),
      source: (s, e) => ({ start: body.start + s, end: body.start + e }),
    });
  } else {
    pieces.push({ text: '', source: { start: text.length, end: text.length } });
    if (unshown) {
      notes.push(
        problem(
          'body-not-shown',
          'curl -v does not print the body it sent, so its hash cannot be checked.',
          unshown,
          {
            severity: 'warning',
            hint: 'Paste the body on the lines right after the empty "> " line; until then the body reads as empty.',
          },
        ),
      );
    }
  }
  return writePasted(text, 'curl-verbose', pieces, {}, notes);
}
