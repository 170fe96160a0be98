/**
 * What the SigV4A trace shows and what it keeps out (the secret, the private scalar), and the problems a pasted
 * SigV4A request can have: no region set, a region set left unsigned, an HMAC signature where ECDSA belongs, a
 * bad region set, a bad public key. The request is the aws-c-auth get-vanilla case (tests/vectors/sigv4a).
 */

import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/lib/sig/crypto';
import {
  deriveV4aKey,
  parsePublicKey,
  renderRegionSet,
  signV4a,
  verifyV4a,
} from '../../../src/lib/sig/v4a/index';
import { mustParse, readVector, readVectorJson, type AwsCAuthContext } from '../v4/vectors';

const dir = ['sigv4a', 'aws-c-auth-v4a', 'get-vanilla'];
const context = readVectorJson<AwsCAuthContext>(...dir, 'context.json');
const secret = context.credentials.secret_access_key;
const signed = readVector(...dir, 'header-signed-request.txt');

describe('the SigV4A trace', () => {
  it('shows the counter, the public key and r and s, never the secret or the private scalar', async () => {
    const r = await signV4a({
      request: mustParse(readVector(...dir, 'request.txt')),
      credentials: { accessKeyId: context.credentials.access_key_id, secretAccessKey: secret },
      regionSet: ['us-east-1', 'us-west-2'],
      service: context.service,
      mode: 'header',
      time: new Date(context.timestamp),
    });
    if (!r.ok) return expect.fail(JSON.stringify(r.problems));
    const t = r.value;
    expect(t.stages.map((s) => s.id)).toEqual([
      'canonical-request',
      'string-to-sign',
      'signing-key',
      'signature',
    ]);
    const key = t.stages.find((s) => s.id === 'signing-key')!;
    expect(key.lines.find((l) => l.label === 'fixed-input')!.text).toMatch(/^counter 1: /);
    expect(key.text).toContain('X = b6618f6a65740a99e650b33b6b4b5bd0d43b176d721a3edfea7e7d2d56d936b1');
    const sig = t.stages.find((s) => s.id === 'signature')!;
    expect(sig.lines.map((l) => l.label)).toEqual(['der', 'r', 's']);
    expect(t.details!.regionSet).toBe('us-east-1,us-west-2');
    expect(t.added.headers).toContainEqual(['X-Amz-Region-Set', 'us-east-1,us-west-2']);
    const everything = JSON.stringify(t, (_, v) =>
      v instanceof Uint8Array ? toHex(v) : typeof v === 'bigint' ? String(v) : v,
    );
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(
      toHex(deriveV4aKey(context.credentials.access_key_id, secret)!.privateKey),
    );
  });

  it('signs the same request to the same bytes with the deterministic nonce, and to new ones with the random one', async () => {
    const sign = (nonce: 'deterministic' | 'random') =>
      signV4a({
        request: mustParse(readVector(...dir, 'request.txt')),
        credentials: { accessKeyId: context.credentials.access_key_id, secretAccessKey: secret },
        regionSet: 'us-east-1',
        service: context.service,
        mode: 'query',
        time: new Date(context.timestamp),
        settings: { nonce },
      }).then((r) => (r.ok ? r.value.signature : ''));
    expect(await sign('deterministic')).toBe(await sign('deterministic'));
    expect(await sign('random')).not.toBe(await sign('random'));
  });
});

describe('problems with a SigV4A request', () => {
  const verify = async (text: string) => {
    const r = await verifyV4a({ request: mustParse(text), secretAccessKey: secret });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value;
  };

  it('a request without X-Amz-Region-Set', async () => {
    const v = await verify(signed.replace(/X-Amz-Region-Set:us-east-1\n/, ''));
    expect(v.match).toBe(false);
    expect(v.notes.map((n) => n.kind)).toContain('no-region-set');
  });

  it('a region set on the request but not signed', async () => {
    const v = await verify(
      signed.replace('SignedHeaders=host;x-amz-date;x-amz-region-set', 'SignedHeaders=host;x-amz-date'),
    );
    expect(v.notes.find((n) => n.kind === 'region-set-unsigned')!.span).toBeDefined();
  });

  it('an HMAC signature where the DER one belongs', async () => {
    const v = await verify(signed.replace(/Signature=[0-9a-f]+/, `Signature=${'ab'.repeat(32)}`));
    const p = v.notes.find((n) => n.kind === 'signature-der')!;
    expect(p.hint).toContain('signed with SigV4, not SigV4A');
    expect(
      signed.replace(/Signature=[0-9a-f]+/, `Signature=${'ab'.repeat(32)}`).slice(p.span!.start, p.span!.end),
    ).toBe('ab'.repeat(32));
  });

  it('a signature made for another region set fails', async () => {
    expect(
      (await verify(signed.replace('X-Amz-Region-Set:us-east-1', 'X-Amz-Region-Set:us-west-2'))).match,
    ).toBe(false);
  });

  it('region sets and public keys that cannot be read', () => {
    expect(renderRegionSet('').ok).toBe(false);
    expect(renderRegionSet('us-east-1, US_WEST').ok).toBe(false);
    const spaced = renderRegionSet('us-east-1, us-west-2');
    expect(spaced.ok && spaced.value).toBe('us-east-1,us-west-2');
    expect(parsePublicKey('04' + '00'.repeat(64)).problems[0]!.kind).toBe('public-key-point');
    expect(parsePublicKey('not a key').problems[0]!.kind).toBe('public-key');
  });
});
