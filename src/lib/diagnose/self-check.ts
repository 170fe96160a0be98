/**
 * Checking what was pasted against itself before trusting it: a server's string to sign ends in the SHA-256 of
 * its canonical request, so a reply whose two disagree was edited (or cut); and marking every redaction or
 * placeholder in each box, so that nothing is built on it.
 */

import { sha256HexNow } from '../sig/crypto';
import { problem, type Problem } from '../sig/types';
import type { ServerError } from '../sig/server-error/types';
import { findEdits, isSha256Hex } from './edits';

/** A problem when the reply's string to sign does not hash its canonical request; `undefined` when it does. */
export function replyContradiction(server: ServerError, edited: boolean): Problem | undefined {
  const cr = server.canonicalRequest;
  const sts = server.stringToSign;
  // A text the paste cut off cannot contradict: what is there is compared as far as it goes.
  if (!cr || !sts || !sts.text.startsWith('AWS4-') || cr.truncated || sts.truncated) return undefined;
  const hash = sts.text.split('\n')[3]?.trim() ?? '';
  // A hash someone shortened or replaced is an edit, reported as one; only a whole hash can contradict.
  if (!isSha256Hex(hash) || sha256HexNow(cr.text) === hash.toLowerCase()) return undefined;
  const why = edited
    ? 'the reply was edited (the marked values), so sigscope compares only the parts left as they were'
    : 'the reply was edited, reformatted or cut, so sigscope shows nothing that rests on it alone';
  return problem(
    'reply-contradicts-itself',
    `The reply's string to sign does not end in the SHA-256 of its canonical request, as a server's always does: ${why}.`,
    sts.span,
    { severity: 'warning', hint: 'Paste the reply exactly as the server sent it.' },
  );
}

/** A warning on each edit in a box, except where a reader already placed a problem. */
export function editProblems(text: string, known: readonly Problem[]): Problem[] {
  const taken = known.map((p) => p.span).filter((s) => s !== undefined);
  return findEdits(text, 8)
    .filter((e) => !taken.some((s) => s.start < e.span.end && e.span.start < s.end))
    .map((e) =>
      problem(
        'edited-value',
        `"${e.text}" looks like ${e.what}: sigscope compares nothing that depends on it.`,
        e.span,
        { severity: 'warning' },
      ),
    );
}
