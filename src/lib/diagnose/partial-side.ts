/**
 * The sides that were pasted cut off: a server reply or a client log whose canonical request ends early. What is
 * there is compared with ours line by line; a difference within it is shown, and where the paste ends is said.
 */

import { parseCanonicalRequest } from '../sig/registry-sigv4';
import { problem } from '../sig/types';
import type { OurSide } from './our-side';
import { comparePartial } from './partial';
import type { Setting } from './setting';
import { transitFindings } from './transit';
import type { Finding } from './types';
import { visible } from './visible';

function ends(lines: number, agree: boolean): string {
  return `It ends after line ${lines} (cut off); ${agree ? 'those lines agree with' : 'compared line by line with'} the canonical request sigscope computes.`;
}

/** Compares a cut server canonical request or client log with ours. */
export function partialSide(c: Setting, ours: OurSide | undefined): void {
  const { out } = c;
  if (!ours) return;
  const serverText = out.server?.canonicalRequest;
  if (serverText && !c.serverCr) {
    const cmp = comparePartial(ours.canonicalRequest, serverText.text);
    if (cmp.divergence) out.findings.push(...transitFindings([cmp.divergence], 'ours'));
    else {
      const message = `The server's canonical request is not whole. ${ends(cmp.lines, true)}`;
      out.problems.push({
        input: 'serverError',
        problem: problem('cut-off-compared', message, serverText.span, { severity: 'note' }),
      });
    }
  }
  const logged = out.client?.canonicalRequest;
  const cut = logged?.truncated !== undefined || (logged && !parseCanonicalRequest(logged.text).ok);
  if (!logged || !cut || out.server?.canonicalRequest) return;
  const cmp = comparePartial(ours.canonicalRequest, logged.text);
  if (!cmp.divergence) {
    const message = `Your client's canonical request is not whole. ${ends(cmp.lines, true)}`;
    out.problems.push({
      input: 'clientLog',
      problem: problem('cut-off-compared', message, logged.span, { severity: 'note' }),
    });
    return;
  }
  const d = cmp.divergence;
  const where = `${d.component}${d.name ? ` ${d.name}` : ''}`;
  const finding: Finding = {
    kind: 'client',
    basis: 'shown',
    component: d.component,
    cause: 'client-canonical-differs',
    message: `Your client signed another ${where} than the request as sent carries: its logged canonical request differs there.`,
    fix: `Sign the request exactly as it is sent: look at how your client builds the ${where} line of the canonical request.`,
    evidence: {
      ...(d.right !== undefined ? { client: visible(d.right) } : {}),
      ...(d.left !== undefined ? { ours: visible(d.left) } : {}),
      note: `The logged canonical request is cut off. ${ends(cmp.lines, false)}`,
    },
  };
  if (d.name) finding.name = d.name;
  out.findings.push(finding);
}
