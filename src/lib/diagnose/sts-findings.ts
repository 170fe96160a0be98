/**
 * Findings from the strings to sign: a different algorithm, time or credential scope on the two sides.
 */

import type { Divergence } from './compare';
import type { Finding } from './types';

/** Findings for the parts of the string to sign that differ between signer and server. */
export function stringToSignFindings(divergences: readonly Divergence[]): Finding[] {
  return divergences.map((d): Finding => {
    const evidence = {
      client: d.left ?? '',
      server: d.right ?? '',
      note: 'The strings to sign differ here.',
    };
    if (d.component === 'timestamp') {
      return {
        kind: 'clock',
        basis: 'shown',
        component: 'timestamp',
        cause: 'timestamp-differs',
        message: `The client signed the time ${d.left}, but the server read ${d.right} from the request (X-Amz-Date wins over Date).`,
        fix: 'Sign with the same time you send in X-Amz-Date, and send only one of X-Amz-Date and Date if they disagree.',
        evidence,
      };
    }
    if (d.component === 'scope') {
      return {
        kind: 'scope',
        basis: 'shown',
        component: 'scope',
        name: d.name!,
        cause: `scope-${d.name}-differs`,
        message: `The credential scope's ${d.name} is "${d.left}" in what was signed, but "${d.right}" for the server.`,
        fix: `Sign with ${d.name} "${d.right}".`,
        evidence,
      };
    }
    return {
      kind: 'client',
      basis: 'shown',
      component: 'algorithm',
      cause: 'algorithm-differs',
      message: `The client signed with ${d.left}, but the server expected ${d.right}.`,
      fix: `Sign with ${d.right}.`,
      evidence,
    };
  });
}
