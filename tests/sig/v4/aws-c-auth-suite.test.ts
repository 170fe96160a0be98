/**
 * The official SigV4 suite in aws-c-auth's layout: every case, header and query mode, each stage on its own, then
 * the signed request, then verification of the suite's own signed request.
 */

import { describe, expect, it } from 'vitest';
import { signText, verifyText } from '../../../src/lib/sig/index';
import {
  awsCAuthSettings,
  caseFolders,
  headerLines,
  mustParse,
  queryPieces,
  readVector,
  readVectorJson,
  type AwsCAuthContext,
} from './vectors';

const SUITE = ['sigv4', 'aws-c-auth-v4'];

describe.each(caseFolders(...SUITE))('aws-c-auth %s', (name) => {
  const context = readVectorJson<AwsCAuthContext>(...SUITE, name, 'context.json');
  const request = readVector(...SUITE, name, 'request.txt');
  const settings = awsCAuthSettings(context);

  describe.each(['header', 'query'] as const)('%s mode', (mode) => {
    const expected = (stage: string) => readVector(...SUITE, name, `${mode}-${stage}.txt`);
    const sign = () =>
      signText({
        scheme: 'sigv4',
        mode,
        request,
        credentials: {
          accessKeyId: context.credentials.access_key_id,
          secretAccessKey: context.credentials.secret_access_key,
          ...(context.credentials.token ? { sessionToken: context.credentials.token } : {}),
        },
        region: context.region,
        service: context.service,
        time: new Date(context.timestamp),
        expires: context.expiration_in_seconds,
        settings,
      });

    it('builds the canonical request', async () => {
      const result = await sign();
      expect(result.ok, JSON.stringify(result.problems)).toBe(true);
      if (result.ok) expect(result.value.canonicalRequestText, request).toBe(expected('canonical-request'));
    });

    it('builds the string to sign', async () => {
      const result = await sign();
      if (result.ok) expect(result.value.stringToSignText).toBe(expected('string-to-sign'));
      expect(result.ok).toBe(true);
    });

    it('computes the signature', async () => {
      const result = await sign();
      if (result.ok) expect(result.value.signature).toBe(expected('signature').trim());
      expect(result.ok).toBe(true);
    });

    it('produces the signed request', async () => {
      const result = await sign();
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const ours = mustParse(result.value.signedRequest);
      const theirs = mustParse(expected('signed-request'));
      expect(ours.method).toBe(theirs.method);
      expect(ours.path).toBe(theirs.path);
      expect(queryPieces(ours)).toEqual(queryPieces(theirs));
      expect(headerLines(ours)).toEqual(headerLines(theirs));
    });

    it("verifies the suite's signed request", async () => {
      const result = await verifyText({
        scheme: 'sigv4',
        request: expected('signed-request'),
        secretAccessKey: context.credentials.secret_access_key,
        settings,
      });
      expect(result.ok, JSON.stringify(result.problems)).toBe(true);
      if (result.ok) {
        expect(result.value.stages.canonicalRequestText).toBe(expected('canonical-request'));
        expect(result.value.match).toBe(true);
      }
    });
  });
});
