/**
 * The aws-c-auth SigV4A suite (tests/vectors/sigv4a, Apache-2.0; see SOURCES.md): every case in header and query
 * mode. Canonical request and string to sign must match exactly; ECDSA is randomized, so signatures are verified
 * against the suite's public-key.json, never compared: ours, the suite's own, and the suite's signed requests.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../src/lib/sig/crypto';
import {
  ecdsaVerifyDigest,
  signV4a,
  v4aDigest,
  verifyV4a,
  type P256PublicKey,
} from '../../../src/lib/sig/v4a/index';
import {
  awsCAuthSettings,
  caseFolders,
  headerLines,
  mustParse,
  queryPieces,
  readVector,
  readVectorJson,
  VECTORS,
  type AwsCAuthContext,
} from '../v4/vectors';

const SUITE = ['sigv4a', 'aws-c-auth-v4a'];

/** Cases upstream ships with only context.json and request.txt: nothing to assert against. */
const NO_EXPECTATIONS = ['get-vanilla-query-order-key', 'get-vanilla-query-order-value'];

const cases = caseFolders(...SUITE);
const withExpectations = cases.filter((c) =>
  existsSync(join(VECTORS, ...SUITE, c, 'header-canonical-request.txt')),
);

it('the copied suite has the 40 cases its SOURCES.md lists, two of them without expected outputs', () => {
  expect(cases).toHaveLength(40);
  expect(cases.filter((c) => !withExpectations.includes(c))).toEqual(NO_EXPECTATIONS);
});

describe.each(withExpectations)('aws-c-auth v4a %s', (name) => {
  const context = readVectorJson<AwsCAuthContext>(...SUITE, name, 'context.json');
  const request = readVector(...SUITE, name, 'request.txt');
  const key = readVectorJson<{ X: string; Y: string }>(...SUITE, name, 'public-key.json');
  const publicKey: P256PublicKey = { x: key.X.toLowerCase(), y: key.Y.toLowerCase() };
  const settings = awsCAuthSettings(context);
  const secret = context.credentials.secret_access_key;

  describe.each(['header', 'query'] as const)('%s mode', (mode) => {
    const expected = (stage: string) => readVector(...SUITE, name, `${mode}-${stage}.txt`);
    const sign = () =>
      signV4a({
        request: mustParse(request),
        credentials: {
          accessKeyId: context.credentials.access_key_id,
          secretAccessKey: secret,
          ...(context.credentials.token ? { sessionToken: context.credentials.token } : {}),
        },
        regionSet: context.region,
        service: context.service,
        mode,
        time: new Date(context.timestamp),
        expires: context.expiration_in_seconds,
        settings,
      });

    it('builds the canonical request', async () => {
      const result = await sign();
      expect(result.ok, JSON.stringify(result.problems)).toBe(true);
      if (result.ok)
        expect(result.value.details!.stages.canonicalRequestText, request).toBe(
          expected('canonical-request'),
        );
    });

    it('builds the string to sign', async () => {
      const result = await sign();
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.details!.stages.stringToSignText).toBe(expected('string-to-sign'));
    });

    it("signs so that the suite's public key verifies our signature", async () => {
      const result = await sign();
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const der = fromHex(result.value.signature)!;
      expect(ecdsaVerifyDigest(der, v4aDigest(expected('string-to-sign')), publicKey)).toBe(true);
      expect(result.value.details!.key.publicKey).toEqual(publicKey);
    });

    it("verifies the suite's own signature with its public key", () => {
      const der = fromHex(expected('signature').trim())!;
      expect(ecdsaVerifyDigest(der, v4aDigest(expected('string-to-sign')), publicKey)).toBe(true);
    });

    it('produces the signed request, signature aside', async () => {
      const result = await sign();
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const ours = mustParse(result.value.signedRequest);
      const theirs = mustParse(expected('signed-request'));
      const noSig = (r: typeof ours) => ({
        query: queryPieces(r).filter((p) => !p.startsWith('X-Amz-Signature=')),
        headers: headerLines(r).map((h) => h.replace(/Signature=[0-9a-f]+$/, 'Signature=…')),
      });
      expect(ours.method).toBe(theirs.method);
      expect(ours.path).toBe(theirs.path);
      expect(noSig(ours)).toEqual(noSig(theirs));
    });

    it("verifies the suite's signed request with the key derived from the secret", async () => {
      const result = await verifyV4a({
        request: mustParse(expected('signed-request')),
        secretAccessKey: secret,
        settings,
      });
      expect(result.ok, JSON.stringify(result.problems)).toBe(true);
      if (!result.ok) return;
      expect(result.value.trace.details!.stages.canonicalRequestText).toBe(expected('canonical-request'));
      expect(result.value.match).toBe(true);
    });

    it("verifies the suite's signed request with the pasted public key", async () => {
      const result = await verifyV4a({
        request: mustParse(expected('signed-request')),
        publicKey: readVector(...SUITE, name, 'public-key.json'),
        settings,
      });
      expect(result.ok && result.value.match).toBe(true);
    });
  });
});

describe('aws-c-auth v4a get-vanilla, its extra stage files', () => {
  it('its canonical-request.txt and string-to-sign.txt are the header mode ones, and ours match', async () => {
    const dir = [...SUITE, 'get-vanilla'];
    const context = readVectorJson<AwsCAuthContext>(...dir, 'context.json');
    const result = await signV4a({
      request: mustParse(readVector(...dir, 'request.txt')),
      credentials: {
        accessKeyId: context.credentials.access_key_id,
        secretAccessKey: context.credentials.secret_access_key,
      },
      regionSet: context.region,
      service: context.service,
      mode: 'header',
      time: new Date(context.timestamp),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.details!.stages.canonicalRequestText).toBe(
      readVector(...dir, 'canonical-request.txt'),
    );
    expect(result.value.details!.stages.stringToSignText).toBe(readVector(...dir, 'string-to-sign.txt'));
  });
});
