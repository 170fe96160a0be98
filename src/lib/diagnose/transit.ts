/**
 * Naming differences between what was signed and what the server received, when no client mistake explains
 * them: the request changed in transit (a proxy, CDN, browser or framework rewrote it).
 */

import type { Divergence } from './compare';
import type { Evidence, Finding } from './types';
import { visible } from './visible';

type SignedSide = 'client' | 'ours';

function evidence(d: Divergence, side: SignedSide, note: string): Evidence {
  const e: Evidence = { note };
  if (d.left !== undefined) e[side] = visible(d.left);
  if (d.right !== undefined) e.server = visible(d.right);
  return e;
}

function headerFinding(d: Divergence, side: SignedSide): Finding {
  const name = d.name!;
  const signedFor = side === 'client' ? 'your client signed' : 'the request you pasted carries';
  if (d.left === undefined || d.right === undefined) {
    const gone = d.right === undefined;
    return {
      kind: 'transit',
      basis: 'shown',
      component: 'headers',
      name,
      cause: gone ? 'header-removed-in-transit' : 'header-added-in-transit',
      message: gone
        ? `The ${name} header was signed but the server did not receive it: something between client and server removed it.`
        : `The server received a signed ${name} header that ${signedFor.replace('carries', 'lacks')} differently.`,
      fix: `Stop the proxy or framework from ${gone ? 'dropping' : 'adding'} ${name}, or leave it out of SignedHeaders.`,
      evidence: evidence(d, side, `${name} is in SignedHeaders on one side only.`),
    };
  }
  const port = name === 'host' && d.left.replace(/:\d+$/, '') === d.right.replace(/:\d+$/, '');
  return {
    kind: 'transit',
    basis: 'shown',
    component: 'headers',
    name,
    cause: port ? 'host-port-changed-in-transit' : 'header-changed-in-transit',
    message: port
      ? `The Host changed after signing: ${signedFor} "${d.left}" but the server received "${d.right}" (a port added or dropped by a proxy or load balancer).`
      : `The ${name} header changed after signing: ${signedFor} "${d.left}" but the server received "${d.right}".`,
    fix: port
      ? 'Sign the Host exactly as the server will see it (with or without the port), or configure the proxy to pass it through.'
      : `Sign ${name} as it will arrive (or leave it unsigned), or stop the proxy, CDN, browser or framework from rewriting it.`,
    evidence: evidence(d, side, `The ${name} line of the canonical request differs.`),
  };
}

/** Findings for the parts that changed between the signed request and what the server received. */
export function transitFindings(divergences: readonly Divergence[], side: SignedSide): Finding[] {
  return divergences.flatMap((d): Finding[] => {
    switch (d.component) {
      case 'headers':
        return [headerFinding(d, side)];
      case 'query': {
        const what = d.left === undefined ? 'added' : d.right === undefined ? 'removed' : 'changed';
        const label = d.name ?? 'order';
        return [
          {
            kind: 'transit',
            basis: 'shown',
            component: 'query',
            ...(d.name ? { name: d.name } : {}),
            cause: `query-${what}-in-transit`,
            message: d.name
              ? `The query parameter ${d.name} was ${what} after signing.`
              : 'The query string changed after signing.',
            fix: `Sign the URL exactly as it will be sent; something (a proxy, SDK middleware or browser) ${what} "${label}".`,
            evidence: evidence(d, side, 'The canonical query strings differ.'),
          },
        ];
      }
      case 'path':
        return [
          {
            kind: 'transit',
            basis: 'shown',
            component: 'path',
            cause: 'path-changed-in-transit',
            message:
              'The path changed after signing (a proxy or gateway prefix, a rewrite, a trailing slash).',
            fix: 'Sign the path the server will see: include any stage or proxy prefix, and keep rewrites out of the signed path.',
            evidence: evidence(d, side, 'The canonical paths differ.'),
          },
        ];
      case 'payload-hash':
        return [
          {
            kind: 'transit',
            basis: 'shown',
            component: 'payload-hash',
            cause: 'body-changed-in-transit',
            message:
              'The body changed after signing: the server hashed different bytes (re-serialized JSON, changed line endings, a charset conversion?).',
            fix: 'Hash exactly the bytes you send, after all serialization; do not let middleware re-encode the body.',
            evidence: evidence(d, side, 'The payload hashes differ.'),
          },
        ];
      case 'method':
        return [
          {
            kind: 'transit',
            basis: 'shown',
            component: 'method',
            cause: 'method-changed-in-transit',
            message: `The method changed after signing (${d.left} → ${d.right}): a redirect or a method override?`,
            fix: 'Sign the method that will be sent; after a redirect, sign the new request again.',
            evidence: evidence(d, side, 'The methods differ.'),
          },
        ];
      default:
        return [];
    }
  });
}
