/**
 * Comparing SigV4A strings to sign line by line: algorithm, time, and the region-less scope (date, service).
 * The last line, the canonical request's hash, is compared through the canonical requests themselves.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-string-to-sign-sigv4a
 */

import type { Finding } from './types';

/** Findings for the lines of two SigV4A strings to sign (ours, the server's) that differ. */
export function v4aStringToSignFindings(ours: string, server: string): Finding[] {
  const [oa, ot, os] = ours.split('\n');
  const [sa, st, ss] = server.replace(/\r\n/g, '\n').split('\n');
  const out: Finding[] = [];
  const evidence = (o?: string, s?: string) => ({
    ours: o ?? '',
    server: s ?? '',
    note: 'The strings to sign differ on this line.',
  });
  if (oa !== sa) {
    out.push({
      kind: 'client',
      basis: 'shown',
      component: 'algorithm',
      cause: 'algorithm-differs',
      message: `The request is signed with ${oa}, but the server computed ${sa}.`,
      fix: `Sign with ${sa}.`,
      evidence: evidence(oa, sa),
    });
  }
  if (ot !== st) {
    out.push({
      kind: 'clock',
      basis: 'shown',
      component: 'timestamp',
      cause: 'timestamp-differs',
      message: `The request was signed for ${ot}, but the server read ${st} from it.`,
      fix: 'Sign with the same time you send in X-Amz-Date.',
      evidence: evidence(ot, st),
    });
  }
  const [od, oService] = (os ?? '').split('/');
  const [sd, sService] = (ss ?? '').split('/');
  for (const [name, o, s] of [
    ['date', od, sd],
    ['service', oService, sService],
  ] as const) {
    if (o === s) continue;
    out.push({
      kind: 'scope',
      basis: 'shown',
      component: 'scope',
      name,
      cause: `scope-${name}-differs`,
      message: `The credential scope's ${name} is "${o}" in the request, but "${s}" for the server.`,
      fix: `Sign with ${name} "${s}" in the scope (a SigV4A scope is date/service/aws4_request).`,
      evidence: evidence(o, s),
    });
  }
  return out;
}
