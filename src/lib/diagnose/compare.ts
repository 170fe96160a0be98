/**
 * Comparing two canonical requests (or strings to sign) part by part: method, path, each query parameter, each
 * header, the signed header list, the payload hash; algorithm, time, scope and hash.
 */

import type { CanonicalRequest, StringToSign } from '../sig/registry-sigv4';
import type { Component } from './types';

/** One part on which two sides disagree; `undefined` where a side lacks the part. */
export interface Divergence {
  component: Component;
  name?: string;
  left?: string;
  right?: string;
}

function byName<T extends { name: string; value: string }>(items: readonly T[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const item of items) map.set(item.name, [...(map.get(item.name) ?? []), item.value]);
  return map;
}

function compareNamed(
  component: Component,
  left: Map<string, string[]>,
  right: Map<string, string[]>,
): Divergence[] {
  const out: Divergence[] = [];
  for (const name of new Set([...left.keys(), ...right.keys()])) {
    const l = left.get(name)?.join('&');
    const r = right.get(name)?.join('&');
    if (l !== r) {
      const d: Divergence = { component, name: name.toLowerCase() };
      if (l !== undefined) d.left = l;
      if (r !== undefined) d.right = r;
      out.push(d);
    }
  }
  return out;
}

/** The parts on which two canonical requests differ, in canonical request order. */
export function compareCanonicalRequests(left: CanonicalRequest, right: CanonicalRequest): Divergence[] {
  const out: Divergence[] = [];
  if (left.method !== right.method) out.push({ component: 'method', left: left.method, right: right.method });
  if (left.path !== right.path) out.push({ component: 'path', left: left.path, right: right.path });
  out.push(...compareNamed('query', byName(left.query), byName(right.query)));
  const lq = left.query.map((q) => q.name).join('&');
  const rq = right.query.map((q) => q.name).join('&');
  if (!out.some((d) => d.component === 'query') && lq !== rq)
    out.push({ component: 'query', left: lq, right: rq });
  out.push(...compareNamed('headers', byName(left.headers), byName(right.headers)));
  const ls = left.signedHeaders.join(';');
  const rs = right.signedHeaders.join(';');
  if (ls !== rs) out.push({ component: 'signed-headers', left: ls, right: rs });
  if (left.payloadHash !== right.payloadHash) {
    out.push({ component: 'payload-hash', left: left.payloadHash, right: right.payloadHash });
  }
  return out;
}

/** The parts on which two strings to sign differ (the hash only when the canonical requests were not compared). */
export function compareStringsToSign(left: StringToSign, right: StringToSign): Divergence[] {
  const out: Divergence[] = [];
  if (left.algorithm !== right.algorithm)
    out.push({ component: 'algorithm', left: left.algorithm, right: right.algorithm });
  if (left.requestDateTime !== right.requestDateTime) {
    out.push({ component: 'timestamp', left: left.requestDateTime, right: right.requestDateTime });
  }
  const [ld, lr, ls] = left.credentialScope.split('/');
  const [rd, rr, rs] = right.credentialScope.split('/');
  if (ld !== rd) out.push({ component: 'scope', name: 'date', left: ld, right: rd } as Divergence);
  if (lr !== rr) out.push({ component: 'scope', name: 'region', left: lr, right: rr } as Divergence);
  if (ls !== rs) out.push({ component: 'scope', name: 'service', left: ls, right: rs } as Divergence);
  return out;
}
