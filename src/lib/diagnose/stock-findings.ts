/**
 * Findings that rest on a comparison rather than a catalogue mistake: the same canonical request yet another
 * signature (the secret), and the same canonical request as the server with nothing more to go on.
 */

import type { Basis, Finding } from './types';

const lines = (text: string) => text.split('\n').length;

/**
 * Same canonical request on both sides, different signature: the secret differs. It is shown only when the
 * client's own canonical request is known (its log); from a search that found no mistake it is suspected, since a
 * mistake outside the catalogue would look the same.
 */
export function wrongSecret(canonicalRequest: string, basis: Basis): Finding {
  return {
    kind: 'credentials',
    basis,
    component: 'secret',
    cause: 'wrong-secret',
    message:
      'The client and the server built the same canonical request, yet the signatures differ: the secret key used to sign is not the one the server holds for this access key.',
    fix: 'Check that the secret belongs to the access key in the Credential, has no stray characters, and that temporary credentials come with their session token.',
    evidence: { note: `Same canonical request (${lines(canonicalRequest)} lines), different signature.` },
  };
}

/** The server computed what sigscope computes, and neither the secret nor a client log was given. */
export function needsSecret(canonicalRequest: string): Finding {
  return {
    kind: 'client',
    basis: 'suspected',
    component: 'secret',
    cause: 'client-or-secret',
    message:
      'sigscope computes the same canonical request as the server, so your client either canonicalized this request differently or signed with another secret.',
    fix: "Give sigscope your secret key (it is used only where sigscope runs) or your client's signing log, and it will find which.",
    evidence: { note: `The server's canonical request equals ours (${lines(canonicalRequest)} lines).` },
  };
}

/** Keeps the first finding of each kind, component, name and cause. */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.component}|${f.name ?? ''}|${f.cause}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
