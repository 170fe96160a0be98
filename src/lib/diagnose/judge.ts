/**
 * The last step of a diagnosis: keep only findings the evidence bears, shown ones first, and say "cannot tell yet"
 * (with the one thing to paste next) when nothing is shown. A confident wrong answer is the worst outcome, so a
 * finding built on an edited value is dropped and one resting on a reply that contradicts itself is only suspected.
 */

import { hasEdit, isAmzDate, isPayloadHash } from './edits';
import type { Ask, Explanation, Finding } from './types';

/** What the last step needs to know beside the findings. */
export interface Judgement {
  /** False when the server's reply contradicts itself (edited or cut): what rests on it is only suspected. */
  serverTrusted: boolean;
  /** True when the body is known: pasted, hashed elsewhere, or declared empty. */
  bodyKnown: boolean;
  hasSecret: boolean;
}

function evidenceValues(f: Finding): string[] {
  return [f.evidence.client, f.evidence.ours, f.evidence.server].filter((v): v is string => v !== undefined);
}

/** Why a finding cannot stand, or `undefined` when it can. */
function unfounded(f: Finding, j: Judgement): 'edited' | 'no-body' | undefined {
  const values = evidenceValues(f);
  if (values.some(hasEdit)) return 'edited';
  if (f.component === 'payload-hash' && f.kind === 'transit') {
    if (!values.every(isPayloadHash)) return 'edited';
    if (!j.bodyKnown && f.evidence.ours !== undefined) return 'no-body';
  }
  if (f.cause === 'timestamp-differs' && !values.every(isAmzDate)) return 'edited';
  return undefined;
}

/** Ranks findings: shown, then suspects that name a part, then the generic "secret or client" suspects. */
function rank(f: Finding): number {
  if (f.basis === 'shown') return 0;
  return f.component === 'secret' ? 2 : 1;
}

function askFor(out: Explanation, j: Judgement, droppedBody: boolean, input: AskInput): Ask | undefined {
  if (!j.serverTrusted) {
    return {
      need: 'server-reply',
      message:
        "Paste the server's reply exactly as it came (not retyped or shortened): its string to sign does not hash its canonical request, so sigscope cannot trust the parts that differ.",
    };
  }
  if (input.signsWhenRun) {
    return {
      need: 'time',
      message:
        'curl --aws-sigv4 signs when it runs: paste its curl -v output (it shows the X-Amz-Date and Authorization it sent), or give the time it ran.',
    };
  }
  const lead = out.findings[0];
  if (droppedBody && !input.clientLog && !(lead && rank(lead) === 1)) {
    return {
      need: 'body',
      message:
        'Paste the body that was sent (or drop the file): the server hashed a payload other than the one sigscope sees, and only the body tells whether it changed on the way.',
    };
  }
  if (!input.request && !input.clientLog) {
    return {
      need: 'request',
      message: 'Paste the request as it was sent (with its Authorization), so sigscope can compute its side.',
    };
  }
  if (!input.clientLog) {
    return {
      need: 'client-log',
      message: j.hasSecret
        ? "Paste your client's signing log (its canonical request and string to sign): it shows what the client signed, which decides between a client mistake and a change on the way."
        : "Paste your client's signing log (its canonical request and string to sign), or give the secret key: either tells a client's canonicalization mistake from a wrong secret.",
    };
  }
  if (!j.hasSecret) {
    return {
      need: 'secret',
      message:
        "Give the secret key (it stays on this page): with it sigscope checks the client's signature and searches for the mistake that reproduces it.",
    };
  }
  if (!out.server) {
    return {
      need: 'server-reply',
      message:
        "Paste the server's error reply: its expected canonical request and string to sign show what the server computed.",
    };
  }
  return undefined;
}

/** Which boxes had something in them. */
export interface AskInput {
  request: boolean;
  clientLog: boolean;
  /** The request is signed when it runs (a curl --aws-sigv4 command): its time is not in the paste. */
  signsWhenRun?: boolean;
}

/** Filters, ranks and judges the findings, and sets the verdict and what to ask for. */
export function judge(out: Explanation, j: Judgement, input: AskInput): void {
  let droppedBody = false;
  const kept: Finding[] = [];
  for (const f of out.findings) {
    const why = unfounded(f, j);
    if (why === 'no-body') droppedBody = true;
    if (why) continue;
    // A comparison with a reply that contradicts itself shows nothing.
    const onServer =
      f.evidence.server !== undefined && (f.kind === 'transit' || f.cause.endsWith('-differs'));
    kept.push(!j.serverTrusted && onServer ? { ...f, basis: 'suspected' } : f);
  }
  out.findings = kept
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map((x) => x.f);
  if (out.verdict === 'match') return;
  if (out.findings.some((f) => f.basis === 'shown')) {
    out.verdict = 'mismatch';
    return;
  }
  out.verdict = 'unknown';
  const ask = askFor(out, j, droppedBody, input);
  if (ask) out.ask = ask;
}
