/**
 * The SigV1 and SigV0 catalogues of client mistakes, through the registry as diagnosis runs them. Each mistaken
 * client is written out here from the rule it breaks (tests/vectors/sigv2/sigv1-collision.json quotes SigV1's
 * rule; SigV0's is Action + Timestamp) and signed with node:crypto, so the signatures the search must reproduce
 * come from no code of ours.
 */

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findLegacyScheme } from '../../../src/lib/sig/registry';
import { mustParse } from '../v4/vectors';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const sign = (text: string, hash: 'sha1' | 'sha256' = 'sha1') =>
  createHmac(hash, SECRET).update(text, 'utf8').digest('base64');

/** A SimpleDB request with mixed-case names (so the sorts differ) and a value that encodes differently. */
const PARAMS: [string, string][] = [
  ['Action', 'PutAttributes'],
  ['AWSAccessKeyId', 'AKIAIOSFODNN7EXAMPLE'],
  ['DomainName', 'my domain'],
  ['itemName', 'item:1'],
  ['SignatureVersion', '1'],
  ['Timestamp', '2009-01-01T12:00:00Z'],
  ['Version', '2007-11-07'],
];
const request = (signature: string, params = PARAMS) =>
  mustParse(
    `GET /?${[...params, ['Signature', signature] as [string, string]].map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('&')} HTTP/1.1\nHost: sdb.amazonaws.com\n\n`,
  );
const concat = (pairs: [string, string][]) => pairs.map(([n, v]) => n + v).join('');
const caseless = [...PARAMS].sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase()));

describe('the SigV1 catalogue', () => {
  const search = (signature: string) =>
    findLegacyScheme('sigv1')!.mistakes!.search(request(signature), SECRET);

  it('finds nothing to name when the signature is right', () => {
    const r = search(sign(concat(caseless)));
    expect(r.ok && r.value.verdict).toBe('match');
  });

  it('names the byte-order sort (the SigV2 rule)', () => {
    const byByte = [...PARAMS].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const r = search(sign(concat(byByte)));
    expect(r.ok && r.value.matches.map((m) => m.id)).toEqual(['byte-order-sort']);
  });

  it('names values signed percent-encoded', () => {
    const rfc3986 = (s: string) =>
      encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const r = search(sign(caseless.map(([n, v]) => rfc3986(n) + rfc3986(v)).join('')));
    expect(r.ok && r.value.matches.map((m) => m.id)).toEqual(['encoded-values']);
  });

  it('names HMAC-SHA256, and says when no mistake reproduces the signature', () => {
    const r = search(sign(concat(caseless), 'sha256'));
    expect(r.ok && r.value.matches.map((m) => [m.id, m.component])).toEqual([['hmac-sha256', 'algorithm']]);
    const none = search(sign('something else'));
    expect(none.ok && none.value.verdict).toBe('none');
    expect(none.ok && none.value.tried).toBeGreaterThan(2);
  });
});

describe('the SigV0 catalogue', () => {
  const v0 = PARAMS.map(([n, v]): [string, string] => [n, n === 'SignatureVersion' ? '0' : v]);
  const search = (signature: string) =>
    findLegacyScheme('sigv0')!.mistakes!.search(request(signature, v0), SECRET);

  it('names Timestamp signed before Action, and an encoded Timestamp', () => {
    const first = search(sign('2009-01-01T12:00:00ZPutAttributes'));
    expect(first.ok && first.value.matches.map((m) => m.id)).toEqual(['timestamp-first']);
    const encoded = search(sign('PutAttributes2009-01-01T12%3A00%3A00Z'));
    expect(encoded.ok && encoded.value.matches.map((m) => m.id)).toEqual(['encoded-timestamp']);
    expect(search(sign('PutAttributes2009-01-01T12:00:00Z')).ok).toBe(true);
  });
});

describe('explain on a SigV1 request', () => {
  it('shows the byte-order sort as the fault, reproduced with the secret', async () => {
    const { explain } = await import('../../../src/lib/diagnose/explain');
    const byByte = [...PARAMS].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const e = await explain({ request: request(sign(concat(byByte))).source, secretAccessKey: SECRET });
    expect(e.verdict).toBe('mismatch');
    expect(e.findings[0]).toMatchObject({
      cause: 'sigv1-byte-order-sort',
      basis: 'shown',
      component: 'query',
    });
  });
});
